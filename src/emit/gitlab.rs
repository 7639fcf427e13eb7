//! GitLab Code Quality report: a JSON array GitLab shows in merge requests.
//! Each finding has a fingerprint that stays the same while the code around
//! it moves, so GitLab can tell new findings from old ones.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
use serde::Serialize;
use std::collections::HashMap;
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
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            let file = db.get(d.primary.file);
            let (start, end) = db.range_positions(d.primary.file, &d.primary.range);
            // Not the line: what is written there, so moving code keeps it.
            let written = file.text.get(d.primary.range.clone()).unwrap_or_default();
            let key = fnv1a(&[d.rule, &file.display, &d.message, written]);
            // The same finding twice in a file: tell them apart by order.
            let nth = seen.entry(key).or_default();
            *nth += 1;
            Issue {
                description: &d.message,
                check_name: d.rule,
                fingerprint: format!("{key:016x}-{nth}"),
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

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_values() {
        assert_eq!(super::fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(super::fnv1a(&["ab", "c"]), super::fnv1a(&["a", "bc"]));
    }
}
