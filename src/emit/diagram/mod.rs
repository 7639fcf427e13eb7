//! `ormlint graph`: the entity-relationship diagram of the analyzed project.
//!
//! [`Diagram::build`] turns the model and the findings into an ORM-neutral
//! picture: the entities with their key columns, and one edge per
//! relationship, marked with the rules that found something in its
//! declarations. The Mermaid, DOT and JSON renderers only draw that picture,
//! so the three always agree.
//!
//! One edge per relationship: a `belongs_to` and the `has_many`/`has_one` that
//! is its other side are one edge, drawn from the parent to the child that
//! holds the foreign key. A side with no other side is still an edge, marked
//! one-sided. A many-to-many is a relation between its two ends with the
//! junction in `via`: it is not drawn as a line of its own (the junction and
//! its two foreign keys are what the database has), its name and findings go
//! on the junction's edges instead.

mod dot;
mod json;
mod mermaid;

use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Entity, EntityId, Linked, Project, RelDef, RelDefKind, RelKind, RelatedImpl, Relation};
use crate::source_db::{FileId, SourceDb};
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::{self, Write};
use std::ops::Range;

/// The formats `ormlint graph --format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramFormat {
    /// Mermaid `erDiagram`, for Markdown (GitHub renders it).
    Mermaid,
    /// Graphviz `digraph` (`dot -Tsvg`).
    Dot,
    /// A versioned JSON document.
    Json,
}

/// Write `diagram` in `format`.
pub fn emit(out: &mut dyn Write, format: DiagramFormat, diagram: &Diagram) -> io::Result<()> {
    match format {
        DiagramFormat::Mermaid => mermaid::emit(out, diagram),
        DiagramFormat::Dot => dot::emit(out, diagram),
        DiagramFormat::Json => json::emit(out, diagram),
    }
}

/// What the diagram shows, sorted: entities by name, relations by their ends.
#[derive(Debug)]
pub struct Diagram {
    pub entities: Vec<Node>,
    pub relations: Vec<Edge>,
}

#[derive(Debug)]
pub struct Node {
    /// Unique, `[A-Za-z][A-Za-z0-9_]*`: the Mermaid entity name and the DOT node id.
    pub id: String,
    /// The table name, or the module name when the entity names no table.
    pub name: String,
    pub table: Option<String>,
    /// Crate and module path (`events::entity::event`).
    pub module: String,
    pub file: String,
    pub line: usize,
    /// Primary key and foreign key columns only, in declaration order.
    pub keys: Vec<Key>,
    /// Rules with a finding on the entity that no edge carries.
    pub findings: Vec<&'static str>,
}

#[derive(Debug)]
pub struct Key {
    pub name: String,
    pub rust_type: String,
    pub primary: bool,
    /// The `from` of one of the entity's `belongs_to`.
    pub foreign: bool,
    pub unique: bool,
    pub nullable: bool,
}

/// What an edge's declarations say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    /// The parent declares `has_many` (paired with the child's `belongs_to`, or alone).
    HasMany,
    /// The parent declares `has_one`.
    HasOne,
    /// Only the child's `belongs_to` is declared.
    BelongsTo,
    /// Through a junction entity (`via`).
    ManyToMany,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::HasMany => "has_many",
            EdgeKind::HasOne => "has_one",
            EdgeKind::BelongsTo => "belongs_to",
            EdgeKind::ManyToMany => "many_to_many",
        }
    }
}

#[derive(Debug)]
pub struct Edge {
    /// Index of the parent, the entity the foreign key references; for a
    /// many-to-many, the end that declares it (either end when both do).
    pub from: usize,
    /// Index of the child, which holds the foreign key; for a many-to-many, the other end.
    pub to: usize,
    pub kind: EdgeKind,
    /// The foreign key columns of the child, as named (a column that does not
    /// exist keeps the name written in the relation).
    pub fk: Vec<String>,
    /// A child may have no parent: a foreign key column is nullable.
    pub optional: bool,
    /// A parent has at most one child: `has_one`, or a unique foreign key.
    pub to_one: bool,
    pub on_delete: Option<String>,
    /// Nothing on the other side pairs with the declaration(s).
    pub one_sided: bool,
    /// The junction entity of a many-to-many.
    pub via: Option<usize>,
    /// The many-to-many relations (indices into [`Diagram::relations`]) whose
    /// junction this edge joins to one of their ends.
    pub many_to_many: Vec<usize>,
    /// Where the relationship is written, by file and line.
    pub declarations: Vec<Declaration>,
    /// Rules with a finding on one of the declarations, sorted, once each.
    pub findings: Vec<&'static str>,
}

