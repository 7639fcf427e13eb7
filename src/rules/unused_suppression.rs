//! `unused-suppression`: a suppression comment that silences nothing, names
//! no rule, gives no reason or cannot be read. Suppressions are applied here
//! too, since whether one silenced anything is known only while applying it.

use super::Rule;
use crate::config::{Config, Level};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::parse::suppressions::{Scope, Suppression};
use crate::source_db::{FileId, SourceDb};
use rustc_hash::FxHashSet;

pub const RULE: Rule = Rule {
    name: "unused-suppression",
    family: "suppressions",
    default_severity: Severity::Warning,
    summary: "a suppression comment that silences nothing, names an unknown rule or gives no reason",
    doc: include_str!("../../rules/unused-suppression.md"),
    options: &[],
    check: None,
};

/// One file's suppression comments.
#[derive(Debug, Default)]
pub struct FileSuppressions {
    pub comments: Vec<Suppression>,
    /// The file parsed: its rules ran, so a comment that silenced nothing is stale.
    pub parsed: bool,
}

/// Drop the findings that suppression comments cover, then report the
/// comments that did nothing. `suppressions[file]` are file `file`'s comments.
pub fn apply(suppressions: &[FileSuppressions], db: &SourceDb, config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    if suppressions.iter().all(|f| f.comments.is_empty()) {
        return;
    }
    let indexes: Vec<CoverIndex> = suppressions.iter().map(|f| CoverIndex::new(&f.comments)).collect();
    // (file, comment, name) of every name that silenced something.
    let mut used: FxHashSet<(FileId, usize, usize)> = FxHashSet::default();
    diagnostics.retain(|d| {
        let (Some(file), Some(index)) = (suppressions.get(d.primary.file), indexes.get(d.primary.file)) else {
            return true;
        };
        let mut silenced = false;
        for c in index.covering(d.primary.range.start) {
            let comment = &file.comments[c];
            if comment.malformed.is_some() {
                continue;
            }
            for (n, name) in comment.names.iter().enumerate() {
                if names_rule(&name.name, d.rule) {
                    used.insert((d.primary.file, c, n));
                    silenced = true;
                }
            }
        }
        !silenced
    });
    for (file, FileSuppressions { comments, parsed }) in suppressions.iter().enumerate() {
        if comments.is_empty() {
            continue;
        }
        let levels = config.override_levels(&db.get(file).path);
        let severity = match config.level(&RULE, &levels) {
            Level::Allow => continue,
            Level::Warn => Severity::Warning,
            Level::Deny => Severity::Error,
        };
        let report = |span: std::ops::Range<usize>, message: String| {
            Diagnostic::new(RULE.name, severity, Span::new(file, span), message)
        };
        for (c, comment) in comments.iter().enumerate() {
            if let Some(why) = &comment.malformed {
                let mut finding = report(comment.span.clone(), format!("cannot read this suppression: {why}"));
                finding
                    .with_primary_label("suppresses nothing")
                    .with_help("write `// ormlint: allow(rule-name) -- why it is fine here`");
                diagnostics.push(finding);
                continue;
            }
            let unused: Vec<usize> = (0..comment.names.len()).filter(|n| !used.contains(&(file, c, *n))).collect();
            for &n in &unused {
                let name = &comment.names[n];
                let rules = super::named(&name.name);
                if rules.is_empty() {
                    let suggestion = crate::config::closest(&name.name, &super::known_names())
                        .map(|k| format!(" (did you mean `{k}`?)"))
                        .unwrap_or_default();
                    let mut finding =
                        report(name.span.clone(), format!("unknown rule `{}` in a suppression{suggestion}", name.name));
                    finding
                        .with_primary_label("no such rule or family")
                        .with_help("`ormlint rules` lists the rules and their families");
                    diagnostics.push(finding);
                    continue;
                }
                // A rule it names is off here: the comment may matter under another
                // configuration. A file that did not parse ran no rule.
                if !parsed || rules.iter().any(|rule| config.level(rule, &levels) == Level::Allow) {
                    continue;
                }
                let message = if rules.len() == 1 {
                    format!("`{}` reports nothing here", name.name)
                } else {
                    format!("no rule of `{}` reports anything here", name.name)
                };
                let help = if unused.len() == comment.names.len() {
                    "remove this comment".to_string()
                } else {
                    format!("remove `{}` from `allow(..)`", name.name)
                };
                let mut finding = report(name.span.clone(), message);
                finding
                    .with_primary_label("suppresses nothing")
                    .with_note(coverage(db, file, &comment.scope))
                    .with_help(help);
                diagnostics.push(finding);
            }
            if comment.reason.is_none() {
                let names: Vec<&str> = comment.names.iter().map(|n| n.name.as_str()).collect();
                let mut finding = report(comment.span.clone(), "suppression without a reason".to_string());
                finding.with_primary_label("why is this fine?").with_help(format!(
                    "say why after `--`: `// ormlint: allow({}) -- <why this is fine here>`",
                    names.join(", ")
                ));
                diagnostics.push(finding);
            }
        }
    }
}

/// Which comments cover a byte: comments sorted by where their scope
/// starts, with the furthest end so far, so a lookup stops as soon as no
/// earlier scope can reach the byte.
struct CoverIndex {
    /// (start, end, comment) by start.
    scopes: Vec<(usize, usize, usize)>,
    furthest_end: Vec<usize>,
}

impl CoverIndex {
    fn new(comments: &[Suppression]) -> Self {
        let mut scopes: Vec<(usize, usize, usize)> = comments
            .iter()
            .enumerate()
            .map(|(c, comment)| match &comment.scope {
                Scope::File => (0, usize::MAX, c),
                Scope::Bytes(range) => (range.start, range.end, c),
            })
            .collect();
        scopes.sort_unstable();
        let furthest_end = scopes
            .iter()
            .scan(0, |furthest, &(_, end, _)| {
                *furthest = end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        CoverIndex { scopes, furthest_end }
    }

    fn covering(&self, byte: usize) -> impl Iterator<Item = usize> + '_ {
        let last = self.scopes.partition_point(|&(start, _, _)| start <= byte);
        (0..last)
            .rev()
            .take_while(move |&i| self.furthest_end[i] > byte)
            .filter(move |&i| self.scopes[i].1 > byte)
            .map(move |i| self.scopes[i].2)
    }
}

/// Whether a suppression name (a rule, a family or `all`) silences `rule`.
fn names_rule(name: &str, rule: &str) -> bool {
    super::find(rule).is_some_and(|r| r.named_by(name))
}

/// "the comment covers lines 5-10", for a reader wondering why a finding is not silenced.
fn coverage(db: &SourceDb, file: FileId, scope: &Scope) -> String {
    match scope {
        Scope::File => "the comment covers the whole file".to_string(),
        Scope::Bytes(range) if range.is_empty() => "no code follows the comment, so it covers nothing".to_string(),
        Scope::Bytes(range) => {
            let first = db.line_col(file, range.start).line;
            // The range ends after a newline: its last line is the one before.
            let last = db.line_col(file, range.end.saturating_sub(1)).line.max(first);
            if first == last {
                format!("the comment covers line {first}")
            } else {
                format!("the comment covers lines {first}-{last}")
            }
        }
    }
}
