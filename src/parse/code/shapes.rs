//! The names and expression shapes that say "this reaches the database",
//! "this runs once per item" and "this is a connection". Pure functions over
//! `syn` expressions; the walker in [`super`] decides what they mean in context.

use crate::parse::extract::ident;
use syn::{Expr, ExprMethodCall};

/// Methods that run a SeaORM query with the connection as their only argument.
const SEAORM_EXECUTORS: &[&str] = &[
    "all",
    "one",
    "count",
    "stream",
    "exec",
    "exec_with_returning",
    "exec_without_returning",
    "exec_with_returning_many",
    "exec_with_returning_keys",
];

/// Diesel's `RunQueryDsl` (and diesel-async's, with the same names).
const DIESEL_EXECUTORS: &[&str] =
    &["load", "first", "get_result", "get_results", "execute", "load_iter", "load_stream", "get_result_async"];

const SQLX_EXECUTORS: &[&str] = &["fetch_one", "fetch_all", "fetch_optional", "fetch"];

/// `ActiveModelTrait` / `ModelTrait` writes on one model: `am.update(db)`.
const MODEL_WRITES: &[&str] = &["insert", "update", "save", "delete"];

/// `LoaderTrait`: eager on a whole `Vec`, one query per call on a one-element slice.
pub const LOADERS: &[&str] = &[
    "load_one",
    "load_many",
    "load_many_to_many",
    "load_self",
    "load_self_many",
    "load_self_via",
    "load_self_via_rev",
    "load_one_ex",
    "load_many_ex",
];

/// Calls that start a SeaORM query, so a call ending the chain is an executor
/// even when its connection has an unusual name.
const SEAORM_BUILDERS: &[&str] = &[
    "find",
    "find_by_id",
    "find_related",
    "find_linked",
    "find_also_related",
    "find_with_related",
    "find_also_linked",
    "find_with_linked",
    "filter_by_id",
    "delete_by_id",
    "delete_many",
    "update_many",
    "insert_many",
    "into_model",
    "into_tuple",
    "into_json",
    "into_partial_model",
    "from_raw_sql",
    "find_by_statement",
    "select_only",
];

const DIESEL_BUILDERS: &[&str] = &[
    "belonging_to",
    "filter",
    "find",
    "select",
    "inner_join",
    "left_join",
    "left_outer_join",
    "insert_into",
    "update",
    "delete",
    "sql_query",
    "values",
    "set",
    "order",
    "order_by",
    "table",
];

/// Method calls whose arguments are ranges or batches, not one item's key:
/// a query built from them is a batch query (pagination, `IN (..)`), not N+1.
const BATCH_ARGUMENTS: &[&str] = &[
    "is_in",
    "is_not_in",
    "eq_any",
    "ne_all",
    "ne_any",
    "gt",
    "gte",
    "ge",
    "lt",
    "lte",
    "le",
    "between",
    "not_between",
    "offset",
    "limit",
    "after",
    "before",
    "cursor_by",
    "order_by",
    "order_by_asc",
    "order_by_desc",
    "order",
];

/// A per-item iteration over these yields pages or chunks: a query per chunk is batching.
const BATCH_SOURCES: &[&str] =
    &["chunks", "chunks_exact", "rchunks", "try_chunks", "ready_chunks", "fetch_and_next", "fetch_and_next_page"];

/// Adapters that call their closure once per item of an iterator or stream.
const ADAPTERS: &[&str] = &[
    "map",
    "for_each",
    "try_for_each",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "filter_map",
    "flat_map",
    "filter",
    "then",
    "and_then",
    "map_ok",
    "try_filter_map",
    "try_filter",
    "fold",
    "try_fold",
    "scan",
    "inspect",
    "any",
    "all",
    "find",
    "find_map",
    "position",
    "partition",
    "take_while",
    "skip_while",
    "map_while",
    "retain",
    "retain_mut",
];

/// Of [`ADAPTERS`], the ones that also exist on single values (`Option::map`,
/// `Result::and_then`, `FutureExt::then`, `bool::then`): per item only when the
/// receiver is visibly an iterator or a stream.
const SINGLE_VALUE_ADAPTERS: &[&str] = &["map", "filter", "then", "and_then", "map_ok", "inspect", "find"];

/// Methods without arguments that turn a collection into an iterator or adapt one.
const ITERATOR_MAKERS: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "values",
    "values_mut",
    "keys",
    "into_values",
    "into_keys",
    "drain",
    "enumerate",
    "rev",
    "cloned",
    "copied",
    "peekable",
    "flatten",
    "fuse",
    "boxed",
    "lines",
    "chars",
    "into_stream",
];