#[derive(Debug)]
pub struct Declaration {
    /// Index of the entity whose source declares it.
    pub entity: usize,
    /// The field (`organization`), the variant (`Organization`) or `Related<event>`.
    pub name: String,
    /// `belongs_to`, `has_many`, `has_one`, or `related` for an `impl Related`.
    pub kind: &'static str,
    pub file: String,
    pub line: usize,
    /// Where a finding must lie to be about this declaration.
    spans: Vec<Span>,
}

impl Diagram {
    /// The diagram of `project`, marked with `diagnostics` (already filtered by the configured levels).
    pub fn build(project: &Project, db: &SourceDb, diagnostics: &[Diagnostic]) -> Diagram {
        let (entities, node_of) = nodes(project, db);
        let mut builder = Builder { project, db, node_of, edges: Vec::new(), edge_of: FxHashMap::default() };
        builder.foreign_keys();
        builder.parent_sides();
        builder.related_impls();
        builder.many_to_many();
        let Builder { node_of, edges, .. } = builder;
        let mut diagram = Diagram { entities, relations: edges };
        diagram.mark(project, &node_of, diagnostics);
        diagram.sort();
        diagram
    }

    /// The rules to show on `edge`: its own, and those of the many-to-many
    /// relations it is a junction edge of.
    pub fn edge_findings(&self, edge: &Edge) -> Vec<&'static str> {
        let mut rules = edge.findings.clone();
        for &m in &edge.many_to_many {
            rules.extend(self.relations.get(m).map(|m| m.findings.as_slice()).unwrap_or_default());
        }
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// Attach each finding to the edges whose declarations hold one of its
    /// spans, else to the entity whose declarations hold its primary span.
    fn mark(&mut self, project: &Project, node_of: &[usize], diagnostics: &[Diagnostic]) {
        let mut edge_spans: SpanIndex = FxHashMap::default();
        for (index, edge) in self.relations.iter().enumerate() {
            for span in edge.declarations.iter().flat_map(|d| &d.spans) {
                edge_spans.entry(span.file).or_default().push((span.range.clone(), index));
            }
        }
        let mut entity_spans: SpanIndex = FxHashMap::default();
        for entity in &project.entities {
            for span in own_spans(project, entity) {
                entity_spans.entry(span.file).or_default().push((span.range.clone(), node_of[entity.id]));
            }
        }
        for d in diagnostics {
            let spans = std::iter::once(&d.primary).chain(d.labels.iter().map(|l| &l.span));
            let edges: FxHashSet<usize> = spans.flat_map(|span| containing(&edge_spans, span)).collect();
            if edges.is_empty() {
                for node in containing(&entity_spans, &d.primary) {
                    self.entities[node].findings.push(d.rule);
                }
            }
            for edge in edges {
                self.relations[edge].findings.push(d.rule);
            }
        }
        // A many-to-many with no junction edge to show its findings on: show them on its ends.
        for index in 0..self.relations.len() {
            let edge = &self.relations[index];
            if edge.kind != EdgeKind::ManyToMany || edge.findings.is_empty() {
                continue;
            }
            if self.relations.iter().any(|e| e.many_to_many.contains(&index)) {
                continue;
            }
            let owners: Vec<usize> = edge.declarations.iter().map(|d| d.entity).collect();
            let rules = edge.findings.clone();
            for owner in owners {
                self.entities[owner].findings.extend(&rules);
            }
        }
        for findings in
            self.entities.iter_mut().map(|e| &mut e.findings).chain(self.relations.iter_mut().map(|e| &mut e.findings))
        {
            findings.sort_unstable();
            findings.dedup();
        }
    }

    /// Relations by (from, to, kind, foreign key, declarations); indices in
    /// `many_to_many` follow.
    fn sort(&mut self) {
        let ids = |i: usize| self.entities[i].id.as_str();
        let mut order: Vec<usize> = (0..self.relations.len()).collect();
        order.sort_by_cached_key(|&i| {
            let e = &self.relations[i];
            let declared: Vec<(String, usize, String)> =
                e.declarations.iter().map(|d| (d.file.clone(), d.line, d.name.clone())).collect();
            (ids(e.from).to_string(), ids(e.to).to_string(), e.kind, e.fk.clone(), declared)
        });
        let mut position = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            position[old] = new;
        }
        let mut slots: Vec<Option<Edge>> = std::mem::take(&mut self.relations).into_iter().map(Some).collect();
        self.relations = order.iter().filter_map(|&old| slots[old].take()).collect();
        for edge in &mut self.relations {
            for m in &mut edge.many_to_many {
                *m = position[*m];
            }
            edge.many_to_many.sort_unstable();
        }
    }
}

