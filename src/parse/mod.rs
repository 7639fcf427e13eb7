//! Stage 2: read each file, parse it with `syn`, keep owned facts, drop the tree.
//!
//! Runs on every core with rayon. Nothing that fails here stops the run: an
//! unreadable, non-UTF-8, unparsable or absurdly nested file becomes a finding.

mod attrs;
mod code;
mod extract;
pub mod facts;
mod offsets;
mod refs;
mod rel_expr;
mod seaorm;
mod spans;
pub mod suppressions;

use crate::discover::SourcePath;
use facts::FileFacts;
use rayon::prelude::*;
use std::ops::Range;
use std::path::PathBuf;

/// Larger files are reported, not read: no hand-written or generated entity
/// file comes close, and reading stops here whatever the file is.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Files nested deeper than this are reported instead of parsed: `syn`
/// recurses per nesting level and real code never gets close.
pub const MAX_NESTING: usize = 256;

/// Why a file produced no facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    pub range: Range<usize>,
    pub message: String,
}

/// One file after stage 2.
#[derive(Debug)]
pub struct ParsedFile {
    pub display: String,
    pub path: PathBuf,
    /// The text shown in diagnostics (lossily decoded if it was not UTF-8).
    pub text: String,
    pub facts: FileFacts,
    pub failure: Option<ParseFailure>,
}

pub use extract::Crates;

/// Parse every file in parallel; the result keeps the input order.
/// `crates`: the crate names of the analyzed packages (`entity`, `api`).
pub fn parse_all(sources: &[SourcePath], crates: &Crates) -> Vec<ParsedFile> {
    sources.par_iter().map(|source| parse_one(source, crates)).collect()
}

fn parse_one(source: &SourcePath, crates: &Crates) -> ParsedFile {
    let read = match &source.buffer {
        Some(bytes) => Ok(bytes.clone()),
        None => read_limited(&source.path),
    };
    let (text, facts, failure) = match read {
        Ok(bytes) => parse_bytes(bytes, crates),
        Err(err) => {
            let message = match err.kind() {
                std::io::ErrorKind::FileTooLarge => err.to_string(),
                _ => format!("cannot read file: {err}"),
            };
            (String::new(), FileFacts::default(), Some(ParseFailure { range: 0..0, message }))
        }
    };
    ParsedFile { display: source.display.clone(), path: source.path.clone(), text, facts, failure }
}

/// The per-file stage on a file's bytes: decode, parse, extract facts. Any
/// bytes are accepted (this is what the fuzz target drives); what cannot be
/// analyzed comes back as a failure, with the text to show it in.
pub fn parse_bytes(bytes: Vec<u8>, crates: &Crates) -> (String, FileFacts, Option<ParseFailure>) {
    let (text, failure) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let message = "file is not valid UTF-8, so it is not analyzed".to_string();
            (text, Some(ParseFailure { range: at..at, message }))
        }
    };
    let result = match failure {
        Some(failure) => Err(failure),
        None => parse_text_in(&text, crates),
    };
    match result {
        Ok(facts) => (text, facts, None),
        // A file that did not parse keeps its suppressions (a line each).
        Err(failure) => {
            let suppressions = suppressions::find(&blank_preamble(&text), &Default::default());
            (text, FileFacts { suppressions, ..FileFacts::default() }, Some(failure))
        }
    }
}

/// Read at most [`MAX_FILE_BYTES`] (+1, to know it was more).
fn read_limited(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    // Sized from the metadata: one read for a whole file instead of a buffer
    // grown from nothing. The `take` still stops a file that grows meanwhile.
    let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("file is larger than {} MiB, so it is not analyzed", MAX_FILE_BYTES >> 20),
        ));
    }
    Ok(bytes)
}

/// Parse one file's text into facts, outside any project.
pub fn parse_text(text: &str) -> Result<FileFacts, ParseFailure> {
    parse_text_in(text, &Crates::default())
}

