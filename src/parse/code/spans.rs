//! Byte ranges of expressions without `Spanned::span()`, which prints the
//! whole sub-tree into tokens to find its ends: on every link of a long method
//! chain that is quadratic. The first and last tokens are found structurally.

use crate::parse::facts::ByteRange;
use syn::spanned::Spanned;
use syn::Expr;

pub fn expr(e: &Expr) -> ByteRange {
    start(e)..end(e)
}

pub fn method_call(call: &syn::ExprMethodCall) -> ByteRange {
    start(&call.receiver)..call.paren_token.span.close().byte_range().end
}

pub fn call(call: &syn::ExprCall) -> ByteRange {
    start(&call.func)..call.paren_token.span.close().byte_range().end
}

fn path_start(path: &syn::Path) -> usize {
    match (&path.leading_colon, path.segments.first()) {
        (Some(colon), _) => colon.spans[0].byte_range().start,
        (None, Some(first)) => first.ident.span().byte_range().start,
        (None, None) => 0,
    }
}

fn start(e: &Expr) -> usize {
    match e {
        Expr::MethodCall(m) => start(&m.receiver),
        Expr::Call(c) => start(&c.func),
        Expr::Field(f) => start(&f.base),
        Expr::Index(i) => start(&i.expr),
        Expr::Await(a) => start(&a.base),
        Expr::Try(t) => start(&t.expr),
        Expr::Path(p) if p.qself.is_none() => path_start(&p.path),
        Expr::Macro(m) => path_start(&m.mac.path),
        Expr::Struct(s) if s.qself.is_none() => path_start(&s.path),
        Expr::Reference(r) => r.and_token.span.byte_range().start,
        Expr::Paren(p) => p.paren_token.span.open().byte_range().start,
        Expr::Tuple(t) => t.paren_token.span.open().byte_range().start,
        Expr::Array(a) => a.bracket_token.span.open().byte_range().start,
        Expr::Block(b) if b.label.is_none() => b.block.brace_token.span.open().byte_range().start,
        Expr::Async(a) => a.async_token.span.byte_range().start,
        Expr::Lit(l) => l.lit.span().byte_range().start,
        Expr::Unary(u) => u.op.span().byte_range().start,
        Expr::Binary(b) => start(&b.left),
        Expr::Cast(c) => start(&c.expr),
        Expr::Closure(c) => match (&c.asyncness, &c.capture) {
            (Some(a), _) => a.span.byte_range().start,
            (None, Some(m)) => m.span.byte_range().start,
            (None, None) => c.or1_token.span.byte_range().start,
        },
        other => other.span().byte_range().start,
    }
}

fn end(e: &Expr) -> usize {
    match e {
        Expr::MethodCall(m) => m.paren_token.span.close().byte_range().end,
        Expr::Call(c) => c.paren_token.span.close().byte_range().end,
        Expr::Field(f) => f.member.span().byte_range().end,
        Expr::Index(i) => i.bracket_token.span.close().byte_range().end,
        Expr::Await(a) => a.await_token.span.byte_range().end,
        Expr::Try(t) => t.question_token.span.byte_range().end,
        Expr::Path(p) if p.qself.is_none() => p.path.segments.last().map_or(0, |s| s.span().byte_range().end),
        Expr::Macro(m) => match &m.mac.delimiter {
            syn::MacroDelimiter::Paren(p) => p.span.close().byte_range().end,
            syn::MacroDelimiter::Brace(b) => b.span.close().byte_range().end,
            syn::MacroDelimiter::Bracket(b) => b.span.close().byte_range().end,
        },
        Expr::Struct(s) => s.brace_token.span.close().byte_range().end,
        Expr::Reference(r) => end(&r.expr),
        Expr::Paren(p) => p.paren_token.span.close().byte_range().end,
        Expr::Tuple(t) => t.paren_token.span.close().byte_range().end,
        Expr::Array(a) => a.bracket_token.span.close().byte_range().end,
        Expr::Block(b) => b.block.brace_token.span.close().byte_range().end,
        Expr::Async(a) => a.block.brace_token.span.close().byte_range().end,
        Expr::Lit(l) => l.lit.span().byte_range().end,
        Expr::Unary(u) => end(&u.expr),
        Expr::Binary(b) => end(&b.right),
        Expr::Closure(c) => end(&c.body),
        other => other.span().byte_range().end,
    }
}
