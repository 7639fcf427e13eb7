//! Which functions of the analyzed code issue a query with one of their
//! parameters, directly or through other helpers: the summaries that let
//! `n-plus-one` see a query behind a call in a loop.

use crate::model::Function;
use crate::parse::facts::{ByteRange, CallFact, Callee};
use rustc_hash::FxHashMap;

pub type FnId = usize;

/// A name matching more functions than this is left unresolved: guessing among
/// many same-named methods would report queries the call never reaches.
const MAX_CANDIDATES: usize = 4;

/// Helper chains are followed at most this deep, whatever the option says.
pub const MAX_DEPTH: usize = 64;

/// How a parameter reaches a query: the first hop of the shortest path.
#[derive(Clone, Copy, Debug)]
pub enum Hop {
    /// `queries[index]` of the function depends on the parameter.
    Query(usize),
    /// `calls[call]` passes it as parameter `param` of `callee`, which reaches a query.
    Call { call: usize, callee: FnId, param: usize },
}

#[derive(Clone, Copy, Debug)]
pub struct Reach {
    /// Functions from this one to the query, this one included.
    pub depth: usize,
    pub hop: Hop,
}

pub struct Helpers<'p> {
    functions: &'p [Function],
    /// Per function, per call: the functions it may call.
    pub resolved: Vec<Vec<Vec<FnId>>>,
    /// Per function, per parameter: how it reaches a query, if it does.
    pub reach: Vec<Vec<Option<Reach>>>,
}

impl<'p> Helpers<'p> {
    /// Resolve every call and follow parameters into queries up to `max_depth` functions deep.
    pub fn build(functions: &'p [Function], max_depth: usize) -> Self {
        let index = Index::new(functions);
        let resolved = functions
            .iter()
            .map(|caller| caller.facts.calls.iter().map(|call| index.candidates(functions, caller, call)).collect())
            .collect();
        let mut helpers = Helpers { functions, resolved, reach: Vec::new() };
        helpers.reach = functions.iter().map(|f| vec![None; f.facts.params.len()]).collect();
        for (id, f) in functions.iter().enumerate() {
            for (index, query) in f.facts.queries.iter().enumerate() {
                helpers.set(id, query.deps.params, Reach { depth: 1, hop: Hop::Query(index) });
            }
        }
        for depth in 2..=max_depth.min(MAX_DEPTH) {
            let before = helpers.reached();
            for (id, f) in functions.iter().enumerate() {
                for (index, call) in f.facts.calls.iter().enumerate() {
                    for slot in 0..helpers.resolved[id][index].len() {
                        let callee = helpers.resolved[id][index][slot];
                        for (param, arg) in call.args.iter().enumerate() {
                            let reaches =
                                helpers.reach[callee].get(param).copied().flatten().is_some_and(|r| r.depth < depth);
                            if reaches {
                                let hop = Hop::Call { call: index, callee, param };
                                helpers.set(id, arg.params, Reach { depth, hop });
                            }
                        }
                    }
                }
            }
            if helpers.reached() == before {
                break; // nothing new: deeper rounds cannot find more
            }
        }
        helpers
    }

    /// How many parameters reach a query so far.
    fn reached(&self) -> usize {
        self.reach.iter().flatten().filter(|r| r.is_some()).count()
    }

    fn set(&mut self, function: FnId, params: u64, reach: Reach) {
        for (param, slot) in self.reach[function].iter_mut().enumerate() {
            if param < 64 && params & (1 << param) != 0 && slot.is_none() {
                *slot = Some(reach);
            }
        }
    }

    /// The hops from parameter `param` of `function` to the query, in order:
    /// `(function, hop)` for each function on the way.
    pub fn path(&self, function: FnId, param: usize) -> Vec<(FnId, Hop)> {
        let mut path = Vec::new();
        let (mut f, mut p) = (function, param);
        while let Some(reach) = self.reach[f].get(p).copied().flatten() {
            path.push((f, reach.hop));
            match reach.hop {
                Hop::Query(_) => break,
                Hop::Call { callee, param, .. } => (f, p) = (callee, param),
            }
            if path.len() > 64 {
                break;
            }
        }
        path
    }

