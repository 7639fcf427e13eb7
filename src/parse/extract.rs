//! Walk a `syn::File` into [`ModFacts`]: names, `use`s, `mod`s, and the SeaORM
//! declarations that [`super::seaorm`] recognises.

use super::facts::{FileFacts, ModDecl, ModFacts, TypeAlias, UseFact};
use super::seaorm;
use syn::spanned::Spanned;
use syn::{Item, UseTree};

pub fn file_facts(file: &syn::File) -> FileFacts {
    FileFacts { root: mod_facts(&file.items) }
}

fn mod_facts(items: &[Item]) -> ModFacts {
    let mut facts = ModFacts::default();
    for item in items {
        match item {
            Item::Use(u) => {
                let mut prefix = if u.leading_colon.is_some() { vec!["::".to_string()] } else { Vec::new() };
                flatten_use(&u.tree, &mut prefix, u.span().byte_range(), &mut facts.uses);
            }
            Item::Mod(m) => facts.mods.push(ModDecl {
                name: ident(&m.ident),
                path_attr: path_attr(&m.attrs),
                inline: m.content.as_ref().map(|(_, items)| Box::new(mod_facts(items))),
                span: m.span().byte_range(),
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
    facts
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
                    out.push(UseFact { path: prefix.clone(), name: Some(last), span });
                }
            } else {
                let mut path = prefix.clone();
                path.push(name.clone());
                out.push(UseFact { path, name: Some(name), span });
            }
        }
        UseTree::Rename(r) => {
            let mut path = prefix.clone();
            let original = ident(&r.ident);
            if original != "self" {
                path.push(original);
            }
            out.push(UseFact { path, name: Some(ident(&r.rename)), span });
        }
        UseTree::Glob(_) => out.push(UseFact { path: prefix.clone(), name: None, span }),
        UseTree::Group(g) => {
            for tree in &g.items {
                flatten_use(tree, prefix, span.clone(), out);
            }
        }
    }
}
