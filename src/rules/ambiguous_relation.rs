//! `ambiguous-relation`: a has_many/has_one back to an entity that has several
//! `belongs_to` to this one, without saying which it pairs with.

use super::support::{q, relation_name};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{EntityFormat, RelKind};

pub const RULE: Rule = Rule {
    name: "ambiguous-relation",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a has_many/has_one back to an entity with several belongs_to here, without via_rel",
    doc: include_str!("../../rules/ambiguous-relation.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    for a in &project.entities {
        for relation in &a.relations {
            if !matches!(relation.kind, RelKind::HasMany | RelKind::HasOne)
                || relation.via.is_some()
                || relation.effective_via_rel().is_some()
                || relation.relation_reverse.is_some()
                || !relation.declared
            {
                continue;
            }
            let Some(b_id) = relation.target.entity() else { continue };
            let b = project.entity(b_id);
            let back = ctx.graph.belongs_to_back(project, b_id, a.id);
            if back.len() < 2 {
                continue;
            }
            let names: Vec<String> = back.iter().filter_map(|r| r.variant.clone()).collect();
            let listed = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let example = names.first().cloned().unwrap_or_default();
            let help = match (relation.kind, a.format) {
                (RelKind::HasOne, _) => format!(
                    "SeaORM reads `via_rel` on `has_many` only: define this side as the reverse of one `belongs_to`, e.g. `super::{}::Relation::{example}.def().rev()` in `impl RelationTrait`, or use a `Linked` per foreign key",
                    b.name
                ),
                (_, EntityFormat::Dense) => format!(
                    "say which one with `via_rel`: `#[sea_orm(has_many, via_rel = \"{example}\")]`, and give each side its own `relation_enum`"
                ),
                (_, EntityFormat::Compact) => format!(
                    "say which one: `#[sea_orm(has_many = \"super::{}::Entity\", via_rel = \"Relation::{example}\")]` (SeaORM 2), or use a `Linked` per foreign key",
                    b.name
                ),
                (_, EntityFormat::Expanded) => format!(
                    "say which one: define the arm as the reverse of one `belongs_to`: `Self::{} => super::{}::Relation::{example}.def().rev(),`",
                    relation.variant.clone().unwrap_or_default(),
                    b.name
                ),
            };
            let d = out
                .report(
                    &relation.span,
                    format!(
                        "{} is ambiguous: {} has {} `belongs_to` relations to {} ({listed})",
                        relation_name(a, relation),
                        q(&b.name),
                        back.len(),
                        q(&a.name)
                    ),
                )
                .with_primary_label(format!("which `belongs_to` of {} is this the inverse of?", q(&b.name)))
                .with_note(format!(
                    "SeaORM pairs `{}` with `<{} as Related<{}>>::to()`, and with several candidates that impl picks one silently, or does not exist",
                    relation.kind.attr_key(),
                    b.name,
                    a.name
                ))
                .with_help(help);
            if relation.via_rel.is_some() && relation.kind == RelKind::HasOne {
                d.notes.push("`via_rel` on a `has_one` is ignored by SeaORM's `DeriveRelation`".to_string());
            }
            for r in back {
                d.labels.push(crate::diagnostic::Label {
                    span: r.span.clone(),
                    message: format!("candidate {}", relation_name(b, r)),
                });
            }
        }
    }
}
