//! Function bodies into [`FnFacts`]: which calls reach the database, which
//! code runs once per item, and what every value depends on.
//!
//! One pass per body with a scoped environment: every binding carries the
//! parameters and the per-item contexts its value comes from ([`Deps`]). A
//! loop binding depends on its loop; `let` and assignments propagate; a query
//! records what its key arguments depend on; a call records the same per
//! argument, so the rule can follow helpers across files without the syntax tree.

mod shapes;

use super::spans;

use super::extract::ident;
use super::facts::{
    ByteRange, CallFact, Callee, Deps, FnFacts, LoopFact, LoopKind, Orm, QueryFact, QueryShape, WriteVerb,
};
use crate::parse::offsets::ByteOffsets;
use rustc_hash::{FxHashMap, FxHashSet};
use shapes::{chain, Executor};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, ImplItem, Item, Pat, TraitItem};

/// Every function, method and default trait method in `items`, inline modules included.
pub fn functions(items: &[Item], text: &str, module: &mut Vec<String>, out: &mut Vec<FnFacts>) {
    for item in items {
        match item {
            Item::Fn(f) => function(&f.sig, &f.block, None, text, module, out),
            Item::Impl(i) => {
                let self_type = type_name(&i.self_ty);
                for it in &i.items {
                    if let ImplItem::Fn(f) = it {
                        function(&f.sig, &f.block, self_type.as_deref(), text, module, out);
                    }
                }
            }
            Item::Trait(t) => {
                let self_type = ident(&t.ident);
                for it in &t.items {
                    if let TraitItem::Fn(f) = it {
                        if let Some(block) = &f.default {
                            function(&f.sig, block, Some(&self_type), text, module, out);
                        }
                    }
                }
            }
            Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    module.push(ident(&m.ident));
                    functions(items, text, module, out);
                    module.pop();
                }
            }
            _ => {}
        }
    }
}

/// The last segment of a type path: `Model` for `post::Model`, `PostService` for `&PostService`.
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| ident(&s.ident)),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => None,
    }
}

fn function(
    sig: &syn::Signature,
    block: &syn::Block,
    self_type: Option<&str>,
    text: &str,
    module: &[String],
    out: &mut Vec<FnFacts>,
) {
    let mut walker = Walker::new(text, self_type, module);
    walker.conn_generics = conn_generics(&sig.generics);
    walker.facts.name = ident(&sig.ident);
    walker.facts.name_span = sig.ident.span().bytes();
    walker.facts.inline_module = module.to_vec();
    walker.facts.self_type = self_type.map(str::to_string);
    walker.facts.is_async = sig.asyncness.is_some()
        || matches!(&sig.output, syn::ReturnType::Type(_, ty) if walker.snippet(spans::ty(ty)).contains("Future"));
    walker.push_scope();
    for (i, input) in sig.inputs.iter().enumerate() {
        let deps = Deps { params: if i < 64 { 1 << i } else { 0 }, loops: 0 };
        match input {
            syn::FnArg::Receiver(_) => {
                walker.facts.has_self = true;
                walker.facts.params.push("self".to_string());
                walker.bind("self".to_string(), Var { deps, ..Var::default() });
            }
            syn::FnArg::Typed(pt) => {
                let conn = shapes::is_conn_type(&walker.snippet(spans::ty(&pt.ty)), &walker.conn_generics);
                let names = bindings(&pt.pat);
                walker.facts.params.push(names.join(", "));
                for name in names {
                    walker.bind(name, Var { deps, conn, ..Var::default() });
                }
            }
        }
    }
    walker.body = block.brace_token.span.open().start_byte()..block.brace_token.span.close().end_byte();
    walker.visit_block(block);
    walker.pop_scope();
    keep(walker.facts, out);
    out.append(&mut walker.nested);
}

/// Keep a function's facts without spare capacity: a large project has
/// hundreds of thousands of them.
fn keep(mut facts: FnFacts, out: &mut Vec<FnFacts>) {
    facts.calls.shrink_to_fit();
    facts.queries.shrink_to_fit();
    facts.loops.shrink_to_fit();
    out.push(facts);
}

