//! `import-cycle`: modules that import each other in a ring, found as the
//! strongly connected components of the module import graph. One finding per
//! cycle, with every import of the ring labelled where it is written.

use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;
use crate::graph::cycles::{self, Cycle, TooMany};
use crate::model::{Import, ImportKind, ModuleGraph};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    name: "import-cycle",
    family: "modules",
    default_severity: Severity::Warning,
    summary: "modules that import each other in a cycle",
    doc: include_str!("../../rules/import-cycle.md"),
    options: &["include-relation-refs", "include-reexport-hubs", "max-cycles"],
    check: Some(check),
};

/// `[rules.import-cycle]` in `ormlint.toml`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Count SeaORM relation targets (`impl Related<super::x::Entity>`,
    /// `belongs_to = ".."`, `HasMany<..>`) as imports.
    pub include_relation_refs: bool,
    /// Stop at re-export hubs (`prelude.rs`) instead of looking through them.
    pub include_reexport_hubs: bool,
    /// Cycles reported per group of modules that import each other.
    pub max_cycles: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { include_relation_refs: false, include_reexport_hubs: false, max_cycles: 10 }
    }
}

/// Edge visits spent listing a group's elementary cycles before falling back
/// to its shortest cycles, and spent finding those.
const ELEMENTARY_BUDGET: usize = 200_000;
const SHORTEST_BUDGET: usize = 2_000_000;

/// Every place one module imports another.
struct Edge<'p> {
    /// Where a label goes: the first `use`, else the first path, else the first glob.
    site: &'p Import,
    /// How many places import it.
    count: usize,
    /// Only relation declarations name it.
    relation: bool,
    /// A `pub use` re-exports it: removing it changes an interface.
    reexport: bool,
}

fn check(ctx: &Context, out: &mut Findings) {
    let options = &ctx.options.import_cycle;
    let modules = &ctx.project.modules;
    let edges = edges(modules, options);
    let mut nodes: Vec<usize> = edges.keys().flat_map(|&(a, b)| [a, b]).collect();
    let order = |m: &usize| (&modules.modules[*m].crate_name, &modules.modules[*m].path, *m);
    nodes.sort_by(|a, b| order(a).cmp(&order(b)));
    nodes.dedup();
    // Nodes are added in path order, so a smaller index is a smaller path.
    let mut graph: DiGraph<usize, Edge> = DiGraph::new();
    let index: FxHashMap<usize, NodeIndex> = nodes.iter().map(|&m| (m, graph.add_node(m))).collect();
    for ((from, to), edge) in edges {
        graph.add_edge(index[&from], index[&to], edge);
    }
    let mut components: Vec<Vec<NodeIndex>> = tarjan_scc(&graph).into_iter().filter(|c| c.len() > 1).collect();
    for component in &mut components {
        component.sort();
    }
    components.sort();
    let limit = options.max_cycles.max(1);
    for component in components {
        let (cycles, too_many) = match cycles::elementary(&graph, &component, limit, ELEMENTARY_BUDGET) {
            Ok(cycles) => (cycles, None),
            Err(why) => (cycles::shortest(&graph, &component, limit, SHORTEST_BUDGET), Some(why)),
        };
        let mut in_cycles: FxHashMap<EdgeIndex, usize> = FxHashMap::default();
        for edge in cycles.iter().flatten() {
            *in_cycles.entry(*edge).or_default() += 1;
        }
        let group = Group { size: component.len(), cycles: cycles.len(), too_many, limit };
        for cycle in &cycles {
            report(modules, &graph, cycle, &in_cycles, &group, out);
        }
    }
}

/// The imports that count, merged per (importing module, imported module).
fn edges<'p>(modules: &'p ModuleGraph, options: &Options) -> BTreeMap<(usize, usize), Edge<'p>> {
    let mut edges: BTreeMap<(usize, usize), Edge> = BTreeMap::new();
    for import in &modules.imports {
        if import.relation && !options.include_relation_refs {
            continue;
        }
        let target = if options.include_reexport_hubs { Some(import.literal) } else { import.target };
        let Some(to) = target.filter(|&to| to != import.from) else { continue };
        // Cargo keeps crates acyclic (a dev-dependency back is test-only code).
        if modules.modules[to].krate != modules.modules[import.from].krate {
            continue;
        }
        let edge =
            edges.entry((import.from, to)).or_insert(Edge { site: import, count: 0, relation: true, reexport: false });
        edge.count += import.count;
        edge.reexport |= import.reexport;
        edge.relation &= import.relation;
        if site_order(import) < site_order(edge.site) {
            edge.site = import;
        }
    }
    edges
}

fn site_order(import: &Import) -> (ImportKind, usize, usize) {
    (import.kind, import.span.file, import.span.range.start)
}

/// What the findings of one strongly connected group say about the group.
struct Group {
    size: usize,
    cycles: usize,
    /// Why not all its elementary cycles are reported, only the shortest.
    too_many: Option<TooMany>,
    limit: usize,
}

