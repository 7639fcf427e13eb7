//! Output formats. All of them render from the same [`SourceDb`], so lines and
//! columns agree between formats.

mod concise;
pub mod diagram;
mod full;
mod github;
mod gitlab;
mod json;
mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
use rustc_hash::FxHashMap;
use std::io::{self, Write};

pub use full::ColorMode;

/// The formats `--format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with labels on every side of the problem (default).
    Full,
    /// One `file:line:col: severity: message [rule]` line per finding.
    Concise,
    /// One versioned JSON document.
    Json,
    /// JSON Lines: one diagnostic object per line.
    Jsonl,
    /// GitHub Actions annotations (`::error file=..,line=..::message`).
    Github,
    /// GitLab Code Quality report (JSON, with a fingerprint per finding).
    Gitlab,
    /// SARIF 2.1.0 log (GitHub code scanning and other SARIF viewers).
    Sarif,
}

impl Format {
    /// Parse `FMT` or `FMT=PATH` (`--format sarif=report.sarif`).
    pub fn parse_output(text: &str) -> Result<(Format, Option<std::path::PathBuf>), String> {
        use clap::ValueEnum;
        let (name, path) = match text.split_once('=') {
            Some((name, path)) if !path.is_empty() => (name, Some(std::path::PathBuf::from(path))),
            Some((name, _)) => return Err(format!("`{name}=` needs a file path after `=`")),
            None => (text, None),
        };
        let format = Format::from_str(name, true).map_err(|_| {
            let names: Vec<String> = Format::value_variants()
                .iter()
                .filter_map(|f| f.to_possible_value())
                .map(|v| v.get_name().to_string())
                .collect();
            format!("unknown format `{name}` (one of: {})", names.join(", "))
        })?;
        Ok((format, path))
    }
}

/// Counts shown in summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: usize, diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        Summary { files, errors, warnings: diagnostics.len() - errors }
    }
}

/// Write every diagnostic in `format` to `out`.
pub fn emit(
    out: &mut dyn Write,
    format: Format,
    color: ColorMode,
    db: &SourceDb,
    diagnostics: &[Diagnostic],
    summary: Summary,
) -> io::Result<()> {
    match format {
        Format::Full => full::emit(out, color, db, diagnostics, summary),
        Format::Concise => concise::emit(out, db, diagnostics),
        Format::Json => json::emit(out, db, diagnostics, summary),
        Format::Jsonl => json::emit_lines(out, db, diagnostics),
        Format::Github => github::emit(out, db, diagnostics),
        Format::Gitlab => gitlab::emit(out, db, diagnostics),
        Format::Sarif => sarif::emit(out, db, diagnostics),
    }
}

/// The message with its notes and help on lines of their own, for formats
/// that have one text field per finding (annotations, SARIF results).
fn message_with_notes(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    message
}

/// A serde_json error as the I/O error it may be, so a closed pipe stays
/// `BrokenPipe` (quiet) rather than becoming an error message.
fn json_error(err: serde_json::Error) -> io::Error {
    match err.io_error_kind() {
        Some(kind) => io::Error::new(kind, err),
        None => io::Error::other(err),
    }
}

/// A fingerprint per diagnostic that survives edits elsewhere in the file:
/// a hash of the rule, the file, the message and the code at the finding (not
/// its line), numbered when the same finding repeats in a file. Code-quality
/// services match findings across commits by it (GitLab, SARIF consumers).
fn fingerprints(db: &SourceDb, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    diagnostics
        .iter()
        .map(|d| {
            let file = db.get(d.primary.file);
            // Not the line: what is written there, so moving code keeps it.
            let written = file.text.get(d.primary.range.clone()).unwrap_or_default();
            let key = fnv1a(&[d.rule, &file.display, &d.message, written]);
            // The same finding twice in a file: tell them apart by order.
            let nth = seen.entry(key).or_default();
            *nth += 1;
            format!("{key:016x}-{nth}")
        })
        .collect()
}

/// FNV-1a over the parts (with a separator): stable across Rust versions and
/// platforms, unlike `std`'s hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Sort diagnostics by (file, line, column, rule) and then by everything else,
/// so output is byte-identical whatever order the rules ran in.
pub fn sort(db: &SourceDb, diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|d| {
        let start = db.line_col(d.primary.file, d.primary.range.start);
        let end = db.line_col(d.primary.file, d.primary.range.end);
        (
            db.get(d.primary.file).display.clone(),
            start,
            d.rule,
            end,
            d.message.clone(),
            d.labels.iter().map(|l| (db.get(l.span.file).display.clone(), l.span.range.start)).collect::<Vec<_>>(),
        )
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_values() {
        assert_eq!(super::fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(super::fnv1a(&["ab", "c"]), super::fnv1a(&["a", "bc"]));
    }
}