/// Parse one file's text into facts; `crates` are the project's crate names.
pub fn parse_text_in(text: &str, crates: &Crates) -> Result<FileFacts, ParseFailure> {
    let prepared = blank_preamble(text);
    if let Some((at, what)) = too_deep(&prepared) {
        let width = prepared[at..].chars().next().map_or(0, char::len_utf8);
        return Err(ParseFailure { range: at..at + width, message: format!("{what}; the file is not analyzed") });
    }
    let result = match syn::parse_str::<syn::File>(&prepared) {
        Ok(file) => {
            let mut facts = offsets::with_file(&prepared, || {
                let mut facts = extract::file_facts(&file, &prepared, crates);
                if suppressions::may_have_any(text) {
                    facts.suppressions = suppressions::find(&prepared, &suppressions::Syntax::of(&file));
                }
                facts
            });
            drop(file);
            // The function facts were allocated between the syntax tree's nodes;
            // copied now, they pack into fresh memory and the tree's pages are
            // freed whole instead of pinned by a few small facts each.
            facts.functions = facts.functions.clone();
            Ok(facts)
        }
        Err(err) => Err(ParseFailure { range: err.span().byte_range(), message: describe(&err) }),
    };
    // proc-macro2 keeps every parsed text in a thread-local map for span lookups;
    // the facts hold plain byte ranges, so release it before the next file.
    proc_macro2::extra::invalidate_current_thread_spans();
    result
}

/// syn's message for a file that does not even tokenize says nothing useful.
fn describe(err: &syn::Error) -> String {
    let message = err.to_string();
    if message == "cannot parse string into token stream" {
        "this file does not tokenize: an unclosed string, character literal or block comment, or an unbalanced `(`, `[` or `{`".to_string()
    } else {
        format!("syntax error: {message}")
    }
}

