//! Byte ranges of expressions, paths and types without `Spanned::span()`,
//! which prints the whole sub-tree into tokens to find its ends (on every link
//! of a long method chain that is quadratic). The first and last tokens are
//! found structurally; forms not listed fall back to `Spanned`.

use crate::parse::facts::ByteRange;
use crate::parse::offsets::ByteOffsets;
use syn::spanned::Spanned;
use syn::Expr;

pub fn expr(e: &Expr) -> ByteRange {
    start(e)..end(e)
}

pub fn method_call(call: &syn::ExprMethodCall) -> ByteRange {
    start(&call.receiver)..call.paren_token.span.close().end_byte()
}

pub fn call(call: &syn::ExprCall) -> ByteRange {
    start(&call.func)..call.paren_token.span.close().end_byte()
}

/// A type's bytes; paths (nearly every field and relation type) without
/// printing them.
pub fn ty(ty: &syn::Type) -> ByteRange {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => path(&p.path),
        other => other.span().bytes(),
    }
}

/// A path from its first token to the end of its last segment (generic
/// arguments included), as `Spanned` would give it without printing it.
pub fn path(path: &syn::Path) -> ByteRange {
    path_start(path)..path.segments.last().map_or(0, segment_end)
}

fn segment_end(segment: &syn::PathSegment) -> usize {
    match &segment.arguments {
        syn::PathArguments::None => segment.ident.span().end_byte(),
        syn::PathArguments::AngleBracketed(args) => args.gt_token.span.end_byte(),
        syn::PathArguments::Parenthesized(_) => segment.span().end_byte(),
    }
}

fn path_start(path: &syn::Path) -> usize {
    match (&path.leading_colon, path.segments.first()) {
        (Some(colon), _) => colon.spans[0].start_byte(),
        (None, Some(first)) => first.ident.span().start_byte(),
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
        Expr::Reference(r) => r.and_token.span.start_byte(),
        Expr::Paren(p) => p.paren_token.span.open().start_byte(),
        Expr::Tuple(t) => t.paren_token.span.open().start_byte(),
        Expr::Array(a) => a.bracket_token.span.open().start_byte(),
        Expr::Block(b) if b.label.is_none() => b.block.brace_token.span.open().start_byte(),
        Expr::Async(a) => a.async_token.span.start_byte(),
        Expr::Lit(l) => l.lit.span().start_byte(),
        Expr::Unary(u) => u.op.span().start_byte(),
        Expr::Binary(b) => start(&b.left),
        Expr::Cast(c) => start(&c.expr),
        Expr::Closure(c) => match (&c.asyncness, &c.capture) {
            (Some(a), _) => a.span.start_byte(),
            (None, Some(m)) => m.span.start_byte(),
            (None, None) => c.or1_token.span.start_byte(),
        },
        other => other.span().start_byte(),
    }
}

fn end(e: &Expr) -> usize {
    match e {
        Expr::MethodCall(m) => m.paren_token.span.close().end_byte(),
        Expr::Call(c) => c.paren_token.span.close().end_byte(),
        Expr::Field(f) => f.member.span().end_byte(),
        Expr::Index(i) => i.bracket_token.span.close().end_byte(),
        Expr::Await(a) => a.await_token.span.end_byte(),
        Expr::Try(t) => t.question_token.span.end_byte(),
        Expr::Path(p) if p.qself.is_none() => p.path.segments.last().map_or(0, segment_end),
        Expr::Macro(m) => match &m.mac.delimiter {
            syn::MacroDelimiter::Paren(p) => p.span.close().end_byte(),
            syn::MacroDelimiter::Brace(b) => b.span.close().end_byte(),
            syn::MacroDelimiter::Bracket(b) => b.span.close().end_byte(),
        },
        Expr::Struct(s) => s.brace_token.span.close().end_byte(),
        Expr::Reference(r) => end(&r.expr),
        Expr::Paren(p) => p.paren_token.span.close().end_byte(),
        Expr::Tuple(t) => t.paren_token.span.close().end_byte(),
        Expr::Array(a) => a.bracket_token.span.close().end_byte(),
        Expr::Block(b) => b.block.brace_token.span.close().end_byte(),
        Expr::Async(a) => a.block.brace_token.span.close().end_byte(),
        Expr::Lit(l) => l.lit.span().end_byte(),
        Expr::Unary(u) => end(&u.expr),
        Expr::Binary(b) => end(&b.right),
        Expr::Closure(c) => end(&c.body),
        other => other.span().end_byte(),
    }
}
