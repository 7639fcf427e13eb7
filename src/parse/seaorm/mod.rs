//! Recognising SeaORM declarations in the three entity formats.
//!
//! - [`dense`]: 2.0 `#[sea_orm::model]`, relations are `Model` fields.
//! - [`compact`]: 1.x `DeriveEntityModel` columns and the `DeriveRelation` enum.
//! - [`expanded`]: hand-written `Column`/`PrimaryKey` enums and `RelationTrait`/`ColumnTrait` impls.
//! - [`related`]: `impl Related` and `impl Linked`, shared by every format.

mod compact;
mod dense;
mod expanded;
mod related;

pub use dense::relation_type;

use super::attrs::{sea_orm_attrs, SeaOrmAttr};
use super::facts::{IgnoredAttribute, ModFacts, SeaOrmFacts, TypeFact};
use super::rel_expr::{first_type_arg, path_segments, type_path};
use crate::parse::offsets::ByteOffsets;
use quote::ToTokens;

/// Names `DeriveEntityModel` and `#[sea_orm::model]` generate in the module,
/// so `use super::cake::Column` and friends resolve.
const GENERATED_BY_ENTITY_MODEL: &[&str] = &["Entity", "Column", "PrimaryKey", "ActiveModel", "Relation", "ModelEx"];

pub fn struct_item(item: &syn::ItemStruct, facts: &mut SeaOrmFacts) {
    let derives = derive_names(&item.attrs);
    if derives.iter().any(|d| d == "DeriveEntityModel") {
        // `#[sea_orm::model]` makes relation fields; `#[sea_orm::compact_model]`
        // and a plain derive keep the hand-written `enum Relation`.
        let format = if has_attr_path(&item.attrs, "model") {
            super::facts::EntityFormat::Dense
        } else {
            super::facts::EntityFormat::Compact
        };
        compact::entity_model(item, format, facts);
    } else if derives.iter().any(|d| d == "DeriveModel") {
        expanded::model_struct(item, facts);
    } else if derives.iter().any(|d| d == "DeriveEntity") {
        facts.entity_struct = Some(item.ident.span().bytes());
    }
}

pub fn enum_item(item: &syn::ItemEnum, facts: &mut SeaOrmFacts) {
    let derives = derive_names(&item.attrs);
    if derives.iter().any(|d| d == "DeriveRelation") {
        facts.relation_enum = Some(item.ident.span().bytes());
        compact::relation_enum(item, facts);
    } else if derives.iter().any(|d| d == "DeriveColumn") {
        expanded::column_enum(item, facts);
    } else if derives.iter().any(|d| d == "DerivePrimaryKey") {
        facts.primary_key_enum = Some(item.variants.iter().map(|v| super::extract::ident(&v.ident)).collect());
    } else if item.ident == "Relation" {
        facts.relation_enum = Some(item.ident.span().bytes());
    }
}

pub fn impl_item(item: &syn::ItemImpl, facts: &mut SeaOrmFacts) {
    let Some((_, trait_path, _)) = &item.trait_ else { return };
    let Some(trait_name) = trait_path.segments.last().map(|s| s.ident.to_string()) else { return };
    match trait_name.as_str() {
        "Related" => related::related_impl(item, trait_path, facts),
        "Linked" => related::linked_impl(item, facts),
        "RelationTrait" => expanded::relation_trait(item, facts),
        "ColumnTrait" => expanded::column_trait(item, facts),
        "EntityName" => expanded::entity_name(item, facts),
        _ => {}
    }
}

/// After a module is read: the names SeaORM's derives generate exist too.
pub fn add_generated_names(module: &mut ModFacts) {
    if module.seaorm.model.as_ref().is_some_and(|m| m.format != super::facts::EntityFormat::Expanded) {
        for name in GENERATED_BY_ENTITY_MODEL {
            if !module.items.iter().any(|i| i == name) {
                module.items.push((*name).to_string());
            }
        }
    }
}

/// The last segment of every path in `#[derive(..)]`: the last identifier
/// before each comma. Read from the tokens: every struct and enum has a derive
/// list, and parsing each into paths was a tenth of the attribute work.
pub(super) fn derive_names(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut names = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let syn::Meta::List(list) = &attr.meta else { continue };
        let mut last = None;
        for token in list.tokens.clone() {
            match token {
                proc_macro2::TokenTree::Ident(ident) => last = Some(ident),
                proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => {
                    names.extend(last.take().map(|i| super::extract::ident(&i)))
                }
                _ => {}
            }
        }
        names.extend(last.map(|i| super::extract::ident(&i)));
    }
    names
}

/// `#[sea_orm::model]` / `#[model]` style attributes.
fn has_attr_path(attrs: &[syn::Attribute], last: &str) -> bool {
    attrs.iter().any(|a| {
        let segs = &a.path().segments;
        segs.last().is_some_and(|s| s.ident == last) && (segs.len() == 1 || segs[0].ident == "sea_orm")
    })
}

/// The first `#[sea_orm]` attribute, which SeaORM reads for relations, and a
/// note for each later one that carries relation keys (SeaORM ignores those).
fn first_relation_attr(attrs: &[syn::Attribute], owner: &str, facts: &mut SeaOrmFacts) -> Option<SeaOrmAttr> {
    let mut all = sea_orm_attrs(attrs).into_iter();
    let first = all.next()?;
    for later in all {
        let keys = later.relation_keys();
        if !keys.is_empty() {
            facts.ignored_attributes.push(IgnoredAttribute {
                keys,
                span: later.span.clone(),
                owner: owner.to_string(),
            });
        }
    }
    Some(first)
}

/// Where a declaration starts: its first `#[sea_orm]` attribute, or the item itself.
fn declaration_start(attrs: &[syn::Attribute], fallback: usize) -> usize {
    attrs.iter().find(|a| a.path().is_ident("sea_orm")).map_or(fallback, |a| a.pound_token.span.start_byte())
}

/// A column type for comparison: `Option<..>` removed, spaces removed.
pub fn type_fact(ty: &syn::Type) -> TypeFact {
    if let Some(path) = type_path(ty) {
        if path.segments.last().is_some_and(|s| s.ident == "Option") {
            if let Some(inner) = first_type_arg(path) {
                let mut fact = type_fact(inner);
                fact.optional = true;
                return fact;
            }
        }
        let last = path.segments.last().map(|s| s.to_token_stream().to_string().replace(' ', "")).unwrap_or_default();
        return TypeFact { text: last, path: path_segments(path), optional: false };
    }
    TypeFact { text: ty.to_token_stream().to_string().replace(' ', ""), path: Vec::new(), optional: false }
}
