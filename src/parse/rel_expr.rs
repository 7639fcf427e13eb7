//! Reading `RelationDef` expressions: the bodies of `Related::to/via`,
//! `Linked::link` and `RelationTrait::def` arms.

use super::facts::{RelRefFact, RelRefKind};
use syn::{Expr, GenericArgument, PathArguments, Stmt, Type};

/// Path segments of a `syn::Path`, keeping a leading `::` as `"::"`.
pub fn path_segments(path: &syn::Path) -> Vec<String> {
    let mut out = Vec::with_capacity(path.segments.len() + 1);
    if path.leading_colon.is_some() {
        out.push("::".to_string());
    }
    out.extend(path.segments.iter().map(|s| s.ident.to_string().trim_start_matches("r#").to_string()));
    out
}

/// Path segments of a type that is a plain path (`super::cake::Entity`).
pub fn type_path(ty: &Type) -> Option<&syn::Path> {
    match ty {
        Type::Path(p) if p.qself.is_none() => Some(&p.path),
        Type::Group(g) => type_path(&g.elem),
        Type::Paren(p) => type_path(&p.elem),
        _ => None,
    }
}

/// The first generic type argument of the last segment: `X` in `Related<X>`.
pub fn first_type_arg(path: &syn::Path) -> Option<&Type> {
    let last = path.segments.last()?;
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    args.args.iter().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// The value a block evaluates to: its tail expression, or a final `return x;`.
pub fn block_value(block: &syn::Block) -> Option<&Expr> {
    match block.stmts.last()? {
        Stmt::Expr(Expr::Return(ret), _) => ret.expr.as_deref(),
        Stmt::Expr(expr, None) => Some(expr),
        _ => None,
    }
}

/// Unwrap `Some(x)`, blocks, parentheses and `.into()` around a `RelationDef`.
fn peel(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => peel(&p.expr),
        Expr::Group(g) => peel(&g.expr),
        Expr::Block(b) => b.block.stmts.last().and_then(|_| block_value(&b.block)).map_or(expr, peel),
        Expr::Call(call) if call.args.len() == 1 && is_path_named(&call.func, "Some") => peel(&call.args[0]),
        Expr::MethodCall(m) if m.method == "into" && m.args.is_empty() => peel(&m.receiver),
        _ => expr,
    }
}

fn is_path_named(expr: &Expr, name: &str) -> bool {
    matches!(expr, Expr::Path(p) if p.path.is_ident(name))
}

/// Read a `RelationDef` expression; what ormlint does not model is `Opaque`.
pub fn rel_ref(expr: &Expr) -> RelRefFact {
    let mut expr = peel(expr);
    // Point at the relation itself, not at `Some(..)` around it.
    let span = super::spans::expr(expr);
    let mut rev = false;
    if let Expr::MethodCall(m) = expr {
        if m.method == "rev" && m.args.is_empty() {
            rev = true;
            expr = peel(&m.receiver);
        }
    }
    let kind = match expr {
        // `Relation::X.def()`
        Expr::MethodCall(m) if m.method == "def" && m.args.is_empty() => match peel(&m.receiver) {
            Expr::Path(p) if p.qself.is_none() => RelRefKind::Variant(path_segments(&p.path)),
            _ => RelRefKind::Opaque,
        },
        // `<Owner as Related<Target>>::to()` or `Relation::def(&Relation::X)`
        Expr::Call(call) => match &*call.func {
            Expr::Path(p) => match (&p.qself, p.path.segments.last()) {
                (Some(qself), Some(last)) if last.ident == "to" => {
                    let owner = type_path(&qself.ty).map(path_segments);
                    let trait_path: syn::Path = syn::Path {
                        leading_colon: None,
                        segments: p.path.segments.iter().take(qself.position).cloned().collect(),
                    };
                    let target = first_type_arg(&trait_path).and_then(type_path).map(path_segments);
                    match (owner, target) {
                        (Some(owner), Some(target)) => RelRefKind::RelatedTo { owner, target },
                        _ => RelRefKind::Opaque,
                    }
                }
                _ => RelRefKind::Opaque,
            },
            _ => RelRefKind::Opaque,
        },
        _ => RelRefKind::Opaque,
    };
    RelRefFact { kind, rev, span }
}
