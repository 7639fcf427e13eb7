//! The ORM-neutral model every rule reads. Frontends (today: SeaORM in
//! [`crate::parse::seaorm`] + [`crate::resolve`]) fill it; rules never look at
//! ORM syntax except through it.

use crate::diagnostic::Span;
pub use crate::parse::facts::{EntityFormat, FnFacts, RelKind};

pub type EntityId = usize;

/// All entities of the analyzed project.
#[derive(Debug, Default)]
pub struct Project {
    pub entities: Vec<Entity>,
    /// `impl Linked` blocks, wherever they are declared (often a module of their own).
    pub linked: Vec<Linked>,
    pub ignored_attributes: Vec<IgnoredAttribute>,
    pub input_failures: Vec<InputFailure>,
    /// Every function body, with what the query rules need from it.
    pub functions: Vec<Function>,
    /// The modules and what each imports from the others.
    pub modules: ModuleGraph,
}

impl Project {
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }
}

#[derive(Debug)]
pub struct Entity {
    pub id: EntityId,
    /// The module that declares it, as users write it from a sibling: `cake`.
    pub name: String,
    /// Its crate and module path (`shop::entity::cake`): two entities named
    /// `cake` in different modules are told apart by it.
    pub module: String,
    /// The crate it belongs to: entities in different crates cannot always point back.
    pub crate_id: usize,
    pub format: EntityFormat,
    /// Written by `sea-orm-cli generate entity`: the database schema (its
    /// migrations) is the source of truth, not these attributes.
    pub generated: bool,
    pub table: Option<String>,
    /// The `Model` (or `Entity`) identifier.
    pub span: Span,
    /// `enum Relation`, where new variants go.
    pub relation_enum: Option<Span>,
    pub columns: Vec<Column>,
    pub relations: Vec<Relation>,
    pub related_impls: Vec<RelatedImpl>,
}

impl Entity {
    /// A column by its `Column` enum variant (`CakeId`).
    pub fn column(&self, variant: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.variant == variant)
    }

    /// A relation by its `Relation` enum variant.
    pub fn relation_variant(&self, variant: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.variant.as_deref() == Some(variant))
    }
}

#[derive(Debug)]
pub struct Column {
    pub name: String,
    pub variant: String,
    /// Comparable type text after aliases: `i32`, `Uuid`.
    pub rust_type: String,
    /// The Rust type is `Option<..>`: the model can hold NULL.
    pub optional: bool,
    /// The database column accepts NULL (`Option<..>`, `nullable`, `.null()`).
    pub nullable: bool,
    /// The database fills it in when nothing else does (`default_value`, `.default(..)`).
    pub has_default: bool,
    pub primary_key: bool,
    pub unique: bool,
    pub unique_key: Option<String>,
    pub span: Span,
}

/// Where a path led.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Entity(EntityId),
    /// Not in the analyzed sources.
    Unresolved {
        text: String,
        /// The path names a module that exists but declares no entity.
        module_without_entity: bool,
        /// The path goes through a file that failed to parse, or a module with
        /// macro invocations that may define the name: ormlint cannot know.
        uncertain: bool,
    },
}

impl Target {
    pub fn entity(&self) -> Option<EntityId> {
        match self {
            Target::Entity(e) => Some(*e),
            Target::Unresolved { .. } => None,
        }
    }
}

/// A name written in an attribute, with where it was written.
#[derive(Clone, Debug)]
pub struct Named {
    pub name: String,
    pub span: Span,
}

/// A column named by a relation's `from`/`to`.
#[derive(Clone, Debug)]
pub struct ColumnRef {
    /// The entity whose column this is (None when its path did not resolve).
    pub entity: Option<EntityId>,
    pub variant: String,
    /// As written: `super::cake::Column::Id`, `user_id`.
    pub text: String,
    pub span: Span,
}

/// Dense M:N: `via = "junction"` or `"junction::Variant"`.
#[derive(Clone, Debug)]
pub struct Via {
    pub junction: Target,
    /// The junction variant named after `::`, if any.
    pub variant: Option<String>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Relation {
    pub kind: RelKind,
    pub format: EntityFormat,
    /// Dense: whether `belongs_to`/`has_one`/`has_many`/`self_ref` was written
    /// (without it the macro generates no `Relation` variant).
    pub declared: bool,
    pub variant: Option<String>,
    pub field: Option<String>,
    pub target: Target,
    pub target_span: Span,
    pub from: Vec<ColumnRef>,
    pub to: Vec<ColumnRef>,
    pub via: Option<Via>,
    pub via_rel: Option<Named>,
    pub relation_enum: Option<Named>,
    pub relation_reverse: Option<Named>,
    pub self_ref: bool,
    pub reverse: bool,
    /// An expanded arm written as `super::b::Relation::X.def().rev()`: the
    /// `belongs_to` variant `X` of the target it is the other side of.
    pub reverse_of: Option<Named>,
    pub on_delete: Option<Named>,
    pub on_update: Option<Named>,
    /// `skip_fk`: no foreign key is created, so no referential action applies.
    pub skip_fk: bool,
    /// The whole declaration: where findings about the relation point.
    pub span: Span,
    /// Defined by code ormlint does not model: it exists, its ends are unknown.
    pub opaque: bool,
}

impl Relation {
    /// `via_rel` as SeaORM reads it: only `has_many` takes it into account.
    pub fn effective_via_rel(&self) -> Option<&Named> {
        self.via_rel.as_ref().filter(|_| self.kind == RelKind::HasMany)
    }

