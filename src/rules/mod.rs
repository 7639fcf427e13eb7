//! Stage 5: the rules. One rule per file, each a pure function over the
//! project model and the relation graph, with its metadata next to it and its
//! documentation in `rules/<name>.md`.

mod ambiguous_relation;
mod cascade_cycle;
mod fk_type_mismatch;
mod ignored_attribute;
mod import_cycle;
mod junction_mismatch;
mod mismatched_inverse;
mod missing_cascade;
mod missing_inverse;
mod n_plus_one;
mod parse_error;
mod set_null_on_required;
mod support;
mod unknown_column;
mod unresolved_target;
mod unused_suppression;

pub use unused_suppression::{apply as apply_suppressions, FileSuppressions};

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::graph::RelationGraph;
use crate::model::Project;

/// What a rule is, for `ormlint rules` and every output format.
#[derive(Debug)]
pub struct Rule {
    /// Kebab-case id, stable forever.
    pub name: &'static str,
    pub family: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// The option keys `[rules.<name>]` accepts besides `level`.
    pub options: &'static [&'static str],
    /// `rules/<name>.md`.
    pub doc: &'static str,
    /// `None` for `unused-suppression`, which reads the other rules' findings
    /// rather than the project, so it runs after them ([`apply_suppressions`]).
    pub check: Option<fn(&Context, &mut Findings)>,
}

/// What every rule sees.
pub struct Context<'a> {
    pub project: &'a Project,
    pub graph: &'a RelationGraph,
    pub options: &'a RuleOptions,
}

/// The options of the rules that have some (`[rules.<name>]` in `ormlint.toml`).
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    pub missing_cascade: missing_cascade::Options,
    pub cascade_cycle: cascade_cycle::Options,
    pub n_plus_one: n_plus_one::Options,
    pub import_cycle: import_cycle::Options,
}

impl RuleOptions {
    /// Set one rule's options from its `[rules.<name>]` table (without `level`).
    pub fn set(&mut self, rule: &str, table: toml::Table) -> Result<(), String> {
        fn read<T: serde::de::DeserializeOwned>(table: toml::Table) -> Result<T, String> {
            toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| e.message().to_string())
        }
        match rule {
            "missing-cascade" => self.missing_cascade = read(table)?,
            "cascade-cycle" => self.cascade_cycle = read(table)?,
            "n-plus-one" => self.n_plus_one = read(table)?,
            "import-cycle" => self.import_cycle = read(table)?,
            _ => {}
        }
        Ok(())
    }
}

impl RuleOptions {
    /// A rule's options at their defaults, as `[rules.<name>]` keys (for `ormlint init`).
    pub fn defaults_of(rule: &str) -> toml::Table {
        fn table<T: serde::Serialize>(options: &T) -> toml::Table {
            toml::Table::try_from(options).unwrap_or_default()
        }
        let defaults = RuleOptions::default();
        match rule {
            "missing-cascade" => table(&defaults.missing_cascade),
            "cascade-cycle" => table(&defaults.cascade_cycle),
            "n-plus-one" => table(&defaults.n_plus_one),
            "import-cycle" => table(&defaults.import_cycle),
            _ => toml::Table::new(),
        }
    }
}

/// Collects one rule's findings with the rule's id and level filled in.
pub struct Findings {
    rule: &'static Rule,
    pub diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Start a finding of the running rule at `primary`.
    pub fn report(&mut self, primary: &Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(self.rule.name, self.rule.default_severity, primary.clone(), message));
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// Every rule, in the order `ormlint rules` lists them.
pub static RULES: &[Rule] = &[
    missing_inverse::RULE,
    mismatched_inverse::RULE,
    ambiguous_relation::RULE,
    unresolved_target::RULE,
    unknown_column::RULE,
    fk_type_mismatch::RULE,
    junction_mismatch::RULE,
    set_null_on_required::RULE,
    missing_cascade::RULE,
    cascade_cycle::RULE,
    n_plus_one::RULE,
    import_cycle::RULE,
    parse_error::RULE,
    ignored_attribute::RULE,
    unused_suppression::RULE,
];

pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

impl Rule {
    /// Whether `name` (a rule, a family or `all`, as `-A`, `[rules]`,
    /// `[[overrides]]` and suppression comments take) stands for this rule.
    pub fn named_by(&self, name: &str) -> bool {
        name == self.name || name == self.family || name == "all"
    }
}

/// The rules a rule, family or `all` stands for (empty for an unknown name).
pub fn named(name: &str) -> Vec<&'static Rule> {
    RULES.iter().filter(|r| r.named_by(name)).collect()
}

/// Every name `named` knows, sorted: for "did you mean" suggestions.
pub fn known_names() -> Vec<&'static str> {
    let mut known: Vec<&str> = RULES.iter().flat_map(|r| [r.name, r.family]).collect();
    known.push("all");
    known.sort_unstable();
    known.dedup();
    known
}

/// Run every rule. Rules are independent; their order does not matter
/// because the output is sorted afterwards.
pub fn run_all(ctx: &Context) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    // The rules are independent: run side by side, collected in rule order.
    RULES
        .par_iter()
        .flat_map_iter(|rule| {
            let mut findings = Findings { rule, diagnostics: Vec::new() };
            if let Some(check) = rule.check {
                check(ctx, &mut findings);
            }
            findings.diagnostics
        })
        .collect()
}