/// Replace a BOM and a shebang line with spaces: syn would strip them and shift
/// every byte offset, and they are not Rust tokens.
fn blank_preamble(text: &str) -> std::borrow::Cow<'_, str> {
    let mut owned: Option<String> = None;
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        owned = Some(format!("   {rest}"));
    }
    let current = owned.as_deref().unwrap_or(text);
    let body = current.trim_start_matches(' ');
    if body.starts_with("#!") && !body[2..].trim_start().starts_with('[') {
        let end = current.find('\n').unwrap_or(current.len());
        let blanked = format!("{}{}", " ".repeat(end), &current[end..]);
        owned = Some(blanked);
    }
    match owned {
        Some(s) => std::borrow::Cow::Owned(s),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Method calls chained in one statement beyond this are reported: syn and
/// ormlint walk such chains recursively, and real builder chains are far shorter.
pub const MAX_CHAIN: usize = 4096;

/// Generic arguments nested deeper than this are reported. Higher than
/// [`MAX_NESTING`]: a `<` may be a comparison, which never closes.
pub const MAX_ANGLES: usize = 4096;

/// Tokens of the statements a point of the file sits in: at each bracket
/// level around it, those since the last `,` or `;` (or the `}` that ended a
/// statement), summed over the levels. Prefix forms (`return return ..`,
/// `*const *const ..`, `|x| |x| ..`, `fn() -> fn() -> ..`, `&'a &'a ..`) nest
/// without brackets and syn recurses on each, inside and across brackets;
/// none can nest deeper than this sum. Release builds parse 32,000 levels of
/// each within the parser threads' stack; real statements are far shorter.
pub const MAX_STRETCH: usize = 16_384;

/// Keywords after which a `|` opens closure parameters rather than or-ing.
const BEFORE_CLOSURE: &[&[u8]] = &[b"move", b"return", b"break", b"yield", b"in", b"else", b"static", b"async"];

/// The offset where something `syn` would recurse on first gets deeper than
/// real code ever does: bracket nesting, `<..>` nesting within a statement,
/// runs of prefix operators, method chains, and statements so long that
/// prefix forms in them could nest arbitrarily deep. Comments and literals
/// are skipped, so they never count. `text` is what syn will parse (a
/// shebang line already blanked).
fn too_deep(text: &str) -> Option<(usize, String)> {
    /// What the last token was, to tell a binary `<`/`|` from an opening one.
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        /// Punctuation, a keyword before an expression, or nothing yet.
        Other,
        /// An identifier: `a < b` or `Vec<T>`, `a | b`.
        Word,
        /// A number, a literal, `)` or `]`: a `<` after it compares.
        Operand,
    }
    /// One bracket level's statement so far.
    #[derive(Clone, Copy, Default)]
    struct Level {
        /// Tokens since the level's last `,` or `;`.
        stretch: usize,
        /// Links of the method chain being read at this level.
        chain: usize,
        /// Inside closure parameters `|a, b|`, whose commas end nothing.
        params: bool,
    }
    let bytes = text.as_bytes();
    let (mut angles, mut run) = (0usize, 0usize);
    let mut level = Level::default();
    // The levels around this one, and the sum of their stretches.
    let (mut outer, mut enclosing): (Vec<Level>, usize) = (Vec::new(), 0);
    let mut last = Last::Other;
    let mut i = 0;
    let is_word = |b: u8| WORD_BYTES[usize::from(b)];
    while i < bytes.len() {
        let b = bytes[i];
        // Whitespace changes nothing; a word (identifier, keyword, number) is
        // skipped whole, unless it opens a literal (`r"`, `b"`, `br#"`, `c"`).
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let at = i;
        if is_word(b) && !(matches!(b, b'r' | b'b' | b'c') && skip_comment_or_literal(bytes, i).is_some()) {
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            run = 0;
            level.stretch += 1;
            last = if b.is_ascii_digit() {
                Last::Operand
            } else if BEFORE_CLOSURE.contains(&&bytes[at..i]) {
                Last::Other
            } else {
                Last::Word
            };
        } else if let Some(end) =
            matches!(b, b'/' | b'"' | b'\'' | b'r' | b'b' | b'c').then(|| skip_comment_or_literal(bytes, i)).flatten()
        {
            let comment = bytes[i] == b'/';
            i = end;
            if !comment {
                (run, last) = (0, Last::Operand);
                level.stretch += 1;
            }
        } else {
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            i += 1;
            match b {
                b'(' | b'[' | b'{' => {
                    enclosing += level.stretch;
                    outer.push(level);
                    level = Level::default();
                    if b == b'{' {
                        angles = 0;
                    }
                }
                b')' | b']' | b'}' => {
                    // The group is one token of the statement around it.
                    level = outer.pop().unwrap_or_default();
                    enclosing -= level.stretch.min(enclosing);
                    level.stretch += 1;
                    if b == b'}' {
                        angles = 0;
                        // A block that a word, an attribute or another block
                        // follows ended its statement (an item, a match arm,
                        // an `if` or loop statement); `else` and `as` go on.
                        let rest = bytes[i..].trim_ascii_start();
                        let goes_on = rest.starts_with(b"else") || rest.starts_with(b"as ");
                        let ends = rest.first().is_some_and(|&n| is_word(n) || matches!(n, b'#' | b'{' | b'}'));
                        if ends && !goes_on {
                            level = Level::default();
                        }
                    }
                }
                b';' => (angles, level) = (0, Level::default()),
                b',' if !level.params => (level.stretch, level.chain) = (0, 0),
                // `||` is an empty parameter list or an or: one token either way.
                b'|' if next == b'|' => i += 1,
                b'|' if next != b'=' && (level.params || last == Last::Other) => level.params = !level.params,
                // `<=`, `<<=` and a `<` after an operand compare or shift.
                b'<' if next == b'=' || (next == b'<' && bytes.get(i + 1) == Some(&b'=')) => {}
                b'<' if last == Last::Operand => {}
                b'<' => angles += 1,
                b'>' => angles = angles.saturating_sub(1),
                // `.name` after an operand: a method call, field or `.await` in a chain.
                b'.' if last != Last::Other && (next.is_ascii_alphabetic() || next == b'_') => level.chain += 1,
                _ => {}
            }
            if matches!(b, b'!' | b'-' | b'*' | b'&' | b'|') {
                run += 1;
            } else {
                run = 0;
            }
            if !matches!(b, b',' | b';' | b')' | b']' | b'}') {
                level.stretch += 1;
            }
            last = if matches!(b, b')' | b']') { Last::Operand } else { Last::Other };
        }
        let what = if outer.len() > MAX_NESTING {
            format!("nesting deeper than {MAX_NESTING} levels")
        } else if angles > MAX_ANGLES {
            format!("generic arguments nested deeper than {MAX_ANGLES} levels")
        } else if run > MAX_NESTING {
            format!("more than {MAX_NESTING} prefix operators or closure bars in a row")
        } else if level.chain > MAX_CHAIN {
            format!("a method chain longer than {MAX_CHAIN} calls")
        } else if enclosing + level.stretch > MAX_STRETCH {
            format!("a statement of more than {MAX_STRETCH} tokens without a `,` or `;`")
        } else {
            continue;
        };
        return Some((at, what));
    }
    None
}

/// Bytes of identifiers, keywords and numbers (any non-ASCII byte included),
/// as a table: the pre-scan reads every byte of every file.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        b += 1;
    }
    table
};

