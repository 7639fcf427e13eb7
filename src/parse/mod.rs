//! Stage 2: read each file, parse it with `syn`, keep owned facts, drop the tree.
//!
//! Runs on every core with rayon. Nothing that fails here stops the run: an
//! unreadable, non-UTF-8, unparsable or absurdly nested file becomes a finding.

mod attrs;
mod extract;
pub mod facts;
mod rel_expr;
mod seaorm;

use crate::discover::SourcePath;
use facts::FileFacts;
use rayon::prelude::*;
use std::ops::Range;
use std::path::PathBuf;

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

/// Parse every file in parallel; the result keeps the input order.
pub fn parse_all(sources: &[SourcePath]) -> Vec<ParsedFile> {
    sources.par_iter().map(parse_one).collect()
}

fn parse_one(source: &SourcePath) -> ParsedFile {
    let (text, failure) = match std::fs::read(&source.path) {
        Err(err) => (String::new(), Some(ParseFailure { range: 0..0, message: format!("cannot read file: {err}") })),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let message = "file is not valid UTF-8, so it is not analyzed".to_string();
                (text, Some(ParseFailure { range: at..at, message }))
            }
        },
    };
    let (facts, failure) = match failure {
        Some(failure) => (FileFacts::default(), Some(failure)),
        None => match parse_text(&text) {
            Ok(facts) => (facts, None),
            Err(failure) => (FileFacts::default(), Some(failure)),
        },
    };
    ParsedFile { display: source.display.clone(), path: source.path.clone(), text, facts, failure }
}

/// Parse one file's text into facts.
pub fn parse_text(text: &str) -> Result<FileFacts, ParseFailure> {
    if let Some(at) = too_deep(text) {
        return Err(ParseFailure {
            range: at..at + 1,
            message: format!("nesting deeper than {MAX_NESTING} levels; the file is not analyzed"),
        });
    }
    let prepared = blank_preamble(text);
    let result = match syn::parse_str::<syn::File>(&prepared) {
        Ok(file) => Ok(extract::file_facts(&file)),
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

/// The offset where bracket nesting first exceeds [`MAX_NESTING`], if it does.
/// Brackets in strings and comments count too; that only errs on the side of
/// real code, which never nests this deep.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
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
