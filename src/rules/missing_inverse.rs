//! `missing-inverse`: one side of a relation with nothing on the other side.

use super::support::{belongs_to_snippet, has_many_snippet, many_to_many_snippet, q, related_snippet, relation_name};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{Entity, EntityFormat, RelKind, Relation};

pub const RULE: Rule = Rule {
    name: "missing-inverse",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a has_many/has_one or Related impl whose other side declares nothing back",
    doc: include_str!("../../rules/missing-inverse.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    for a in &ctx.project.entities {
        for relation in &a.relations {
            has_many_or_one(ctx, a, relation, out);
        }
        for related in &a.related_impls {
            hand_written_related(ctx, a, related, out);
        }
    }
}

/// A `has_many`/`has_one` of `a`: its target must declare the way back.
fn has_many_or_one(ctx: &Context, a: &Entity, relation: &Relation, out: &mut Findings) {
    let project = ctx.project;
    let Some(b_id) = relation.target.entity() else { return };
    let b = project.entity(b_id);
    if !matches!(relation.kind, RelKind::HasMany | RelKind::HasOne)
        || !relation.declared
        || relation.reverse
        || ctx.graph.is_incomplete(b_id)
    {
        return;
    }
    if let Some(via) = &relation.via {
        return many_to_many(ctx, a, relation, via, out);
    }
    // `via_rel`/`relation_reverse` name the inverse explicitly:
    // mismatched-inverse checks that it is right.
    if relation.effective_via_rel().is_some() || relation.relation_reverse.is_some() {
        return;
    }
    let back = ctx.graph.belongs_to_back(project, b_id, a.id);
    // Explicit `from`/`to` on a has_one/has_many spell the join out
    // (the pre-1.0 style of the foreign key side).
    if back.is_empty() && relation.from.is_empty() {
        let kind = relation.kind.attr_key();
        let message = format!(
            "{} is a `{kind}` to {}, but {} declares no `belongs_to` back to {}",
            relation_name(a, relation),
            q(&b.name),
            q(&b.name),
            q(&a.name)
        );
        let note = format!(
            "SeaORM builds `{kind}` from the inverse: it reverses `<{} as Related<{}>>::to()`, \
             which needs a `belongs_to` on {} holding the foreign key",
            b.name,
            a.name,
            q(&b.name)
        );
        let help = format!("declare the foreign key side in {}:\n{}", q(&b.name), belongs_to_snippet(project, b, a));
        let d = out
            .report(&relation.span, message)
            .with_primary_label(format!("`{kind}` declared here"))
            .with_label(b.span.clone(), format!("{} has no `belongs_to` to {}", q(&b.name), q(&a.name)))
            .with_note(note)
            .with_help(help);
        // A `BelongsTo<..>` field without its attribute is a loader field only.
        let bare = ctx
            .graph
            .relations_between(project, b_id, a.id)
            .into_iter()
            .find(|r| !r.declared && r.format == EntityFormat::Dense);
        if let Some(bare) = bare {
            d.labels.push(crate::diagnostic::Label {
                span: bare.span.clone(),
                message: format!(
                    "typed as a relation, but without `#[sea_orm(belongs_to, from = \"..\", to = \"..\")]` SeaORM derives no relation from {}",
                    relation_name(b, bare)
                ),
            });
        }
        return;
    }
    // `has_many`/`has_one` call `<B as Related<A>>::to()`: B must implement
    // it, by hand (compact, expanded) or through `#[sea_orm::model]`.
    let hand_written = b.related_impls.iter().any(|r| r.target.entity() == Some(a.id));
    if back.len() != 1 || hand_written || b_id == a.id {
        return;
    }
    let variant = back[0].variant.clone().unwrap_or_default();
    let fields_to_a = b.relations.iter().filter(|r| r.target.entity() == Some(a.id)).count();
    let (message, help) = match b.format {
        EntityFormat::Dense if fields_to_a == 1 => return,
        EntityFormat::Dense => (
            format!(
                "{} needs `impl Related<{}> for {}`, which `#[sea_orm::model]` generates only when {} has one relation field to {}; it has {fields_to_a}",
                relation_name(a, relation),
                a.name,
                b.name,
                q(&b.name),
                q(&a.name)
            ),
            format!("name the inverse instead: `via_rel = \"{variant}\"` on this `{}`", relation.kind.attr_key()),
        ),
        _ => (
            format!(
                "{} needs `impl Related<{}> for {}`: {} has the `belongs_to` but not the `Related` impl",
                relation_name(a, relation),
                a.name,
                b.name,
                q(&b.name)
            ),
            format!(
                "add to {}:\n{}",
                q(&b.name),
                related_snippet(&format!("super::{}::Entity", a.name), &variant)
            ),
        ),
    };
    out.report(&relation.span, message)
        .with_primary_label(format!("`{}` declared here", relation.kind.attr_key()))
        .with_label(back[0].span.clone(), format!("the `belongs_to` in {}", q(&b.name)))
        .with_help(help);
}

