//! Path resolution as rustc does it for the items ormlint cares about:
//! `crate::`, `self::`, `super::`, child modules, declared items, `use`
//! bindings and renames, glob imports (`use super::prelude::*`), re-exports
//! (`pub use super::cake::Entity as Cake`) and other crates by name.

use super::modules::{ModuleId, ModuleTree};

/// What a path names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Res {
    Module(ModuleId),
    /// An item declared in `module`, and any segments after it
    /// (`Column::Id` is the item `Column` with `rest = ["Id"]`).
    Item {
        module: ModuleId,
        name: String,
        rest: Vec<String>,
    },
}

/// A memoized lookup.
#[derive(Clone, Debug)]
pub enum Memo {
    InProgress,
    Done(Option<Res>),
}

/// Re-exports can chain and globs can loop; real code needs a handful of hops.
const MAX_HOPS: usize = 24;

impl ModuleTree<'_> {
    pub fn resolve(&self, from: ModuleId, segments: &[String]) -> Option<Res> {
        self.resolve_hops(from, segments, 0)
    }

    fn resolve_hops(&self, from: ModuleId, segments: &[String], hops: usize) -> Option<Res> {
        if hops > MAX_HOPS {
            self.cut_short.set(true);
            return None;
        }
        let (first, rest) = segments.split_first()?;
        let mut current = match first.as_str() {
            "crate" => Res::Module(self.crates[self.modules[from].krate].root),
            "self" => Res::Module(from),
            "super" => Res::Module(self.modules[from].parent?),
            "::" => {
                let (name, rest) = rest.split_first()?;
                let root = *self.extern_crates.get(name)?;
                return self.walk(from, Res::Module(root), rest, hops);
            }
            name => self
                .lookup(from, name, hops, true)
                .or_else(|| self.extern_crates.get(name).map(|&root| Res::Module(root)))?,
        };
        for (i, segment) in rest.iter().enumerate() {
            if segment == "super" {
                let Res::Module(m) = current else { return None };
                current = Res::Module(self.modules[m].parent?);
                continue;
            }
            if let Res::Item { .. } = current {
                return self.walk(from, current, &rest[i..], hops);
            }
            current = self.walk(from, current, std::slice::from_ref(segment), hops)?;
        }
        Some(current)
    }

    /// Follow `segments` from `start`, as seen from module `from`.
    fn walk(&self, from: ModuleId, start: Res, segments: &[String], hops: usize) -> Option<Res> {
        let mut current = start;
        for segment in segments {
            current = match current {
                Res::Module(m) => self.lookup(m, segment, hops, self.is_within(from, m))?,
                Res::Item { module, name, mut rest } => {
                    rest.push(segment.clone());
                    Res::Item { module, name, rest }
                }
            };
        }
        Some(current)
    }

    /// `inner` is `outer` or one of its descendants, which see its private imports.
    fn is_within(&self, inner: ModuleId, outer: ModuleId) -> bool {
        let mut current = Some(inner);
        while let Some(m) = current {
            if m == outer {
                return true;
            }
            current = self.modules[m].parent;
        }
        false
    }

    /// A name in a module's scope: child module, declared item, `use` binding,
    /// then glob imports; `inside`: asked from the module or a descendant, which
    /// also see its private `use`s (a glob re-export carries only `pub` ones).
    /// Memoized. A lookup already in progress (a glob cycle) answers `None` for
    /// now; a `None` that depended on one holds until the outermost lookup ends,
    /// so each lookup explores the glob graph once, not once per path through it.
    fn lookup(&self, module: ModuleId, name: &str, hops: usize, inside: bool) -> Option<Res> {
        // Children, declared items, and names nothing here could import are
        // answered at once; only lookups that follow `use`s are memoized, so
        // the table holds what is expensive, not every name ever asked.
        let m = &self.modules[module];
        if let Some(&child) = m.children.get(name) {
            return Some(Res::Module(child));
        }
        if m.scope.items.contains(name) {
            return Some(Res::Item { module, name: name.to_string(), rest: Vec::new() });
        }
        if m.scope.globs.is_empty() && !m.scope.bindings.contains_key(name) {
            return None;
        }
        let key = (module, name.to_string(), inside);
        match self.lookups.borrow().get(&key) {
            Some(Memo::Done(known)) => return known.clone(),
            Some(Memo::InProgress) => {
                self.cut_short.set(true);
                return None;
            }
            None => {}
        }
        self.lookups.borrow_mut().insert(key.clone(), Memo::InProgress);
        let outer_cut = self.cut_short.replace(false);
        self.depth.set(self.depth.get() + 1);
        let found = self.lookup_uncached(module, name, hops, inside);
        self.depth.set(self.depth.get() - 1);
        let cut = self.cut_short.get();
        let outermost = self.depth.get() == 0;
        if !(found.is_some() || !cut || outermost) {
            self.provisional.borrow_mut().push(key.clone());
        }
        self.lookups.borrow_mut().insert(key, Memo::Done(found.clone()));
        if outermost {
            let mut lookups = self.lookups.borrow_mut();
            for key in self.provisional.borrow_mut().drain(..) {
                lookups.remove(&key);
            }
        }
        self.cut_short.set(outer_cut || cut);
        found
    }

    fn lookup_uncached(&self, module: ModuleId, name: &str, hops: usize, inside: bool) -> Option<Res> {
        let m = &self.modules[module];
        if let Some(&child) = m.children.get(name) {
            return Some(Res::Module(child));
        }
        if m.scope.items.contains(name) {
            return Some(Res::Item { module, name: name.to_string(), rest: Vec::new() });
        }
        for u in m.scope.bindings.get(name).into_iter().flatten().filter(|u| inside || u.public) {
            if let Some(res) = self.resolve_hops(module, &u.path, hops + 1) {
                return Some(res);
            }
        }
        for u in m.scope.globs.iter().filter(|u| inside || u.public) {
            if let Some(Res::Module(target)) = self.resolve_hops(module, &u.path, hops + 1) {
                if target != module {
                    if let Some(res) = self.lookup(target, name, hops + 1, self.is_within(module, target)) {
                        return Some(res);
                    }
                }
            }
        }
        None
    }
}
