//! Human output: codespan-reporting excerpts with every side of a problem labelled.

use super::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use codespan_reporting::term::{self, termcolor::Buffer};
use std::io::{self, Write};

/// Whether the full format uses ANSI colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorMode {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    Always,
    Never,
}

impl ColorMode {
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

fn to_codespan(d: &Diagnostic) -> CsDiagnostic<usize> {
    let base = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    };
    let mut labels = vec![CsLabel::primary(d.primary.file, d.primary.range.clone()).with_message(&d.primary_label)];
    labels.extend(
        d.labels.iter().map(|l| CsLabel::secondary(l.span.file, l.span.range.clone()).with_message(&l.message)),
    );
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    base.with_code(d.rule).with_message(&d.message).with_labels(labels).with_notes(notes)
}

pub fn emit(
    out: &mut dyn Write,
    color: ColorMode,
    db: &SourceDb,
    diagnostics: &[Diagnostic],
    summary: Summary,
) -> io::Result<()> {
    let config = term::Config::default();
    let mut buffer = if color.enabled() { Buffer::ansi() } else { Buffer::no_color() };
    for d in diagnostics {
        term::emit_to_write_style(&mut buffer, &config, db, &to_codespan(d)).map_err(io::Error::other)?;
    }
    out.write_all(buffer.as_slice())?;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if diagnostics.is_empty() {
        writeln!(out, "No relationship problems found in {}.", plural(summary.files, "file"))
    } else {
        writeln!(
            out,
            "Found {} and {} in {}.",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.files, "file")
        )
    }
}
