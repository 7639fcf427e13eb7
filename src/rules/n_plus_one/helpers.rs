//! Which functions of the analyzed code issue a query with one of their
//! parameters, directly or through other helpers: the summaries that let
//! `n-plus-one` see a query behind a call in a loop.

use crate::model::Function;
use crate::parse::facts::{CallFact, Callee};
use std::collections::HashMap;

pub type FnId = usize;

/// A name matching more functions than this is left unresolved: guessing among
/// many same-named methods would report queries the call never reaches.
const MAX_CANDIDATES: usize = 4;

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
        let mut by_name: HashMap<&str, Vec<FnId>> = HashMap::new();
        for (id, f) in functions.iter().enumerate() {
            by_name.entry(f.facts.name.as_str()).or_default().push(id);
        }
        let resolved = functions
            .iter()
            .map(|caller| caller.facts.calls.iter().map(|call| candidates(functions, &by_name, caller, call)).collect())
            .collect();
        let mut helpers = Helpers { functions, resolved, reach: Vec::new() };
        helpers.reach = functions.iter().map(|f| vec![None; f.facts.params.len()]).collect();
        for (id, f) in functions.iter().enumerate() {
            for (index, query) in f.facts.queries.iter().enumerate() {
                helpers.set(id, query.deps.params, Reach { depth: 1, hop: Hop::Query(index) });
            }
        }
        for depth in 2..=max_depth {
            for (id, f) in functions.iter().enumerate() {
                for (index, call) in f.facts.calls.iter().enumerate() {
                    for callee in helpers.resolved[id][index].clone() {
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
        }
        helpers
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

/// The functions a call may reach, by name, arity and how it is qualified.
fn candidates(
    functions: &[Function],
    by_name: &HashMap<&str, Vec<FnId>>,
    caller: &Function,
    call: &CallFact,
) -> Vec<FnId> {
    let Some(named) = by_name.get(call.callee.name()) else { return Vec::new() };
    let arity = |id: &&FnId| functions[**id].facts.params.len() == call.args.len();
    let mut found: Vec<FnId> = match &call.callee {
        Callee::Method { on_self, .. } => {
            let methods: Vec<FnId> =
                named.iter().filter(arity).copied().filter(|&id| functions[id].facts.has_self).collect();
            let own_type = caller.facts.self_type.as_deref();
            let same_type: Vec<FnId> =
                methods.iter().copied().filter(|&id| functions[id].facts.self_type.as_deref() == own_type).collect();
            if *on_self && !same_type.is_empty() {
                same_type
            } else {
                methods
            }
        }
        Callee::Path { qualifier, .. } => named
            .iter()
            .filter(arity)
            .copied()
            .filter(|&id| {
                let f = &functions[id];
                f.facts.self_type.as_deref() == Some(qualifier.as_str()) || f.module == *qualifier
            })
            .collect(),
        Callee::Free { .. } => {
            let free: Vec<FnId> =
                named.iter().filter(arity).copied().filter(|&id| functions[id].facts.self_type.is_none()).collect();
            let same_file: Vec<FnId> = free.iter().copied().filter(|&id| functions[id].file == caller.file).collect();
            if same_file.is_empty() {
                free
            } else {
                same_file
            }
        }
    };
    // Without types, `await` tells a query helper from a same-named plain
    // function: an awaited call reaches the async candidates, a call that is
    // not awaited runs a plain function now when there is one.
    let (asynchronous, plain): (Vec<FnId>, Vec<FnId>) = found.iter().partition(|&&id| functions[id].facts.is_async);
    if call.awaited && !asynchronous.is_empty() {
        found = asynchronous;
    } else if !call.awaited && !plain.is_empty() {
        found = plain;
    }
    if found.len() > MAX_CANDIDATES {
        found.clear();
    }
    found
}
