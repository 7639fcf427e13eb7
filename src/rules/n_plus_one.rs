//! `n-plus-one`: a query that runs once per item of a loop, an iterator
//! adapter or a set of concurrent futures, where one query for all items would do.
//!
//! The per-file facts say which calls reach the database and what their key
//! arguments depend on ([`crate::parse::facts::FnFacts`]); [`helpers`] follows
//! calls into the analyzed code's own functions, so a loop that calls
//! `load_author(db, &post)` is caught when `load_author` (or what it calls) queries.

mod helpers;

use super::{Context, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::model::Function;
use crate::parse::facts::{LoopFact, LoopKind, Orm, QueryFact, QueryShape, WriteVerb};
use helpers::{FnId, Helpers, Hop};
use serde::{Deserialize, Serialize};

pub const RULE: Rule = Rule {
    name: "n-plus-one",
    family: "queries",
    default_severity: Severity::Warning,
    summary: "a query runs once per item of a loop or iterator: load what the items need in one query",
    doc: include_str!("../../rules/n-plus-one.md"),
    options: &["max-helper-depth", "literal-lists"],
    check: Some(check),
};

/// `[rules.n-plus-one]` in `ormlint.toml`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// How many helper functions deep a query behind a call is still reported.
    pub max_helper_depth: usize,
    /// Also report loops over fixed literal lists (`for kind in ["a", "b"]`).
    pub literal_lists: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_helper_depth: 3, literal_lists: false }
    }
}

fn check(ctx: &Context, out: &mut Findings) {
    let options = &ctx.options.n_plus_one;
    let functions = &ctx.project.functions;
    let helpers = Helpers::build(functions, options.max_helper_depth);
    for function in functions {
        for query in &function.facts.queries {
            if let Some(index) = innermost(function, query.deps.loops, options) {
                direct(function, index, query, out);
            }
        }
    }
    for (id, function) in functions.iter().enumerate() {
        for (call_index, call) in function.facts.calls.iter().enumerate() {
            // The shortest chain through any argument that depends on an item.
            let mut best: Option<(usize, FnId, usize, u64)> = None;
            for &callee in &helpers.resolved[id][call_index] {
                for (param, arg) in call.args.iter().enumerate() {
                    if arg.loops == 0 {
                        continue;
                    }
                    let Some(reach) = helpers.reach[callee].get(param).copied().flatten() else { continue };
                    if reach.depth <= options.max_helper_depth && best.is_none_or(|b| reach.depth < b.0) {
                        best = Some((reach.depth, callee, param, arg.loops));
                    }
                }
            }
            let Some((_, callee, param, loops)) = best else { continue };
            if let Some(index) = innermost(function, loops, options) {
                through_helper(&helpers, function, index, call_index, callee, param, out);
            }
        }
    }
}

/// The innermost per-item context among `loops` that the options let count.
fn innermost(function: &Function, loops: u64, options: &Options) -> Option<usize> {
    (0..function.facts.loops.len().min(64))
        .rev()
        .find(|&i| loops & (1 << i) != 0 && (options.literal_lists || !function.facts.loops[i].literal))
}

fn direct(function: &Function, index: usize, query: &QueryFact, out: &mut Findings) {
    let each = &function.facts.loops[index];
    let span = Span::new(function.file, query.span.clone());
    let diagnostic = out
        .report(&span, format!("query runs once for every {} (N+1)", item_phrase(each)))
        .with_primary_label(format!("runs once per {}", item_word(each)))
        .with_label(Span::new(function.file, each.header.clone()), loop_label(each))
        .with_help(help(query, each));
    if let Some(how) = &each.concurrent {
        diagnostic.with_note(concurrent_note(how));
    }
}

