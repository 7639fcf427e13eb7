//! GitLab Code Quality report: a JSON array GitLab shows in merge requests.
//! Each finding has a fingerprint that stays the same while the code around
//! it moves, so GitLab can tell new findings from old ones.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub fn emit(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let issues: Vec<Issue> = diagnostics
        .iter()
        .zip(super::fingerprints(db, diagnostics))
        .map(|(d, fingerprint)| {
            let file = db.get(d.primary.file);
            let (start, end) = db.range_positions(d.primary.file, &d.primary.range);
            Issue {
                description: &d.message,
                check_name: d.rule,
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location { path: &file.display, lines: Lines { begin: start.line, end: end.line } },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(super::json_error)?;
    writeln!(out)
}
