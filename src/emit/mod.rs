//! Output formats. All of them render from the same [`SourceDb`], so lines and
//! columns agree between formats.

mod concise;
mod full;
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
