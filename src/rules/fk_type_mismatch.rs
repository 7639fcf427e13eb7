//! `fk-type-mismatch`: a foreign key whose Rust type differs from the column it references.

use super::support::{q, relation_name};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::RelKind;
use rustc_hash::FxHashSet;

pub const RULE: Rule = Rule {
    name: "fk-type-mismatch",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a belongs_to foreign key whose type (or column count) differs from the key it references",
    doc: include_str!("../../rules/fk-type-mismatch.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    let mut seen = FxHashSet::default();
    for child in &project.entities {
        for relation in &child.relations {
            if relation.kind != RelKind::BelongsTo || relation.via.is_some() {
                continue;
            }
            let Some(parent_id) = relation.target.entity() else { continue };
            let parent = project.entity(parent_id);
            if relation.from.len() != relation.to.len() {
                if !relation.from.is_empty() && !relation.to.is_empty() {
                    out.report(
                        &relation.span,
                        format!(
                            "{} lists {} `from` columns but {} `to` columns",
                            relation_name(child, relation),
                            relation.from.len(),
                            relation.to.len()
                        ),
                    )
                    .with_primary_label("composite key with unequal sides")
                    .with_help("list the same number of columns on both sides, in the same order");
                }
                continue;
            }
            for (from, to) in relation.from.iter().zip(&relation.to) {
                if from.entity != Some(child.id) || to.entity != Some(parent_id) {
                    continue;
                }
                let (Some(fk), Some(key)) = (child.column(&from.variant), parent.column(&to.variant)) else { continue };
                if fk.rust_type.is_empty() || key.rust_type.is_empty() || fk.rust_type == key.rust_type {
                    continue;
                }
                if !seen.insert((fk.span.clone(), parent_id, key.variant.clone())) {
                    continue;
                }
                let wanted = if fk.nullable { format!("Option<{}>", key.rust_type) } else { key.rust_type.clone() };
                out.report(
                    &fk.span,
                    format!(
                        "foreign key `{}.{}` is `{}`, but it references `{}.{}`, which is `{}`",
                        child.name, fk.name, fk.rust_type, parent.name, key.name, key.rust_type
                    ),
                )
                .with_primary_label(format!("`{}`", fk.rust_type))
                .with_label(key.span.clone(), format!("`{}`", key.rust_type))
                .with_label(relation.span.clone(), format!("{} joins them", relation_name(child, relation)))
                .with_note(format!(
                    "the database column types differ, so joins and inserts through {} convert or fail at run time",
                    q(&relation.label())
                ))
                .with_help(format!("declare `pub {}: {wanted},`", fk.name));
            }
        }
    }
}
