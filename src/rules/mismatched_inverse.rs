//! `mismatched-inverse`: both sides exist but do not describe the same relation.

use super::support::{endpoints, q, relation_name, strip_relation_prefix, Endpoints};
use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::model::{Entity, EntityId, Project, RelDef, RelKind, Relation};

pub const RULE: Rule = Rule {
    name: "mismatched-inverse",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "two sides of a relation that exist but disagree (Related::to, via_rel, Linked, has_one cardinality)",
    doc: include_str!("../../rules/mismatched-inverse.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    for entity in &project.entities {
        related_impls(ctx, entity, out);
        for relation in &entity.relations {
            named_inverse(project, entity, relation, out);
            has_one_cardinality(ctx, entity, relation, out);
        }
    }
    for link in &project.linked {
        linked(ctx, link, out);
    }
}

fn name(project: &Project, id: EntityId) -> String {
    q(&project.entity(id).name)
}

/// `impl Related<T> for Entity`: `to()` (and `via()`) must lead from this entity to `T`.
fn related_impls(ctx: &Context, entity: &Entity, out: &mut Findings) {
    let (project, same) = (ctx.project, |a, b| ctx.graph.same_table(a, b));
    for related in &entity.related_impls {
        let Some(target) = related.target.entity() else { continue };
        let Some(to) = &related.to else { continue };
        match &related.via {
            None => match endpoints(project, to) {
                Endpoints::Known(from, end) if !same(from, entity.id) || !same(end, target) => {
                    let help = direct_relation(entity, target).map_or_else(
                        || {
                            format!(
                                "declare a relation from {} to {} and return it from `to()`",
                                q(&entity.name),
                                name(project, target)
                            )
                        },
                        |variant| {
                            format!("return the relation to {}: `Relation::{variant}.def()`", name(project, target))
                        },
                    );
                    out.report(
                        &to.span,
                        format!(
                            "`impl Related<{}>` for {} returns `{}`, which leads from {} to {}",
                            project.entity(target).name,
                            q(&entity.name),
                            to.text,
                            name(project, from),
                            name(project, end)
                        ),
                    )
                    .with_primary_label(format!("this relation ends at {}", name(project, end)))
                    .with_label(
                        related.span.clone(),
                        format!("`to()` must lead from {} to {}", q(&entity.name), name(project, target)),
                    )
                    .with_help(help);
                }
                Endpoints::MissingVariant { owner, variant } => {
                    out.report(
                        &to.span,
                        format!(
                            "`impl Related<{}>` for {} returns `{}`, but {} has no relation `{variant}`",
                            project.entity(target).name,
                            q(&entity.name),
                            to.text,
                            name(project, owner)
                        ),
                    )
                    .with_primary_label("no such relation")
                    .with_label(
                        project.entity(owner).relation_enum.clone().unwrap_or(project.entity(owner).span.clone()),
                        "the relations are declared here",
                    );
                }
                _ => {}
            },
            Some(via) => {
                let via_ends = endpoints(project, via);
                let to_ends = endpoints(project, to);
                // A missing junction variant is junction-mismatch's finding.
                let (Endpoints::Known(v_from, junction), Endpoints::Known(t_from, t_to)) = (via_ends, to_ends) else {
                    continue;
                };
                let target_name = &project.entity(target).name;
                let help = junction_fix(ctx, project.entity(junction), entity.id, target);
                if !same(v_from, entity.id) {
                    let message = format!(
                        "`via()` of `impl Related<{target_name}>` for {} returns `{}`, which leads from {} to {} \
                         instead of from {} to the junction",
                        q(&entity.name),
                        via.text,
                        name(project, v_from),
                        name(project, junction),
                        q(&entity.name)
                    );
                    let label = format!("`via()` must lead from {} to the junction", q(&entity.name));
                    report_via(out, via, related.span.clone(), message, label, help.clone());
                }
                if !same(t_from, junction) || !same(t_to, target) {
                    let message = format!(
                        "`to()` of `impl Related<{target_name}>` for {} returns `{}`, which leads from {} to {}; \
                         it must lead from the junction {} to {}",
                        q(&entity.name),
                        to.text,
                        name(project, t_from),
                        name(project, t_to),
                        name(project, junction),
                        name(project, target)
                    );
                    let label = format!("`to()` must lead from the junction to {}", name(project, target));
                    report_via(out, to, related.span.clone(), message, label, help);
                }
            }
        }
    }
}