fn through_helper(
    helpers: &Helpers,
    function: &Function,
    index: usize,
    call_index: usize,
    callee: FnId,
    param: usize,
    out: &mut Findings,
) {
    let each = &function.facts.loops[index];
    let call = &function.facts.calls[call_index];
    let first = helpers.function(callee);
    let path = helpers.path(callee, param);
    let Some(&(last_fn, Hop::Query(query_index))) = path.last() else { return };
    let query = &helpers.function(last_fn).facts.queries[query_index];
    let span = Span::new(function.file, call.span.clone());
    let mut names = vec![format!("`{}`", function.facts.name)];
    let diagnostic = out
        .report(
            &span,
            format!("`{}` queries the database once for every {} (N+1)", first.facts.name, item_phrase(each)),
        )
        .with_primary_label(format!("calls `{}` for each {}", first.facts.name, item_word(each)))
        .with_label(Span::new(function.file, each.header.clone()), loop_label(each));
    for &(f, hop) in &path {
        let helper = helpers.function(f);
        names.push(format!("`{}`", helper.facts.name));
        match hop {
            Hop::Call { call, callee, .. } => {
                let next = &helpers.function(callee).facts.name;
                let at = Span::new(helper.file, helper.facts.calls[call].span.clone());
                diagnostic.with_label(at, format!("`{}` calls `{next}` with it", helper.facts.name));
            }
            Hop::Query(q) => {
                let at = Span::new(helper.file, helper.facts.queries[q].span.clone());
                diagnostic.with_label(at, format!("`{}` runs this query on every call", helper.facts.name));
            }
        }
    }
    diagnostic.with_note(format!("call chain: {} -> query", names.join(" -> ")));
    if let Some(how) = &each.concurrent {
        diagnostic.with_note(concurrent_note(how));
    }
    diagnostic.with_help(format!(
        "load what `{}` needs for all items before the loop and pass it in; {}",
        first.facts.name,
        help(query, each)
    ));
}

/// "`post` of `posts`", "iteration of this loop".
fn item_phrase(each: &LoopFact) -> String {
    match (each.item.is_empty(), each.over.is_empty()) {
        (false, false) => format!("`{}` of `{}`", each.item, each.over),
        (false, true) => format!("`{}`", each.item),
        (true, _) => "iteration of this loop".to_string(),
    }
}

fn item_word(each: &LoopFact) -> String {
    if each.item.is_empty() {
        "iteration".to_string()
    } else {
        format!("`{}`", each.item)
    }
}

fn loop_label(each: &LoopFact) -> String {
    match (each.kind, each.over.is_empty()) {
        (LoopKind::Closure, _) => format!("called once per item of `{}`", each.over),
        (_, false) => format!("the loop over `{}`", each.over),
        (_, true) => "the loop".to_string(),
    }
}

fn concurrent_note(how: &str) -> String {
    format!(
        "`{how}` runs these queries concurrently, but each is still its own round-trip: N items still cost N queries and hold up to N connections"
    )
}

/// The collection the items come from, as a variable: `posts` for `posts.iter()`.
fn collection(each: &LoopFact) -> String {
    let mut over = each.over.trim_start_matches('&').trim_start_matches("mut ").to_string();
    for suffix in [".iter()", ".into_iter()", ".iter_mut()", ".clone()"] {
        if let Some(rest) = over.strip_suffix(suffix) {
            over = rest.to_string();
        }
    }
    let simple = !over.is_empty() && over.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    if simple {
        over
    } else {
        "items".to_string()
    }
}

