//! SeaORM 2.0 dense entities: relation fields of a `#[sea_orm::model]` struct.

use super::super::facts::{EntityFormat, PathFact, RelKind, RelationFacts, SeaOrmFacts};
use super::super::rel_expr::{first_type_arg, path_segments, type_path};
use super::super::spans;
use super::{declaration_start, first_relation_attr};
use crate::parse::offsets::ByteOffsets;
use heck::ToUpperCamelCase;

/// The relation kind a field type implies and the target entity path:
/// `HasMany<E>`, `HasOne<E>`, `HasOne<Option<E>>`, `BelongsTo<E>`,
/// `BelongsTo<Option<E>>`, and the early-2.0 `Option<E>`/`Vec<E>` shorthands.
pub fn relation_type(ty: &syn::Type) -> Option<(RelKind, &syn::Path)> {
    let path = type_path(ty)?;
    let wrapper = path.segments.last()?.ident.to_string();
    let mut inner = type_path(first_type_arg(path)?)?;
    if inner.segments.last().is_some_and(|s| s.ident == "Option") {
        inner = type_path(first_type_arg(inner)?)?;
    }
    let names_entity = inner.segments.last().is_some_and(|s| s.ident == "Entity");
    let kind = match wrapper.as_str() {
        "HasMany" => RelKind::HasMany,
        "HasOne" => RelKind::HasOne,
        "BelongsTo" => RelKind::BelongsTo,
        "Vec" if names_entity => RelKind::HasMany,
        "Option" if names_entity => RelKind::HasOne,
        _ => return None,
    };
    Some((kind, inner))
}

/// A relation field, or `None` when the field is a column.
pub fn relation_field(field: &syn::Field, name: &str, facts: &mut SeaOrmFacts) -> Option<RelationFacts> {
    let (type_kind, target) = relation_type(&field.ty)?;
    let attr = first_relation_attr(&field.attrs, name, facts);
    let flag = |key: &str| attr.as_ref().is_some_and(|a| a.has(key));
    let str_of = |key: &str| attr.as_ref().and_then(|a| a.str(key));
    let declared_kind = if flag("belongs_to") {
        Some(RelKind::BelongsTo)
    } else if flag("has_one") {
        Some(RelKind::HasOne)
    } else if flag("has_many") {
        Some(RelKind::HasMany)
    } else {
        None
    };
    let self_ref = flag("self_ref");
    let via = str_of("via");
    let from = attr.as_ref().map(|a| a.columns("from")).unwrap_or_default();
    let to = attr.as_ref().map(|a| a.columns("to")).unwrap_or_default();
    // A self reference declares its side by its shape: `from`/`to` without a
    // junction is the belongs_to side.
    let kind = match declared_kind {
        Some(kind) => kind,
        None if self_ref && via.is_none() && !from.is_empty() => RelKind::BelongsTo,
        None => type_kind,
    };
    let declared = declared_kind.is_some() || self_ref;
    let target_fact = PathFact { segments: path_segments(target), span: spans::path(target) };
    let relation_enum = str_of("relation_enum");
    // The macro names the generated Relation variant after `relation_enum`,
    // or after the target's module; junction (via) fields get no variant.
    // Fields without a kind flag are loader fields: no variant at all.
    let variant = match (&relation_enum, &via) {
        _ if !declared => None,
        (Some(e), _) => Some(e.name.to_upper_camel_case()),
        (None, None) => Some(variant_for_target(&target_fact.segments)),
        (None, Some(_)) => None,
    };
    // The whole field, attributes included.
    let body = super::compact::field_span(field);
    let field_range = field.attrs.first().map_or(body.start, |a| a.pound_token.span.start_byte())..body.end;
    Some(RelationFacts {
        declared,
        variant,
        field: Some(name.to_string()),
        target: Some(target_fact),
        from,
        to,
        via,
        via_rel: str_of("via_rel"),
        relation_enum,
        relation_reverse: str_of("relation_reverse"),
        self_ref,
        reverse: flag("reverse"),
        on_delete: str_of("on_delete"),
        on_update: str_of("on_update"),
        skip_fk: flag("skip_fk"),
        ..RelationFacts::new(
            EntityFormat::Dense,
            kind,
            declaration_start(&field.attrs, field_range.start)..field_range.end,
        )
    })
}

/// `super::cake_filling::Entity` -> `CakeFilling`; bare `Entity` -> `Entity`.
pub fn variant_for_target(segments: &[String]) -> String {
    match segments.len() {
        0 => String::new(),
        1 => segments[0].to_upper_camel_case(),
        n => segments[n - 2].to_upper_camel_case(),
    }
}
