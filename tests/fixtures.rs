//! Runs every case under `tests/fixtures/<rule>/<case>/` and compares the
//! findings with the inline expectations in its sources:
//!
//! - `//~ rule-name` expects a finding of `rule-name` starting on this line;
//! - `//~^ rule-name` on the line above (one `^` per line up);
//! - an optional `"substring"` after the name must occur in the message;
//! - `//~ label: rule-name` expects a secondary label of a `rule-name`
//!   finding on this line. A case with such lines must list every label of
//!   that rule's findings.
//!
//! Cases whose name starts with `pass` must produce nothing at all. A case
//! may carry an `ormlint.toml` with the rule options it is about.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    file: String,
    line: usize,
    rule: String,
    substring: Option<String>,
    /// A secondary label, not where the finding starts.
    label: bool,
}

fn fixtures_root() -> PathBuf {
    Path::new("tests").join("fixtures")
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut cases = Vec::new();
    for rule_dir in sorted_dirs(&fixtures_root()) {
        let rule = rule_dir.file_name().unwrap().to_string_lossy().into_owned();
        for case in sorted_dirs(&rule_dir) {
            cases.push((rule.clone(), case));
        }
    }
    cases
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in sorted_dirs(dir) {
        rust_files(&entry, out);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    out.extend(files);
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Parse `//~` expectations out of a file.
fn expectations(path: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some(pos) = line.find("//~") else { continue };
        let rest = &line[pos + 3..];
        let carets = rest.chars().take_while(|&c| c == '^').count();
        let rest = rest[carets..].trim();
        let (label, rest) = match rest.strip_prefix("label:") {
            Some(after) => (true, after.trim()),
            None => (false, rest),
        };
        let rule: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
        assert!(!rule.is_empty(), "{}:{}: `//~` without a rule name", display(path), index + 1);
        let after = rest[rule.len()..].trim();
        let substring = after.strip_prefix('"').and_then(|s| s.rfind('"').map(|end| s[..end].to_string()));
        out.push(Expected { file: display(path), line: index + 1 - carets, rule, substring, label });
    }
    out
}

/// A case may set rule options in its own `ormlint.toml`.
fn case_config(case: &Path) -> ormlint::config::Config {
    let path = case.join("ormlint.toml");
    if path.is_file() {
        ormlint::config::Config::load(&path).unwrap_or_else(|e| panic!("{e}"))
    } else {
        Default::default()
    }
}

#[test]
fn every_fixture_yields_exactly_its_expectations() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (_, case) in cases() {
        let mut files = Vec::new();
        rust_files(&case, &mut files);
        let expected: Vec<Expected> = files.iter().flat_map(|f| expectations(f)).collect();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("pass") {
            assert!(expected.is_empty(), "{}: a `pass` case must not expect findings", display(&case));
        } else {
            assert!(!expected.is_empty(), "{}: a failing case must expect at least one finding", display(&case));
        }
        let output = ormlint::check(std::slice::from_ref(&case), &case_config(&case)).expect("fixture runs");
        let actual: Vec<(String, usize, String, String)> = output
            .diagnostics
            .iter()
            .map(|d| {
                let pos = output.db.line_col(d.primary.file, d.primary.range.start);
                (output.db.get(d.primary.file).display.clone(), pos.line, d.rule.to_string(), d.message.clone())
            })
            .collect();
        // Multiset comparison on (file, line, rule).
        let mut remaining: BTreeMap<(String, usize, String), Vec<String>> = BTreeMap::new();
        for (file, line, rule, message) in &actual {
            remaining.entry((file.clone(), *line, rule.clone())).or_default().push(message.clone());
        }
        let mut problems = label_problems(&output, &expected);
        for e in expected.iter().filter(|e| !e.label) {
            let key = (e.file.clone(), e.line, e.rule.clone());
            let messages = remaining.entry(key).or_default();
            let found = messages.iter().position(|m| e.substring.as_ref().is_none_or(|s| m.contains(s.as_str())));
            match found {
                Some(i) => {
                    messages.remove(i);
                }
                None => problems.push(format!(
                    "  missing:    {}:{}: {}{}",
                    e.file,
                    e.line,
                    e.rule,
                    e.substring.as_ref().map(|s| format!(" \"{s}\"")).unwrap_or_default()
                )),
            }
        }
        for ((file, line, rule), messages) in remaining {
            for message in messages {
                problems.push(format!("  unexpected: {file}:{line}: {rule}: {message}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}\n{}", display(&case), problems.join("\n")));
        }
        checked += 1;
    }
    assert!(checked > 0, "no fixture cases found");
    assert!(failures.is_empty(), "{} of {checked} fixture cases differ:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Secondary labels, for the rules the case gives label expectations for.
fn label_problems(output: &ormlint::cli::CheckOutput, expected: &[Expected]) -> Vec<String> {
    let mut wanted: BTreeMap<(String, usize, String), isize> = BTreeMap::new();
    for e in expected.iter().filter(|e| e.label) {
        *wanted.entry((e.file.clone(), e.line, e.rule.clone())).or_default() += 1;
    }
    let rules: std::collections::BTreeSet<String> = wanted.keys().map(|k| k.2.clone()).collect();
    for d in output.diagnostics.iter().filter(|d| rules.contains(d.rule)) {
        for label in &d.labels {
            let pos = output.db.line_col(label.span.file, label.span.range.start);
            let file = output.db.get(label.span.file).display.clone();
            *wanted.entry((file, pos.line, d.rule.to_string())).or_default() -= 1;
        }
    }
    let mut problems = Vec::new();
    for ((file, line, rule), n) in wanted {
        for _ in 0..n.max(0) {
            problems.push(format!("  missing:    {file}:{line}: label: {rule}"));
        }
        for _ in 0..(-n).max(0) {
            problems.push(format!("  unexpected: {file}:{line}: label: {rule}"));
        }
    }
    problems
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (rule, case) in cases() {
        assert!(ormlint::rules::find(&rule).is_some(), "fixture folder `{rule}` is not a rule name");
        let entry = counts.entry(rule).or_default();
        if case.file_name().unwrap().to_string_lossy().starts_with("pass") {
            entry.1 += 1;
        } else {
            entry.0 += 1;
        }
    }
    for rule in ormlint::rules::RULES {
        let (failing, passing) = counts.get(rule.name).copied().unwrap_or_default();
        assert!(
            failing >= 3 && passing >= 2,
            "rule `{}` has {failing} failing and {passing} passing fixture cases; it needs at least 3 and 2",
            rule.name
        );
    }
}