/// Byte ranges per file, each with what it belongs to.
type SpanIndex = FxHashMap<FileId, Vec<(Range<usize>, usize)>>;

/// What the ranges of `index` that hold all of `span` belong to.
fn containing<'i>(index: &'i SpanIndex, span: &'i Span) -> impl Iterator<Item = usize> + 'i {
    index
        .get(&span.file)
        .into_iter()
        .flatten()
        .filter(|(range, _)| range.start <= span.range.start && span.range.end <= range.end)
        .map(|(_, owner)| *owner)
}

/// Everything an entity's source declares: a finding there that no edge
/// carries is the entity's own.
fn own_spans(project: &Project, entity: &Entity) -> Vec<Span> {
    // A `Linked` declared outside any entity module is its `FromEntity`'s.
    let from = |l: &Linked| l.from.as_ref().and_then(|(target, _)| target.entity());
    let linked = project.linked.iter().filter(|l| l.owner.or_else(|| from(l)) == Some(entity.id)).map(linked_span);
    std::iter::once(&entity.span)
        .chain(&entity.relation_enum)
        .chain(entity.columns.iter().map(|c| &c.span))
        .cloned()
        .chain(entity.relations.iter().map(declaration_span))
        .chain(entity.related_impls.iter().map(related_span))
        .chain(linked)
        .collect()
}

/// Nodes in order of their names (then modules), and the node index of each entity.
fn nodes(project: &Project, db: &SourceDb) -> (Vec<Node>, Vec<usize>) {
    let name = |e: &Entity| e.table.clone().unwrap_or_else(|| e.name.clone());
    let mut order: Vec<(String, &Entity)> = project.entities.iter().map(|e| (identifier(&name(e)), e)).collect();
    order.sort_by_cached_key(|(base, e)| {
        (base.clone(), name(e), e.module.clone(), db.get(e.span.file).display.clone(), e.span.range.start)
    });
    let ids = unique(order.iter().map(|(base, _)| base.clone()).collect());
    let mut node_of = vec![0; project.entities.len()];
    let mut nodes = Vec::with_capacity(order.len());
    for (index, ((_, entity), id)) in order.into_iter().zip(ids).enumerate() {
        node_of[entity.id] = index;
        nodes.push(Node {
            id,
            name: name(entity),
            table: entity.table.clone(),
            module: entity.module.clone(),
            file: db.get(entity.span.file).display.clone(),
            line: db.line_col(entity.span.file, entity.span.range.start).line,
            keys: keys(entity),
            findings: Vec::new(),
        });
    }
    (nodes, node_of)
}

/// `name` as an identifier Mermaid and Graphviz both accept unquoted.
fn identifier(name: &str) -> String {
    let id: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("e_{id}")
    }
}

/// Make `bases` unique in order: the first keeps its name, the next get
/// `_2`, `_3`, ... skipping names another entity has.
fn unique(bases: Vec<String>) -> Vec<String> {
    let taken: FxHashSet<String> = bases.iter().cloned().collect();
    let mut used: FxHashSet<String> = FxHashSet::default();
    bases
        .into_iter()
        .map(|base| {
            if used.insert(base.clone()) {
                return base;
            }
            let mut n = 2usize;
            loop {
                let candidate = format!("{base}_{n}");
                if !taken.contains(&candidate) && used.insert(candidate.clone()) {
                    return candidate;
                }
                n += 1;
            }
        })
        .collect()
}

/// A `belongs_to` that holds a foreign key: drawn as the child side of an edge.
fn is_belongs_to(r: &Relation) -> bool {
    r.kind == RelKind::BelongsTo && r.declared && r.via.is_none() && !r.opaque
}