/// A many-to-many of `a` through a junction: the far end should declare its way back.
fn many_to_many(ctx: &Context, a: &Entity, relation: &Relation, via: &crate::model::Via, out: &mut Findings) {
    let project = ctx.project;
    let Some(b_id) = relation.target.entity() else { return };
    let b = project.entity(b_id);
    // Many-to-many: the other end should declare its way back.
    if relation.self_ref || ctx.graph.mentions(b_id, a.id) {
        return;
    }
    let Some(junction) = via.junction.entity().map(|j| project.entity(j)) else { return };
    // A junction that does not reach both ends is junction-mismatch's finding.
    let reaches = |end| !ctx.graph.belongs_to_back(project, junction.id, end).is_empty();
    if !reaches(a.id) || !reaches(b_id) {
        return;
    }
    out.report(
        &relation.span,
        format!(
            "{} is a many-to-many relation to {} through {}, but {} declares nothing back to {}",
            relation_name(a, relation),
            q(&b.name),
            q(&junction.name),
            q(&b.name),
            q(&a.name)
        ),
    )
    .with_primary_label(format!("{} to {} declared here", relation.kind.attr_key(), q(&b.name)))
    .with_label(b.span.clone(), format!("{} has no relation to {}", q(&b.name), q(&a.name)))
    .with_help(format!("declare the other side in {}:\n{}", q(&b.name), many_to_many_snippet(b, junction, a)));
}

/// A hand-written `impl Related<B> for Entity` in `a` while `B` says nothing about `a`.
fn hand_written_related(ctx: &Context, a: &Entity, related: &crate::model::RelatedImpl, out: &mut Findings) {
    let project = ctx.project;
    let Some(b_id) = related.target.entity() else { return };
    if b_id == a.id || ctx.graph.mentions(b_id, a.id) || ctx.graph.is_incomplete(b_id) {
        return;
    }
    let b = project.entity(b_id);
    // An entity crate cannot name the crates that depend on it.
    if b.crate_id != a.crate_id {
        return;
    }
    // A `has_many`/`has_one` of A to B is reported above, once.
    let declared: Vec<_> = ctx.graph.relations_between(project, a.id, b_id);
    if declared.iter().any(|r| r.kind != RelKind::BelongsTo) {
        return;
    }
    let fix = match (&related.via, junction_of(project, related)) {
        (Some(_), Some(j)) => many_to_many_snippet(b, project.entity(j), a),
        _ => has_many_snippet(project, b, a),
    };
    out.report(
        &related.span,
        format!(
            "{} implements `Related<{}>`, but {} declares no relation back to {}",
            q(&a.name),
            b.name,
            q(&b.name),
            q(&a.name)
        ),
    )
    .with_primary_label("one side declared here")
    .with_label(b.span.clone(), format!("{} has no relation to {}", q(&b.name), q(&a.name)))
    .with_help(format!("declare the other side in {}:\n{fix}", q(&b.name)));
}

/// The junction a `Related` impl goes through (the owner of its `via()` relation).
fn junction_of(project: &crate::model::Project, related: &crate::model::RelatedImpl) -> Option<crate::model::EntityId> {
    match super::support::endpoints(project, related.via.as_ref()?) {
        super::support::Endpoints::Known(_, j) => Some(j),
        _ => None,
    }
}
