//! `unresolved-target`: a relation that points at no entity of the project.

use super::support::q;
use super::{Context, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::model::Target;
use rustc_hash::FxHashMap;

pub const RULE: Rule = Rule {
    name: "unresolved-target",
    family: "pairing",
    default_severity: Severity::Error,
    summary: "a relation, Related, Linked or via target that is not an entity in the analyzed sources",
    doc: include_str!("../../rules/unresolved-target.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    let mut suggest = Suggestions::new(ctx);
    let out = &mut Reporter { out, suggest: &mut suggest };
    for entity in &ctx.project.entities {
        for relation in &entity.relations {
            out.target(&relation.target, &relation.target_span, "relation target");
            if let Some(via) = &relation.via {
                out.junction(&via.junction, &via.span);
            }
        }
        for related in &entity.related_impls {
            out.target(&related.target, &related.target_span, "`Related` target");
        }
    }
    for linked in &ctx.project.linked {
        for (target, span) in linked.from.iter().chain(&linked.to) {
            out.target(target, span, "`Linked` end");
        }
    }
}

/// Distinct unresolved names that get a "did you mean".
const MAX_SUGGESTED_NAMES: usize = 256;

/// "Did you mean": the closest entity module name, computed once per name
/// written, only for paths that are reported.
struct Suggestions<'a> {
    names: Vec<&'a str>,
    cache: FxHashMap<String, Option<String>>,
}

impl<'a> Suggestions<'a> {
    fn new(ctx: &Context<'a>) -> Self {
        let mut names: Vec<&str> = ctx.project.entities.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        Suggestions { names, cache: FxHashMap::default() }
    }

    /// `super::comentaro::Entity` -> `super::comentario::Entity`.
    fn for_path(&mut self, text: &str) -> Option<String> {
        let segments: Vec<&str> = text.split("::").collect();
        let index = if segments.len() >= 2 && segments.last() == Some(&"Entity") {
            segments.len() - 2
        } else {
            segments.len().saturating_sub(1)
        };
        let written = segments.get(index)?.to_string();
        // Each suggestion costs a distance to every entity name; past a few
        // hundred distinct misses, suggestions stop (the first ones still help).
        if !self.cache.contains_key(&written) && self.cache.len() >= MAX_SUGGESTED_NAMES {
            return None;
        }
        let names = &self.names;
        let best = self
            .cache
            .entry(written.clone())
            .or_insert_with(|| {
                let limit = |n: &str| (n.len().max(written.len()) / 3).max(1);
                names
                    .iter()
                    .filter(|n| **n != written && n.len().abs_diff(written.len()) <= limit(n))
                    .map(|n| (strsim::osa_distance(n, &written), *n))
                    .filter(|(d, n)| *d <= limit(n))
                    .min()
                    .map(|(_, n)| n.to_string())
            })
            .clone()?;
        let mut fixed: Vec<&str> = segments;
        fixed[index] = &best;
        Some(fixed.join("::"))
    }
}

struct Reporter<'f, 's, 'a> {
    out: &'f mut Findings,
    suggest: &'s mut Suggestions<'a>,
}

impl Reporter<'_, '_, '_> {
    /// `via = "film_actors"` names a module; say it the way it was written.
    fn junction(&mut self, target: &Target, span: &Span) {
        let Target::Unresolved { text, uncertain: false, .. } = target else { return };
        let module = |path: &str| path.trim_start_matches("super::").trim_end_matches("::Entity").to_string();
        let suggestion = self.suggest.for_path(text);
        let d = self
            .out
            .report(span, format!("the junction `{}` is not an entity in the analyzed sources", module(text)))
            .with_primary_label("no entity module with this name next to this one");
        if let Some(s) = suggestion {
            d.help = Some(format!("did you mean `via = \"{}\"`?", module(&s)));
        }
    }

    fn target(&mut self, target: &Target, span: &Span, what: &str) {
        let Target::Unresolved { text, module_without_entity, uncertain } = target else { return };
        if *uncertain || text.is_empty() {
            return;
        }
        let why = if *module_without_entity {
            format!("the {what} {} names a module that declares no SeaORM entity", q(text))
        } else {
            format!("the {what} {} is not an entity in the analyzed sources", q(text))
        };
        let suggestion = self.suggest.for_path(text);
        let d = self.out.report(span, why).with_primary_label("not found");
        match suggestion {
            Some(s) => d.help = Some(format!("did you mean `{s}`?")),
            None => d.notes.push(
                "ormlint resolves paths like rustc: `super::`, `crate::`, `use` aliases, `prelude.rs` re-exports, and other workspace crates by package name; analyze the folder that contains the target too"
                    .to_string(),
            ),
        }
    }
}