fn report_via(
    out: &mut Findings,
    def: &RelDef,
    impl_span: crate::diagnostic::Span,
    message: String,
    label: String,
    help: Option<String>,
) {
    let d = out
        .report(&def.span, message)
        .with_primary_label("this relation does not connect")
        .with_label(impl_span, label)
        .with_note("a many-to-many `Related` goes `via()`: this entity -> junction, then `to()`: junction -> target; `.rev()` flips a `belongs_to` of the junction");
    d.help = help;
}

/// The corrected `to()`/`via()` pair, when the junction has exactly one
/// `belongs_to` to each end.
fn junction_fix(ctx: &Context, junction: &Entity, from: EntityId, target: EntityId) -> Option<String> {
    let only_variant_to = |end: EntityId| {
        let mut found = junction.relations.iter().filter(|r| {
            r.kind == RelKind::BelongsTo && r.target.entity().is_some_and(|t| ctx.graph.same_table(t, end))
        });
        let first = found.next()?;
        found.next().is_none().then(|| first.variant.clone()).flatten()
    };
    let (back, forward) = (only_variant_to(from)?, only_variant_to(target)?);
    let j = &junction.name;
    Some(format!(
        "write `fn to() -> RelationDef {{ super::{j}::Relation::{forward}.def() }}` and `fn via() -> Option<RelationDef> {{ Some(super::{j}::Relation::{back}.def().rev()) }}`"
    ))
}

/// The variant of `entity`'s own relation to `target`, when there is exactly one.
fn direct_relation(entity: &Entity, target: EntityId) -> Option<String> {
    let mut found = entity.relations.iter().filter(|r| r.target.entity() == Some(target) && r.via.is_none());
    let first = found.next()?;
    found.next().is_none().then(|| first.variant.clone()).flatten()
}

/// `via_rel` (has_many/has_one) and `relation_reverse` (self-referencing has_many)
/// must name a `belongs_to` of the target that points back here.
fn named_inverse(project: &Project, entity: &Entity, relation: &Relation, out: &mut Findings) {
    if !matches!(relation.kind, RelKind::HasMany | RelKind::HasOne) || relation.via.is_some() {
        return;
    }
    let Some(target_id) = relation.target.entity() else { return };
    let (key, named) = match (relation.effective_via_rel(), &relation.relation_reverse) {
        (Some(v), _) => ("via_rel", v),
        (None, Some(r)) if relation.self_ref => ("relation_reverse", r),
        _ => return,
    };
    let target = project.entity(target_id);
    let variant = strip_relation_prefix(&named.name);
    let candidates: Vec<&Relation> = target
        .relations
        .iter()
        .filter(|r| r.kind == RelKind::BelongsTo && r.target.entity() == Some(entity.id))
        .collect();
    let candidate_list =
        candidates.iter().filter_map(|r| r.variant.clone()).map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
    let help = if candidates.is_empty() {
        format!("{} has no `belongs_to` to {}: declare one first", q(&target.name), q(&entity.name))
    } else {
        format!("name one of {}'s `belongs_to` relations to {}: {candidate_list}", q(&target.name), q(&entity.name))
    };
    match target.relation_variant(variant) {
        None => {
            out.report(&named.span, format!("`{key} = \"{}\"` names no relation of {}", named.name, q(&target.name)))
                .with_primary_label(format!("{} has no relation `{variant}`", q(&target.name)))
                .with_label(relation.span.clone(), format!("{} declared here", relation_name(entity, relation)))
                .with_help(help);
        }
        Some(other) if other.kind != RelKind::BelongsTo || other.target.entity() != Some(entity.id) => {
            let ends = other.target.entity().map_or_else(|| "an unresolved entity".to_string(), |t| name(project, t));
            out.report(
                &named.span,
                format!(
                    "`{key} = \"{}\"` names {}, a `{}` to {}, not a `belongs_to` back to {}",
                    named.name,
                    relation_name(target, other),
                    other.kind.attr_key(),
                    ends,
                    q(&entity.name)
                ),
            )
            .with_primary_label("wrong inverse")
            .with_label(other.span.clone(), format!("{} is declared here", relation_name(target, other)))
            .with_help(help);
        }
        Some(_) => {}
    }
}