/// `let load = |id| async move { .. };`: a local helper, callable as `load(post.id)`.
fn local_closure(name: String, closure: &syn::ExprClosure, outer: &Walker<'_>, out: &mut Vec<FnFacts>) {
    let mut walker = Walker::new(outer.text, outer.self_type.as_deref(), &outer.module);
    walker.conn_generics = outer.conn_generics.clone();
    walker.facts.name = name;
    walker.facts.name_span = closure.or1_token.span.start_byte()..closure.or2_token.span.end_byte();
    walker.facts.inline_module = outer.module.clone();
    walker.facts.is_async = closure.asyncness.is_some() || matches!(&*closure.body, Expr::Async(_));
    walker.facts.local_to = Some(outer.body.clone());
    walker.body = outer.body.clone();
    walker.push_scope();
    // Captured connections keep their kind; captured values depend on nothing here.
    for (name, var) in &outer.vars {
        if var.conn {
            walker.bind(name.clone(), Var { conn: true, ..Var::default() });
        }
    }
    for (i, input) in closure.inputs.iter().enumerate() {
        let deps = Deps { params: if i < 64 { 1 << i } else { 0 }, loops: 0 };
        let names = bindings(input);
        walker.facts.params.push(names.join(", "));
        for name in names {
            walker.bind(name, Var { deps, ..Var::default() });
        }
    }
    walker.visit_expr(&closure.body);
    walker.pop_scope();
    keep(walker.facts, out);
    out.append(&mut walker.nested);
}