/// The primary and foreign key columns of `entity`.
fn keys(entity: &Entity) -> Vec<Key> {
    let foreign: FxHashSet<&str> = entity
        .relations
        .iter()
        .filter(|r| r.kind == RelKind::BelongsTo && r.declared && r.via.is_none())
        .flat_map(|r| &r.from)
        .filter(|c| c.entity == Some(entity.id))
        .map(|c| c.variant.as_str())
        .collect();
    entity
        .columns
        .iter()
        .filter(|c| c.primary_key || foreign.contains(c.variant.as_str()))
        .map(|c| Key {
            name: c.name.clone(),
            rust_type: c.rust_type.clone(),
            primary: c.primary_key,
            foreign: foreign.contains(c.variant.as_str()),
            unique: c.unique,
            nullable: c.nullable,
        })
        .collect()
}

/// `Relation::Foo`, `"Foo"`: the variant name a `via_rel`/`relation_reverse` gives.
fn variant_name(name: &str) -> &str {
    name.trim().rsplit("::").next().unwrap_or(name)
}

struct Builder<'a> {
    project: &'a Project,
    db: &'a SourceDb,
    node_of: Vec<usize>,
    edges: Vec<Edge>,
    /// (entity, relation index) -> the edge the relation is part of.
    edge_of: FxHashMap<(EntityId, usize), usize>,
}

