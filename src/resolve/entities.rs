//! From resolved modules to entities, columns and relations.

use super::modules::{ModuleId, ModuleTree};
use super::scope::Res;
use crate::diagnostic::Span;
use crate::model::{
    Column, ColumnRef, Entity, EntityFormat, EntityId, IgnoredAttribute, InputFailure, Linked, Named, Project, RelDef,
    RelDefKind, RelatedImpl, Relation, Target, Via,
};
use crate::parse::facts::{ColumnRefFact, NameFact, PathFact, RelRefFact, RelRefKind, RelationFacts, TypeFact};
use crate::parse::ParsedFile;
use heck::ToUpperCamelCase;
use rustc_hash::FxHashMap;

struct Ctx<'t, 'a> {
    tree: &'t ModuleTree<'a>,
    files: &'a [ParsedFile],
    entity_of: FxHashMap<ModuleId, EntityId>,
    entity_names: Vec<String>,
}

/// Build the project model from parsed files placed in `tree`.
pub fn build_project(tree: &ModuleTree<'_>, files: &[ParsedFile]) -> Project {
    let mut project = Project::default();
    for (id, file) in files.iter().enumerate() {
        if let Some(failure) = &file.failure {
            project
                .input_failures
                .push(InputFailure { span: Span::new(id, failure.range.clone()), message: failure.message.clone() });
        }
    }
    // Entities are the modules that declare a `Model` or an `Entity`.
    let mut entity_modules: Vec<ModuleId> = (0..tree.modules.len())
        .filter(|&m| {
            tree.modules[m].facts.is_some_and(|f| f.seaorm.model.is_some() || f.seaorm.entity_struct.is_some())
        })
        .collect();
    entity_modules.sort_by_key(|&m| (tree.modules[m].file, m));
    let entity_of: FxHashMap<ModuleId, EntityId> = entity_modules.iter().enumerate().map(|(i, &m)| (m, i)).collect();
    let entity_names = entity_modules.iter().map(|&m| module_name(tree, m)).collect();
    let ctx = Ctx { tree, files, entity_of, entity_names };
    for (id, &module) in entity_modules.iter().enumerate() {
        project.entities.push(ctx.entity(id, module));
    }
    for &module in &entity_modules {
        ctx.ignored_attributes(module, &mut project.ignored_attributes);
    }
    // `impl Related` and `impl Linked` may sit in any module, entity or not.
    let mut related_modules: Vec<ModuleId> = (0..tree.modules.len())
        .filter(|&m| tree.modules[m].facts.is_some_and(|f| !f.seaorm.related_impls.is_empty()))
        .collect();
    related_modules.sort_by_key(|&m| (tree.modules[m].file, m));
    for module in related_modules {
        for (owner, related) in ctx.related_impls(module) {
            project.entities[owner].related_impls.push(related);
        }
    }
    let mut linked_modules: Vec<ModuleId> = (0..tree.modules.len())
        .filter(|&m| tree.modules[m].facts.is_some_and(|f| !f.seaorm.linked.is_empty()))
        .collect();
    linked_modules.sort_by_key(|&m| (tree.modules[m].file, m));
    for module in linked_modules {
        ctx.linked(module, &mut project.linked);
    }
    project
}

fn module_name(tree: &ModuleTree<'_>, m: ModuleId) -> String {
    let module = &tree.modules[m];
    module.path.last().cloned().unwrap_or_else(|| tree.crates[module.krate].name.clone())
}

impl Ctx<'_, '_> {
    fn file(&self, module: ModuleId) -> usize {
        self.tree.modules[module].file.unwrap_or_default()
    }

    fn span(&self, module: ModuleId, range: &std::ops::Range<usize>) -> Span {
        Span::new(self.file(module), range.clone())
    }