/// Generic parameters bound by a connection trait: `C` in `fn f<C: ConnectionTrait>(db: &C)`.
fn conn_generics(generics: &syn::Generics) -> Vec<String> {
    let bounded = |bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>| {
        bounds.iter().any(|b| match b {
            syn::TypeParamBound::Trait(t) => t.path.segments.last().is_some_and(|s| {
                let name = s.ident.to_string();
                name.contains("Connection") || name == "TransactionTrait" || name == "Executor"
            }),
            _ => false,
        })
    };
    let mut names: Vec<String> =
        generics.type_params().filter(|p| bounded(&p.bounds)).map(|p| ident(&p.ident)).collect();
    if let Some(wc) = &generics.where_clause {
        for pred in &wc.predicates {
            if let syn::WherePredicate::Type(t) = pred {
                if let (Some(name), true) = (type_name(&t.bounded_ty), bounded(&t.bounds)) {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The names a pattern binds, in order.
fn bindings(pat: &Pat) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.push(ident(&p.ident));
            visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut names = Names(Vec::new());
    names.visit_pat(pat);
    names.0
}

/// What the walker knows about one binding.
#[derive(Clone, Copy, Debug, Default)]
struct Var {
    deps: Deps,
    /// Holds a connection, a pool or a transaction.
    conn: bool,
    /// Holds an iterator or a stream (`let rows = Post::find().stream(db).await?`).
    iter: bool,
    /// A set that runs the futures pushed into it together (`FuturesUnordered`).
    concurrent_set: Option<&'static str>,
    /// Bound to a closure by `let` (a local helper).
    closure: bool,
}

struct Walker<'t> {
    text: &'t str,
    self_type: Option<String>,
    module: Vec<String>,
    conn_generics: Vec<String>,
    vars: FxHashMap<String, Var>,
    /// Per block: the bindings it made and what they shadowed.
    scopes: Vec<Vec<(String, Option<Var>)>>,
    /// Loop bits of the per-item contexts around the current point.
    ctx_mask: u64,
    /// Indices of those contexts in `facts.loops`, innermost last.
    ctx_stack: Vec<usize>,
    /// The innermost `loop`/`while`: a `next()`-like call inside takes its item.
    advance_bit: u64,
    /// Its index in `facts.loops`, to name the item once a binding takes it.
    advance_index: Option<usize>,
    /// Concurrency markers (`try_join_all`, `buffer_unordered`) around the current point.
    concurrency: Vec<String>,
    facts: FnFacts,
    /// Functions declared inside this one.
    nested: Vec<FnFacts>,
    /// Calls directly under `.await`, by span.
    awaited: FxHashSet<ByteRange>,
    /// The function body being walked.
    body: ByteRange,
}

impl<'t> Walker<'t> {
    fn new(text: &'t str, self_type: Option<&str>, module: &[String]) -> Self {
        Walker {
            text,
            self_type: self_type.map(str::to_string),
            module: module.to_vec(),
            conn_generics: Vec::new(),
            vars: FxHashMap::default(),
            scopes: Vec::new(),
            ctx_mask: 0,
            ctx_stack: Vec::new(),
            advance_bit: 0,
            advance_index: None,
            concurrency: Vec::new(),
            facts: FnFacts::default(),
            nested: Vec::new(),
            awaited: FxHashSet::default(),
            body: 0..0,
        }
    }

    fn snippet(&self, range: ByteRange) -> String {
        self.text.get(range).unwrap_or_default().to_string()
    }

    /// Source text on one line, shortened for a message.
    fn short(&self, range: ByteRange) -> String {
        let text = self.text.get(range).unwrap_or_default();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = flat.replace("( ", "(").replace(" )", ")").replace(" .", ".");
        let flat = flat.trim_start_matches("&mut ").trim_start_matches('&').to_string();
        if flat.chars().count() > 48 {
            format!("{}…", flat.chars().take(47).collect::<String>())
        } else {
            flat
        }
    }

    fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        for (name, old) in self.scopes.pop().unwrap_or_default().into_iter().rev() {
            match old {
                Some(var) => self.vars.insert(name, var),
                None => self.vars.remove(&name),
            };
        }
    }

    fn bind(&mut self, name: String, var: Var) {
        let old = self.vars.insert(name.clone(), var);
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name, old));
        }
    }

    fn bind_pat(&mut self, pat: &Pat, var: Var) {
        for name in bindings(pat) {
            self.bind(name, var);
        }
    }

    /// Bind `pat` to the value of `init`; `let Some(job) = queue.pop_front() else { break }`
    /// also names the item of the enclosing `loop`.
    fn bind_from(&mut self, pat: &Pat, init: &Expr, var: Var) {
        let takes_item = chain(init).calls.iter().any(|m| shapes::is_advance(&ident(&m.method)));
        if let Some(index) = self.advance_index.filter(|_| takes_item) {
            let names = bindings(pat);
            if self.facts.loops[index].item.is_empty() && !names.is_empty() {
                let over = self.source_text(init);
                let each = &mut self.facts.loops[index];
                each.item = names.join(", ");
                each.over = over;
            }
        }
        self.bind_pat(pat, var);
    }

    /// What a `while let` or a `next()`-like call takes items from: `stream` in `stream.try_next().await?`.
    fn source_text(&self, expr: &Expr) -> String {
        let c = chain(expr);
        match c.calls.last() {
            // `calls` is outermost first: the last one is applied to the root.
            Some(innermost) if shapes::is_advance(&ident(&innermost.method)) => self.short(spans::expr(c.root)),
            _ => self.short(spans::expr(expr)),
        }
    }

    /// What `expr` depends on. With `key_only`, arguments of batch methods
    /// (`is_in`, `limit`, ...) do not count.
    fn deps(&self, expr: &Expr, key_only: bool) -> Deps {
        let mut collector = DepCollector { walker: self, key_only, deps: Deps::default() };
        collector.visit_expr(expr);
        collector.deps
    }

    fn is_conn(&self, expr: &Expr) -> bool {
        if let Some(name) = shapes::carrier_name(expr) {
            if shapes::is_conn_name(&name) || self.vars.get(&name).is_some_and(|v| v.conn) {
                return true;
            }
        }
        // `ctx.data::<DatabaseConnection>()?`
        chain(expr).calls.iter().filter_map(|m| m.turbofish.as_ref()).any(|t| {
            let args = t.args.first().map(|a| a.span().bytes()).unwrap_or_default();
            shapes::is_conn_type(&self.snippet(args), &self.conn_generics)
        })
    }

    /// Start a per-item context; its bit (0 past the 64th).
    fn new_loop(&mut self, loop_fact: LoopFact) -> u64 {
        let index = self.facts.loops.len();
        self.facts.loops.push(loop_fact);
        if index < 64 {
            1 << index
        } else {
            0
        }
    }

    /// Run `body` inside the per-item context with `bit` (the last loop pushed).
    fn within(&mut self, bit: u64, advance: bool, body: impl FnOnce(&mut Self)) {
        let (mask, adv, adv_index, depth) = (self.ctx_mask, self.advance_bit, self.advance_index, self.ctx_stack.len());
        if bit != 0 {
            self.ctx_mask |= bit;
            self.ctx_stack.push(self.facts.loops.len() - 1);
            if advance {
                self.advance_bit = bit;
                self.advance_index = Some(self.facts.loops.len() - 1);
            }
        }
        body(self);
        self.ctx_mask = mask;
        self.advance_bit = adv;
        self.advance_index = adv_index;
        self.ctx_stack.truncate(depth);
    }

    /// Variables assigned in `block` change per iteration: they depend on the loop.
    fn mark_assigned(&mut self, block: &syn::Block, bit: u64) {
        struct Assigned(Vec<String>);
        impl<'ast> Visit<'ast> for Assigned {
            fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
                self.0.extend(root_name(&a.left));
                visit::visit_expr_assign(self, a);
            }
            fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
                if is_compound_assign(&b.op) {
                    self.0.extend(root_name(&b.left));
                }
                visit::visit_expr_binary(self, b);
            }
            fn visit_item(&mut self, _: &'ast Item) {}
        }
        let mut assigned = Assigned(Vec::new());
        assigned.visit_block(block);
        for name in assigned.0 {
            if let Some(var) = self.vars.get_mut(&name) {
                var.deps.loops |= bit;
            }
        }
    }

    fn mark_concurrent(&mut self, how: &str) {
        if let Some(&index) = self.ctx_stack.last() {
            self.facts.loops[index].concurrent.get_or_insert_with(|| how.to_string());
        }
    }

    fn restrict(&self, mut deps: Deps) -> Deps {
        deps.loops &= self.ctx_mask;
        deps
    }

    fn record_query(&mut self, call: &syn::ExprMethodCall, executor: Executor) {
        let method = ident(&call.method);
        let c = chain(&call.receiver);
        let mut deps = self.restrict(self.deps(&call.receiver, true));
        let (orm, shape) = self.shape(&c, &method, executor);
        // Raw SQL with LIMIT or OFFSET reads a page per iteration: keyset or offset pagination.
        if orm == Orm::Sqlx {
            let sql = self.snippet(spans::expr(c.root)).to_ascii_uppercase();
            if sql.contains(" LIMIT ") || sql.contains(" OFFSET ") {
                deps.loops = 0;
            }
        }
        self.facts.queries.push(QueryFact { span: spans::method_call(call), orm, shape, executor: method, deps });
    }

    /// What the query does, for the help text.
    fn shape(&self, c: &shapes::Chain<'_>, executor: &str, kind: Executor) -> (Orm, QueryShape) {
        let orm = match kind {
            Executor::Diesel => Orm::Diesel,
            Executor::Sqlx => Orm::Sqlx,
            _ => Orm::SeaOrm,
        };
        let one = matches!(executor, "one" | "first" | "get_result");
        let root_text = || self.short(spans::expr(c.root));
        let method_arg = |names: &[&str]| {
            c.calls.iter().find(|m| names.iter().any(|n| m.method == n)).map(|m| {
                let name = ident(&m.method);
                let arg = m.args.first().map(|a| self.short(spans::expr(a))).unwrap_or_default();
                (name, arg)
            })
        };
        let root_call = c.root_call();
        let root_fn = root_call.as_ref().and_then(|(segs, _)| segs.last().cloned()).unwrap_or_default();
        let root_owner = root_call.as_ref().map(|(segs, _)| segs[..segs.len() - 1].join("::")).unwrap_or_default();
        let shape = match kind {
            Executor::LoaderOnOne => QueryShape::LoaderOnOne { method: executor.to_string() },
            Executor::ModelWrite => QueryShape::Write {
                verb: match executor {
                    "delete" => WriteVerb::Delete,
                    "insert" => WriteVerb::Insert,
                    _ => WriteVerb::Update,
                },
                entity: String::new(),
            },
            _ => {
                if let Some((name, target)) = method_arg(&["find_related", "find_linked"]) {
                    QueryShape::Related { target, linked: name == "find_linked", one }
                } else if root_fn == "belonging_to" {
                    QueryShape::BelongingTo { child: root_owner }
                } else if let Some(verb) = write_verb(&root_fn) {
                    QueryShape::Write { verb, entity: root_owner }
                } else if root_fn == "find_by_id" || c.has_method(&["filter_by_id"]) {
                    QueryShape::ById { entity: root_owner }
                } else if orm == Orm::Diesel && c.has_method(&["find"]) {
                    let entity = c.calls.last().map(|m| self.short(spans::expr(&m.receiver))).unwrap_or_default();
                    QueryShape::ById { entity }
                } else if c.has_method(&["filter"]) {
                    let entity = if root_owner.is_empty() { root_text() } else { root_owner };
                    QueryShape::Filter { entity, one }
                } else {
                    QueryShape::Other
                }
            }
        };
        (orm, shape)
    }

    /// A call that may be a helper: kept when an argument depends on something.
    fn record_call(&mut self, span: ByteRange, callee: Callee, args: Vec<Deps>) {
        if args.iter().any(|d| !d.is_empty()) {
            let awaited = self.awaited.contains(&span) || !self.concurrency.is_empty();
            self.facts.calls.push(CallFact { span, callee, args, awaited });
        }
    }

    fn path_callee(&self, path: &syn::Path) -> Option<Callee> {
        let segs: Vec<String> = path.segments.iter().map(|s| ident(&s.ident)).collect();
        let name = segs.last()?.clone();
        if !name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') || shapes::is_common_method(&name) {
            return None;
        }
        Some(match segs.len() {
            1 => Callee::Free { name },
            n => match segs[n - 2].as_str() {
                "crate" | "super" | "self" => Callee::Free { name },
                "Self" => Callee::Path { qualifier: self.self_type.clone().unwrap_or_default(), name },
                q => Callee::Path { qualifier: q.to_string(), name },
            },
        })
    }

    /// `recv.adapter(|item| ..)`: each closure is a per-item context.
    fn adapter(&mut self, call: &syn::ExprMethodCall, name: &str) {
        self.visit_expr(&call.receiver);
        let c = chain(&call.receiver);
        let batch = c.is_batch_source();
        let literal = shapes::is_literal_list(&call.receiver);
        let receiver_deps = self.deps(&call.receiver, false);
        let over = self.short(spans::expr(&call.receiver));
        let concurrent = if shapes::CONCURRENT_ADAPTERS.contains(&name) {
            Some(name.to_string())
        } else {
            self.concurrency.last().cloned()
        };
        for arg in &call.args {
            match arg {
                Expr::Closure(closure) => {
                    let header = call.method.span().start_byte()..closure.or2_token.span().end_byte();
                    let items: Vec<String> = closure.inputs.iter().flat_map(bindings).collect();
                    let bit = if batch {
                        0
                    } else {
                        self.new_loop(LoopFact {
                            kind: LoopKind::Closure,
                            header,
                            item: items.join(", "),
                            over: over.clone(),
                            literal,
                            concurrent: concurrent.clone(),
                        })
                    };
                    let param = Var { deps: receiver_deps.union(Deps { params: 0, loops: bit }), ..Var::default() };
                    // `.then(|c| course_stats(db, c))`: the adapter awaits the future the closure returns.
                    self.awaited.insert(spans::expr(tail(&closure.body)));
                    self.within(bit, false, |w| w.closure(closure, param));
                }
                // `.map(load_author)`: the function runs once per item, with the item.
                Expr::Path(p) if p.qself.is_none() && !batch => {
                    let Some(callee) = self.path_callee(&p.path) else { continue };
                    let path_range = spans::expr(arg);
                    let bit = self.new_loop(LoopFact {
                        kind: LoopKind::Closure,
                        header: call.method.span().start_byte()..spans::expr(arg).end,
                        item: String::new(),
                        over: over.clone(),
                        literal,
                        concurrent: concurrent.clone(),
                    });
                    self.within(bit, false, |w| {
                        let arg = w.restrict(receiver_deps.union(Deps { params: 0, loops: bit }));
                        w.awaited.insert(path_range.clone());
                        w.record_call(path_range.clone(), callee, vec![arg]);
                    });
                }
                other => self.visit_expr(other),
            }
        }
    }

    /// A closure body, its parameters bound to `param`.
    fn closure(&mut self, closure: &syn::ExprClosure, param: Var) {
        self.push_scope();
        for input in &closure.inputs {
            self.bind_pat(input, param);
        }
        self.visit_expr(&closure.body);
        self.pop_scope();
    }

    fn assign(&mut self, left: &Expr, right: &Expr) {
        let deps = self.deps(right, false);
        if let Some(name) = root_name(left) {
            if let Some(var) = self.vars.get_mut(&name) {
                var.deps = var.deps.union(deps);
            }
        }
    }
}

