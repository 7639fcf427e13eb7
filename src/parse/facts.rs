//! Owned facts extracted from one file. Syntax trees never leave the parsing
//! thread (`syn` values are `!Send`); these plain values do.

use std::ops::Range;

/// Byte range inside the file the facts came from.
pub type ByteRange = Range<usize>;

/// Everything ormlint needs from one file.
#[derive(Debug, Default)]
pub struct FileFacts {
    pub root: ModFacts,
}

/// A path as written, split into segments (`super::cake::Entity`).
/// A leading `::` is kept as the segment `"::"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathFact {
    pub segments: Vec<String>,
    pub span: ByteRange,
}

impl PathFact {
    pub fn text(&self) -> String {
        self.segments.join("::").replace("::::", "::")
    }
}

/// A name with where it was written (`"Cascade"`, a variant name, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameFact {
    pub name: String,
    pub span: ByteRange,
}

/// One module's items: a file's top level, or an inline `mod x { .. }`.
#[derive(Debug, Default)]
pub struct ModFacts {
    /// Names of items declared here (structs, enums, fns, consts, traits, ...).
    pub items: Vec<String>,
    pub type_aliases: Vec<TypeAlias>,
    pub uses: Vec<UseFact>,
    pub mods: Vec<ModDecl>,
    pub seaorm: SeaOrmFacts,
    /// Item-level macro invocations (`leaf!(a, "t");`) may define items
    /// ormlint cannot see.
    pub has_item_macros: bool,
}

#[derive(Debug)]
pub struct TypeAlias {
    pub name: String,
    pub ty: TypeFact,
}

/// One name a `use` brings in: `use a::b::c as d;` binds `d` to `a::b::c`.
#[derive(Debug)]
pub struct UseFact {
    pub path: Vec<String>,
    /// The bound name, or `None` for a glob (`use a::b::*`).
    pub name: Option<String>,
    pub span: ByteRange,
}

#[derive(Debug)]
pub struct ModDecl {
    pub name: String,
    /// `#[path = "..."]`, if any.
    pub path_attr: Option<String>,
    /// The body of an inline module; `None` for `mod x;`.
    pub inline: Option<Box<ModFacts>>,
    pub span: ByteRange,
}

/// A Rust type as ormlint compares types: the text without `Option<..>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeFact {
    /// Normalised text: no spaces, `Option` removed (`i32`, `Uuid`, `Vec<u8>`).
    pub text: String,
    /// The type's path as written, for alias lookup (`crate::ids::UserId`).
    pub path: Vec<String>,
    pub optional: bool,
}

/// Which SeaORM entity format a declaration is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityFormat {
    /// 2.0 `#[sea_orm::model]`: relations are fields of `Model`.
    Dense,
    /// 1.x `DeriveEntityModel` + `DeriveRelation` enum.
    Compact,
    /// Hand-written `EntityName`/`ColumnTrait`/`RelationTrait` impls.
    Expanded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelKind {
    BelongsTo,
    HasOne,
    HasMany,
}

impl RelKind {
    pub fn attr_key(self) -> &'static str {
        match self {
            RelKind::BelongsTo => "belongs_to",
            RelKind::HasOne => "has_one",
            RelKind::HasMany => "has_many",
        }
    }
}

/// The SeaORM declarations of one module.
#[derive(Debug, Default)]
pub struct SeaOrmFacts {
    pub model: Option<ModelFacts>,
    /// Expanded format: `impl EntityName for Entity { fn table_name(..) { "x" } }`.
    pub table_name_impl: Option<NameFact>,
    /// Expanded format: `#[derive(DeriveEntity)] struct Entity`.
    pub entity_struct: Option<ByteRange>,
    /// Expanded format: variants of `#[derive(DeriveColumn)] enum Column`.
    pub column_enum: Option<Vec<NameFact>>,
    /// Expanded format: variants of `#[derive(DerivePrimaryKey)] enum PrimaryKey`.
    pub primary_key_enum: Option<Vec<String>>,
    /// Expanded format: `Self::X => ColumnType::..def().null().unique()`.
    pub column_defs: Vec<ColumnDefFact>,
    /// Where `enum Relation` is (compact and expanded).
    pub relation_enum: Option<ByteRange>,
    pub relations: Vec<RelationFacts>,
    pub related_impls: Vec<RelatedImplFacts>,
    pub linked: Vec<LinkedFacts>,
    /// Later `#[sea_orm]` attributes with relation keys, which SeaORM ignores.
    pub ignored_attributes: Vec<IgnoredAttribute>,
}

#[derive(Debug)]
pub struct ModelFacts {
    pub format: EntityFormat,
    pub table_name: Option<NameFact>,
    /// The `Model` identifier.
    pub name_span: ByteRange,
    pub columns: Vec<ColumnFacts>,
}

