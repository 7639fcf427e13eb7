//! Which module imports which: every `use`, qualified path and glob-imported
//! name of every module, resolved to the module it leads to. Re-export hubs
//! are looked through, so `use super::prelude::Cake` leads to `cake`, and the
//! hub itself is recorded for the rule's `include-reexport-hubs` option.

use super::modules::{ModuleId, ModuleTree};
use super::scope::Res;
use crate::diagnostic::Span;
use crate::model::{Import, ImportKind, ModuleGraph, ModuleNode};
use crate::parse::facts::RefKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// Re-export hubs that re-export from hubs: real code needs two or three.
const MAX_HUB_HOPS: usize = 8;

/// `relation_refs`: also resolve SeaORM relation targets (most of what an
/// entity folder writes), which only the rule's `include-relation-refs` needs.
/// `hubs`: also the imports of re-export hubs, which only matter when the
/// rule stops at hubs (`include-reexport-hubs`): looked through, no import
/// leads into a hub, so none leads out of one into a cycle.
pub fn module_graph(tree: &ModuleTree<'_>, relation_refs: bool, hubs: bool) -> ModuleGraph {
    let modules = tree
        .modules
        .iter()
        .enumerate()
        .map(|(id, m)| ModuleNode {
            krate: m.krate,
            crate_name: tree.crates[m.krate].name.clone(),
            path: m.path.clone(),
            hub: is_hub(tree, id),
        })
        .collect();
    let mut builder = Builder { graph: ModuleGraph { modules, imports: Vec::new() }, ..Builder::default() };
    for (from, module) in tree.modules.iter().enumerate() {
        let (Some(facts), Some(file)) = (module.facts, module.file) else { continue };
        if !hubs && is_hub(tree, from) {
            continue;
        }
        let mut add = |found: Option<Target>, range: &std::ops::Range<usize>, site: Site| {
            if let Some(found) = found {
                builder.add(from, found, Span::new(file, range.clone()), site);
            }
        };
        for u in facts.uses.iter().filter(|u| relation_refs || !u.relation_only) {
            let site = Site { kind: ImportKind::Use, relation: u.relation_only, reexport: u.public, count: 1 };
            if u.name.is_some() {
                add(target(tree, from, &u.path, Written::Path), &u.span, site);
                continue;
            }
            let glob = Site { kind: ImportKind::Glob, ..site };
            // A private glob imports only what is used through it; with no
            // name to look up (`use sea_orm::entity::prelude::*`), nothing.
            if !u.public && facts.glob_names.is_empty() && facts.glob_relation_names.is_empty() {
                continue;
            }
            match tree.resolve(from, &u.path) {
                // `use crate::b::Kind::*`: the variants of an enum of `b`.
                Some(Res::Item { .. }) => add(target(tree, from, &u.path, Written::Path), &u.span, site),
                Some(Res::Module(_)) => {
                    // A glob re-export (`pub use service::*;`) re-exports the
                    // whole module; a private glob imports what is used from it.
                    if u.public {
                        add(target(tree, from, &u.path, Written::Path), &u.span, glob);
                    }
                    let names = facts.glob_names.iter().map(|n| (n, false));
                    let relation_names = facts.glob_relation_names.iter().filter(|_| relation_refs);
                    for (name, relation) in names.chain(relation_names.map(|n| (n, true))) {
                        let mut path = u.path.clone();
                        path.push(name.clone());
                        add(target(tree, from, &path, Written::GlobName), &u.span, Site { relation, ..glob });
                    }
                }
                None => {}
            }
        }
        for r in facts.refs.iter().filter(|r| relation_refs || r.kind != RefKind::Relation) {
            let (kind, relation, written) = match r.kind {
                RefKind::Code => (ImportKind::Path, false, Written::Path),
                RefKind::Value => (ImportKind::Path, false, Written::Value),
                RefKind::Relation => (ImportKind::Path, true, Written::Path),
                RefKind::BlockUse => (ImportKind::Use, false, Written::Path),
                RefKind::BlockGlob => (ImportKind::Glob, false, Written::Path),
            };
            let site = Site { kind, relation, reexport: false, count: r.count };
            add(target(tree, from, &r.segments, written), &r.span, site);
        }
    }
    builder.graph
}

/// How an import is written, for [`Builder::add`].
#[derive(Clone, Copy)]
struct Site {
    kind: ImportKind,
    relation: bool,
    reexport: bool,
    /// Times the module writes it there.
    count: usize,
}

#[derive(Default)]
struct Builder {
    graph: ModuleGraph,
    /// One import per (module, target, named module, relation): the preferred site, with a count.
    index: FxHashMap<(ModuleId, Option<ModuleId>, ModuleId, bool), usize>,
    /// (import, site): a glob bringing in several names is one place.
    places: FxHashSet<(usize, usize)>,
}

