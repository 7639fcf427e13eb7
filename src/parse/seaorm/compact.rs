//! `DeriveEntityModel` structs (compact and dense) and `DeriveRelation` enums.

use super::super::attrs::sea_orm_attrs;
use super::super::extract::ident;
use super::super::facts::{ColumnFacts, EntityFormat, ModelFacts, RelKind, RelationFacts, SeaOrmFacts};
use super::{dense, first_relation_attr, type_fact};
use crate::parse::offsets::ByteOffsets;
use heck::ToUpperCamelCase;
use syn::spanned::Spanned;

/// A `Model` struct with `DeriveEntityModel`: its columns and, in the dense
/// format, its relation fields.
pub fn entity_model(item: &syn::ItemStruct, format: EntityFormat, facts: &mut SeaOrmFacts) {
    let struct_attrs = sea_orm_attrs(&item.attrs);
    let table_name = struct_attrs.iter().find_map(|a| a.str("table_name"));
    let mut columns = Vec::new();
    for field in &item.fields {
        let Some(name) = field.ident.as_ref().map(ident) else { continue };
        if format == EntityFormat::Dense {
            if let Some(relation) = dense::relation_field(field, &name, facts) {
                facts.relations.push(relation);
                continue;
            }
        } else if dense::relation_type(&field.ty).is_some() {
            // `compact_model` relation fields: loader fields, not columns.
            continue;
        }
        let attrs = sea_orm_attrs(&field.attrs);
        if attrs.iter().any(|a| a.has("ignore")) {
            continue;
        }
        let ty = type_fact(&field.ty);
        let variant =
            attrs.iter().find_map(|a| a.str("enum_name")).map(|n| n.name).unwrap_or_else(|| name.to_upper_camel_case());
        columns.push(ColumnFacts {
            variant,
            primary_key: attrs.iter().any(|a| a.has("primary_key")),
            unique: attrs.iter().any(|a| a.has("unique")),
            unique_key: attrs.iter().find_map(|a| a.str("unique_key")).map(|n| n.name),
            nullable_attr: attrs.iter().any(|a| a.has("nullable")),
            has_default: attrs.iter().any(|a| a.has("default_value") || a.has("default_expr")),
            span: field_span(field),
            name,
            ty,
        });
    }
    facts.model = Some(ModelFacts { format, table_name, name_span: item.ident.span().bytes(), columns });
}

/// `#[derive(DeriveRelation)] enum Relation { #[sea_orm(belongs_to = "..", ..)] X, .. }`.
pub fn relation_enum(item: &syn::ItemEnum, facts: &mut SeaOrmFacts) {
    for variant in &item.variants {
        let name = ident(&variant.ident);
        let Some(attr) = first_relation_attr(&variant.attrs, &name, facts) else { continue };
        let (kind, key) = if attr.has("belongs_to") {
            (RelKind::BelongsTo, "belongs_to")
        } else if attr.has("has_one") {
            (RelKind::HasOne, "has_one")
        } else if attr.has("has_many") {
            (RelKind::HasMany, "has_many")
        } else {
            continue;
        };
        let ident_range = variant.ident.span().bytes();
        facts.relations.push(RelationFacts {
            variant: Some(name),
            target: attr.path(key),
            from: attr.columns("from"),
            to: attr.columns("to"),
            via_rel: attr.str("via_rel"),
            on_delete: attr.str("on_delete"),
            on_update: attr.str("on_update"),
            skip_fk: attr.has("skip_fk"),
            ..RelationFacts::new(EntityFormat::Compact, kind, attr.span.start..ident_range.end)
        });
    }
}

/// A field without its attributes: `pub cake_id: i32`.
pub fn field_span(field: &syn::Field) -> std::ops::Range<usize> {
    let ty = super::super::spans::ty(&field.ty);
    let start = match &field.vis {
        syn::Visibility::Inherited => field.ident.as_ref().map_or_else(|| ty.start, |i| i.span().start_byte()),
        vis => vis.span().start_byte(),
    };
    start..ty.end
}
