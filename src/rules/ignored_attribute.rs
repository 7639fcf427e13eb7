//! `ignored-attribute`: relation keys in a second `#[sea_orm]` attribute,
//! which SeaORM never reads.

use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    name: "ignored-attribute",
    family: "input",
    default_severity: Severity::Warning,
    summary: "relation keys in a later #[sea_orm] attribute, which SeaORM ignores",
    doc: include_str!("../../rules/ignored-attribute.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    for ignored in &ctx.project.ignored_attributes {
        let keys = ignored.keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        let d = out
            .report(
                &ignored.span,
                format!(
                    "SeaORM ignores this `#[sea_orm]` attribute of `{}`: {keys} here {} no effect",
                    ignored.owner,
                    if ignored.keys.len() == 1 { "has" } else { "have" }
                ),
            )
            .with_primary_label("ignored")
            .with_note("SeaORM reads the relation keys of the first `#[sea_orm(..)]` attribute only")
            .with_help(format!("move {keys} into the first `#[sea_orm(..)]` attribute"));
        if let Some(first) = &ignored.first {
            d.labels
                .push(crate::diagnostic::Label { span: first.clone(), message: "the attribute SeaORM reads".into() });
        }
    }
}