/// The eager form that replaces this query, in the ORM's own terms.
fn help(query: &QueryFact, each: &LoopFact) -> String {
    let items = collection(each);
    if query.orm == Orm::SeaOrm && query.executor == "count" {
        return "count for all items in one query: `select_only().column(<foreign key>).column_as(<primary key>.count(), \"n\").group_by(<foreign key>)` on the counted entity, then look each item's count up by key".to_string();
    }
    match (query.orm, &query.shape) {
        (Orm::SeaOrm, QueryShape::Related { target, linked: false, one: true }) => format!(
            "load them for all items in one query before the loop: `{items}.load_one({target}, db).await?` (`LoaderTrait`), or select both together with `find_also_related({target})`"
        ),
        (Orm::SeaOrm, QueryShape::Related { target, linked: false, one: false }) => format!(
            "load them for all items in one query before the loop: `{items}.load_many({target}, db).await?` (`LoaderTrait`; `load_many_to_many` through a junction), `find_with_related({target})` on the query that loaded the items, or with 2.0 entities `Entity::load().with({target})`"
        ),
        (Orm::SeaOrm, QueryShape::Related { target, linked: true, one }) => format!(
            "follow the link for all items in one query: `{}({target})` on the query that loaded the items",
            if *one { "find_also_linked" } else { "find_with_linked" }
        ),
        (Orm::SeaOrm, QueryShape::ById { entity }) => format!(
            "collect the keys and fetch once before the loop: `{}::find().filter(<primary key column>.is_in(ids)).all(db)`, or `{items}.load_one({}, db)` (`LoaderTrait`) when the items are models related to it",
            or_entity(entity),
            or_entity(entity)
        ),
        (Orm::SeaOrm, QueryShape::Filter { entity, .. }) => format!(
            "fetch for all items at once: `{}::find().filter(<column>.is_in(keys))` and group the rows by key, or `{items}.load_many(..)` / `find_with_related(..)` (`Entity::load().with(..)` in 2.0) when the filter follows a relation",
            or_entity(entity)
        ),
        (Orm::SeaOrm, QueryShape::LoaderOnOne { method }) => {
            format!("call `{method}` once on the whole `{items}` before the loop, not on a one-element slice per item")
        }
        (Orm::SeaOrm, QueryShape::Write { verb: WriteVerb::Insert, entity }) => {
            format!("insert every row in one statement: `{}::insert_many(models).exec(db)`", or_entity(entity))
        }
        (Orm::SeaOrm, QueryShape::Write { verb: WriteVerb::Update, entity }) => format!(
            "update them in one statement: `{}::update_many().col_expr(..).filter(<primary key column>.is_in(ids)).exec(db)`",
            or_entity(entity)
        ),
        (Orm::SeaOrm, QueryShape::Write { verb: WriteVerb::Delete, entity }) => format!(
            "delete them in one statement: `{}::delete_many().filter(<primary key column>.is_in(ids)).exec(db)`",
            or_entity(entity)
        ),
        (Orm::SeaOrm, _) => "load what the loop needs for all items in one query before it: `is_in(..)` on the keys, `LoaderTrait::load_one`/`load_many`, or `find_with_related`/`find_also_related`".to_string(),
        (Orm::Diesel, QueryShape::BelongingTo { child }) => format!(
            "load the children of all items at once: `{}::belonging_to(&{items}).load(conn)?.grouped_by(&{items})`",
            if child.is_empty() { "Child" } else { child }
        ),
        (Orm::Diesel, QueryShape::ById { entity }) => format!(
            "fetch the rows of all items at once: `{}.filter(<primary key>.eq_any(keys)).load(conn)` and look them up by key, or join them in the query that loads the items (`inner_join`)",
            if entity.is_empty() { "table" } else { entity }
        ),
        (Orm::Diesel, QueryShape::Write { verb: WriteVerb::Insert, .. }) => {
            "insert every row in one statement: `diesel::insert_into(table).values(&rows).execute(conn)`".to_string()
        }
        (Orm::Diesel, QueryShape::Write { .. }) => {
            "change them in one statement, filtered with `.filter(id.eq_any(ids))`".to_string()
        }
        (Orm::Diesel, _) => format!(
            "fetch for all items at once: `.filter(column.eq_any(keys))`, `Child::belonging_to(&{items}).load(conn)?.grouped_by(&{items})`, or a join (`inner_join`) that loads parents and children together"
        ),
        (Orm::Sqlx, _) => "fetch for all items in one query: `WHERE key = ANY($1)` with the keys as an array (Postgres), or `IN (..)`, then group the rows by key".to_string(),
    }
}

fn or_entity(entity: &str) -> &str {
    if entity.is_empty() {
        "Entity"
    } else {
        entity
    }
}