    fn text(&self, module: ModuleId, range: &std::ops::Range<usize>) -> String {
        let text = &self.files[self.file(module)].text;
        text.get(range.clone()).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn entity(&self, id: EntityId, module: ModuleId) -> Entity {
        let facts = &self.tree.modules[module].facts.expect("entity modules have facts").seaorm;
        let m = &self.tree.modules[module];
        let format = facts.model.as_ref().map_or(EntityFormat::Expanded, |model| model.format);
        let name_span = facts.model.as_ref().map(|model| model.name_span.clone()).or(facts.entity_struct.clone());
        let mut columns: Vec<Column> = facts
            .model
            .iter()
            .flat_map(|model| &model.columns)
            .map(|c| {
                let (rust_type, optional) = self.resolve_type(module, &c.ty);
                Column {
                    name: c.name.clone(),
                    variant: c.variant.clone(),
                    rust_type,
                    optional,
                    nullable: optional || c.nullable_attr,
                    has_default: c.has_default,
                    primary_key: c.primary_key,
                    unique: c.unique,
                    unique_key: c.unique_key.clone(),
                    span: self.span(module, &c.span),
                }
            })
            .collect();
        if format == EntityFormat::Expanded {
            self.merge_expanded_columns(module, &mut columns);
        }
        let mut entity = Entity {
            id,
            name: self.entity_names[id].clone(),
            module: std::iter::once(self.tree.crates[m.krate].name.as_str())
                .chain(m.path.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("::"),
            crate_id: m.krate,
            format,
            generated: self.files[self.file(module)].facts.generated_by_codegen,
            table: facts
                .model
                .as_ref()
                .and_then(|model| model.table_name.as_ref())
                .or(facts.table_name_impl.as_ref())
                .map(|n| n.name.clone()),
            span: self.span(module, &name_span.unwrap_or(0..0)),
            relation_enum: facts.relation_enum.as_ref().map(|r| self.span(module, r)),
            columns,
            relations: Vec::new(),
            related_impls: Vec::new(),
        };
        entity.relations = facts.relations.iter().map(|r| self.relation(module, id, r)).collect();
        entity
    }

    /// `impl Related<T> for S` blocks of one module, each with the entity its
    /// `Self` type names (usually this module's `Entity`, but not always).
    fn related_impls(&self, module: ModuleId) -> Vec<(EntityId, RelatedImpl)> {
        let Some(facts) = self.tree.modules[module].facts else { return Vec::new() };
        facts
            .seaorm
            .related_impls
            .iter()
            .filter_map(|r| {
                let owner = self.entity_target(module, &r.self_ty.segments).entity()?;
                let related = RelatedImpl {
                    target: self.entity_target(module, &r.target.segments),
                    target_span: self.span(module, &r.target.span),
                    to: r.to.as_ref().map(|d| self.rel_def(module, d)),
                    via: r.via.as_ref().map(|d| self.rel_def(module, d)),
                    span: self.span(module, &r.span),
                };
                Some((owner, related))
            })
            .collect()
    }

    /// Expanded entities: the `Column` enum is the column list, `PrimaryKey`
    /// the key, and `ColumnTrait::def` says what is nullable or unique.
    fn merge_expanded_columns(&self, module: ModuleId, columns: &mut Vec<Column>) {
        let facts = &self.tree.modules[module].facts.expect("entity modules have facts").seaorm;
        if let Some(variants) = &facts.column_enum {
            columns.retain(|c| variants.iter().any(|v| v.name == c.variant));
            for v in variants {
                if !columns.iter().any(|c| c.variant == v.name) {
                    columns.push(Column {
                        name: v.name.clone(),
                        variant: v.name.clone(),
                        rust_type: String::new(),
                        optional: false,
                        nullable: false,
                        has_default: false,
                        primary_key: false,
                        unique: false,
                        unique_key: None,
                        span: self.span(module, &v.span),
                    });
                }
            }
        }
        for column in columns.iter_mut() {
            if let Some(keys) = &facts.primary_key_enum {
                column.primary_key = keys.contains(&column.variant);
            }
            if let Some(def) = facts.column_defs.iter().find(|d| d.variant == column.variant) {
                // The column def, not the `Model` field, is what the database gets.
                column.nullable = def.nullable;
                column.unique |= def.unique;
                column.has_default |= def.has_default;
            }
        }
    }

    /// The comparable text of a type, through `type X = ..;` aliases.
    fn resolve_type(&self, module: ModuleId, ty: &TypeFact) -> (String, bool) {
        let mut current = (module, ty.clone());
        let mut optional = ty.optional;
        for _ in 0..8 {
            let (m, t) = &current;
            if t.path.is_empty() {
                break;
            }
            let Some(Res::Item { module: owner, name, rest }) = self.tree.resolve(*m, &t.path) else { break };
            if !rest.is_empty() {
                break;
            }
            let Some(alias) =
                self.tree.modules[owner].facts.and_then(|f| f.type_aliases.iter().find(|a| a.name == name))
            else {
                break;
            };
            optional |= alias.ty.optional;
            current = (owner, alias.ty.clone());
        }
        (current.1.text, optional)
    }

    fn entity_target(&self, module: ModuleId, segments: &[String]) -> Target {
        match self.resolve_through_aliases(module, segments) {
            Some(Res::Item { module: owner, name, rest }) if rest.is_empty() && name == "Entity" => {
                match self.entity_of.get(&owner) {
                    Some(&e) => Target::Entity(e),
                    None => self.unresolved(module, segments, true),
                }
            }
            Some(Res::Item { module: owner, .. }) | Some(Res::Module(owner)) => {
                self.unresolved(module, segments, !self.entity_of.contains_key(&owner))
            }
            None => self.unresolved(module, segments, false),
        }
    }

    /// Resolve a path, following `type Fruit = Entity;` style aliases.
    fn resolve_through_aliases(&self, module: ModuleId, segments: &[String]) -> Option<Res> {
        let mut res = self.tree.resolve(module, segments)?;
        for _ in 0..8 {
            let Res::Item { module: owner, name, rest } = &res else { break };
            let alias = self.tree.modules[*owner]
                .facts
                .and_then(|f| f.type_aliases.iter().find(|a| &a.name == name))
                .filter(|a| rest.is_empty() && !a.ty.path.is_empty());
            let Some(alias) = alias else { break };
            res = self.tree.resolve(*owner, &alias.ty.path)?;
        }
        Some(res)
    }

    fn path_target(&self, module: ModuleId, path: &PathFact) -> (Target, Span) {
        (self.entity_target(module, &path.segments), self.span(module, &path.span))
    }

    fn unresolved(&self, module: ModuleId, segments: &[String], module_without_entity: bool) -> Target {
        if segments.is_empty() {
            // A relation whose target could not be read (a helper call): nothing to say.
            return Target::Unresolved { text: String::new(), module_without_entity, uncertain: true };
        }
        let text = segments.join("::").replace("::::", "::");
        let uncertain = (1..=segments.len()).any(|k| match self.tree.resolve(module, &segments[..k]) {
            Some(Res::Module(m)) => {
                let m = &self.tree.modules[m];
                m.file.is_some_and(|f| self.files[f].failure.is_some()) || m.facts.is_some_and(|f| f.has_item_macros)
            }
            _ => false,
        });
        Target::Unresolved { text, module_without_entity, uncertain }
    }

    fn named(&self, module: ModuleId, n: &Option<NameFact>) -> Option<Named> {
        n.as_ref().map(|n| Named { name: n.name.clone(), span: self.span(module, &n.span) })
    }

    fn relation(&self, module: ModuleId, this: EntityId, r: &RelationFacts) -> Relation {
        let (target, target_span) = match &r.target {
            Some(path) => self.path_target(module, path),
            None => (self.entity_target(module, &[]), self.span(module, &r.span)),
        };
        let target_entity = target.entity();
        let via = r.via.as_ref().map(|via| {
            let (junction, variant) = match via.name.split_once("::") {
                Some((j, v)) => (j.trim().to_string(), Some(v.trim().to_string())),
                None => (via.name.trim().to_string(), None),
            };
            Via {
                junction: self.entity_target(module, &["super".to_string(), junction, "Entity".to_string()]),
                variant,
                span: self.span(module, &via.span),
            }
        });
        let columns = |refs: &[ColumnRefFact], default: Option<EntityId>| -> Vec<ColumnRef> {
            refs.iter().map(|c| self.column_ref(module, c, default)).collect()
        };
        Relation {
            kind: r.kind,
            format: r.format,
            declared: r.declared,
            variant: r.variant.clone(),
            field: r.field.clone(),
            target,
            target_span,
            from: columns(&r.from, Some(this)),
            to: columns(&r.to, target_entity),
            via,
            via_rel: self.named(module, &r.via_rel),
            relation_enum: self.named(module, &r.relation_enum),
            relation_reverse: self.named(module, &r.relation_reverse),
            self_ref: r.self_ref,
            reverse: r.reverse,
            reverse_of: self.named(module, &r.reverse_of),
            on_delete: self.named(module, &r.on_delete),
            on_update: self.named(module, &r.on_update),
            skip_fk: r.skip_fk,
            span: self.span(module, &r.span),
            opaque: r.opaque,
        }
    }

    /// `Column::X` / `super::cake::Column::Id` name their entity; a bare
    /// name (`"user_id"`, dense) belongs to `default`.
    fn column_ref(&self, module: ModuleId, c: &ColumnRefFact, default: Option<EntityId>) -> ColumnRef {
        let text = c.path.join("::");
        let span = self.span(module, &c.span);
        if c.path.len() == 1 {
            return ColumnRef { entity: default, variant: c.path[0].to_upper_camel_case(), text, span };
        }
        let variant = c.path.last().cloned().unwrap_or_default();
        let entity = match self.tree.resolve(module, &c.path[..c.path.len() - 1]) {
            Some(Res::Item { module: owner, rest, .. }) if rest.is_empty() => self.entity_of.get(&owner).copied(),
            _ => None,
        };
        ColumnRef { entity, variant, text, span }
    }

    fn rel_def(&self, module: ModuleId, d: &RelRefFact) -> RelDef {
        let kind = match &d.kind {
            RelRefKind::Variant(path) if path.len() >= 2 => {
                let variant = path.last().cloned().unwrap_or_default();
                let owner = match self.tree.resolve(module, &path[..path.len() - 1]) {
                    Some(Res::Item { module: owner, rest, .. }) if rest.is_empty() => {
                        self.entity_of.get(&owner).copied()
                    }
                    _ => None,
                };
                RelDefKind::Variant { owner, variant }
            }
            RelRefKind::Variant(_) | RelRefKind::Opaque => RelDefKind::Opaque,
            RelRefKind::RelatedTo { owner, target } => RelDefKind::RelatedTo {
                owner: self.entity_target(module, owner).entity(),
                target: self.entity_target(module, target).entity(),
            },
        };
        RelDef { kind, rev: d.rev, span: self.span(module, &d.span), text: self.text(module, &d.span) }
    }

    fn linked(&self, module: ModuleId, out: &mut Vec<Linked>) {
        let facts = &self.tree.modules[module].facts.expect("filtered on facts").seaorm;
        let owner = self.entity_of.get(&module).copied();
        out.extend(facts.linked.iter().map(|l| Linked {
            name: l.name.clone(),
            owner,
            from: l.from_entity.as_ref().map(|p| self.path_target(module, p)),
            to: l.to_entity.as_ref().map(|p| self.path_target(module, p)),
            hops: l.hops.iter().map(|h| self.rel_def(module, h)).collect(),
            span: self.span(module, &l.span),
        }));
    }

    fn ignored_attributes(&self, module: ModuleId, out: &mut Vec<IgnoredAttribute>) {
        let facts = &self.tree.modules[module].facts.expect("entity modules have facts").seaorm;
        for ignored in &facts.ignored_attributes {
            let first = facts
                .relations
                .iter()
                .find(|r| r.variant.as_deref() == Some(&ignored.owner) || r.field.as_deref() == Some(&ignored.owner))
                .map(|r| self.span(module, &r.span));
            out.push(IgnoredAttribute {
                keys: ignored.keys.clone(),
                owner: ignored.owner.clone(),
                span: self.span(module, &ignored.span),
                first,
            });
        }
    }
}