    /// How users name it: the field (`posts`) or the variant (`Post`).
    pub fn label(&self) -> String {
        self.field.clone().or_else(|| self.variant.clone()).unwrap_or_default()
    }
}

/// A `RelationDef` expression in `to()`/`via()`/`link()`.
#[derive(Clone, Debug)]
pub struct RelDef {
    pub kind: RelDefKind,
    pub rev: bool,
    pub span: Span,
    /// As written, for messages.
    pub text: String,
}

#[derive(Clone, Debug)]
pub enum RelDefKind {
    /// `owner::Relation::Variant.def()`.
    Variant {
        owner: Option<EntityId>,
        variant: String,
    },
    /// `<Owner as Related<Target>>::to()`.
    RelatedTo {
        owner: Option<EntityId>,
        target: Option<EntityId>,
    },
    Opaque,
}

/// A hand-written `impl Related<Target> for Entity`.
#[derive(Debug)]
pub struct RelatedImpl {
    pub target: Target,
    pub target_span: Span,
    pub to: Option<RelDef>,
    pub via: Option<RelDef>,
    pub span: Span,
}

/// `impl Linked for Name`.
#[derive(Debug)]
pub struct Linked {
    pub name: String,
    /// The entity whose module declares it, if any.
    pub owner: Option<EntityId>,
    pub from: Option<(Target, Span)>,
    pub to: Option<(Target, Span)>,
    pub hops: Vec<RelDef>,
    pub span: Span,
}

/// A later `#[sea_orm]` attribute with relation keys, which SeaORM ignores.
#[derive(Debug)]
pub struct IgnoredAttribute {
    pub keys: Vec<String>,
    pub owner: String,
    pub span: Span,
    /// The first attribute, the one SeaORM reads.
    pub first: Option<Span>,
}

/// A file that could not be analyzed.
#[derive(Debug)]
pub struct InputFailure {
    pub span: Span,
    pub message: String,
}

/// A function or method and the file it is in.
#[derive(Debug)]
pub struct Function {
    pub file: crate::source_db::FileId,
    /// The module it is declared in, as callers qualify it (`services` for
    /// `services.rs` or `services/mod.rs`, or the inline module's name).
    pub module: String,
    pub facts: FnFacts,
}

/// The analyzed modules and their imports, for the import-cycle rule.
#[derive(Debug, Default)]
pub struct ModuleGraph {
    /// Indexed by [`Import::from`] and the import targets.
    pub modules: Vec<ModuleNode>,
    pub imports: Vec<Import>,
}

#[derive(Debug)]
pub struct ModuleNode {
    /// Which crate: two versions of one package share a name, never an id.
    pub krate: usize,
    pub crate_name: String,
    /// Segments from the crate root (`["billing", "invoice"]`; empty for the root).
    pub path: Vec<String>,
    /// Only re-exports and module declarations (`prelude.rs`, a bare `mod.rs`).
    pub hub: bool,
}

impl ModuleNode {
    /// As Rust writes it inside the crate: `crate::billing::invoice`.
    pub fn display(&self) -> String {
        std::iter::once("crate").chain(self.path.iter().map(String::as_str)).collect::<Vec<_>>().join("::")
    }
}

/// One place where a module refers to another.
#[derive(Debug)]
pub struct Import {
    pub from: usize,
    /// The module it leads to when re-export hubs are looked through: the
    /// module that defines the item. `None` when it names a hub itself.
    pub target: Option<usize>,
    /// The module it names as written, stopping at a hub.
    pub literal: usize,
    pub span: Span,
    pub kind: ImportKind,
    /// The item named at `span` (`ProgramSlot`), or `None` for a module.
    pub item: Option<String>,
    /// The module that defines the item, when known: not `target` when the
    /// import goes through a module that re-exports it.
    pub defined_in: Option<usize>,
    /// A SeaORM relation target, or a `use` only relation declarations need.
    pub relation: bool,
    /// One of the places is a `pub use`: removing it changes the module's interface.
    pub reexport: bool,
    /// How many places make this same import; `span` is the first `use`, else
    /// the first path, else the first glob.
    pub count: usize,
}

/// How an import is written, in the order its site is preferred for a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImportKind {
    /// `use crate::billing::Invoice;` (also inside a function).
    Use,
    /// A qualified path in code: `crate::billing::charge(..)`.
    Path,
    /// `use super::*;` bringing in a name the module uses.
    Glob,
}