/// If a comment, string, raw string or character literal starts at `i`, the
/// offset just after it.
pub(crate) fn skip_comment_or_literal(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    let find = |from: usize, needle: &[u8]| -> usize {
        bytes[from..].windows(needle.len()).position(|w| w == needle).map_or(bytes.len(), |p| from + p + needle.len())
    };
    match rest {
        [b'/', b'/', ..] => Some(bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |p| i + p)),
        [b'/', b'*', ..] => {
            let (mut depth, mut j) = (0usize, i);
            while j + 1 < bytes.len() {
                match &bytes[j..j + 2] {
                    b"/*" => (depth, j) = (depth + 1, j + 2),
                    b"*/" => {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(bytes.len())
        }
        [b'"', ..] => Some(end_of_quoted(bytes, i + 1, b'"')),
        [b'b' | b'c', b'"', ..] => Some(end_of_quoted(bytes, i + 2, b'"')),
        [b'r', b'"' | b'#', ..] | [b'b' | b'c', b'r', b'"' | b'#', ..] if !preceded_by_ident(bytes, i) => {
            let start = i + rest.iter().position(|&c| c == b'r').unwrap_or(0) + 1;
            let hashes = bytes[start..].iter().take_while(|&&c| c == b'#').count();
            if bytes.get(start + hashes) != Some(&b'"') {
                return None;
            }
            let mut closing = vec![b'"'];
            closing.extend(std::iter::repeat_n(b'#', hashes));
            Some(find(start + hashes + 1, &closing))
        }
        // `'a'`, `'\n'`, `'\u{..}'`: a character literal. `'a` alone is a lifetime.
        [b'\'', b'\\', ..] => Some(end_of_quoted(bytes, i + 1, b'\'')),
        [b'\'', lead, ..] => {
            let width = match lead {
                0x00..=0x7f => 1,
                0xf0.. => 4,
                0xe0.. => 3,
                _ => 2,
            };
            (rest.get(1 + width) == Some(&b'\'')).then_some(i + 2 + width)
        }
        _ => None,
    }
}

fn preceded_by_ident(bytes: &[u8], i: usize) -> bool {
    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

/// Past the closing `quote` of a literal whose body starts at `from`, honouring `\` escapes.
fn end_of_quoted(bytes: &[u8], from: usize, quote: u8) -> usize {
    let mut j = from;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            c if c == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_shebang_keep_offsets() {
        let text = "\u{feff}#!/usr/bin/env run\nstruct A;\n";
        let prepared = blank_preamble(text);
        assert_eq!(prepared.len(), text.len());
        assert!(parse_text(text).is_ok());
    }

    #[test]
    fn pathological_shapes_are_reported_not_parsed() {
        let cases = [
            format!("type T = {}i32{};", "Vec<".repeat(10_000), ">".repeat(10_000)),
            format!("fn f() {{ let x = {}1; }}", "-".repeat(100_000)),
            format!("fn f() {{ let x = {}1; }}", "!".repeat(100_000)),
            format!("fn f() {{ let x = {}1; }}", "|| ".repeat(100_000)),
            format!("fn f() {{ x{}; }}", ".a()".repeat(100_000)),
            // Prefix forms nest without brackets (each aborted on the parser
            // threads' stack before the stretch guard).
            format!("type T = {}u8;", "*const ".repeat(100_000)),
            format!("type T<'a> = {}u8;", "&'a ".repeat(100_000)),
            format!("type T = {}u8;", "fn() -> ".repeat(100_000)),
            format!("type T = {}u8;", "Box<dyn Fn() -> ".repeat(30_000)),
            format!("fn f() {{ {}1; }}", "return ".repeat(200_000)),
            format!("fn f() {{ {}1; }}", "break ".repeat(200_000)),
            format!("fn f() {{ let c = {}1; }}", "move || ".repeat(100_000)),
            format!("fn f() {{ let c = {}1; }}", "|x| ".repeat(100_000)),
            format!("fn f() {{ let c = {}1; }}", "|x, y| ".repeat(100_000)),
            format!("fn f() {{ let &mut {}x = y; }}", "&mut ".repeat(100_000)),
            format!("fn f() {{ let c = {}1; }}", ".. ".repeat(100_000)),
            format!("async fn f() {{ let x = y{}; }}", ".await".repeat(200_000)),
            format!("fn f() {{ x{}; }}", ".a".repeat(100_000)),
            // Prefix forms split by brackets still add up (a review found these aborting).
            format!("fn f() {{ {r}{{ {r}{{ 1 }} }} }}", r = "return ".repeat(16_000)),
            format!("type T = ({p}[({p}[({p}u8)])]);", p = "*const ".repeat(8_000)),
        ];
        for text in cases {
            let failure = parse_text(&text).unwrap_err();
            assert!(failure.message.ends_with("the file is not analyzed"), "{}", failure.message);
        }
    }

    #[test]
    fn comments_and_literals_do_not_count_as_nesting() {
        let text = format!(
            "// {}\n/* {} */\nconst A: &str = \"{}\";\nconst B: &str = r#\"{}\"#;\nconst C: char = '(';\nfn f<'a>(x: &'a str) -> &'a str {{ x }}\n",
            "-".repeat(1000),
            "*".repeat(1000),
            "((((".repeat(300),
            "<<<<\"".repeat(300),
        );
        assert!(too_deep(&text).is_none());
        assert!(parse_text(&text).is_ok());
    }

    /// Long but flat code is parsed: comparisons, shifts and float lists in
    /// one statement, and long argument and element lists.
    #[test]
    fn flat_code_is_not_nesting() {
        let cases = [
            format!(
                "pub const M: [u64; 300] = [{}];",
                (0..300).map(|i| format!("1 << {}", i % 64)).collect::<Vec<_>>().join(", ")
            ),
            format!("fn f(a: u8, n: u8) -> bool {{ {} }}", vec!["a <= n"; 300].join(" && ")),
            format!("fn f(i: u8) -> [bool; 300] {{ [{}] }}", vec!["i < 5"; 300].join(", ")),
            format!("const F: [f64; 5000] = [{}];", vec!["1.0"; 5000].join(", ")),
            format!("fn f() {{ g({}); }}", vec!["x"; 50_000].join(", ")),
            format!("const A: u64 = {};", vec!["1"; 5000].join(" + ")),
            // Items, match arms and block statements end where their block does.
            (0..3000).map(|i| format!("#[test]\nfn t{i}() {{ assert!(true) }}\n")).collect::<String>(),
            format!(
                "fn f(n: u32) -> u32 {{ match n {{ {} _ => 0 }} }}",
                (0..5000).map(|i| format!("{i} => {{ {i} }} ")).collect::<String>()
            ),
            format!(
                "fn f(n: u32) -> u32 {{ match n {{ 0 | 1 => 1, {} _ => 0 }} }}",
                (2..6000).map(|i| format!("{i} => {i}, ")).collect::<String>()
            ),
            format!("fn f(a: bool) {{ g(a || a, {}); }}", vec!["1"; 17_000].join(", ")),
            format!(
                "fn f(v: u32, f: &mut W) -> R {{ match v {{ {} _ => f.write_str(\"x\"), }} }}",
                (0..4200).map(|i| format!("{i} => f.write_str(\"v{i}\"), ")).collect::<String>()
            ),
            format!("fn f() {{ {} }}", "if a { b(); } else { c(); } ".repeat(3000)),
        ];
        for text in cases {
            assert_eq!(too_deep(&text), None, "{}", &text[..80]);
            // On a stack as large as the parser threads': syn recurses too.
            let parsed = std::thread::Builder::new().stack_size(256 << 20).spawn(move || parse_text(&text).is_ok());
            assert!(parsed.unwrap().join().unwrap());
        }
    }

    #[test]
    fn a_shebang_line_cannot_hide_nesting() {
        let text = format!("#!/bin/sh \"\nfn f() {{ let x = {}1{}; }}\n", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse_text(&text).unwrap_err().message.contains("nesting"));
    }

    #[test]
    fn deep_nesting_is_a_failure_not_a_crash() {
        let text = format!("fn f() {{ let x = {}1{}; }}", "(".repeat(100_000), ")".repeat(100_000));
        let failure = parse_text(&text).unwrap_err();
        assert!(failure.message.contains("nesting"));
    }

    #[test]
    fn syntax_error_points_at_the_token() {
        let failure = parse_text("struct A {\n  x: i32,\n  y i32,\n}\n").unwrap_err();
        assert_eq!(&"struct A {\n  x: i32,\n  y i32,\n}\n"[failure.range.clone()], "i32");
    }
}