/// Methods with one argument that make or adapt an iterator or a stream
/// (`Option::take()` has none, Diesel's `values(..)` is not listed).
const ITERATOR_MAKERS_WITH_ARGUMENT: &[&str] =
    &["zip", "chain", "skip", "take", "step_by", "buffer_unordered", "buffered", "split", "stream", "load_stream"];

/// Adapters whose result is again an iterator or a stream: evidence passes through them.
const ITERATOR_PRESERVING: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "flat_map",
    "inspect",
    "then",
    "and_then",
    "map_ok",
    "try_filter",
    "try_filter_map",
    "take_while",
    "skip_while",
    "map_while",
    "scan",
];

/// Adapters that run per-item futures together.
pub const CONCURRENT_ADAPTERS: &[&str] =
    &["buffer_unordered", "buffered", "for_each_concurrent", "try_for_each_concurrent"];

/// Functions that await many futures together.
pub const CONCURRENT_JOINS: &[&str] = &["join_all", "try_join_all", "select_all", "select_ok"];

/// Collections that run futures pushed into them together.
pub const CONCURRENT_SETS: &[&str] = &["FuturesUnordered", "FuturesOrdered", "JoinSet"];

/// Calls that take the next item of something inside a `loop` or `while`.
const ADVANCE: &[&str] =
    &["next", "try_next", "pop", "pop_front", "pop_back", "recv", "try_recv", "recv_async", "dequeue", "next_item"];

/// Identifiers a connection or transaction is usually bound to.
const CONN_NAMES: &[&str] =
    &["db", "conn", "connection", "txn", "tx", "trx", "transaction", "pool", "database", "executor", "dbc", "db_conn"];

/// Types that are a connection, a pool or a transaction.
const CONN_TYPES: &[&str] = &[
    "DatabaseConnection",
    "DatabaseTransaction",
    "DbConn",
    "ConnectionTrait",
    "TransactionTrait",
    "PgConnection",
    "MysqlConnection",
    "SqliteConnection",
    "AsyncPgConnection",
    "AsyncMysqlConnection",
    "PooledConnection",
    "PgPool",
    "MySqlPool",
    "SqlitePool",
    "DbPool",
    "Pool<",
    "Transaction<",
    "AsyncConnection",
];

pub fn is_adapter(name: &str) -> bool {
    ADAPTERS.contains(&name)
}

pub fn adapter_needs_iterator(name: &str) -> bool {
    SINGLE_VALUE_ADAPTERS.contains(&name)
}

pub fn is_advance(name: &str) -> bool {
    ADVANCE.contains(&name)
}

pub fn is_batch_argument(name: &str) -> bool {
    BATCH_ARGUMENTS.contains(&name)
}

/// A type (as text) that holds a database connection, given the generic
/// parameters bound by a connection trait.
pub fn is_conn_type(text: &str, conn_generics: &[String]) -> bool {
    CONN_TYPES.iter().any(|t| text.contains(t))
        || conn_generics.iter().any(|g| text.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == g))
}

/// A name a connection is bound to (`db`, `txn`, `state.db_pool`).
pub fn is_conn_name(name: &str) -> bool {
    let name = name.trim_start_matches('_');
    CONN_NAMES.contains(&name)
        || ["_db", "_conn", "_connection", "_txn", "_pool", "_database"].iter().any(|s| name.ends_with(s))
}

/// Peel `&`, `&mut`, `*`, parens, `?`, `.await`, and argument-less method calls
/// (`.as_ref()`, `.get().await?`) to the name that carries the value.
pub fn carrier_name(mut expr: &Expr) -> Option<String> {
    loop {
        expr = match expr {
            Expr::Reference(r) => &r.expr,
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => &u.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::MethodCall(m) if m.args.is_empty() => &m.receiver,
            Expr::Field(f) => {
                return match &f.member {
                    syn::Member::Named(name) => Some(ident(name)),
                    syn::Member::Unnamed(_) => carrier_name(&f.base),
                }
            }
            Expr::Path(p) if p.qself.is_none() => return p.path.segments.last().map(|s| ident(&s.ident)),
            _ => return None,
        }
    }
}

/// A method call chain, outermost first: `a.b().c()` gives the calls `c`, `b`
/// and the root `a`. `?`, `.await` and parens between links are skipped.
pub struct Chain<'e> {
    pub calls: Vec<&'e ExprMethodCall>,
    pub root: &'e Expr,
}

