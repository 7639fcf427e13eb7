//! Cycles inside one strongly connected component of a directed graph, for
//! the rules that report rings (module imports). Both searches are bounded:
//! the number of elementary cycles can grow exponentially with the component.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::VecDeque;

/// A cycle as its edges, starting from its smallest node.
pub type Cycle = Vec<EdgeIndex>;

/// Why [`elementary`] gave up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooMany {
    /// More cycles than the limit.
    Cycles,
    /// More edge visits than the budget.
    Work,
}

/// Every elementary cycle of `component`, each starting at its smallest node
/// (by index), in order of that node and then of the path; an error when
/// there are more than `limit` or finding them takes more than `budget` edge visits.
pub fn elementary<N, E>(
    graph: &DiGraph<N, E>,
    component: &[NodeIndex],
    limit: usize,
    budget: usize,
) -> Result<Vec<Cycle>, TooMany> {
    let members: FxHashSet<NodeIndex> = component.iter().copied().collect();
    let out = sorted_out_edges(graph, &members);
    let mut starts = component.to_vec();
    starts.sort();
    let mut cycles = Vec::new();
    let mut steps = 0usize;
    for &start in &starts {
        // Depth-first over simple paths through nodes larger than `start`.
        let mut path: Vec<EdgeIndex> = Vec::new();
        let mut on_path: FxHashSet<NodeIndex> = FxHashSet::from_iter([start]);
        let mut stack: Vec<(NodeIndex, usize)> = vec![(start, 0)];
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            let edges = &out[&node];
            if top.1 >= edges.len() {
                on_path.remove(&node);
                stack.pop();
                path.pop();
                continue;
            }
            let (edge, target) = edges[top.1];
            top.1 += 1;
            steps += 1;
            if steps > budget {
                return Err(TooMany::Work);
            }
            if target == start {
                let mut cycle = path.clone();
                cycle.push(edge);
                cycles.push(cycle);
                if cycles.len() > limit {
                    return Err(TooMany::Cycles);
                }
            } else if target > start && on_path.insert(target) {
                path.push(edge);
                stack.push((target, 0));
            }
        }
    }
    Ok(cycles)
}

/// The shortest cycle through each edge of `component` (in edge order, until
/// `budget` node visits are spent), without repeats, shortest first, at most
/// `limit`. Each starts at its smallest node.
pub fn shortest<N, E>(graph: &DiGraph<N, E>, component: &[NodeIndex], limit: usize, budget: usize) -> Vec<Cycle> {
    let members: FxHashSet<NodeIndex> = component.iter().copied().collect();
    let out = sorted_out_edges(graph, &members);
    let mut edges: Vec<(NodeIndex, EdgeIndex, NodeIndex)> =
        out.iter().flat_map(|(&from, edges)| edges.iter().map(move |&(e, to)| (from, e, to))).collect();
    edges.sort();
    let mut seen: FxHashSet<Cycle> = FxHashSet::default();
    let mut cycles: Vec<Cycle> = Vec::new();
    let mut spent = 0usize;
    for (from, edge, to) in edges {
        if spent > budget {
            break;
        }
        let Some(back) = shortest_path(&out, to, from, &mut spent) else { continue };
        let mut cycle = vec![edge];
        cycle.extend(back);
        let cycle = rotate_to_smallest(graph, cycle);
        if seen.insert(cycle.clone()) {
            cycles.push(cycle);
        }
    }
    let nodes = |c: &Cycle| c.iter().map(|&e| graph.edge_endpoints(e).map(|(a, _)| a)).collect::<Vec<_>>();
    cycles.sort_by_cached_key(|c| (c.len(), nodes(c)));
    cycles.truncate(limit);
    cycles
}

type OutEdges = FxHashMap<NodeIndex, Vec<(EdgeIndex, NodeIndex)>>;

/// Each member's edges to other members, by target, so searches are deterministic.
fn sorted_out_edges<N, E>(graph: &DiGraph<N, E>, members: &FxHashSet<NodeIndex>) -> OutEdges {
    members
        .iter()
        .map(|&n| {
            let mut edges: Vec<(EdgeIndex, NodeIndex)> = graph
                .edges_directed(n, Direction::Outgoing)
                .filter(|e| members.contains(&e.target()))
                .map(|e| (e.id(), e.target()))
                .collect();
            edges.sort_by_key(|&(e, target)| (target, e));
            (n, edges)
        })
        .collect()
}

/// Breadth-first: the fewest edges from `from` to `to`.
fn shortest_path(out: &OutEdges, from: NodeIndex, to: NodeIndex, spent: &mut usize) -> Option<Vec<EdgeIndex>> {
    let mut came_by: FxHashMap<NodeIndex, (EdgeIndex, NodeIndex)> = FxHashMap::default();
    let mut queue = VecDeque::from([from]);
    let mut visited = FxHashSet::from_iter([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            let mut path = Vec::new();
            let mut current = to;
            while current != from {
                let (edge, previous) = came_by[&current];
                path.push(edge);
                current = previous;
            }
            path.reverse();
            return Some(path);
        }
        for &(edge, target) in &out[&node] {
            *spent += 1;
            if visited.insert(target) {
                came_by.insert(target, (edge, node));
                queue.push_back(target);
            }
        }
    }
    None
}

fn rotate_to_smallest<N, E>(graph: &DiGraph<N, E>, mut cycle: Cycle) -> Cycle {
    let start = |e: &EdgeIndex| graph.edge_endpoints(*e).map(|(a, _)| a);
    if let Some(at) = (0..cycle.len()).min_by_key(|&i| start(&cycle[i])) {
        cycle.rotate_left(at);
    }
    cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32)]) -> (DiGraph<(), ()>, Vec<NodeIndex>) {
        let n = edges.iter().map(|&(a, b)| a.max(b)).max().unwrap_or(0) + 1;
        let mut g = DiGraph::new();
        let nodes: Vec<NodeIndex> = (0..n).map(|_| g.add_node(())).collect();
        for &(a, b) in edges {
            g.add_edge(nodes[a as usize], nodes[b as usize], ());
        }
        (g, nodes)
    }

    fn as_nodes(g: &DiGraph<(), ()>, cycles: &[Cycle]) -> Vec<Vec<usize>> {
        cycles.iter().map(|c| c.iter().map(|&e| g.edge_endpoints(e).unwrap().0.index()).collect()).collect()
    }

    #[test]
    fn elementary_cycles_start_at_their_smallest_node() {
        // 0 -> 1 -> 2 -> 0, 1 <-> 2, 0 <-> 3.
        let (g, nodes) = graph(&[(0, 1), (1, 2), (2, 0), (2, 1), (0, 3), (3, 0)]);
        let cycles = elementary(&g, &nodes, 10, 1000).unwrap();
        assert_eq!(as_nodes(&g, &cycles), [vec![0, 1, 2], vec![0, 3], vec![1, 2]]);
        assert_eq!(elementary(&g, &nodes, 2, 1000), Err(TooMany::Cycles));
        assert_eq!(elementary(&g, &nodes, 10, 3), Err(TooMany::Work));
    }

    #[test]
    fn shortest_cycles_cover_the_edges_without_repeats() {
        // A ring of 6 with a chord 3 -> 0.
        let (g, nodes) = graph(&[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (3, 0)]);
        let cycles = shortest(&g, &nodes, 10, 1000);
        assert_eq!(as_nodes(&g, &cycles), [vec![0, 1, 2, 3], vec![0, 1, 2, 3, 4, 5]]);
        assert_eq!(shortest(&g, &nodes, 1, 1000).len(), 1);
    }
}
