//! `junction-mismatch`: a many-to-many whose junction does not connect the two ends.

use super::support::{belongs_to_snippet, endpoints, q, relation_name, Endpoints};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{Entity, Project, RelKind, Relation};
use heck::ToUpperCamelCase;

pub const RULE: Rule = Rule {
    name: "junction-mismatch",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a many-to-many whose junction lacks the belongs_to to one of the two ends",
    doc: include_str!("../../rules/junction-mismatch.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    for entity in &project.entities {
        for relation in &entity.relations {
            dense_via(ctx, entity, relation, out);
        }
        for related in &entity.related_impls {
            if related.via.is_none() {
                continue;
            }
            for def in related.via.iter().chain(&related.to) {
                if let Endpoints::MissingVariant { owner, variant } = endpoints(project, def) {
                    let junction = project.entity(owner);
                    out.report(
                        &def.span,
                        format!("junction {} has no relation `{variant}` (used by `{}`)", q(&junction.name), def.text),
                    )
                    .with_primary_label("no such relation in the junction")
                    .with_label(
                        junction.relation_enum.clone().unwrap_or(junction.span.clone()),
                        format!("relations of {}", q(&junction.name)),
                    )
                    .with_help(belongs_to_list(junction));
                }
            }
        }
    }
}

fn add_belongs_to(project: &Project, junction: &Entity, end: &Entity) -> String {
    format!("add to {}:\n{}", q(&junction.name), belongs_to_snippet(project, junction, end))
}

fn belongs_to_list(junction: &Entity) -> String {
    let list: Vec<String> = junction
        .relations
        .iter()
        .filter(|r| r.kind == RelKind::BelongsTo)
        .filter_map(|r| r.variant.clone())
        .map(|v| format!("`{v}`"))
        .collect();
    if list.is_empty() {
        format!("{} declares no `belongs_to`: a junction needs one to each end", q(&junction.name))
    } else {
        format!("{} declares `belongs_to` {}", q(&junction.name), list.join(", "))
    }
}

/// Dense `#[sea_orm(has_many, via = "j")]` on A to B: the macro uses
/// `j::Relation::<B's variant>` for `to()` and j's only `belongs_to` to A for `via()`.
fn dense_via(ctx: &Context, a: &Entity, relation: &Relation, out: &mut Findings) {
    let (project, graph) = (ctx.project, ctx.graph);
    let Some(via) = &relation.via else { return };
    let Some(j_id) = via.junction.entity() else { return };
    let Some(b_id) = relation.target.entity() else { return };
    if relation.reverse {
        return;
    }
    let junction = project.entity(j_id);
    let b = project.entity(b_id);
    let belongs = |to: usize| -> Vec<&Relation> {
        junction.relations.iter().filter(|r| r.kind == RelKind::BelongsTo && r.target.entity() == Some(to)).collect()
    };
    let report = |out: &mut Findings, message: String, help: String| {
        out.report(&relation.span, message)
            .with_primary_label(format!("many-to-many through {}", q(&junction.name)))
            .with_label(junction.span.clone(), format!("junction {}", q(&junction.name)))
            .with_help(help);
    };
    if relation.self_ref {
        // `self_ref, via = "j", from = "User", to = "Follower"`: both are junction relations back here.
        for named in relation.from.iter().chain(&relation.to) {
            let ok = junction.relation_variant(&named.variant).is_some_and(|r| {
                r.kind == RelKind::BelongsTo && r.target.entity().is_some_and(|t| graph.same_table(t, a.id))
            });
            if !ok {
                report(
                    out,
                    format!("junction {} has no `belongs_to` `{}` to {}", q(&junction.name), named.variant, q(&a.name)),
                    belongs_to_list(junction),
                );
            }
        }
        return;
    }
    // The `to()` side: j -> B, named after B's module unless relation_enum says otherwise.
    let to_variant = relation
        .relation_enum
        .as_ref()
        .map(|n| n.name.to_upper_camel_case())
        .unwrap_or_else(|| b.name.to_upper_camel_case());
    // The junction lacks the `belongs_to` to one end: say which, and what to add.
    let missing_end = |out: &mut Findings, end: &Entity| {
        let message = format!(
            "{} goes through {}, which has no `belongs_to` to {}",
            relation_name(a, relation),
            q(&junction.name),
            q(&end.name)
        );
        report(out, message, add_belongs_to(project, junction, end));
    };
    let to_b = belongs(b_id);
    if to_b.is_empty() {
        missing_end(out, b);
        return;
    }
    if !to_b.iter().any(|r| r.variant.as_deref() == Some(to_variant.as_str())) {
        let actual = to_b[0].variant.clone().unwrap_or_default();
        report(
            out,
            format!(
                "{} expects the junction relation `{}::Relation::{to_variant}`, but {}'s `belongs_to` to {} is named `{actual}`",
                relation_name(a, relation),
                junction.name,
                q(&junction.name),
                q(&b.name)
            ),
            format!("add `relation_enum = \"{actual}\"` to this field, so the macro uses the junction's name for it"),
        );
        return;
    }
    // The `via()` side: j -> A.
    let to_a = belongs(a.id);
    match (&via.variant, to_a.len()) {
        (Some(v), _) => {
            if !to_a.iter().any(|r| r.variant.as_deref() == Some(v.as_str())) {
                report(
                    out,
                    format!(
                        "`via = \"{}::{v}\"`: {} has no `belongs_to` `{v}` to {}",
                        junction.name,
                        q(&junction.name),
                        q(&a.name)
                    ),
                    belongs_to_list(junction),
                );
            }
        }
        (None, 0) => missing_end(out, a),
        (None, 1) => {}
        (None, n) => report(
            out,
            format!(
                "{} goes through {}, which has {n} `belongs_to` to {}; the macro cannot tell which is this side",
                relation_name(a, relation),
                q(&junction.name),
                q(&a.name)
            ),
            format!("name it: `via = \"{}::{}\"`", junction.name, to_a[0].variant.clone().unwrap_or_default()),
        ),
    }
}