pub fn chain(expr: &Expr) -> Chain<'_> {
    let mut calls = Vec::new();
    let mut e = expr;
    loop {
        e = match e {
            Expr::MethodCall(m) => {
                calls.push(m);
                &m.receiver
            }
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::Paren(p) => &p.expr,
            Expr::Reference(r) => &r.expr,
            _ => return Chain { calls, root: e },
        };
    }
}

impl Chain<'_> {
    pub fn has_method(&self, names: &[&str]) -> bool {
        self.calls.iter().any(|m| names.iter().any(|n| m.method == n))
    }

    /// The root is a call to a path (`user::Entity::find_by_id(..)`): its segments and args.
    pub fn root_call(&self) -> Option<(Vec<String>, &syn::punctuated::Punctuated<Expr, syn::Token![,]>)> {
        match self.root {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => Some((p.path.segments.iter().map(|s| ident(&s.ident)).collect(), &c.args)),
                _ => None,
            },
            _ => None,
        }
    }

    fn root_call_named(&self, names: &[&str]) -> bool {
        self.root_call().is_some_and(|(segs, _)| segs.last().is_some_and(|l| names.contains(&l.as_str())))
    }

    fn root_path(&self) -> Option<Vec<String>> {
        match self.root {
            Expr::Path(p) => Some(p.path.segments.iter().map(|s| ident(&s.ident)).collect()),
            _ => None,
        }
    }

    pub fn is_seaorm_builder(&self) -> bool {
        self.has_method(SEAORM_BUILDERS) || self.root_call_named(SEAORM_BUILDERS) || self.root_call_named(&["load"])
    }

    pub fn is_diesel_builder(&self) -> bool {
        self.has_method(DIESEL_BUILDERS)
            || self.root_call_named(DIESEL_BUILDERS)
            || self.root_path().is_some_and(|p| p.last().is_some_and(|l| l == "table"))
    }

    pub fn is_sqlx(&self) -> bool {
        match self.root {
            Expr::Macro(m) => {
                let last = m.mac.path.segments.last().map(|s| ident(&s.ident)).unwrap_or_default();
                last.starts_with("query")
            }
            _ => self.root_call().is_some_and(|(segs, _)| {
                segs.first().is_some_and(|f| f == "sqlx") || segs.last().is_some_and(|l| l.starts_with("query"))
            }),
        }
    }

    /// Iterating it yields pages or chunks: its outermost call makes them
    /// (`ids.chunks(500)`, `pages.fetch_and_next()`), not one inside the chain.
    pub fn is_batch_source(&self) -> bool {
        self.calls.first().is_some_and(|m| BATCH_SOURCES.iter().any(|n| m.method == n))
    }

    /// Visibly an iterator or a stream: its outermost call makes one
    /// (`xs.iter()`, `.stream(db).await?`), adapts one (`xs.iter().map(..)`),
    /// or the chain is a call like `stream::iter(xs)`. `xs.iter().find(..)`
    /// and `opt.take()` are single values.
    pub fn is_iterator(&self) -> bool {
        for call in &self.calls {
            let name = ident(&call.method);
            let n = call.args.len();
            if (n == 0 && ITERATOR_MAKERS.contains(&name.as_str()))
                || (n == 1 && ITERATOR_MAKERS_WITH_ARGUMENT.contains(&name.as_str()))
            {
                return true;
            }
            if !ITERATOR_PRESERVING.contains(&name.as_str()) {
                return false;
            }
        }
        self.root_call().is_some_and(|(segs, _)| {
            segs.last().is_some_and(|l| l == "iter" || l == "from_iter" || l == "repeat" || l == "unfold")
        })
    }
}

/// Which kind of database call a method call is, if it is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Executor {
    SeaOrm,
    Diesel,
    Sqlx,
    /// `am.update(db)`, `model.delete(db)`.
    ModelWrite,
    /// `LoaderTrait` on a one-element slice.
    LoaderOnOne,
}

