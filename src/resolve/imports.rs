//! Which module imports which: every `use`, qualified path and glob-imported
//! name of every module, resolved to the module it leads to. Re-export hubs
//! are looked through, so `use super::prelude::Cake` leads to `cake`, and the
//! hub itself is recorded for the rule's `include-reexport-hubs` option.

use super::modules::{ModuleId, ModuleTree};
use super::scope::Res;
use crate::diagnostic::Span;
use crate::model::{Import, ImportKind, ModuleGraph, ModuleNode};
use crate::parse::facts::RefKind;
use std::collections::HashMap;

/// Re-export hubs that re-export from hubs: real code needs two or three.
const MAX_HUB_HOPS: usize = 8;

pub fn module_graph(tree: &ModuleTree<'_>) -> ModuleGraph {
    let modules = tree
        .modules
        .iter()
        .enumerate()
        .map(|(id, m)| ModuleNode {
            crate_name: tree.crates[m.krate].name.clone(),
            path: m.path.clone(),
            hub: is_hub(tree, id),
        })
        .collect();
    let mut graph = ModuleGraph { modules, imports: Vec::new() };
    // One import per (module, target, relation): the preferred site, with a count.
    let mut index: HashMap<(ModuleId, Option<ModuleId>, ModuleId, bool), usize> = HashMap::new();
    // (import, site): a glob bringing in several names is one place.
    let mut places: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for (from, module) in tree.modules.iter().enumerate() {
        let (Some(facts), Some(file)) = (module.facts, module.file) else { continue };
        let mut add = |segments: &[String],
                       range: &std::ops::Range<usize>,
                       kind: ImportKind,
                       relation: bool,
                       reexport: bool,
                       count: usize| {
            let Some((literal, target, item)) = targets_and_item(tree, from, segments, 0) else { return };
            if literal == from && target.is_none_or(|t| t == from) {
                return;
            }
            let span = Span::new(file, range.clone());
            match index.get(&(from, target, literal, relation)) {
                Some(&i) => {
                    let import = &mut graph.imports[i];
                    if places.insert((i, range.start)) {
                        import.count += count;
                    }
                    import.reexport |= reexport;
                    if (kind, span.range.start) < (import.kind, import.span.range.start) {
                        (import.kind, import.span, import.item) = (kind, span, item);
                    }
                }
                None => {
                    index.insert((from, target, literal, relation), graph.imports.len());
                    places.insert((graph.imports.len(), range.start));
                    graph.imports.push(Import { from, target, literal, span, kind, item, relation, reexport, count });
                }
            }
        };
        for u in &facts.uses {
            if u.name.is_some() {
                add(&u.path, &u.span, ImportKind::Use, u.relation_only, u.public, 1);
                continue;
            }
            let names = facts.glob_names.iter().map(|n| (n, false));
            for (name, relation) in names.chain(facts.glob_relation_names.iter().map(|n| (n, true))) {
                let mut path = u.path.clone();
                path.push(name.clone());
                add(&path, &u.span, ImportKind::Glob, relation, u.public, 1);
            }
        }
        for r in &facts.refs {
            let (kind, relation) = match r.kind {
                RefKind::Code => (ImportKind::Path, false),
                RefKind::Relation => (ImportKind::Path, true),
                RefKind::BlockUse => (ImportKind::Use, false),
                RefKind::BlockGlob => (ImportKind::Glob, false),
            };
            add(&r.segments, &r.span, kind, relation, false, r.count);
        }
    }
    graph
}

/// A module that defines nothing: only `use`/`mod` items, or no file at all.
fn is_hub(tree: &ModuleTree<'_>, module: ModuleId) -> bool {
    tree.modules[module].facts.is_none_or(|f| f.reexport_only)
}

/// Where `segments`, written in `from`, lead: the module named as written
/// (stopping at a re-exporting module) and the module reached when hubs are
/// looked through (`None` when the path names a hub itself). `None` when the
/// path leads nowhere in the project, or only through `from`'s own `use`,
/// which is an import of its own.
fn targets(
    tree: &ModuleTree<'_>,
    from: ModuleId,
    segments: &[String],
    hops: usize,
) -> Option<(ModuleId, Option<ModuleId>)> {
    targets_and_item(tree, from, segments, hops).map(|(literal, target, _)| (literal, target))
}

/// [`targets`], and the item the path names (`None` for a module).
fn targets_and_item(
    tree: &ModuleTree<'_>,
    from: ModuleId,
    segments: &[String],
    hops: usize,
) -> Option<(ModuleId, Option<ModuleId>, Option<String>)> {
    let res = tree.resolve(from, segments)?;
    let (defining, named_at) = match &res {
        Res::Module(m) => (*m, segments.len() - 1),
        Res::Item { module, rest, .. } => (*module, segments.len().checked_sub(1 + rest.len())?),
    };
    let last = segments[named_at].as_str();
    let item = matches!(res, Res::Item { .. }).then(|| last.to_string());
    let direct = (defining, (!is_hub(tree, defining)).then_some(defining), item.clone());
    if named_at == 0 || matches!(last, "super" | "self" | "crate") {
        return Some(direct);
    }
    let container = match tree.resolve(from, &segments[..named_at])? {
        Res::Module(c) => c,
        Res::Item { .. } => return Some(direct),
    };
    let owner = match res {
        Res::Module(m) => tree.modules[m].parent,
        Res::Item { .. } => Some(defining),
    };
    if Some(container) == owner {
        return Some(direct);
    }
    if container == from {
        return None;
    }
    // Reached through a re-export in `container`.
    if !is_hub(tree, container) {
        return Some((container, Some(container), item));
    }
    let target = through_hub(tree, container, last, &res, hops + 1);
    Some((container, target, item))
}

/// The module a hub's re-export of `name` leads to, looking through further hubs.
fn through_hub(tree: &ModuleTree<'_>, hub: ModuleId, name: &str, res: &Res, hops: usize) -> Option<ModuleId> {
    let fallback = match res {
        Res::Module(m) => *m,
        Res::Item { module, .. } => *module,
    };
    if hops > MAX_HUB_HOPS {
        return Some(fallback);
    }
    let scope = &tree.modules[hub].scope;
    let named = scope.bindings.get(name).into_iter().flatten().map(|u| u.path.clone());
    let globbed = scope.globs.iter().map(|g| {
        let mut path = g.path.clone();
        path.push(name.to_string());
        path
    });
    for path in named.chain(globbed) {
        if tree.resolve(hub, &path).is_some_and(|r| same_target(&r, res)) {
            if let Some((_, target)) = targets(tree, hub, &path, hops) {
                return target;
            }
        }
    }
    Some(fallback)
}

/// The same module or item, whatever segments follow it.
fn same_target(a: &Res, b: &Res) -> bool {
    match (a, b) {
        (Res::Module(x), Res::Module(y)) => x == y,
        (Res::Item { module: m1, name: n1, .. }, Res::Item { module: m2, name: n2, .. }) => m1 == m2 && n1 == n2,
        _ => false,
    }
}
