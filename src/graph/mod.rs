//! Stage 4: the relationship graph. Nodes are entities, edges are declared
//! relations (and the junction hops of many-to-many relations). Rules ask it
//! "what does B declare towards A" in time proportional to B's relations.

pub mod cycles;

use crate::model::{EntityId, Project, RelDefKind, RelKind, Relation, Target};
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::{FxHashMap, FxHashSet};

/// One edge: relation `index` of entity `owner`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationEdge {
    pub owner: EntityId,
    pub index: usize,
}

pub struct RelationGraph {
    graph: DiGraph<EntityId, RelationEdge>,
    /// (a, b): `a` declares something towards `b` (a relation, a hand-written
    /// `Related<b>`, a `Linked`, or `b` is the junction of one of `a`'s M:N).
    mentions: FxHashSet<(EntityId, EntityId)>,
    /// Entities with a relation, `Related` or `Linked` target that did not
    /// resolve: what they declare is not fully known.
    incomplete: FxHashSet<EntityId>,
    /// Entities by table name: several entity types may map one table.
    by_table: FxHashMap<String, Vec<EntityId>>,
    tables: Vec<Option<String>>,
}

impl RelationGraph {
    pub fn build(project: &Project) -> Self {
        let mut graph = DiGraph::with_capacity(project.entities.len(), 0);
        for entity in &project.entities {
            graph.add_node(entity.id);
        }
        let mut mentions = FxHashSet::default();
        let mut incomplete = FxHashSet::default();
        for entity in &project.entities {
            let a = entity.id;
            let unresolved = entity.relations.iter().any(|r| r.target.entity().is_none())
                || entity.related_impls.iter().any(|r| r.target.entity().is_none());
            if unresolved {
                incomplete.insert(a);
            }
            for (index, relation) in entity.relations.iter().enumerate() {
                if let Some(b) = relation.target.entity() {
                    graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), RelationEdge { owner: a, index });
                    mentions.insert((a, b));
                }
                if let Some(j) = relation.via.as_ref().and_then(|v| v.junction.entity()) {
                    mentions.insert((a, j));
                }
            }
            for related in &entity.related_impls {
                if let Some(b) = related.target.entity() {
                    mentions.insert((a, b));
                }
                for def in related.via.iter().chain(&related.to) {
                    if let RelDefKind::Variant { owner: Some(j), .. } | RelDefKind::RelatedTo { owner: Some(j), .. } =
                        def.kind
                    {
                        mentions.insert((a, j));
                    }
                }
            }
        }
        for linked in &project.linked {
            // A `Linked` from A to B is A declaring a way to B.
            if let (Some((Target::Entity(a), _)), Some((Target::Entity(b), _))) = (&linked.from, &linked.to) {
                mentions.insert((*a, *b));
            }
        }
        let tables: Vec<Option<String>> = project.entities.iter().map(|e| e.table.clone()).collect();
        let mut by_table: FxHashMap<String, Vec<EntityId>> = FxHashMap::default();
        for (id, table) in tables.iter().enumerate() {
            if let Some(table) = table {
                by_table.entry(table.clone()).or_default().push(id);
            }
        }
        RelationGraph { graph, mentions, incomplete, by_table, tables }
    }

    /// Relations `from` declares whose target is `to`.
    pub fn relations_between<'p>(&self, project: &'p Project, from: EntityId, to: EntityId) -> Vec<&'p Relation> {
        let mut found: Vec<(usize, &'p Relation)> = self
            .graph
            .edges_connecting(NodeIndex::new(from), NodeIndex::new(to))
            .map(|e| (e.weight().index, &project.entities[e.weight().owner].relations[e.weight().index]))
            .collect();
        // Declaration order, whatever order petgraph keeps edges in.
        found.sort_by_key(|(index, _)| *index);
        found.into_iter().map(|(_, r)| r).collect()
    }

    /// `belongs_to` relations of `child` that point at `parent`.
    pub fn belongs_to_back<'p>(&self, project: &'p Project, child: EntityId, parent: EntityId) -> Vec<&'p Relation> {
        self.relations_between(project, child, parent)
            .into_iter()
            .filter(|r| r.kind == RelKind::BelongsTo && r.declared)
            .collect()
    }

    /// Whether `a` declares anything at all towards `b`, or towards another
    /// entity type of `b`'s table.
    pub fn mentions(&self, a: EntityId, b: EntityId) -> bool {
        self.mentions.contains(&(a, b)) || self.table_peers(b).any(|peer| self.mentions.contains(&(a, peer)))
    }

    /// Whether two entities are the same table at run time. A `RelationDef`
    /// joins tables, not Rust types, so `to()`, `via()` and `Linked` hops that
    /// reach another entity type of the same table are right.
    pub fn same_table(&self, a: EntityId, b: EntityId) -> bool {
        a == b || self.tables[a].is_some() && self.tables[a] == self.tables[b]
    }

    fn table_peers(&self, id: EntityId) -> impl Iterator<Item = EntityId> + '_ {
        self.tables[id]
            .as_ref()
            .and_then(|t| self.by_table.get(t))
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&p| p != id)
    }

    /// Whether some of `entity`'s targets did not resolve, so the absence of a
    /// declaration there proves nothing.
    pub fn is_incomplete(&self, entity: EntityId) -> bool {
        self.incomplete.contains(&entity)
    }
}
