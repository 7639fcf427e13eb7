//! `unresolved-target`: a relation that points at no entity of the project.

use super::support::q;
use super::{Context, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::model::Target;

pub const RULE: Rule = Rule {
    name: "unresolved-target",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a relation, Related, Linked or via target that is not an entity in the analyzed sources",
    doc: include_str!("../../rules/unresolved-target.md"),
    check,
};

fn check(ctx: &Context, out: &mut Findings) {
    for entity in &ctx.project.entities {
        for relation in &entity.relations {
            report(out, &relation.target, &relation.target_span, "relation target");
            if let Some(via) = &relation.via {
                report_junction(out, &via.junction, &via.span);
            }
        }
        for related in &entity.related_impls {
            report(out, &related.target, &related.target_span, "`Related` target");
        }
    }
    for linked in &ctx.project.linked {
        for (target, span) in linked.from.iter().chain(&linked.to) {
            report(out, target, span, "`Linked` end");
        }
    }
}

/// `via = "film_actors"` names a module; say it the way it was written.
fn report_junction(out: &mut Findings, target: &Target, span: &Span) {
    let Target::Unresolved { text, suggestion, uncertain: false, .. } = target else { return };
    let module = |path: &str| path.trim_start_matches("super::").trim_end_matches("::Entity").to_string();
    let d = out
        .report(span, format!("the junction `{}` is not an entity in the analyzed sources", module(text)))
        .with_primary_label("no entity module with this name next to this one");
    if let Some(s) = suggestion {
        d.help = Some(format!("did you mean `via = \"{}\"`?", module(s)));
    }
}

fn report(out: &mut Findings, target: &Target, span: &Span, what: &str) {
    let Target::Unresolved { text, suggestion, module_without_entity, uncertain } = target else { return };
    if *uncertain || text.is_empty() {
        return;
    }
    let why = if *module_without_entity {
        format!("the {what} {} names a module that declares no SeaORM entity", q(text))
    } else {
        format!("the {what} {} is not an entity in the analyzed sources", q(text))
    };
    let d = out.report(span, why).with_primary_label("not found");
    match suggestion {
        Some(s) => {
            d.help = Some(format!("did you mean `{s}`?"));
        }
        None => {
            d.notes.push(
                "ormlint resolves paths like rustc: `super::`, `crate::`, `use` aliases, `prelude.rs` re-exports, and other workspace crates by package name; analyze the folder that contains the target too"
                    .to_string(),
            );
        }
    }
}
