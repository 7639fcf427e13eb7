//! `set-null-on-required`: a referential action that writes NULL (or a
//! missing default) into a foreign key column that cannot hold it, so the
//! parent's delete or update fails at run time.

use super::support::{a, action_snippet, creates_foreign_key, fk_columns, fk_text, target_name};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{Column, Entity, EntityFormat, Named, Relation};

pub const RULE: Rule = Rule {
    name: "set-null-on-required",
    family: "cascade",
    default_severity: Severity::Error,
    summary: "on_delete/on_update SetNull on a non-Option foreign key (or SetDefault without a default)",
    doc: include_str!("../../rules/set-null-on-required.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    for child in &ctx.project.entities {
        for relation in child.relations.iter().filter(|r| creates_foreign_key(r)) {
            for (key, action) in [("on_delete", &relation.on_delete), ("on_update", &relation.on_update)] {
                let Some(action) = action else { continue };
                let columns = fk_columns(child, relation);
                match action.name.as_str() {
                    "SetNull" => set_null(ctx, child, relation, key, action, &columns, out),
                    "SetDefault" => set_default(ctx, child, relation, key, action, &columns, out),
                    _ => {}
                }
            }
        }
    }
}

/// What the parent-side event is: "deleting a `user`", "changing a `user`'s key".
fn event(key: &str, parent: &str) -> String {
    if key == "on_delete" {
        format!("deleting {}", a(parent))
    } else {
        format!("changing the key of {}", a(parent))
    }
}

/// NULL does not fit: the database column is NOT NULL, or the `Model` field
/// is not `Option<..>` (when the field is known) so the row cannot be loaded.
fn required(column: &Column) -> bool {
    !column.nullable || !(column.optional || column.rust_type.is_empty())
}

fn set_null(
    ctx: &Context,
    child: &Entity,
    relation: &Relation,
    key: &str,
    action: &Named,
    columns: &[&Column],
    out: &mut Findings,
) {
    let offending: Vec<&Column> = columns.iter().copied().filter(|c| required(c)).collect();
    if offending.is_empty() {
        return;
    }
    let parent = target_name(ctx.project, relation);
    let table = child.table.as_deref().unwrap_or(&child.name);
    let fk = fk_text(child, relation, columns);
    let not_null = fk_text(child, relation, &offending);
    let diagnostic = out
        .report(
            &action.span,
            format!(
                "`{}` on `{not_null}`, which cannot be NULL: {} that still has `{}` rows will fail",
                action_snippet(relation.format, key, "SetNull"),
                event(key, &parent),
                child.name
            ),
        )
        .with_primary_label(format!("sets `{fk}` to NULL"));
    for column in &offending {
        let why = if column.nullable {
            format!(
                "`{}` is `{}`: the column accepts NULL, but the model cannot load it",
                column.name, column.rust_type
            )
        } else if column.optional {
            format!("`{}` has no `.null()` in its column def, so the column is NOT NULL", column.name)
        } else {
            format!("`{}` is `{}`, so the column is NOT NULL", column.name, column.rust_type)
        };
        diagnostic.with_label(column.span.clone(), why);
    }
    let first = offending[0];
    if first.nullable {
        diagnostic.with_note(format!(
            "the database sets `{table}.{}` to NULL, and every later load of that `{}` fails to decode NULL into `{}`",
            first.name, child.name, first.rust_type
        ));
    } else {
        diagnostic.with_note(format!(
            "the database refuses the NULL, so {} fails: SQLite reports `NOT NULL constraint failed: {table}.{}` (measured with sea-orm 2.0.4)",
            event(key, &parent),
            first.name
        ));
    }
    let optional = if first.optional { "`.null()` in its column def".to_string() } else { optional_fix(child, first) };
    let cascade = action_snippet(relation.format, key, "Cascade");
    diagnostic.with_help(format!(
        "make the foreign key optional ({optional}) to keep the `{}` rows, or use `{cascade}` to {} them too",
        child.name,
        if key == "on_delete" { "delete" } else { "update" }
    ));
}

/// `pub user_id: Option<i32>`, plus the dense field change it needs.
fn optional_fix(child: &Entity, column: &Column) -> String {
    let ty = if column.rust_type.is_empty() { "..".to_string() } else { column.rust_type.clone() };
    let field = format!("`pub {}: Option<{ty}>`", column.name);
    if child.format == EntityFormat::Dense {
        format!("{field}, with `HasOne<..>` in place of `BelongsTo<..>`")
    } else {
        field
    }
}

fn set_default(
    ctx: &Context,
    child: &Entity,
    relation: &Relation,
    key: &str,
    action: &Named,
    columns: &[&Column],
    out: &mut Findings,
) {
    let offending: Vec<&Column> = columns.iter().copied().filter(|c| !c.has_default).collect();
    if offending.is_empty() {
        return;
    }
    let parent = target_name(ctx.project, relation);
    let table = child.table.as_deref().unwrap_or(&child.name);
    let fk = fk_text(child, relation, columns);
    let any_required = offending.iter().any(|c| !c.nullable);
    let message = if any_required {
        format!(
            "`{}` on `{fk}`, which has no default and cannot be NULL: {} that still has `{}` rows will fail",
            action_snippet(relation.format, key, "SetDefault"),
            event(key, &parent),
            child.name
        )
    } else {
        format!(
            "`{}` on `{fk}`, which has no default: the database sets NULL instead",
            action_snippet(relation.format, key, "SetDefault")
        )
    };
    let diagnostic = out.report(&action.span, message).with_primary_label(format!("sets `{fk}` to its default"));
    for column in &offending {
        diagnostic.with_label(column.span.clone(), format!("`{}` declares no `default_value`", column.name));
    }
    let first = offending[0];
    if any_required {
        diagnostic.with_note(format!(
            "a column without a default defaults to NULL, so the database refuses it: SQLite reports `NOT NULL constraint failed: {table}.{}` (measured with sea-orm 2.0.4)",
            first.name
        ));
    } else {
        diagnostic.with_note("a column without a default defaults to NULL, so this is `SetNull` in disguise");
    }
    diagnostic.with_note("MySQL's InnoDB rejects `SET DEFAULT` foreign keys altogether");
    let default = match child.format {
        EntityFormat::Expanded => "`.default(..)` in its `ColumnTrait::def`".to_string(),
        _ => format!("`#[sea_orm(default_value = ..)]` on `{}`", first.name),
    };
    let alternative = if any_required { "Cascade" } else { "SetNull" };
    diagnostic.with_help(format!(
        "give the column a default that names an existing `{}` ({default}), or write `{}`",
        parent,
        action_snippet(relation.format, key, alternative)
    ));
}
