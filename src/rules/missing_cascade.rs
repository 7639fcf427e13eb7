//! `missing-cascade`: a `belongs_to` that leaves `on_delete` to the database
//! default, which refuses to delete a parent that still has children.

use super::support::{a, action_snippet, creates_foreign_key, fk_columns, fk_text, nullable_fk, target_name};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{Entity, RelKind, Relation};
use serde::{Deserialize, Serialize};

pub const RULE: Rule = Rule {
    name: "missing-cascade",
    family: "cascade",
    default_severity: Severity::Warning,
    summary: "a belongs_to without on_delete: deleting a parent that still has children fails",
    doc: include_str!("../../rules/missing-cascade.md"),
    options: &["only-when-inverse"],
    check: Some(check),
};

/// `[rules.missing-cascade]` in `ormlint.toml`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Only report relations whose parent declares the inverse `has_many`/`has_one`.
    pub only_when_inverse: bool,
}

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    // Generated entities mirror the database: its foreign keys are what they
    // are, and the expanded writer leaves referential actions out anyway.
    for child in project.entities.iter().filter(|e| !e.generated) {
        for relation in child.relations.iter().filter(|r| creates_foreign_key(r) && r.on_delete.is_none()) {
            let inverse =
                relation.target.entity().map(|p| project.entity(p)).and_then(|p| inverse(p, child.id).map(|r| (p, r)));
            if ctx.options.missing_cascade.only_when_inverse && inverse.is_none() {
                continue;
            }
            let parent = target_name(project, relation);
            let columns = fk_columns(child, relation);
            let fk = fk_text(child, relation, &columns);
            let optional = nullable_fk(&columns);
            let diagnostic = out
                .report(
                    &relation.span,
                    format!(
                        "`{fk}` has no `on_delete`: deleting {} that still has `{}` rows will fail",
                        a(&parent),
                        child.name
                    ),
                )
                .with_primary_label("no `on_delete`, so the foreign key takes the default, NO ACTION");
            if let Some((owner, declared)) = inverse {
                diagnostic.with_label(
                    declared.span.clone(),
                    format!("the `{}` rows of {}, which keep it from being deleted", child.name, a(&owner.name)),
                );
            }
            diagnostic.with_note("NO ACTION refuses to delete a row that is still referenced: SQLite reports `FOREIGN KEY constraint failed` (measured with sea-orm 2.0.4), PostgreSQL and MySQL refuse it too");
            let say = |action: &str| format!("`{}`", action_snippet(relation.format, "on_delete", action));
            let help = if optional {
                format!(
                    "say what deleting {} does: {} keeps its `{}` rows and clears `{fk}`, {} deletes them, {} refuses the delete on purpose",
                    a(&parent),
                    say("SetNull"),
                    child.name,
                    say("Cascade"),
                    say("Restrict")
                )
            } else {
                format!(
                    "say what deleting {} does: {} deletes its `{}` rows with it, {} refuses the delete on purpose",
                    a(&parent),
                    say("Cascade"),
                    child.name,
                    say("Restrict")
                )
            };
            diagnostic.with_help(help);
        }
    }
}

/// The `has_many`/`has_one` of `parent` that lists `child`, if it declares one.
fn inverse(parent: &Entity, child: usize) -> Option<&Relation> {
    parent.relations.iter().find(|r| {
        matches!(r.kind, RelKind::HasMany | RelKind::HasOne) && r.via.is_none() && r.target.entity() == Some(child)
    })
}