#[derive(Debug)]
pub struct ColumnFacts {
    /// Field name (`cake_id`).
    pub name: String,
    /// `Column` enum variant (`CakeId`, or `enum_name`).
    pub variant: String,
    pub ty: TypeFact,
    pub primary_key: bool,
    pub unique: bool,
    /// `unique_key = "name"`: the columns sharing a name form one unique key.
    pub unique_key: Option<String>,
    /// The field declaration without attributes.
    pub span: ByteRange,
}

#[derive(Debug)]
pub struct ColumnDefFact {
    pub variant: String,
    pub nullable: bool,
    pub unique: bool,
}

/// A reference to a column: compact `super::cake::Column::Id`, dense `"id"`.
#[derive(Clone, Debug)]
pub struct ColumnRefFact {
    pub path: Vec<String>,
    pub span: ByteRange,
}

/// One relation as declared: a compact variant, a dense field, or a builder arm.
#[derive(Debug)]
pub struct RelationFacts {
    pub format: EntityFormat,
    pub kind: RelKind,
    /// Whether SeaORM derives a relation from it: false for dense fields
    /// without a kind flag (loader fields) and for expanded arms defined as the
    /// reverse of another entity's relation (their pairing is explicit).
    pub declared: bool,
    /// Relation enum variant (compact/expanded), or `None` for dense (derived later).
    pub variant: Option<String>,
    /// Dense field name.
    pub field: Option<String>,
    pub target: Option<PathFact>,
    pub from: Vec<ColumnRefFact>,
    pub to: Vec<ColumnRefFact>,
    /// Dense M:N: `via = "junction"` or `"junction::Variant"`.
    pub via: Option<NameFact>,
    pub via_rel: Option<NameFact>,
    pub relation_enum: Option<NameFact>,
    pub relation_reverse: Option<NameFact>,
    pub self_ref: bool,
    pub reverse: bool,
    pub on_delete: Option<NameFact>,
    pub on_update: Option<NameFact>,
    /// Attributes through the variant/field name: where findings about the relation start.
    pub span: ByteRange,
    /// Defined by code ormlint does not model (`has_many_via(..)`, a function
    /// call): it exists, but where it leads is unknown.
    pub opaque: bool,
}

impl RelationFacts {
    /// A relation with nothing but its kind and place; the rest filled by the caller.
    pub fn new(format: EntityFormat, kind: RelKind, span: ByteRange) -> Self {
        RelationFacts {
            format,
            kind,
            declared: true,
            variant: None,
            field: None,
            target: None,
            from: Vec::new(),
            to: Vec::new(),
            via: None,
            via_rel: None,
            relation_enum: None,
            relation_reverse: None,
            self_ref: false,
            reverse: false,
            on_delete: None,
            on_update: None,
            span,
            opaque: false,
        }
    }
}

/// A `RelationDef` expression: `Relation::X.def()`, `super::j::Relation::Y.def().rev()`,
/// or `<super::j::Entity as Related<Entity>>::to().rev()`.
#[derive(Clone, Debug)]
pub struct RelRefFact {
    pub kind: RelRefKind,
    pub rev: bool,
    pub span: ByteRange,
}

#[derive(Clone, Debug)]
pub enum RelRefKind {
    /// Path to a `Relation` variant: `["super", "j", "Relation", "Y"]`.
    Variant(Vec<String>),
    /// `<Owner as Related<Target>>::to()`.
    RelatedTo { owner: Vec<String>, target: Vec<String> },
    /// Something ormlint does not model (a builder chain, a function call).
    Opaque,
}

/// `impl Related<Target> for Entity { fn to() .. fn via() .. }`.
#[derive(Debug)]
pub struct RelatedImplFacts {
    /// The implementing type: `Entity`, or `super::fruit::Entity` when written elsewhere.
    pub self_ty: PathFact,
    pub target: PathFact,
    pub to: Option<RelRefFact>,
    pub via: Option<RelRefFact>,
    /// The `impl ... for Entity` header.
    pub span: ByteRange,
}

/// `impl Linked for X { type FromEntity; type ToEntity; fn link() -> Vec<RelationDef> }`.
#[derive(Debug)]
pub struct LinkedFacts {
    pub name: String,
    pub from_entity: Option<PathFact>,
    pub to_entity: Option<PathFact>,
    pub hops: Vec<RelRefFact>,
    pub span: ByteRange,
}

#[derive(Debug)]
pub struct IgnoredAttribute {
    pub keys: Vec<String>,
    pub span: ByteRange,
    /// The relation it belongs to (variant or field name).
    pub owner: String,
}