impl Builder<'_> {
    fn declaration(&self, entity: EntityId, name: String, kind: &'static str, spans: Vec<Span>) -> Declaration {
        let first = spans.first();
        Declaration {
            entity: self.node_of[entity],
            name,
            kind,
            file: first.map(|s| self.db.get(s.file).display.clone()).unwrap_or_default(),
            line: first.map_or(0, |s| self.db.line_col(s.file, s.range.start).line),
            spans,
        }
    }

    fn relation_declaration(&self, entity: EntityId, relation: &Relation) -> Declaration {
        self.declaration(entity, relation.label(), relation.kind.attr_key(), vec![declaration_span(relation)])
    }

    /// The columns `refs` name in `entity`: their names, whether one is
    /// nullable, and the indices of those that exist.
    fn columns(&self, entity: EntityId, refs: &[crate::model::ColumnRef]) -> (Vec<String>, bool, Vec<usize>) {
        let entity = self.project.entity(entity);
        let mut names = Vec::new();
        let mut nullable = false;
        let mut found = Vec::new();
        for r in refs {
            let column =
                entity.columns.iter().position(|c| c.variant == r.variant).filter(|_| r.entity == Some(entity.id));
            match column {
                Some(index) => {
                    names.push(entity.columns[index].name.clone());
                    nullable |= entity.columns[index].nullable;
                    found.push(index);
                }
                None => names.push(heck::ToSnakeCase::to_snake_case(r.variant.as_str())),
            }
        }
        (names, nullable, found)
    }

    /// One edge per `belongs_to`, from the parent to this child.
    fn foreign_keys(&mut self) {
        let project = self.project;
        for child in &project.entities {
            for (index, relation) in child.relations.iter().enumerate() {
                let Some(parent) = relation.target.entity().filter(|_| is_belongs_to(relation)) else { continue };
                let (fk, optional, found) = self.columns(child.id, &relation.from);
                let to_one = unique_key(child, &found);
                let declaration = self.relation_declaration(child.id, relation);
                self.edge_of.insert((child.id, index), self.edges.len());
                self.edges.push(Edge {
                    from: self.node_of[parent],
                    to: self.node_of[child.id],
                    kind: EdgeKind::BelongsTo,
                    fk,
                    optional,
                    to_one,
                    on_delete: action(relation),
                    one_sided: true,
                    via: None,
                    many_to_many: Vec::new(),
                    declarations: vec![declaration],
                    findings: Vec::new(),
                });
            }
        }
    }

    /// `has_many`/`has_one`: joined to the `belongs_to` they are the other
    /// side of, or an edge of their own when there is none (or several).
    fn parent_sides(&mut self) {
        let project = self.project;
        for parent in &project.entities {
            for (index, relation) in parent.relations.iter().enumerate() {
                if !matches!(relation.kind, RelKind::HasMany | RelKind::HasOne)
                    || relation.via.is_some()
                    || relation.opaque
                    || !(relation.declared || relation.reverse_of.is_some())
                {
                    continue;
                }
                let Some(child) = relation.target.entity() else { continue };
                let kind = if relation.kind == RelKind::HasOne { EdgeKind::HasOne } else { EdgeKind::HasMany };
                let declaration = self.relation_declaration(parent.id, relation);
                if let Some(edge) = self.inverse(parent, relation, child) {
                    let edge_ref = &mut self.edges[edge];
                    if edge_ref.kind == EdgeKind::BelongsTo {
                        edge_ref.kind = kind;
                        edge_ref.to_one = kind == EdgeKind::HasOne;
                    }
                    edge_ref.one_sided = false;
                    edge_ref.declarations.push(declaration);
                    self.edge_of.insert((parent.id, index), edge);
                    continue;
                }
                // The old explicit style may spell the join out: `to` names the child's columns.
                let (fk, optional, _) = self.columns(child, &relation.to);
                self.edge_of.insert((parent.id, index), self.edges.len());
                self.edges.push(Edge {
                    from: self.node_of[parent.id],
                    to: self.node_of[child],
                    kind,
                    fk,
                    optional,
                    to_one: kind == EdgeKind::HasOne,
                    on_delete: action(relation),
                    one_sided: true,
                    via: None,
                    many_to_many: Vec::new(),
                    declarations: vec![declaration],
                    findings: Vec::new(),
                });
            }
        }
    }

    /// The edge of the `belongs_to` of `child` that `relation` (a has_many or
    /// has_one of `parent`) is the other side of: the one it names
    /// (`via_rel`, `relation_reverse`, an expanded `.rev()` arm), else the
    /// only `belongs_to` back to `parent`.
    fn inverse(&self, parent: &Entity, relation: &Relation, child: EntityId) -> Option<usize> {
        let named = relation
            .reverse_of
            .as_ref()
            .or(relation.effective_via_rel())
            .or(relation.relation_reverse.as_ref().filter(|_| relation.self_ref))
            .map(|n| variant_name(&n.name));
        let mut candidates = self.project.entity(child).relations.iter().enumerate().filter(|(_, r)| {
            is_belongs_to(r)
                && r.target.entity() == Some(parent.id)
                && named.is_none_or(|name| r.variant.as_deref() == Some(name))
        });
        let (index, _) = candidates.next()?;
        if candidates.next().is_some() {
            return None;
        }
        self.edge_of.get(&(child, index)).copied()
    }

    /// A hand-written `impl Related` whose `to()` is one relation: part of that relation's edge.
    fn related_impls(&mut self) {
        let project = self.project;
        for entity in &project.entities {
            for related in entity.related_impls.iter().filter(|r| r.via.is_none()) {
                let Some(RelDefKind::Variant { owner: Some(owner), variant }) = related.to.as_ref().map(|d| &d.kind)
                else {
                    continue;
                };
                let position =
                    project.entity(*owner).relations.iter().position(|r| r.variant.as_ref() == Some(variant));
                let Some(&edge) = position.and_then(|index| self.edge_of.get(&(*owner, index))) else { continue };
                let declaration =
                    self.declaration(entity.id, related_name(project, related), "related", vec![related_span(related)]);
                self.edges[edge].declarations.push(declaration);
            }
        }
    }

    /// Many-to-many relations (dense `via`, `impl Related` with `via()`),
    /// each paired with the one declared from the other end through the same
    /// junction, and linked to the junction's edges.
    fn many_to_many(&mut self) {
        let project = self.project;
        // (owner, target, junction, declaration)
        let mut found: Vec<(EntityId, EntityId, EntityId, Declaration)> = Vec::new();
        for entity in &project.entities {
            for relation in &entity.relations {
                let (Some(via), Some(target)) = (&relation.via, relation.target.entity()) else { continue };
                let Some(junction) = via.junction.entity().filter(|_| relation.declared) else { continue };
                let declaration = self.relation_declaration(entity.id, relation);
                found.push((entity.id, target, junction, declaration));
            }
            for related in &entity.related_impls {
                let (Some(via), Some(target)) = (&related.via, related.target.entity()) else { continue };
                let Some(junction) = def_end(project, via) else { continue };
                let declaration =
                    self.declaration(entity.id, related_name(project, related), "related", vec![related_span(related)]);
                found.push((entity.id, target, junction, declaration));
            }
        }
        let mut slots: Vec<Option<Declaration>> = Vec::with_capacity(found.len());
        let mut ends = Vec::with_capacity(found.len());
        for (owner, target, junction, declaration) in found {
            ends.push((owner, target, junction));
            slots.push(Some(declaration));
        }
        for i in 0..ends.len() {
            let Some(first) = slots[i].take() else { continue };
            let (owner, target, junction) = ends[i];
            let other = (i + 1..ends.len()).find(|&k| slots[k].is_some() && ends[k] == (target, owner, junction));
            let mut declarations = vec![first];
            declarations.extend(other.and_then(|k| slots[k].take()));
            let index = self.edges.len();
            let (a, b, j) = (self.node_of[owner], self.node_of[target], self.node_of[junction]);
            for edge in self.edges.iter_mut() {
                if edge.kind != EdgeKind::ManyToMany && edge.to == j && (edge.from == a || edge.from == b) {
                    edge.many_to_many.push(index);
                }
            }
            self.edges.push(Edge {
                from: a,
                to: b,
                kind: EdgeKind::ManyToMany,
                fk: Vec::new(),
                optional: false,
                to_one: false,
                on_delete: None,
                one_sided: other.is_none(),
                via: Some(j),
                many_to_many: Vec::new(),
                declarations,
                findings: Vec::new(),
            });
        }
    }
}