    pub fn function(&self, id: FnId) -> &'p Function {
        &self.functions[id]
    }
}

/// Functions by name, and by name within one type, module or file, so that a
/// call is resolved by looking at a handful of functions, not every function
/// named `new`.
pub struct Index<'p> {
    by_name: FxHashMap<&'p str, Vec<FnId>>,
    by_owner: FxHashMap<(&'p str, &'p str), Vec<FnId>>,
    by_file: FxHashMap<(&'p str, usize), Vec<FnId>>,
}

/// A name shared by more functions than this is too common to follow
/// without a qualifier, a type or a file to narrow it down.
const MAX_UNQUALIFIED: usize = 64;

impl<'p> Index<'p> {
    pub fn new(functions: &'p [Function]) -> Self {
        let mut index =
            Index { by_name: FxHashMap::default(), by_owner: FxHashMap::default(), by_file: FxHashMap::default() };
        for (id, f) in functions.iter().enumerate() {
            let name = f.facts.name.as_str();
            index.by_name.entry(name).or_default().push(id);
            if let Some(owner) = &f.facts.self_type {
                index.by_owner.entry((name, owner.as_str())).or_default().push(id);
            }
            if f.facts.self_type.as_deref() != Some(f.module.as_str()) {
                index.by_owner.entry((name, f.module.as_str())).or_default().push(id);
            }
            index.by_file.entry((name, f.file)).or_default().push(id);
        }
        index
    }

    /// The functions a call may reach, by name, arity and how it is qualified.
    fn candidates(&self, functions: &[Function], caller: &Function, call: &CallFact) -> Vec<FnId> {
        let name = call.callee.name();
        let fits = |id: FnId, method: Option<bool>| {
            let f = &functions[id].facts;
            f.params.len() == call.args.len() && method.is_none_or(|m| f.has_self == m)
        };
        let pick = |ids: Option<&Vec<FnId>>, method: Option<bool>, extra: &dyn Fn(FnId) -> bool| -> Vec<FnId> {
            ids.map(|ids| ids.iter().copied().filter(|&id| fits(id, method) && extra(id)).collect()).unwrap_or_default()
        };
        let common = |ids: Option<&Vec<FnId>>| ids.is_none_or(|ids| ids.len() > MAX_UNQUALIFIED);
        let mut found = match &call.callee {
            Callee::Method { on_self, .. } => {
                let own = caller.facts.self_type.as_deref().filter(|_| *on_self);
                let same_type = own.map(|t| pick(self.by_owner.get(&(name, t)), Some(true), &|_| true));
                match same_type {
                    Some(ids) if !ids.is_empty() => ids,
                    _ if common(self.by_name.get(name)) => Vec::new(),
                    _ => pick(self.by_name.get(name), Some(true), &|_| true),
                }
            }
            Callee::Path { qualifier, .. } => {
                pick(self.by_owner.get(&(name, qualifier.as_str())), None, &|id| functions[id].facts.local_to.is_none())
            }
            Callee::Free { .. } => {
                // A `let` closure is visible only in the function that binds it.
                let free = |id: FnId| {
                    let (file, f) = (functions[id].file, &functions[id].facts);
                    let visible = |body: &ByteRange| file == caller.file && body.contains(&call.span.start);
                    f.self_type.is_none() && f.local_to.as_ref().is_none_or(visible)
                };
                let same_file = pick(self.by_file.get(&(name, caller.file)), Some(false), &free);
                if !same_file.is_empty() {
                    same_file
                } else if common(self.by_name.get(name)) {
                    Vec::new()
                } else {
                    pick(self.by_name.get(name), Some(false), &free)
                }
            }
        };
        // Without types, `await` tells a query helper from a same-named plain
        // function: an awaited call (or a future handed to a join) reaches the
        // async candidates; a call that is not awaited runs a plain function,
        // and an async function's future that nobody awaits sends nothing.
        let (asynchronous, plain): (Vec<FnId>, Vec<FnId>) = found.iter().partition(|&&id| functions[id].facts.is_async);
        if call.awaited && !asynchronous.is_empty() {
            found = asynchronous;
        } else if !call.awaited {
            found = plain;
        }
        if found.len() > MAX_CANDIDATES {
            return Vec::new();
        }
        found
    }
}