/// The value an expression ends with: the last expression of a block.
fn tail(expr: &Expr) -> &Expr {
    match expr {
        Expr::Block(b) => match b.block.stmts.last() {
            Some(syn::Stmt::Expr(last, None)) => tail(last),
            _ => expr,
        },
        Expr::Paren(p) => tail(&p.expr),
        _ => expr,
    }
}

fn write_verb(function: &str) -> Option<WriteVerb> {
    match function {
        "insert" | "insert_many" | "insert_into" => Some(WriteVerb::Insert),
        "update" | "update_many" => Some(WriteVerb::Update),
        "delete" | "delete_by_id" | "delete_many" => Some(WriteVerb::Delete),
        _ => None,
    }
}

fn is_compound_assign(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// The variable an assignment target writes into: `x` in `x.a[i] = ..`.
fn root_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => Some(ident(&p.path.segments[0].ident)),
        Expr::Field(f) => root_name(&f.base),
        Expr::Index(i) => root_name(&i.expr),
        Expr::Unary(u) => root_name(&u.expr),
        Expr::Paren(p) => root_name(&p.expr),
        _ => None,
    }
}

impl<'ast> Visit<'ast> for Walker<'_> {
    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.push_scope();
        visit::visit_block(self, block);
        self.pop_scope();
    }

    fn visit_item(&mut self, item: &'ast Item) {
        if let Item::Fn(f) = item {
            let module = self.module.clone();
            function(&f.sig, &f.block, None, self.text, &module, &mut self.nested);
        }
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        let mut var = Var::default();
        if let (Some(init), Pat::Ident(name)) = (&local.init, &local.pat) {
            if let Expr::Closure(closure) = &*init.expr {
                let mut nested = Vec::new();
                local_closure(ident(&name.ident), closure, self, &mut nested);
                self.nested.append(&mut nested);
                var.closure = true;
            }
        }
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
            var.deps = self.deps(&init.expr, false);
            let c = chain(&init.expr);
            var.iter = c.is_iterator();
            // `let txn = db.begin().await?`, `let conn = &mut pool.get()?`: still a connection.
            let keeps_conn = c.calls.iter().all(|m| {
                ["begin", "clone", "as_ref", "get", "acquire", "get_connection", "conn", "lock", "deref"]
                    .iter()
                    .any(|n| m.method == n)
            });
            var.conn = keeps_conn && self.is_conn(&init.expr);
            let root = c.root_call().map(|(segs, _)| segs).unwrap_or_default();
            var.concurrent_set =
                shapes::CONCURRENT_SETS.iter().copied().find(|set| root.iter().any(|s| s.as_str() == *set));
        }
        if let Pat::Type(pt) = &local.pat {
            let ty = self.snippet(spans::ty(&pt.ty));
            var.conn |= shapes::is_conn_type(&ty, &self.conn_generics);
            if var.concurrent_set.is_none() {
                var.concurrent_set = shapes::CONCURRENT_SETS.iter().copied().find(|set| ty.contains(set));
            }
        }
        match &local.init {
            Some(init) => self.bind_from(&local.pat, &init.expr, var),
            None => self.bind_pat(&local.pat, var),
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        let c = chain(&f.expr);
        let deps = self.deps(&f.expr, false);
        let bit = if c.is_batch_source() {
            0
        } else {
            let names = bindings(&f.pat);
            self.new_loop(LoopFact {
                kind: LoopKind::For,
                header: f.for_token.span.start_byte()..spans::expr(&f.expr).end,
                item: names.join(", "),
                over: self.short(spans::expr(&f.expr)),
                literal: shapes::is_literal_list(&f.expr),
                concurrent: None,
            })
        };
        self.push_scope();
        self.bind_pat(&f.pat, Var { deps: deps.union(Deps { params: 0, loops: bit }), ..Var::default() });
        self.within(bit, false, |w| w.visit_block(&f.body));
        self.pop_scope();
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        let start = w.while_token.span.start_byte();
        if let Expr::Let(l) = &*w.cond {
            self.visit_expr(&l.expr);
            let deps = self.deps(&l.expr, false);
            let bit = if chain(&l.expr).is_batch_source() {
                0
            } else {
                self.new_loop(LoopFact {
                    kind: LoopKind::WhileLet,
                    header: start..spans::expr(&l.expr).end,
                    item: bindings(&l.pat).join(", "),
                    over: self.source_text(&l.expr),
                    literal: false,
                    concurrent: None,
                })
            };
            self.mark_assigned(&w.body, bit);
            self.push_scope();
            self.bind_pat(&l.pat, Var { deps: deps.union(Deps { params: 0, loops: bit }), ..Var::default() });
            self.within(bit, false, |walker| walker.visit_block(&w.body));
            self.pop_scope();
        } else {
            let bit = self.new_loop(LoopFact {
                kind: LoopKind::While,
                header: start..spans::expr(&w.cond).end,
                item: String::new(),
                over: self.short(spans::expr(&w.cond)),
                literal: false,
                concurrent: None,
            });
            self.mark_assigned(&w.body, bit);
            self.within(bit, true, |walker| {
                walker.visit_expr(&w.cond);
                walker.visit_block(&w.body);
            });
        }
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        let bit = self.new_loop(LoopFact {
            kind: LoopKind::Loop,
            header: l.loop_token.span.bytes(),
            item: String::new(),
            over: String::new(),
            literal: false,
            concurrent: None,
        });
        self.mark_assigned(&l.body, bit);
        self.within(bit, true, |w| w.visit_block(&l.body));
    }

    fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
        self.push_scope();
        self.visit_expr(&i.cond);
        self.visit_block(&i.then_branch);
        self.pop_scope();
        if let Some((_, else_branch)) = &i.else_branch {
            self.visit_expr(else_branch);
        }
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        self.visit_expr(&l.expr);
        let deps = self.deps(&l.expr, false);
        self.bind_from(&l.pat, &l.expr, Var { deps, ..Var::default() });
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        self.visit_expr(&m.expr);
        let deps = self.deps(&m.expr, false);
        for arm in &m.arms {
            self.push_scope();
            self.bind_from(&arm.pat, &m.expr, Var { deps, ..Var::default() });
            if let Some((_, guard)) = &arm.guard {
                self.visit_expr(guard);
            }
            self.visit_expr(&arm.body);
            self.pop_scope();
        }
    }

    fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
        let mut base = &*a.base;
        while let Expr::Paren(p) = base {
            base = &p.expr;
        }
        self.awaited.insert(spans::expr(base));
        visit::visit_expr_await(self, a);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        self.closure(closure, Var::default());
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        visit::visit_expr_assign(self, a);
        self.assign(&a.left, &a.right);
    }

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        visit::visit_expr_binary(self, b);
        if is_compound_assign(&b.op) {
            self.assign(&b.left, &b.right);
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = ident(&call.method);
        if let Some(executor) = shapes::executor(call, &|e| self.is_conn(e)) {
            self.record_query(call, executor);
        } else if shapes::is_adapter(&name)
            && call.args.iter().any(|a| matches!(a, Expr::Closure(_) | Expr::Path(_)))
            && (!shapes::adapter_needs_iterator(&name) || self.is_iterator(&call.receiver))
        {
            return self.adapter(call, &name);
        } else if !shapes::is_common_method(&name) {
            let on_self = matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("self"));
            let mut args = vec![self.restrict(self.deps(&call.receiver, false))];
            args.extend(call.args.iter().map(|a| self.restrict(self.deps(a, false))));
            self.record_call(spans::method_call(call), Callee::Method { name: name.clone(), on_self }, args);
        }
        // Futures pushed into a `FuturesUnordered` / `JoinSet` per item run together.
        if matches!(name.as_str(), "push" | "push_back" | "spawn") {
            if let Some(set) = shapes::carrier_name(&call.receiver).and_then(|n| self.vars.get(&n)?.concurrent_set) {
                self.mark_concurrent(set);
                // The set awaits what is pushed into it.
                for arg in &call.args {
                    self.awaited.insert(spans::expr(arg));
                }
            }
        }
        let collects_concurrently = name == "collect"
            && call.turbofish.as_ref().is_some_and(|t| {
                let text = self.snippet(t.span().bytes());
                shapes::CONCURRENT_SETS.iter().any(|s| text.contains(s))
            });
        let marker = if shapes::CONCURRENT_ADAPTERS.contains(&name.as_str()) || collects_concurrently {
            Some(if collects_concurrently { "FuturesUnordered".to_string() } else { name.clone() })
        } else {
            None
        };
        // The receiver chain holds the per-item closures these run together.
        if let Some(marker) = &marker {
            self.concurrency.push(marker.clone());
        }
        self.visit_expr(&call.receiver);
        if marker.is_some() {
            self.concurrency.pop();
        }
        // Only a closure argument needs the receiver's dependencies (most links of a chain have none).
        let has_closure = call.args.iter().any(|a| matches!(a, Expr::Closure(_)));
        let receiver_deps = if has_closure { self.deps(&call.receiver, false) } else { Deps::default() };
        for arg in &call.args {
            match arg {
                // `opt.map(|id| ..)`: the parameter is the receiver's value.
                Expr::Closure(closure) => {
                    self.closure(closure, Var { deps: receiver_deps, ..Var::default() });
                }
                other => self.visit_expr(other),
            }
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let Expr::Path(p) = &*call.func {
            let last = p.path.segments.last().map(|s| ident(&s.ident)).unwrap_or_default();
            if shapes::CONCURRENT_JOINS.contains(&last.as_str()) {
                self.concurrency.push(last);
                visit::visit_expr_call(self, call);
                self.concurrency.pop();
                return;
            }
            if last == "spawn" || last == "spawn_blocking" {
                self.mark_concurrent("tokio::spawn");
            }
            // `f(x)` with `f` a parameter or a variable calls whatever it holds;
            // only a closure bound by `let` here is known.
            let variable = p.path.get_ident().and_then(|id| self.vars.get(&ident(id)));
            if let (Some(callee), true) = (self.path_callee(&p.path), variable.is_none_or(|v| v.closure)) {
                let args = call.args.iter().map(|a| self.restrict(self.deps(a, false))).collect();
                self.record_call(spans::call(call), callee, args);
            }
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        use syn::punctuated::Punctuated;
        if let Ok(exprs) = mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated) {
            for expr in &exprs {
                self.visit_expr(expr);
            }
        }
    }
}

