//! Byte offsets of spans, computed from their line and column.
//!
//! `proc_macro2::Span::byte_range` counts characters from the span's start to
//! its end and caches every start in a `BTreeMap`: on a whole-file run that was
//! a twelfth of all the work. A span's line and column are a binary search
//! away, and the file's line starts turn them into bytes: one addition per end
//! on an ASCII line, a walk along the line only on a line that is not.
//!
//! The index is per thread and per file: [`with_file`] installs it around the
//! work on one parsed file, as proc-macro2 keeps its own source map per thread.

use proc_macro2::{LineColumn, Span};
use std::cell::RefCell;
use std::ops::Range;

/// Line starts of the file being read on this thread.
struct LineIndex {
    len: usize,
    /// Byte offset where each line starts; line 1 is at index 0.
    starts: Vec<usize>,
    /// The text, kept only when it is not all ASCII (columns count characters).
    non_ascii: Option<NonAscii>,
}

/// Character offsets of the lines that need them, built on first use: a
/// walk along a long line for every span on it was quadratic.
struct NonAscii {
    text: String,
    /// Per line: `None` while unused, then the byte offset of each character
    /// (empty for an ASCII line, where the column is the byte offset).
    chars: std::cell::RefCell<Vec<Option<Vec<u32>>>>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        let non_ascii = (!text.is_ascii())
            .then(|| NonAscii { text: text.to_owned(), chars: std::cell::RefCell::new(vec![None; starts.len()]) });
        LineIndex { len: text.len(), starts, non_ascii }
    }

    fn byte(&self, at: LineColumn) -> usize {
        let line = at.line.wrapping_sub(1);
        let Some(&line_start) = self.starts.get(line) else {
            return self.len;
        };
        let Some(non_ascii) = &self.non_ascii else {
            return (line_start + at.column).min(self.len);
        };
        let mut chars = non_ascii.chars.borrow_mut();
        let offsets = chars[line].get_or_insert_with(|| {
            let end = self.starts.get(line + 1).map_or(self.len, |&next| next);
            let text = &non_ascii.text[line_start..end];
            if text.is_ascii() {
                Vec::new()
            } else {
                // One past the last character too: a span may end there.
                text.char_indices().map(|(offset, _)| offset as u32).chain([text.len() as u32]).collect()
            }
        });
        if offsets.is_empty() {
            return (line_start + at.column).min(self.len);
        }
        offsets.get(at.column).map_or(self.len, |&offset| line_start + offset as usize)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<LineIndex>> = const { RefCell::new(None) };
}

/// Run `work` with `text` (the exact text handed to syn) as this thread's file.
pub fn with_file<T>(text: &str, work: impl FnOnce() -> T) -> T {
    /// Removes the index even if `work` unwinds.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            CURRENT.with(|current| current.borrow_mut().take());
        }
    }
    CURRENT.with(|current| *current.borrow_mut() = Some(LineIndex::new(text)));
    let _reset = Reset;
    work()
}

/// Byte offsets of a span in the current file.
pub trait ByteOffsets {
    fn bytes(&self) -> Range<usize>;
    fn start_byte(&self) -> usize;
    fn end_byte(&self) -> usize;
}

impl ByteOffsets for Span {
    fn bytes(&self) -> Range<usize> {
        let start = self.start_byte();
        start..self.end_byte().max(start)
    }

    fn start_byte(&self) -> usize {
        CURRENT.with(|current| match current.borrow().as_ref() {
            Some(index) => index.byte(self.start()),
            // Outside `with_file` (unit tests parsing on their own): proc-macro2's way.
            None => self.byte_range().start,
        })
    }

    fn end_byte(&self) -> usize {
        CURRENT.with(|current| match current.borrow().as_ref() {
            Some(index) => index.byte(self.end()),
            None => self.byte_range().end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::spanned::Spanned;

    /// Every token's offsets agree with proc-macro2's own, on ASCII and on
    /// multi-byte text, CRLF lines and a last line without a newline.
    #[test]
    fn agrees_with_proc_macro2() {
        let long_line = format!("// é\nfn f() {{ {} }}", "a::b(\"ü\"); ".repeat(2_000));
        let texts = [
            long_line.as_str(),
            "fn main() {\n    let x = 1;\n}\n",
            "// é\nfn f() -> &'static str { \"ü—\" }\r\nstruct S { a: u8 } // 🦀\n  const C: char = 'ß';",
            "",
            "\n\n\tmod m { fn g() {} }",
        ];
        for text in texts {
            let tokens: proc_macro2::TokenStream = text.parse().unwrap();
            let mut expected = Vec::new();
            collect(tokens.clone(), &mut |span| expected.push(span.byte_range()));
            let got = with_file(text, || {
                let mut got = Vec::new();
                collect(tokens.clone(), &mut |span| got.push(span.bytes()));
                got
            });
            assert!(!expected.is_empty() || text.is_empty());
            assert_eq!(got, expected, "{text:?}");
            let file: syn::File = syn::parse_str(text).unwrap();
            assert_eq!(with_file(text, || file.span().bytes()), file.span().byte_range());
        }
    }

    fn collect(stream: proc_macro2::TokenStream, out: &mut impl FnMut(Span)) {
        for tree in stream {
            out(tree.span());
            if let proc_macro2::TokenTree::Group(g) = tree {
                out(g.span_open());
                out(g.span_close());
                collect(g.stream(), out);
            }
        }
    }
}