/// The whole declaration of `relation`: its span, and every part of it
/// written in the same file. An expanded builder chain's span stops at
/// `Entity::belongs_to(..)`, before `.from(..)` and `.on_delete(..)`.
fn declaration_span(relation: &Relation) -> Span {
    let named = [&relation.via_rel, &relation.relation_enum, &relation.relation_reverse, &relation.reverse_of];
    let parts = std::iter::once(&relation.target_span)
        .chain(relation.from.iter().chain(&relation.to).map(|c| &c.span))
        .chain(relation.via.as_ref().map(|v| &v.span))
        .chain(named.into_iter().flatten().map(|n| &n.span))
        .chain([&relation.on_delete, &relation.on_update].into_iter().flatten().map(|n| &n.span));
    hull(&relation.span, parts)
}

/// An `impl Related` from its header through `to()` and `via()` (its span is the header only).
fn related_span(related: &RelatedImpl) -> Span {
    let parts =
        std::iter::once(&related.target_span).chain([&related.to, &related.via].into_iter().flatten().map(|d| &d.span));
    hull(&related.span, parts)
}

/// An `impl Linked` from its header through its hops.
fn linked_span(linked: &Linked) -> Span {
    let ends = [&linked.from, &linked.to].into_iter().flatten().map(|(_, span)| span);
    hull(&linked.span, ends.chain(linked.hops.iter().map(|h| &h.span)))
}

/// The smallest span holding `span` and the `parts` in its file.
fn hull<'s>(span: &Span, parts: impl Iterator<Item = &'s Span>) -> Span {
    let mut range = span.range.clone();
    for part in parts.filter(|p| p.file == span.file) {
        range.start = range.start.min(part.range.start);
        range.end = range.end.max(part.range.end);
    }
    Span::new(span.file, range)
}

/// `Related<event>`, how an `impl Related` is named in the diagram.
fn related_name(project: &Project, related: &RelatedImpl) -> String {
    let target = match &related.target {
        crate::model::Target::Entity(id) => project.entity(*id).name.clone(),
        crate::model::Target::Unresolved { text, .. } => text.clone(),
    };
    format!("Related<{target}>")
}

/// Where a `RelationDef` leads: the junction of a `via()`.
fn def_end(project: &Project, def: &RelDef) -> Option<EntityId> {
    let (from, to) = match &def.kind {
        RelDefKind::Variant { owner: Some(owner), variant } => {
            let relation = project.entity(*owner).relation_variant(variant)?;
            (*owner, relation.target.entity()?)
        }
        RelDefKind::RelatedTo { owner: Some(owner), target: Some(target) } => (*owner, *target),
        _ => return None,
    };
    Some(if def.rev { from } else { to })
}

/// The `on_delete` action, when one is written (a computed one has no name).
fn action(relation: &Relation) -> Option<String> {
    relation.on_delete.as_ref().map(|n| n.name.clone()).filter(|n| !n.is_empty())
}

/// Whether the columns at `found` (a foreign key) are unique in `entity`:
/// one unique column, or the whole primary key.
fn unique_key(entity: &Entity, found: &[usize]) -> bool {
    match found {
        [] => false,
        [one] if entity.columns[*one].unique => true,
        _ => {
            let primary: Vec<usize> = (0..entity.columns.len()).filter(|&i| entity.columns[i].primary_key).collect();
            let mut found = found.to_vec();
            found.sort_unstable();
            found.dedup();
            found == primary
        }
    }
}
