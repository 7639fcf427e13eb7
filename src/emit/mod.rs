//! Output formats. All of them render from the same [`SourceDb`], so lines and
//! columns agree between formats.

mod concise;
pub mod diagram;
mod full;
mod github;
mod gitlab;
mod json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
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
    }
}

/// A serde_json error as the I/O error it may be, so a closed pipe stays
/// `BrokenPipe` (quiet) rather than becoming an error message.
fn json_error(err: serde_json::Error) -> io::Error {
    match err.io_error_kind() {
        Some(kind) => io::Error::new(kind, err),
        None => io::Error::other(err),
    }
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
