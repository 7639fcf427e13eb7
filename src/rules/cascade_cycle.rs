//! `cascade-cycle`: `on_delete = "Cascade"` foreign keys that lead back to
//! where they started, so deleting one row can delete rows in every table of
//! the ring. Optionally also self-referencing cascades and a child reached by
//! two cascade paths from one parent (both rejected by SQL Server).

use super::support::{a, action_snippet, creates_foreign_key, fk_columns, fk_text, nullable_fk};
use super::{Context, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::model::{EntityId, Project, Relation};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, VecDeque};

pub const RULE: Rule = Rule {
    name: "cascade-cycle",
    family: "cascade",
    default_severity: Severity::Warning,
    summary: "on_delete Cascade foreign keys that form a cycle through two or more entities",
    doc: include_str!("../../rules/cascade-cycle.md"),
    options: &["self-references", "multiple-paths"],
    check: Some(check),
};

/// `[rules.cascade-cycle]` in `ormlint.toml`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Also report a `Cascade` from an entity to itself (a tree deleting its subtree).
    pub self_references: bool,
    /// Also report a child that one parent reaches along two cascade paths.
    pub multiple_paths: bool,
}

/// Elementary cycles reported per strongly connected component: large
/// components are shown through their shortest cycles, not all of them.
const MAX_CYCLES_PER_COMPONENT: usize = 16;

/// One `Cascade` foreign key: deleting a `parent` deletes the `child` rows.
struct CascadeEdge<'p> {
    child: EntityId,
    relation: &'p Relation,
    /// `post.user_id`.
    fk: String,
    /// The foreign key accepts NULL: `SetNull` could break a ring here.
    optional: bool,
}

impl CascadeEdge<'_> {
    /// Declarations in source order, so cycles start at the same edge every run.
    fn order(&self) -> (usize, usize) {
        (self.relation.span.file, self.relation.span.range.start)
    }
}

fn check(ctx: &Context, out: &mut Findings) {
    let project = ctx.project;
    let options = &ctx.options.cascade_cycle;
    let mut graph: DiGraph<EntityId, CascadeEdge> = DiGraph::with_capacity(project.entities.len(), 0);
    for entity in &project.entities {
        graph.add_node(entity.id);
    }
    let mut self_references = Vec::new();
    for child in &project.entities {
        for relation in &child.relations {
            if !creates_foreign_key(relation) || relation.on_delete.as_ref().is_none_or(|a| a.name != "Cascade") {
                continue;
            }
            let Some(parent) = relation.target.entity() else { continue };
            let columns = fk_columns(child, relation);
            let edge = CascadeEdge {
                child: child.id,
                relation,
                fk: fk_text(child, relation, &columns),
                optional: nullable_fk(&columns),
            };
            if parent == child.id {
                self_references.push(edge);
            } else {
                graph.add_edge(NodeIndex::new(parent), NodeIndex::new(child.id), edge);
            }
        }
    }
    for component in tarjan_scc(&graph) {
        if component.len() >= 2 {
            cycles(project, &graph, &component, out);
        }
    }
    if options.self_references {
        for edge in &self_references {
            report_self_reference(project, edge, out);
        }
    }
    if options.multiple_paths {
        multiple_paths(project, &graph, out);
    }
}

/// The shortest cycle through each edge of a component, each reported once.
fn cycles(project: &Project, graph: &DiGraph<EntityId, CascadeEdge>, component: &[NodeIndex], out: &mut Findings) {
    let members: FxHashSet<NodeIndex> = component.iter().copied().collect();
    let mut edges: Vec<EdgeIndex> = component
        .iter()
        .flat_map(|&n| graph.edges_directed(n, Direction::Outgoing))
        .filter(|e| members.contains(&e.target()))
        .map(|e| e.id())
        .collect();
    edges.sort_by_key(|&e| graph[e].order());
    let mut seen: FxHashSet<BTreeSet<EdgeIndex>> = FxHashSet::default();
    for &first in &edges {
        if seen.len() >= MAX_CYCLES_PER_COMPONENT {
            break;
        }
        let (from, to) = graph.edge_endpoints(first).expect("edge of this graph");
        let Some(back) = shortest_path(graph, &members, to, from) else { continue };
        let mut cycle = vec![first];
        cycle.extend(back);
        if !seen.insert(cycle.iter().copied().collect()) {
            continue;
        }
        report_cycle(project, graph, &cycle, out);
    }
}