fn report(
    modules: &ModuleGraph,
    graph: &DiGraph<usize, Edge>,
    cycle: &Cycle,
    in_cycles: &FxHashMap<EdgeIndex, usize>,
    group: &Group,
    out: &mut Findings,
) {
    let ends = |e: EdgeIndex| graph.edge_endpoints(e).map(|(a, b)| (graph[a], graph[b])).expect("edge of this graph");
    let members: Vec<usize> = cycle.iter().map(|&e| ends(e).0).collect();
    let name = |m: usize| modules.modules[m].display();
    let names: Vec<String> = members.iter().map(|&m| format!("`{}`", name(m))).collect();
    let message = match names.as_slice() {
        [a, b] => format!("import cycle: {a} and {b} import each other"),
        [init @ .., last] => format!("import cycle between {} and {last}", init.join(", ")),
        [] => return,
    };
    let (first, rest) = cycle.split_first().expect("a cycle has edges");
    let first_edge = &graph[*first];
    let diagnostic = out.report(&first_edge.site.span, message).with_primary_label(edge_label(&name, graph, *first));
    for &edge in rest {
        diagnostic.with_label(graph[edge].site.span.clone(), edge_label(&name, graph, edge));
    }
    let mut ring: Vec<String> = members.iter().map(|&m| name(m)).collect();
    ring.push(name(members[0]));
    diagnostic.with_note(format!("cycle: {}", ring.join(" -> ")));
    if let Some(why) = group.too_many {
        let ways = match why {
            TooMany::Cycles => format!(" in more than {} ways (`max-cycles`)", group.limit),
            TooMany::Work => ", too large a group to list every cycle of".to_string(),
        };
        let reported = match group.cycles {
            1 => "its shortest cycle is reported".to_string(),
            n => format!("its {n} shortest cycles are reported"),
        };
        diagnostic.with_note(format!(
            "these modules are part of a group of {} modules that import each other{ways}; {reported}",
            group.size
        ));
    }
    // The import whose removal breaks the most reported cycles. Among equals:
    // one that no `pub use` re-exports (removing that changes an interface),
    // then one of a type (moving a shared type out is the usual fix), then the
    // one written in the fewest places, which is the easiest to remove.
    let best = cycle
        .iter()
        .copied()
        .enumerate()
        .min_by_key(|&(i, e)| {
            let edge = &graph[e];
            (std::cmp::Reverse(in_cycles[&e]), edge.reexport, !names_type(edge), edge.count, i)
        })
        .map(|(_, e)| e)
        .expect("a cycle has edges");
    let (from, to_id) = ends(best);
    let (from, to) = (name(from), name(to_id));
    let edge = &graph[best];
    let breaks = match in_cycles[&best] {
        n if n > 1 => format!(" (this also breaks {} other cycle{} among these modules)", n - 1, plural(n - 1)),
        _ => String::new(),
    };
    let help = if edge.relation {
        format!(
            "`{from}` and `{to}` name each other in their relations, which is how SeaORM pairs the two sides of a relation; to cut the cycle{breaks}, drop the relation from `{from}` to `{to}` if no query walks it, or keep these entities in one crate"
        )
    } else if let (Some(item), Some(home)) = (&edge.site.item, edge.site.defined_in.filter(|&d| d != to_id)) {
        // `to` only re-exports the item: import it from where it is defined.
        let home = name(home);
        format!(
            "to break the cycle{breaks}, import `{item}` from `{home}`, where it is defined, instead of through `{to}`{}",
            if edge.count > 1 { format!(", and the same for the other places that import `{to}`") } else { String::new() }
        )
    } else {
        let what = match (&edge.site.item, edge.count) {
            (Some(item), _) if edge.site.kind == ImportKind::Glob => {
                format!("what `{from}` uses from it (such as `{item}`)")
            }
            (Some(item), 1) => format!("`{item}`"),
            (Some(item), 2) => format!("`{item}` and what the other place uses"),
            (Some(item), n) => format!("`{item}` and what the other {} places use", n - 1),
            (None, _) => format!("what `{from}` uses"),
        };
        format!(
            "to break the cycle, make `{from}` stop importing `{to}`{breaks}: move {what} out of `{to}` into `{from}` or into a new module that both import"
        )
    };
    diagnostic.with_help(help);
}

/// The edge's site names a type, trait or constant, not a function or module.
fn names_type(edge: &Edge) -> bool {
    edge.site.item.as_ref().is_some_and(|i| i.starts_with(|c: char| c.is_ascii_uppercase()))
}

fn edge_label(name: &dyn Fn(usize) -> String, graph: &DiGraph<usize, Edge>, edge: EdgeIndex) -> String {
    let (a, b) = graph.edge_endpoints(edge).expect("edge of this graph");
    let (from, to) = (name(graph[a]), name(graph[b]));
    let e = &graph[edge];
    let how = match (e.relation, e.site.kind) {
        (true, _) => format!("`{from}` names `{to}` in a relation here"),
        (false, ImportKind::Glob) => format!("`{from}` imports from `{to}` through this glob"),
        (false, _) => format!("`{from}` imports `{to}` here"),
    };
    match e.count {
        1 => how,
        n => format!("{how} (and in {} more place{})", n - 1, plural(n - 1)),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
