//! The expanded format: every trait impl written by hand.

use super::super::extract::ident;
use super::super::facts::{
    ColumnDefFact, ColumnFacts, ColumnRefFact, EntityFormat, ModelFacts, NameFact, PathFact, RelKind, RelRefKind,
    RelationFacts, SeaOrmFacts,
};
use super::super::rel_expr::{block_value, path_segments, rel_ref};
use super::super::spans;
use super::type_fact;
use crate::parse::offsets::ByteOffsets;
use heck::ToUpperCamelCase;
use syn::spanned::Spanned;
use syn::{Expr, ImplItem, Pat};

/// `#[derive(DeriveModel)] struct Model`: the column types.
pub fn model_struct(item: &syn::ItemStruct, facts: &mut SeaOrmFacts) {
    let columns = item
        .fields
        .iter()
        .filter_map(|field| {
            let name = ident(field.ident.as_ref()?);
            Some(ColumnFacts {
                variant: name.to_upper_camel_case(),
                ty: type_fact(&field.ty),
                primary_key: false,
                unique: false,
                unique_key: None,
                nullable_attr: false,
                has_default: false,
                span: super::compact::field_span(field),
                name,
            })
        })
        .collect();
    facts.model = Some(ModelFacts {
        format: EntityFormat::Expanded,
        table_name: None,
        name_span: item.ident.span().bytes(),
        columns,
    });
}

pub fn column_enum(item: &syn::ItemEnum, facts: &mut SeaOrmFacts) {
    facts.column_enum =
        Some(item.variants.iter().map(|v| NameFact { name: ident(&v.ident), span: v.ident.span().bytes() }).collect());
}

/// `impl EntityName for Entity { fn table_name(&self) -> &str { "cake" } }`.
pub fn entity_name(item: &syn::ItemImpl, facts: &mut SeaOrmFacts) {
    for method in methods(item) {
        if method.sig.ident != "table_name" {
            continue;
        }
        if let Some(Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. })) = block_value(&method.block) {
            facts.table_name_impl = Some(NameFact { name: s.value(), span: s.span().bytes() });
        }
    }
}

/// `impl ColumnTrait for Column { fn def(&self) { match self { Self::X => ..def().null() } } }`.
pub fn column_trait(item: &syn::ItemImpl, facts: &mut SeaOrmFacts) {
    for arm in def_match_arms(item) {
        let Some(variant) = arm_variant(&arm.pat) else { continue };
        let calls = method_names(&arm.body);
        facts.column_defs.push(ColumnDefFact {
            variant,
            nullable: calls.iter().any(|c| c == "null"),
            unique: calls.iter().any(|c| c == "unique"),
            has_default: calls.iter().any(|c| c == "default" || c == "default_value"),
        });
    }
}

/// `impl RelationTrait for Relation { fn def(&self) { match self { Self::X => Entity::belongs_to(..).from(..).to(..).into() } } }`.
pub fn relation_trait(item: &syn::ItemImpl, facts: &mut SeaOrmFacts) {
    for arm in def_match_arms(item) {
        let Some(variant) = arm_variant(&arm.pat) else { continue };
        let start = arm.pat.span().start_byte();
        let relation = builder_chain(&arm.body, variant.clone(), start)
            .unwrap_or_else(|| defined_elsewhere(&arm.body, variant, start..spans::expr(&arm.body).end));
        facts.relations.push(relation);
    }
}

fn methods(item: &syn::ItemImpl) -> impl Iterator<Item = &syn::ImplItemFn> {
    item.items.iter().filter_map(|i| match i {
        ImplItem::Fn(f) => Some(f),
        _ => None,
    })
}