/// Edges of the shortest path `from` -> `to` inside `members` (breadth first,
/// edges tried in declaration order so ties break the same way every run).
fn shortest_path(
    graph: &DiGraph<EntityId, CascadeEdge>,
    members: &FxHashSet<NodeIndex>,
    from: NodeIndex,
    to: NodeIndex,
) -> Option<Vec<EdgeIndex>> {
    let mut came_by: FxHashMap<NodeIndex, EdgeIndex> = FxHashMap::default();
    let mut queue = VecDeque::from([from]);
    let mut visited = FxHashSet::from_iter([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            let mut path = Vec::new();
            let mut current = to;
            while current != from {
                let edge = came_by[&current];
                path.push(edge);
                current = graph.edge_endpoints(edge).expect("edge of this graph").0;
            }
            path.reverse();
            return Some(path);
        }
        let mut next: Vec<_> = graph.edges_directed(node, Direction::Outgoing).collect();
        next.sort_by_key(|e| e.weight().order());
        for edge in next {
            if members.contains(&edge.target()) && visited.insert(edge.target()) {
                came_by.insert(edge.target(), edge.id());
                queue.push_back(edge.target());
            }
        }
    }
    None
}

/// One diagnostic for a cycle, a label on every edge. The primary one is the
/// edge to change: the first (in source order) whose foreign key is optional,
/// so `SetNull` can break the ring; else the first declared.
fn report_cycle(project: &Project, graph: &DiGraph<EntityId, CascadeEdge>, cycle: &[EdgeIndex], out: &mut Findings) {
    let start = (0..cycle.len()).min_by_key(|&i| (!graph[cycle[i]].optional, graph[cycle[i]].order())).unwrap_or(0);
    let ordered: Vec<EdgeIndex> = cycle[start..].iter().chain(&cycle[..start]).copied().collect();
    let mut path: Vec<&str> = ordered.iter().map(|&e| graph[e].fk.as_str()).collect();
    path.push(&graph[ordered[0]].fk);
    let names: Vec<&str> = ordered.iter().map(|&e| project.entity(graph[e].child).name.as_str()).collect();
    let first = &graph[ordered[0]];
    let diagnostic = out
        .report(&first.relation.span, format!("`on_delete = \"Cascade\"` forms a cycle: {}", path.join(" -> ")))
        .with_primary_label(edge_label(project, graph, ordered[0]));
    for &edge in &ordered[1..] {
        diagnostic.with_label(graph[edge].relation.span.clone(), edge_label(project, graph, edge));
    }
    diagnostic.with_note(format!(
        "deleting one row of any of `{}` can delete rows in all of them; PostgreSQL, MySQL and SQLite accept the schema and run the cascade around the ring, SQL Server rejects it (\"may cause cycles or multiple cascade paths\")",
        names.join("`, `")
    ));
    diagnostic.with_help(format!(
        "break the ring on one edge, e.g. `{}` on `{}`",
        action_snippet(first.relation.format, "on_delete", if first.optional { "SetNull" } else { "Restrict" }),
        first.fk
    ));
}

/// What one cascade edge does: "deleting a `user` deletes its `post` rows (post.user_id)".
fn edge_label(project: &Project, graph: &DiGraph<EntityId, CascadeEdge>, edge: EdgeIndex) -> String {
    let (parent, child) = graph.edge_endpoints(edge).expect("edge of this graph");
    format!(
        "deleting {} deletes its `{}` rows ({})",
        a(&project.entity(graph[parent]).name),
        project.entity(graph[child]).name,
        graph[edge].fk
    )
}

