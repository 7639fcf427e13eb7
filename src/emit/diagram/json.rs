//! The diagram as one versioned JSON document, for tools that draw their own:
//!
//! ```text
//! {"version": 1,
//!  "entities": [{id, name, table, module, file, line,
//!                keys: [{name, type, primary_key, foreign_key, unique, nullable}], findings}],
//!  "relations": [{from, to, kind, cardinality, fk, optional, on_delete, one_sided, via,
//!                 declarations: [{entity, name, kind, file, line}], findings}]}
//! ```
//! Entities are referred to by `id`. `from` is the parent (the referenced
//! entity) and `to` the child holding the foreign key `fk`; for
//! `many_to_many` they are the two ends and `via` is the junction. `kind` is
//! what is declared (`has_many`, `has_one`, `belongs_to` when only the child
//! declares it, `many_to_many`); `findings` are rule names, sorted, once each.

use super::{Diagram, Edge, EdgeKind, Node};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    entities: Vec<JsonEntity<'a>>,
    relations: Vec<JsonRelation<'a>>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    name: &'a str,
    table: Option<&'a str>,
    module: &'a str,
    file: &'a str,
    line: usize,
    keys: Vec<JsonKey<'a>>,
    findings: &'a [&'static str],
}

#[derive(Serialize)]
struct JsonKey<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    rust_type: &'a str,
    primary_key: bool,
    foreign_key: bool,
    unique: bool,
    nullable: bool,
}

#[derive(Serialize)]
struct JsonRelation<'a> {
    from: &'a str,
    to: &'a str,
    kind: &'static str,
    /// `one_to_many`, `one_to_one` or `many_to_many`.
    cardinality: &'static str,
    fk: &'a [String],
    /// A child may have no parent (a nullable foreign key).
    optional: bool,
    on_delete: Option<&'a str>,
    one_sided: bool,
    via: Option<&'a str>,
    declarations: Vec<JsonDeclaration<'a>>,
    findings: &'a [&'static str],
}

#[derive(Serialize)]
struct JsonDeclaration<'a> {
    entity: &'a str,
    name: &'a str,
    kind: &'static str,
    file: &'a str,
    line: usize,
}

pub fn emit(out: &mut dyn Write, diagram: &Diagram) -> io::Result<()> {
    let id = |i: usize| diagram.entities.get(i).map_or("", |n| n.id.as_str());
    let document = Document {
        version: 1,
        entities: diagram.entities.iter().map(entity).collect(),
        relations: diagram.relations.iter().map(|edge| relation(edge, &id)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(crate::emit::json_error)?;
    writeln!(out)
}

fn entity(node: &Node) -> JsonEntity<'_> {
    JsonEntity {
        id: &node.id,
        name: &node.name,
        table: node.table.as_deref(),
        module: &node.module,
        file: &node.file,
        line: node.line,
        keys: node
            .keys
            .iter()
            .map(|k| JsonKey {
                name: &k.name,
                rust_type: &k.rust_type,
                primary_key: k.primary,
                foreign_key: k.foreign,
                unique: k.unique,
                nullable: k.nullable,
            })
            .collect(),
        findings: &node.findings,
    }
}

fn relation<'a>(edge: &'a Edge, id: &impl Fn(usize) -> &'a str) -> JsonRelation<'a> {
    let cardinality = match (edge.kind, edge.to_one) {
        (EdgeKind::ManyToMany, _) => "many_to_many",
        (_, true) => "one_to_one",
        (_, false) => "one_to_many",
    };
    JsonRelation {
        from: id(edge.from),
        to: id(edge.to),
        kind: edge.kind.as_str(),
        cardinality,
        fk: &edge.fk,
        optional: edge.optional,
        on_delete: edge.on_delete.as_deref(),
        one_sided: edge.one_sided,
        via: edge.via.map(id),
        declarations: edge
            .declarations
            .iter()
            .map(|d| JsonDeclaration { entity: id(d.entity), name: &d.name, kind: d.kind, file: &d.file, line: d.line })
            .collect(),
        findings: &edge.findings,
    }
}
