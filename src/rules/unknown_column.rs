//! `unknown-column`: `from`/`to` naming a column the entity does not have.

use super::support::q;
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{ColumnRef, Entity, EntityId, Project};

pub const RULE: Rule = Rule {
    name: "unknown-column",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a relation's from/to naming a column its entity does not have",
    doc: include_str!("../../rules/unknown-column.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    for entity in &project.entities {
        for relation in &entity.relations {
            // With `self_ref` + `via`, `from`/`to` name junction relations, not columns.
            if relation.via.is_some() {
                continue;
            }
            for column in &relation.from {
                check_ref(project, column, "from", Some(entity.id), out);
            }
            for column in &relation.to {
                check_ref(project, column, "to", relation.target.entity(), out);
            }
        }
    }
}

fn check_ref(project: &Project, column: &ColumnRef, key: &str, expected: Option<EntityId>, out: &mut Findings) {
    let Some(owner_id) = column.entity else { return };
    let owner = project.entity(owner_id);
    if let Some(expected) = expected.filter(|&e| e != owner_id) {
        let side = if key == "from" { "the entity that declares the relation" } else { "the relation's target" };
        out.report(
            &column.span,
            format!(
                "`{key}` names `{}`, a column of {}, but `{key}` must name a column of {side}, {}",
                column.text,
                q(&owner.name),
                q(&project.entity(expected).name)
            ),
        )
        .with_primary_label(format!("column of {}", q(&owner.name)))
        .with_label(
            project.entity(expected).span.clone(),
            format!("{} declared here", q(&project.entity(expected).name)),
        );
        return;
    }
    if owner.column(&column.variant).is_some() {
        return;
    }
    let d = out
        .report(
            &column.span,
            format!("{} has no column `{}` (`{key} = \"{}\"`)", q(&owner.name), written_name(column), column.text),
        )
        .with_primary_label("unknown column")
        .with_label(owner.span.clone(), format!("columns of {} are declared here", q(&owner.name)));
    if let Some(best) = closest_column(owner, &column.variant) {
        let written = if column.text.contains("::") {
            let prefix = column.text.rsplit_once("::").map_or("", |(p, _)| p);
            format!("{prefix}::{}", best.variant)
        } else if column.text.chars().next().is_some_and(char::is_uppercase) {
            best.variant.clone()
        } else {
            best.name.clone()
        };
        d.help = Some(format!("did you mean `{written}`?"));
    } else {
        let known = owner.columns.iter().map(|c| format!("`{}`", c.name)).collect::<Vec<_>>().join(", ");
        d.notes.push(format!("{} has the columns {known}", q(&owner.name)));
    }
}

fn closest_column<'e>(entity: &'e Entity, variant: &str) -> Option<&'e crate::model::Column> {
    entity
        .columns
        .iter()
        .map(|c| (strsim::osa_distance(&c.variant.to_lowercase(), &variant.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.variant.len().max(variant.len()) / 3).max(1))
        .min_by_key(|(d, c)| (*d, c.variant.clone()))
        .map(|(_, c)| c)
}

/// The column as the user spelled it: `cake_id` (dense) or `CakeId` (a `Column::` path).
fn written_name(column: &ColumnRef) -> &str {
    column.text.rsplit("::").next().unwrap_or(&column.text)
}