/// Whether `call` runs a query, given a test for connection-like arguments.
pub fn executor(call: &ExprMethodCall, is_conn: &dyn Fn(&Expr) -> bool) -> Option<Executor> {
    let name = ident(&call.method);
    let args: Vec<&Expr> = call.args.iter().collect();
    let only_conn = || args.len() == 1 && !matches!(args[0], Expr::Closure(_)) && is_conn(args[0]);
    let name = name.as_str();
    if SEAORM_EXECUTORS.contains(&name) {
        let c = chain(&call.receiver);
        if args.len() == 1 && !matches!(args[0], Expr::Closure(_)) && (is_conn(args[0]) || c.is_seaorm_builder()) {
            return Some(if c.is_sqlx() { Executor::Sqlx } else { Executor::SeaOrm });
        }
        return None;
    }
    if name == "paginate" {
        return (args.len() == 2 && is_conn(args[0])).then_some(Executor::SeaOrm);
    }
    if DIESEL_EXECUTORS.contains(&name) {
        let c = chain(&call.receiver);
        if args.len() == 1 && !matches!(args[0], Expr::Closure(_)) && (is_conn(args[0]) || c.is_diesel_builder()) {
            return Some(if c.is_sqlx() { Executor::Sqlx } else { Executor::Diesel });
        }
        return None;
    }
    if SQLX_EXECUTORS.contains(&name) {
        let c = chain(&call.receiver);
        return (args.len() == 1 && (is_conn(args[0]) || c.is_sqlx())).then_some(Executor::Sqlx);
    }
    if MODEL_WRITES.contains(&name) {
        return only_conn().then_some(Executor::ModelWrite);
    }
    if LOADERS.contains(&name) {
        let conn_last = args.len() >= 2 && args.last().is_some_and(|a| is_conn(a));
        return (conn_last && is_one_element(&call.receiver)).then_some(Executor::LoaderOnOne);
    }
    None
}

/// `[x]`, `&[x]`, `vec![x]`, `std::slice::from_ref(&x)`.
fn is_one_element(expr: &Expr) -> bool {
    match expr {
        Expr::Reference(r) => is_one_element(&r.expr),
        Expr::Paren(p) => is_one_element(&p.expr),
        Expr::Array(a) => a.elems.len() == 1,
        Expr::Macro(m) if m.mac.path.is_ident("vec") => {
            let parsed = m.mac.parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated);
            parsed.is_ok_and(|p| p.len() == 1)
        }
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "from_ref"))
        }
        _ => false,
    }
}

/// A fixed list written in the source: an array or `vec![..]` literal, a
/// `SCREAMING_CASE` constant, or a range between small integer literals.
pub fn is_literal_list(expr: &Expr) -> bool {
    let c = chain(expr);
    // `[a, b].iter().copied()` still is the list; `[a, b].concat()` is not.
    let plain = c.calls.iter().all(|m| {
        ["iter", "into_iter", "copied", "cloned", "enumerate"].iter().any(|n| m.method == n) && m.args.is_empty()
    });
    if !plain {
        return false;
    }
    match c.root {
        Expr::Array(_) => true,
        Expr::Macro(m) => m.mac.path.is_ident("vec"),
        Expr::Path(p) => p.path.segments.last().is_some_and(|s| {
            let name = s.ident.to_string();
            name.len() > 1 && name.chars().all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_')
        }),
        Expr::Range(r) => {
            let bound = |e: &Option<Box<Expr>>| match e.as_deref() {
                Some(Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })) => i.base10_parse::<u64>().ok(),
                _ => None,
            };
            matches!((bound(&r.start), bound(&r.end)), (Some(a), Some(b)) if b.saturating_sub(a) <= 32)
        }
        _ => false,
    }
}

/// Names that are never helpers of the analyzed code: std and ORM methods
/// called everywhere. Skipping them keeps the call facts small.
pub fn is_common_method(name: &str) -> bool {
    const COMMON: &[&str] = &[
        "clone",
        "to_string",
        "to_owned",
        "into",
        "as_ref",
        "as_str",
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_default",
        "unwrap_or_else",
        "ok_or",
        "ok_or_else",
        "map_err",
        "ok",
        "err",
        "is_some",
        "is_none",
        "is_empty",
        "len",
        "push",
        "push_str",
        "extend",
        "contains",
        "contains_key",
        "get_mut",
        "entry",
        "or_default",
        "or_insert",
        "or_insert_with",
        "collect",
        "iter",
        "into_iter",
        "iter_mut",
        "eq",
        "ne",
        "cmp",
        "partial_cmp",
        "format",
        "to_vec",
        "as_slice",
        "borrow",
        "borrow_mut",
        "lock",
        "join",
        "split",
        "trim",
        "parse",
        "col_expr",
        "column",
        "columns",
        "filter",
        "order_by_asc",
        "order_by_desc",
        "limit",
        "offset",
        "select_only",
        "group_by",
        "into_model",
        "into_tuple",
        "apply_if",
        "def",
        "rev",
        "to",
        "via",
        "belongs_to",
        "has_many",
        "has_one",
        "from",
        "on_delete",
        "on_update",
        "is_in",
        "is_not_in",
        "like",
        "gt",
        "gte",
        "lt",
        "lte",
        "and",
        "or",
        "not",
        "values",
        "returning",
        "sum",
        "max",
        "min",
        "then",
        "map",
        "and_then",
        "for_each",
    ];
    COMMON.contains(&name)
}
