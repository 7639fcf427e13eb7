//! The versioned JSON report (DESIGN.md 2.4). Field names are a public API.

use super::Summary;
use crate::diagnostic::{Diagnostic, Span};
use crate::source_db::{LineCol, SourceDb};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

impl From<LineCol> for Position {
    fn from(p: LineCol) -> Self {
        Position { line: p.line, column: p.column }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    start: Position,
    end: Position,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [String],
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    start: Position,
    end: Position,
    message: &'a str,
}

fn located<'a>(db: &'a SourceDb, span: &Span) -> (&'a str, Position, Position) {
    let (start, end) = db.range_positions(span.file, &span.range);
    (db.get(span.file).display.as_str(), start.into(), end.into())
}

/// One diagnostic as the JSON report and the JSON Lines stream write it.
fn diagnostic<'a>(db: &'a SourceDb, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (file, start, end) = located(db, &d.primary);
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        file,
        start,
        end,
        labels: d
            .labels
            .iter()
            .map(|l| {
                let (file, start, end) = located(db, &l.span);
                JsonLabel { file, start, end, message: &l.message }
            })
            .collect(),
        notes: &d.notes,
        help: d.help.as_deref(),
    }
}

pub fn emit(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic], summary: Summary) -> io::Result<()> {
    let report = Report {
        version: 1,
        tool: Tool { name: "ormlint", version: env!("CARGO_PKG_VERSION") },
        summary: JsonSummary { files: summary.files, errors: summary.errors, warnings: summary.warnings },
        diagnostics: diagnostics.iter().map(|d| diagnostic(db, d)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(super::json_error)?;
    writeln!(out)
}

/// JSON Lines: one diagnostic object per line, the same fields as the report's
/// `diagnostics` entries, for tools that stream or `grep` findings.
pub fn emit_lines(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        serde_json::to_writer(&mut *out, &diagnostic(db, d)).map_err(super::json_error)?;
        writeln!(out)?;
    }
    Ok(())
}