fn report_self_reference(project: &Project, edge: &CascadeEdge, out: &mut Findings) {
    let name = &project.entity(edge.child).name;
    out.report(&edge.relation.span, format!("`on_delete = \"Cascade\"` on `{}` references `{name}` itself", edge.fk))
        .with_primary_label(format!("deleting {} deletes the `{name}` rows under it, recursively", a(name)))
        .with_note("PostgreSQL, MySQL and SQLite delete the whole subtree; SQL Server rejects self-referencing cascades")
        .with_help(format!("if the schema must run on SQL Server, use `on_delete = \"SetNull\"` or `\"Restrict\"` on `{}` and delete subtrees in code", edge.fk));
}

/// A child that one parent reaches along two cascade paths (reported where
/// the paths first meet, not again for everything below that point).
fn multiple_paths(project: &Project, graph: &DiGraph<EntityId, CascadeEdge>, out: &mut Findings) {
    for parent in graph.node_indices() {
        let mut first_edges: Vec<_> = graph.edges_directed(parent, Direction::Outgoing).collect();
        if first_edges.len() < 2 {
            continue;
        }
        first_edges.sort_by_key(|e| e.weight().order());
        // For every node: the path that reached it first, from one first edge.
        let mut reached: FxHashMap<NodeIndex, Vec<EdgeIndex>> = FxHashMap::default();
        let mut reported = FxHashSet::default();
        for first in &first_edges {
            let mut paths = FxHashMap::from_iter([(first.target(), vec![first.id()])]);
            let mut queue = VecDeque::from([first.target()]);
            while let Some(node) = queue.pop_front() {
                let path = paths[&node].clone();
                if node == parent {
                    continue;
                }
                if let Some(earlier) = reached.get(&node) {
                    if earlier.last() != path.last() && reported.insert(node) {
                        report_two_paths(project, graph, parent, node, earlier, &path, out);
                    }
                    continue;
                }
                let mut next: Vec<_> = graph.edges_directed(node, Direction::Outgoing).collect();
                next.sort_by_key(|e| e.weight().order());
                for edge in next {
                    if let Entry::Vacant(slot) = paths.entry(edge.target()) {
                        let mut longer = path.clone();
                        longer.push(edge.id());
                        slot.insert(longer);
                        queue.push_back(edge.target());
                    }
                }
            }
            for (node, path) in paths {
                reached.entry(node).or_insert(path);
            }
        }
    }
}

fn report_two_paths(
    project: &Project,
    graph: &DiGraph<EntityId, CascadeEdge>,
    parent: NodeIndex,
    child: NodeIndex,
    first: &[EdgeIndex],
    second: &[EdgeIndex],
    out: &mut Findings,
) {
    let parent_name = &project.entity(graph[parent]).name;
    let child_name = &project.entity(graph[child]).name;
    let written = |path: &[EdgeIndex]| path.iter().map(|&e| graph[e].fk.as_str()).collect::<Vec<_>>().join(" -> ");
    // The two foreign keys where the paths meet; the later declared one is reported.
    let ends = [first, second].map(|path| &graph[*path.last().expect("paths are not empty")]);
    let closing = if ends[0].order() > ends[1].order() { ends[0] } else { ends[1] };
    let diagnostic = out
        .report(
            &closing.relation.span,
            format!(
                "deleting {} reaches `{child_name}` along two cascade paths: {} and {}",
                a(parent_name),
                written(first),
                written(second)
            ),
        )
        .with_primary_label(format!("second cascade path into `{child_name}`"));
    let mut labelled: FxHashSet<Span> = FxHashSet::from_iter([closing.relation.span.clone()]);
    for &edge in first.iter().chain(second) {
        let e = &graph[edge];
        if labelled.insert(e.relation.span.clone()) {
            diagnostic.with_label(e.relation.span.clone(), edge_label(project, graph, edge));
        }
    }
    diagnostic
        .with_note("PostgreSQL, MySQL and SQLite accept this; SQL Server rejects the second foreign key (\"may cause cycles or multiple cascade paths\")")
        .with_help(format!("use `on_delete = \"SetNull\"` or `\"Restrict\"` on `{}` if the schema must run on SQL Server", closing.fk));
}