impl Walker<'_> {
    fn is_iterator(&self, receiver: &Expr) -> bool {
        let c = chain(receiver);
        c.is_iterator()
            || match c.root {
                Expr::Path(p) => p.path.get_ident().is_some_and(|id| self.vars.get(&ident(id)).is_some_and(|v| v.iter)),
                _ => false,
            }
    }
}

/// Collects what an expression depends on.
struct DepCollector<'w, 't> {
    walker: &'w Walker<'t>,
    key_only: bool,
    deps: Deps,
}

impl DepCollector<'_, '_> {
    fn name(&mut self, name: &str) {
        if let Some(var) = self.walker.vars.get(name) {
            self.deps = self.deps.union(var.deps);
        }
    }

    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Ident(id) => self.name(&ident(&id)),
                proc_macro2::TokenTree::Group(g) => self.tokens(g.stream()),
                // `format!(".. {table}")`: inline format arguments name variables too.
                proc_macro2::TokenTree::Literal(lit) => {
                    let text = lit.to_string();
                    for piece in text.split('{').skip(1) {
                        let name: String = piece.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
                            self.name(&name);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for DepCollector<'_, '_> {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none() {
            if let Some(id) = p.path.get_ident() {
                self.name(&ident(id));
            }
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = ident(&call.method);
        if shapes::is_advance(&name) {
            self.deps.loops |= self.walker.advance_bit;
        }
        if self.key_only && shapes::is_batch_argument(&name) {
            self.visit_expr(&call.receiver);
        } else {
            visit::visit_expr_method_call(self, call);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
    }

    fn visit_item(&mut self, _: &'ast Item) {}
}

#[cfg(test)]
mod tests {
    use crate::parse::facts::{FnFacts, QueryShape};

    fn facts(body: &str) -> Vec<FnFacts> {
        crate::parse::parse_text(body).expect("parses").functions
    }

    fn only(body: &str) -> FnFacts {
        facts(body).into_iter().next().expect("one function")
    }

    #[test]
    fn a_query_on_the_loop_item_depends_on_the_loop() {
        let f = only(
            "async fn h(db: &DatabaseConnection, posts: Vec<post::Model>) {
                for post in &posts {
                    let c = post.find_related(comment::Entity).all(db).await;
                    let s = settings::Entity::find().one(db).await;
                }
            }",
        );
        assert_eq!(f.loops.len(), 1);
        assert_eq!((f.loops[0].item.as_str(), f.loops[0].over.as_str()), ("post", "posts"));
        assert_eq!(f.queries.len(), 2);
        assert_eq!(f.queries[0].deps.loops, 1);
        assert!(
            matches!(&f.queries[0].shape, QueryShape::Related { target, one: false, .. } if target == "comment::Entity")
        );
        assert_eq!(f.queries[1].deps.loops, 0, "does not depend on the item");
    }

    #[test]
    fn single_value_adapters_and_lookalikes_are_not_per_item_or_queries() {
        let f = only(
            "async fn h(db: &DatabaseConnection, id: Option<i32>, posts: Vec<post::Model>) {
                let u = id.map(|id| user::Entity::find_by_id(id));
                let n = posts.iter().count();
                let ok = posts.iter().all(|p| p.id > 0);
                let first = posts.first();
                let mut seen = FxHashSet::default();
                seen.insert(n);
                COUNTER.load(Ordering::Relaxed);
            }",
        );
        assert!(f.queries.is_empty(), "{:?}", f.queries);
        assert_eq!(f.loops.len(), 1, "only `posts.iter().all(..)` runs per item");
    }

    #[test]
    fn batches_have_no_item_and_literal_lists_are_marked() {
        let f = only(
            "async fn h(db: &DatabaseConnection, ids: Vec<i32>) {
                for chunk in ids.chunks(500) {
                    post::Entity::find().filter(post::Column::Id.is_in(chunk.to_vec())).all(db).await;
                }
                for kind in [\"a\", \"b\"] {
                    post::Entity::find().filter(post::Column::Kind.eq(kind)).all(db).await;
                }
            }",
        );
        assert_eq!(f.loops.len(), 1);
        assert!(f.loops[0].literal);
        assert_eq!(f.queries[0].deps.loops, 0);
        assert_eq!(f.queries[1].deps.loops, 1);
    }

    #[test]
    fn calls_record_what_each_argument_depends_on() {
        let f = only(
            "async fn h(&self, db: &DatabaseConnection, posts: Vec<post::Model>) {
                for post in posts {
                    self.author_of(db, &post).await;
                }
            }",
        );
        assert_eq!(f.params, ["self", "db", "posts"]);
        let call = &f.calls[0];
        assert_eq!(call.callee.name(), "author_of");
        assert_eq!(call.args.len(), 3);
        assert_eq!((call.args[0].params, call.args[0].loops), (1, 0));
        assert_eq!((call.args[2].params, call.args[2].loops), (1 << 2, 1));
    }

    #[test]
    fn loop_items_come_from_next_like_calls_and_assignments() {
        let f = only(
            "async fn h(db: &DatabaseConnection, mut queue: VecDeque<i32>) {
                loop {
                    let Some(id) = queue.pop_front() else { break };
                    user::Entity::find_by_id(id).one(db).await;
                }
            }",
        );
        assert_eq!((f.loops[0].item.as_str(), f.loops[0].over.as_str()), ("id", "queue"));
        assert_eq!(f.queries[0].deps.loops, 1);
    }
}
