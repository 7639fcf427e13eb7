//! `impl Related<X> for Entity` and `impl Linked for X`, in every format.

use super::super::extract::ident;
use super::super::facts::{LinkedFacts, PathFact, RelatedImplFacts, SeaOrmFacts};
use super::super::rel_expr::{block_value, first_type_arg, path_segments, rel_ref, type_path};
use crate::parse::offsets::ByteOffsets;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, ImplItem, Token};

fn type_path_fact(ty: &syn::Type) -> Option<PathFact> {
    type_path(ty).map(|p| PathFact { segments: path_segments(p), span: super::super::spans::ty(ty) })
}

pub fn related_impl(item: &syn::ItemImpl, trait_path: &syn::Path, facts: &mut SeaOrmFacts) {
    let Some(target) = first_type_arg(trait_path).and_then(type_path_fact) else { return };
    let Some(self_ty) = type_path_fact(&item.self_ty) else { return };
    let mut related = RelatedImplFacts {
        self_ty,
        target,
        to: None,
        via: None,
        span: item.impl_token.span.start_byte()..item.self_ty.span().end_byte(),
    };
    for member in &item.items {
        let ImplItem::Fn(f) = member else { continue };
        let Some(value) = block_value(&f.block) else { continue };
        match f.sig.ident.to_string().as_str() {
            "to" => related.to = Some(rel_ref(value)),
            "via" => related.via = Some(rel_ref(value)),
            _ => {}
        }
    }
    facts.related_impls.push(related);
}

pub fn linked_impl(item: &syn::ItemImpl, facts: &mut SeaOrmFacts) {
    let Some(name) = type_path(&item.self_ty).and_then(|p| p.segments.last()).map(|s| ident(&s.ident)) else {
        return;
    };
    let mut linked = LinkedFacts {
        name,
        from_entity: None,
        to_entity: None,
        hops: Vec::new(),
        span: item.impl_token.span.start_byte()..item.self_ty.span().end_byte(),
    };
    for member in &item.items {
        match member {
            ImplItem::Type(t) if t.ident == "FromEntity" => linked.from_entity = type_path_fact(&t.ty),
            ImplItem::Type(t) if t.ident == "ToEntity" => linked.to_entity = type_path_fact(&t.ty),
            ImplItem::Fn(f) if f.sig.ident == "link" => {
                if let Some(Expr::Macro(m)) = block_value(&f.block) {
                    if let Ok(hops) = m.mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
                        linked.hops = hops.iter().map(rel_ref).collect();
                    }
                }
            }
            _ => {}
        }
    }
    facts.linked.push(linked);
}
