//! Walk a `syn::File` into [`ModFacts`]: names, `use`s, `mod`s, and the SeaORM
//! declarations that [`super::seaorm`] recognises.

use super::facts::{FileFacts, ModDecl, ModFacts, TypeAlias, UseFact};
use super::seaorm;
use crate::parse::offsets::ByteOffsets;
use rustc_hash::FxHashSet;
use syn::spanned::Spanned;
use syn::{Item, UseTree};

/// `crates`: the library crates of the analyzed packages, which other crates
/// name by package name (`use entity::post`).
pub fn file_facts(file: &syn::File, text: &str, crates: &Crates) -> FileFacts {
    let mut functions = Vec::new();
    super::code::functions(&file.items, text, &mut Vec::new(), &mut functions);
    FileFacts {
        root: mod_facts(&file.items, &Source { text, crates }),
        generated_by_codegen: generated_by_codegen(&file.attrs),
        functions,
        suppressions: Vec::new(),
    }
}

/// Names of the crates in the analyzed tree.
pub type Crates = FxHashSet<String>;

/// What every module of one file is read against.
pub struct Source<'a> {
    pub text: &'a str,
    pub crates: &'a Crates,
}

fn mod_facts(items: &[Item], source: &Source) -> ModFacts {
    let mut facts = ModFacts::default();
    for item in items {
        match item {
            Item::Use(u) => {
                flatten_item_use(u, &mut facts.uses);
            }
            Item::Mod(m) => facts.mods.push(ModDecl {
                name: ident(&m.ident),
                path_attr: path_attr(&m.attrs),
                inline: m.content.as_ref().map(|(_, items)| Box::new(mod_facts(items, source))),
                span: mod_span(m),
            }),
            Item::Struct(s) => {
                facts.items.push(ident(&s.ident));
                seaorm::struct_item(s, &mut facts.seaorm);
            }
            Item::Enum(e) => {
                facts.items.push(ident(&e.ident));
                seaorm::enum_item(e, &mut facts.seaorm);
            }
            Item::Impl(i) => seaorm::impl_item(i, &mut facts.seaorm),
            Item::Type(t) => {
                facts.items.push(ident(&t.ident));
                facts.type_aliases.push(TypeAlias { name: ident(&t.ident), ty: seaorm::type_fact(&t.ty) });
            }
            Item::Fn(f) => facts.items.push(ident(&f.sig.ident)),
            Item::Const(c) => facts.items.push(ident(&c.ident)),
            Item::Static(s) => facts.items.push(ident(&s.ident)),
            Item::Trait(t) => facts.items.push(ident(&t.ident)),
            Item::TraitAlias(t) => facts.items.push(ident(&t.ident)),
            Item::Union(u) => facts.items.push(ident(&u.ident)),
            Item::Macro(m) => match &m.ident {
                Some(name) => facts.items.push(ident(name)),
                None => facts.has_item_macros = true,
            },
            _ => {}
        }
    }
    seaorm::add_generated_names(&mut facts);
    super::refs::collect(items, source, &mut facts);
    facts
}

/// A `mod` item from its first outer attribute to its `;` or `}`, as
/// `Spanned` gives it, without printing an inline module's whole content.
fn mod_span(m: &syn::ItemMod) -> std::ops::Range<usize> {
    let start = match m.attrs.iter().find(|a| matches!(a.style, syn::AttrStyle::Outer)) {
        Some(attr) => attr.pound_token.span.start_byte(),
        None if !matches!(m.vis, syn::Visibility::Inherited) => m.vis.span().start_byte(),
        None => m.unsafety.map_or(m.mod_token.span, |u| u.span).start_byte(),
    };
    let end = match (&m.semi, &m.content) {
        (Some(semi), _) => semi.span.end_byte(),
        (None, Some((brace, _))) => brace.span.close().end_byte(),
        (None, None) => m.ident.span().end_byte(),
    };
    start..end
}

/// An identifier without its raw prefix: `r#type` is the item `type`.
pub fn ident(id: &syn::Ident) -> String {
    let s = id.to_string();
    match s.strip_prefix("r#") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// One `UseFact` per name a `use` item binds.
pub fn flatten_item_use(u: &syn::ItemUse, out: &mut Vec<UseFact>) {
    let mut prefix = if u.leading_colon.is_some() { vec!["::".to_string()] } else { Vec::new() };
    let first = out.len();
    flatten_use(&u.tree, &mut prefix, u.tree.span().bytes(), out);
    if !matches!(u.vis, syn::Visibility::Inherited) {
        out[first..].iter_mut().for_each(|f| f.public = true);
    }
}

/// `span` is the innermost group item the name comes from: in
/// `use crate::{billing::charge, audit};` the binding `charge` is at `billing::charge`.
fn flatten_use(tree: &UseTree, prefix: &mut Vec<String>, span: std::ops::Range<usize>, out: &mut Vec<UseFact>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(ident(&p.ident));
            flatten_use(&p.tree, prefix, span, out);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let name = ident(&n.ident);
            if name == "self" {
                // `use a::b::{self}` binds `b`.
                if let Some(last) = prefix.last().cloned() {
                    out.push(UseFact {
                        path: prefix.clone(),
                        name: Some(last),
                        span,
                        relation_only: false,
                        public: false,
                    });
                }
            } else {
                let mut path = prefix.clone();
                path.push(name.clone());
                out.push(UseFact { path, name: Some(name), span, relation_only: false, public: false });
            }
        }
        UseTree::Rename(r) => {
            let mut path = prefix.clone();
            let original = ident(&r.ident);
            if original != "self" {
                path.push(original);
            }
            out.push(UseFact { path, name: Some(ident(&r.rename)), span, relation_only: false, public: false });
        }
        UseTree::Glob(_) => {
            out.push(UseFact { path: prefix.clone(), name: None, span, relation_only: false, public: false })
        }
        UseTree::Group(g) => {
            for tree in &g.items {
                flatten_use(tree, prefix, tree.span().bytes(), out);
            }
        }
    }
}

/// The header `sea-orm-cli generate entity` writes: `//! `SeaORM` Entity, @generated by sea-orm-codegen 2.0`.
fn generated_by_codegen(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("doc")).any(|a| match &a.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => {
                s.value().contains("@generated by sea-orm-codegen")
            }
            _ => false,
        },
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `mod_span` agrees with `Spanned`, which prints the module to find it.
    #[test]
    fn mod_spans_agree_with_syn() {
        let text =
            "mod a;\n/// doc\n#[cfg(test)]\npub(crate) mod b { #![allow(x)] fn f() {} }\nunsafe mod c {}\npub mod d;\n";
        let file: syn::File = syn::parse_str(text).unwrap();
        for item in &file.items {
            let Item::Mod(m) = item else { panic!() };
            let ours = crate::parse::offsets::with_file(text, || mod_span(m));
            assert_eq!(ours, m.span().byte_range(), "{}", &text[ours.clone()]);
        }
    }
}