/// `has_one` promises at most one child row: the child's foreign key must be unique.
fn has_one_cardinality(ctx: &Context, entity: &Entity, relation: &Relation, out: &mut Findings) {
    let project = ctx.project;
    if relation.kind != RelKind::HasOne || !relation.declared || relation.via.is_some() {
        return;
    }
    let Some(child_id) = relation.target.entity() else { return };
    let child = project.entity(child_id);
    let back = match relation.effective_via_rel() {
        Some(v) => child
            .relation_variant(strip_relation_prefix(&v.name))
            .filter(|r| r.kind == RelKind::BelongsTo)
            .into_iter()
            .collect(),
        None => ctx.graph.belongs_to_back(project, child_id, entity.id),
    };
    let [back] = back.as_slice() else { return };
    let columns: Vec<_> = back.from.iter().filter_map(|c| child.column(&c.variant)).collect();
    if columns.is_empty() || columns.len() != back.from.len() {
        return;
    }
    let keys: Vec<_> = child.columns.iter().filter(|c| c.primary_key).map(|c| c.variant.as_str()).collect();
    let is_key = {
        let mut fk: Vec<_> = columns.iter().map(|c| c.variant.as_str()).collect();
        let mut pk = keys.clone();
        fk.sort_unstable();
        pk.sort_unstable();
        fk == pk
    };
    // `unique_key = "k"` groups columns into one unique key: the FK is unique
    // when it is exactly such a group.
    let in_unique_key = columns[0].unique_key.as_ref().is_some_and(|k| {
        let group: Vec<&str> =
            child.columns.iter().filter(|c| c.unique_key.as_ref() == Some(k)).map(|c| c.variant.as_str()).collect();
        group.len() == columns.len() && columns.iter().all(|c| group.contains(&c.variant.as_str()))
    });
    let unique = is_key || in_unique_key || (columns.len() == 1 && columns[0].unique);
    if unique {
        return;
    }
    let fk_names = columns.iter().map(|c| format!("{}.{}", child.name, c.name)).collect::<Vec<_>>().join(", ");
    out.report(
        &relation.span,
        format!(
            "{} is a `has_one`, but the foreign key `{fk_names}` is not unique, so many {} rows can point at one {}",
            relation_name(entity, relation),
            q(&child.name),
            q(&entity.name)
        ),
    )
    .with_primary_label("`has_one` declared here")
    .with_label(columns[0].span.clone(), "not unique")
    .with_help(format!(
        "mark the column `#[sea_orm(unique)]` in {}, or declare `has_many` if several rows are intended",
        q(&child.name)
    ));
}

/// `impl Linked`: each hop must start where the previous one ended.
fn linked(ctx: &Context, link: &crate::model::Linked, out: &mut Findings) {
    let (project, same) = (ctx.project, |a, b| ctx.graph.same_table(a, b));
    // `link()` built some other way than a literal `vec![..]`: nothing to check.
    if link.hops.is_empty() {
        return;
    }
    let mut at = link.from.as_ref().and_then(|(t, _)| t.entity());
    let mut previous: Option<&RelDef> = None;
    for (i, hop) in link.hops.iter().enumerate() {
        match endpoints(project, hop) {
            Endpoints::Known(from, to) => {
                if let Some(expected) = at.filter(|&e| !same(e, from)) {
                    let after = previous.map_or_else(
                        || format!("`FromEntity` is {}", name(project, expected)),
                        |_| format!("hop {} ends at {}", i, name(project, expected)),
                    );
                    let d = out
                        .report(
                            &hop.span,
                            format!(
                                "hop {} of `Linked` `{}` starts at {}, but {after}",
                                i + 1,
                                link.name,
                                name(project, from)
                            ),
                        )
                        .with_primary_label(format!("goes {} -> {}", name(project, from), name(project, to)))
                        .with_help("add `.rev()` if the relation is declared the other way, or insert the missing hop");
                    if let Some(p) = previous {
                        d.labels.push(crate::diagnostic::Label {
                            span: p.span.clone(),
                            message: format!("ends at {}", name(project, expected)),
                        });
                    }
                    return;
                }
                at = Some(to);
            }
            Endpoints::MissingVariant { owner, variant } => {
                out.report(
                    &hop.span,
                    format!(
                        "hop {} of `Linked` `{}` uses `{}`, but {} has no relation `{variant}`",
                        i + 1,
                        link.name,
                        hop.text,
                        name(project, owner)
                    ),
                )
                .with_primary_label("no such relation");
                return;
            }
            Endpoints::Unknown => return,
        }
        previous = Some(hop);
    }
    if let (Some(end), Some((to_target, to_span))) = (at, &link.to) {
        if let Some(expected) = to_target.entity().filter(|&t| !same(t, end)) {
            let last = link.hops.last().map_or(link.span.clone(), |h| h.span.clone());
            out.report(
                &last,
                format!(
                    "`Linked` `{}` ends at {}, but its `ToEntity` is {}",
                    link.name,
                    name(project, end),
                    name(project, expected)
                ),
            )
            .with_primary_label(format!("the last hop ends at {}", name(project, end)))
            .with_label(to_span.clone(), "`ToEntity` declared here");
        }
    }
}