impl Builder {
    fn add(&mut self, from: ModuleId, found: Target, span: Span, site: Site) {
        if found.literal == from && found.target.is_none_or(|t| t == from) {
            return;
        }
        let key = (from, found.target, found.literal, site.relation);
        match self.index.get(&key) {
            Some(&i) => {
                let import = &mut self.graph.imports[i];
                if self.places.insert((i, span.range.start)) {
                    import.count += site.count;
                }
                import.reexport |= site.reexport;
                if (site.kind, span.range.start) < (import.kind, import.span.range.start) {
                    (import.kind, import.item, import.defined_in) = (site.kind, found.item, found.defined_in);
                    import.span = span;
                }
            }
            None => {
                let i = self.graph.imports.len();
                self.index.insert(key, i);
                self.places.insert((i, span.range.start));
                self.graph.imports.push(Import {
                    from,
                    target: found.target,
                    literal: found.literal,
                    span,
                    kind: site.kind,
                    item: found.item,
                    defined_in: found.defined_in,
                    relation: site.relation,
                    reexport: site.reexport,
                    count: site.count,
                });
            }
        }
    }
}

/// Where a path leads.
struct Target {
    /// The module named as written, stopping at a module that re-exports.
    literal: ModuleId,
    /// The module reached when hubs are looked through; `None` when the path
    /// names a hub itself.
    target: Option<ModuleId>,
    /// The item named (its own name, not a `use .. as` alias); `None` for a module.
    item: Option<String>,
    /// The module that defines the item, when known.
    defined_in: Option<ModuleId>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// A `use` or a path in code: when its item cannot be found (defined by a
    /// macro, re-exported from another crate), the module it is in still is.
    Path,
    /// A path in expression position: its last segment is a value, never a
    /// module, even where a module has the same name (`crate::config()`).
    Value,
    /// A name a module uses, looked up in one of its globs: only an item that
    /// is really there counts.
    GlobName,
}

/// A module that defines nothing: only `use`/`mod` items, or no file at all.
fn is_hub(tree: &ModuleTree<'_>, module: ModuleId) -> bool {
    tree.modules[module].facts.is_none_or(|f| f.reexport_only)
}

/// Where `segments`, written in `from`, lead; `None` when nowhere in the
/// project, or only through `from`'s own `use`, which is an import of its own.
fn target(tree: &ModuleTree<'_>, from: ModuleId, segments: &[String], written: Written) -> Option<Target> {
    target_hops(tree, from, segments, written, 0)
}

fn target_hops(
    tree: &ModuleTree<'_>,
    from: ModuleId,
    segments: &[String],
    written: Written,
    hops: usize,
) -> Option<Target> {
    let Some(res) = tree.resolve(from, segments) else {
        return (written == Written::Path).then(|| enclosing_module(tree, from, segments)).flatten();
    };
    let (defining, named_at) = match &res {
        Res::Module(m) => (*m, segments.len() - 1),
        Res::Item { module, rest, .. } => (*module, segments.len().checked_sub(1 + rest.len())?),
    };
    let last = segments[named_at].as_str();
    if named_at == 0 || matches!(last, "super" | "self" | "crate") {
        return Some(direct(tree, &res));
    }
    let container = match tree.resolve(from, &segments[..named_at])? {
        Res::Module(c) => c,
        Res::Item { .. } => return Some(direct(tree, &res)),
    };
    if let (Res::Module(_), Written::Value) = (&res, written) {
        // `crate::config()` calls the function `config`, not the module.
        let item = Some(last.to_string());
        return Some(Target { literal: container, target: Some(container), item, defined_in: Some(container) });
    }
    let owner = match res {
        Res::Module(m) => tree.modules[m].parent,
        Res::Item { .. } => Some(defining),
    };
    if Some(container) == owner {
        return Some(direct(tree, &res));
    }
    if container == from {
        return None;
    }
    // Reached through a re-export in `container`.
    let Target { item, defined_in, .. } = direct(tree, &res);
    let target =
        if is_hub(tree, container) { through_hub(tree, container, last, &res, hops + 1) } else { Some(container) };
    Some(Target { literal: container, target, item, defined_in })
}

/// The module or item `res` names, where it is.
fn direct(tree: &ModuleTree<'_>, res: &Res) -> Target {
    let (module, item) = match res {
        Res::Module(m) => (*m, None),
        Res::Item { module, name, .. } => (*module, Some(name.clone())),
    };
    let target = (!is_hub(tree, module)).then_some(module);
    let defined_in = item.is_some().then_some(module);
    Target { literal: module, target, item, defined_in }
}

/// A path whose item is not found (a macro made it, or it is re-exported
/// from another crate): the deepest module of the project it goes through.
fn enclosing_module(tree: &ModuleTree<'_>, from: ModuleId, segments: &[String]) -> Option<Target> {
    (1..segments.len()).rev().find_map(|k| match tree.resolve(from, &segments[..k])? {
        Res::Module(m) => {
            let target = (!is_hub(tree, m)).then_some(m);
            Some(Target { literal: m, target, item: Some(segments[k].clone()), defined_in: Some(m) })
        }
        Res::Item { .. } => None,
    })
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
            if let Some(found) = target_hops(tree, hub, &path, Written::GlobName, hops) {
                return found.target;
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