fn def_match_arms(item: &syn::ItemImpl) -> Vec<&syn::Arm> {
    methods(item)
        .filter(|m| m.sig.ident == "def")
        .filter_map(|m| match block_value(&m.block) {
            Some(Expr::Match(m)) => Some(m.arms.iter().collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// `Self::X` / `Relation::X` -> `X`.
fn arm_variant(pat: &Pat) -> Option<String> {
    match pat {
        Pat::Path(p) => p.path.segments.last().map(|s| ident(&s.ident)),
        Pat::Ident(i) => Some(ident(&i.ident)),
        _ => None,
    }
}

/// Every method name in a call chain, outermost first.
fn method_names(expr: &Expr) -> Vec<String> {
    let mut names = Vec::new();
    let mut current = expr;
    while let Expr::MethodCall(m) = current {
        names.push(m.method.to_string());
        current = &m.receiver;
    }
    names
}

/// Read `Entity::belongs_to(T).from(..).to(..).on_delete(..).into()`.
fn builder_chain(expr: &Expr, variant: String, start: usize) -> Option<RelationFacts> {
    let mut from = Vec::new();
    let mut to = Vec::new();
    let mut on_delete = None;
    let mut on_update = None;
    let mut skip_fk = false;
    let mut current = expr;
    loop {
        match current {
            Expr::MethodCall(m) => {
                let arg = m.args.first();
                match (m.method.to_string().as_str(), arg) {
                    ("from", Some(arg)) => from = column_refs(arg),
                    ("to", Some(arg)) => to = column_refs(arg),
                    ("on_delete", Some(arg)) => on_delete = Some(action(arg)),
                    ("on_update", Some(arg)) => on_update = Some(action(arg)),
                    ("skip_fk", None) => skip_fk = true,
                    _ => {}
                }
                current = &m.receiver;
            }
            Expr::Call(call) => {
                let Expr::Path(func) = &*call.func else { return None };
                let kind = match func.path.segments.last()?.ident.to_string().as_str() {
                    "belongs_to" => RelKind::BelongsTo,
                    "has_one" => RelKind::HasOne,
                    "has_many" => RelKind::HasMany,
                    _ => return None,
                };
                let target = match call.args.first()? {
                    Expr::Path(p) => {
                        super::super::facts::PathFact { segments: path_segments(&p.path), span: spans::path(&p.path) }
                    }
                    _ => return None,
                };
                let end = call.paren_token.span.close().end_byte();
                return Some(RelationFacts {
                    variant: Some(variant),
                    target: Some(target),
                    from,
                    to,
                    on_delete,
                    on_update,
                    skip_fk,
                    ..RelationFacts::new(EntityFormat::Expanded, kind, start..end)
                });
            }
            Expr::Paren(p) => current = &p.expr,
            Expr::Group(g) => current = &g.expr,
            _ => return None,
        }
    }
}

/// An arm that is not a builder chain. `super::game::Relation::HomeTeam.def().rev()`
/// is the reverse of game's `belongs_to`: a relation to `game` whose pairing is
/// explicit. Anything else (`has_many_via`, a function) exists but is opaque.
fn defined_elsewhere(expr: &Expr, variant: String, span: std::ops::Range<usize>) -> RelationFacts {
    let mut relation = RelationFacts::new(EntityFormat::Expanded, RelKind::HasMany, span);
    relation.variant = Some(variant);
    relation.declared = false;
    let def = rel_ref(expr);
    match &def.kind {
        RelRefKind::Variant(path) if def.rev && path.len() >= 3 && path[path.len() - 2] == "Relation" => {
            let mut segments = path[..path.len() - 2].to_vec();
            segments.push("Entity".to_string());
            relation.target = Some(PathFact { segments, span: def.span.clone() });
            relation.reverse_of = path.last().map(|name| NameFact { name: name.clone(), span: def.span.clone() });
        }
        _ => relation.opaque = true,
    }
    relation
}

/// `Column::X`, `super::cake::Column::Id`, or a tuple of them.
fn column_refs(expr: &Expr) -> Vec<ColumnRefFact> {
    match expr {
        Expr::Path(p) => vec![ColumnRefFact { path: path_segments(&p.path), span: spans::expr(expr) }],
        Expr::Tuple(t) => t.elems.iter().flat_map(column_refs).collect(),
        Expr::Paren(p) => column_refs(&p.expr),
        _ => Vec::new(),
    }
}

/// `ForeignKeyAction::Cascade` -> `Cascade`; anything computed has an empty
/// name: an action is set, but which one is unknown.
fn action(expr: &Expr) -> NameFact {
    let name = match expr {
        Expr::Path(p) => p.path.segments.last().map(|s| ident(&s.ident)).unwrap_or_default(),
        _ => String::new(),
    };
    NameFact { name, span: spans::expr(expr) }
}
