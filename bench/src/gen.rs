//! `gen`: a deterministic SeaORM project of N entities in the three entity
//! formats, with handlers that query them and a few planted bugs whose
//! locations are written to `expected.txt`, so a benchmark run is also a
//! recall check.

use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    pub entities: usize,
    pub seed: u64,
    /// One planted bug every this many entities (0: none).
    pub bug_every: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { entities: 100, seed: 7, bug_every: 50 }
    }
}

/// The rules planted bugs belong to, in the order they rotate.
pub const PLANTED_RULES: [&str; 5] =
    ["missing-inverse", "missing-cascade", "fk-type-mismatch", "unknown-column", "n-plus-one"];

/// Entities per handler file.
const GROUP: usize = 20;

const NOUNS: [&str; 24] = [
    "account",
    "order",
    "invoice",
    "customer",
    "product",
    "shipment",
    "warehouse",
    "supplier",
    "payment",
    "ticket",
    "project",
    "task",
    "comment",
    "review",
    "venue",
    "booking",
    "course",
    "lesson",
    "author",
    "article",
    "device",
    "sensor",
    "region",
    "team",
];

const FILLERS: [(&str, &str); 8] = [
    ("status", "String"),
    ("created_at", "DateTimeUtc"),
    ("updated_at", "Option<DateTimeUtc>"),
    ("amount_cents", "i64"),
    ("archived", "bool"),
    ("notes", "Option<String>"),
    ("priority", "i32"),
    ("reference", "String"),
];

/// SplitMix64: small, fast and the same everywhere, so a seed means one corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Compact,
    Dense,
    Expanded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bug {
    MissingInverse,
    MissingCascade,
    FkTypeMismatch,
    UnknownColumn,
    NPlusOne,
}

/// A foreign key of a child to an earlier entity.
#[derive(Clone, Debug)]
struct Fk {
    parent: usize,
    optional: bool,
    /// Unique column: the parent declares `has_one`.
    unique: bool,
    on_delete: Option<&'static str>,
    /// The child declares no `belongs_to` (planted missing-inverse).
    undeclared: bool,
    wrong_type: bool,
    typo: bool,
}

/// The inverse side a parent declares for one child.
#[derive(Clone, Debug)]
struct Inverse {
    child: usize,
    one: bool,
    planted: bool,
}

#[derive(Clone, Debug)]
struct Entity {
    name: String,
    camel: String,
    format: Format,
    fillers: Vec<usize>,
    fks: Vec<Fk>,
    inverses: Vec<Inverse>,
    /// (other entity, junction) pairs.
    m2m: Vec<(usize, usize)>,
    /// Junction between these two entities (composite key, no `id`).
    junction: Option<(usize, usize)>,
    self_ref: bool,
    bug: Option<Bug>,
}

/// A generated project: files relative to its root, and the planted bugs.
pub struct Corpus {
    pub files: Vec<(PathBuf, String)>,
    /// `(path, line, rule)`, sorted.
    pub expected: Vec<(String, usize, &'static str)>,
}

impl Corpus {
    /// `expected.txt`: one `path:line rule` per planted bug.
    pub fn expected_text(&self) -> String {
        self.expected.iter().map(|(p, l, r)| format!("{p}:{l} {r}\n")).collect()
    }

    pub fn lines(&self) -> usize {
        self.files.iter().map(|(_, t)| t.lines().count()).sum()
    }

    /// Write every file and `expected.txt` under `out` (created if needed).
    pub fn write(&self, out: &Path) -> Result<(), String> {
        for (rel, text) in &self.files {
            let path = out.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let path = out.join("expected.txt");
        std::fs::write(&path, self.expected_text()).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

fn camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// Plan the entities and their relations; no text yet.
fn plan(opts: &Options) -> Vec<Entity> {
    let mut rng = Rng(opts.seed);
    let mut entities: Vec<Entity> = Vec::with_capacity(opts.entities);
    for i in 0..opts.entities {
        let noun = NOUNS[rng.below(NOUNS.len())];
        let name = format!("{noun}_{i}");
        let format = [Format::Compact, Format::Dense, Format::Expanded][i % 3];
        let mut fillers: Vec<usize> = (0..FILLERS.len()).collect();
        for k in 0..3 {
            let j = k + rng.below(FILLERS.len() - k);
            fillers.swap(k, j);
        }
        fillers.truncate(3);
        fillers.sort_unstable();
        let bug = (opts.bug_every > 0 && i % opts.bug_every == opts.bug_every / 2 && i > 0).then(|| {
            [Bug::MissingInverse, Bug::MissingCascade, Bug::FkTypeMismatch, Bug::UnknownColumn, Bug::NPlusOne]
                [(i / opts.bug_every) % 5]
        });
        // `#[sea_orm::model]` relation fields need dense targets (they use the
        // `ActiveModelEx` and loaders only that macro writes): dense entities
        // relate among themselves, compact and expanded ones mix freely.
        let dense = format == Format::Dense;
        let regular: Vec<usize> = (0..i)
            .filter(|&j| entities[j].junction.is_none() && (entities[j].format == Format::Dense) == dense)
            .collect();
        let junction = (i % 10 == 9 && regular.len() >= 2 && bug.is_none()).then(|| {
            let a = regular[regular.len() - 1 - rng.below(regular.len().min(30))];
            let b = regular[rng.below(regular.len())];
            (a.min(b), a.max(b))
        });
        // SeaORM needs `relation_enum` names when two entities are related twice
        // (a foreign key and a many-to-many): keep each pair to one relation.
        let junction = junction.filter(|&(a, b)| {
            a != b && !entities[b].fks.iter().any(|fk| fk.parent == a) && !entities[a].m2m.iter().any(|&(o, _)| o == b)
        });
        let mut fks = Vec::new();
        if let Some((a, b)) = junction {
            for parent in [a, b] {
                fks.push(Fk {
                    parent,
                    optional: false,
                    unique: false,
                    on_delete: Some("Cascade"),
                    undeclared: false,
                    wrong_type: false,
                    typo: false,
                });
            }
        } else if !regular.is_empty() {
            let count = 1 + rng.below(3).min(regular.len() - 1);
            let mut parents: Vec<usize> = Vec::new();
            while parents.len() < count {
                // Mostly recent parents, as a schema grows by features.
                let p = if rng.below(3) == 0 {
                    regular[rng.below(regular.len())]
                } else {
                    regular[regular.len() - 1 - rng.below(regular.len().min(20))]
                };
                if !parents.contains(&p) {
                    parents.push(p);
                }
            }
            parents.sort_unstable();
            for (k, &parent) in parents.iter().enumerate() {
                // The planted N+1 loop reads a required key.
                let optional = rng.below(4) == 0 && !(k == 0 && bug == Some(Bug::NPlusOne));
                let on_delete =
                    if optional { Some("SetNull") } else { Some(["Cascade", "Restrict", "Cascade"][rng.below(3)]) };
                let first = k == 0;
                fks.push(Fk {
                    parent,
                    optional,
                    unique: !optional && rng.below(8) == 0,
                    on_delete: if first && bug == Some(Bug::MissingCascade) { None } else { on_delete },
                    undeclared: first && bug == Some(Bug::MissingInverse),
                    wrong_type: first && bug == Some(Bug::FkTypeMismatch),
                    typo: first && bug == Some(Bug::UnknownColumn),
                });
            }
        }
        for fk in &fks {
            let parent = &mut entities[fk.parent];
            parent.inverses.push(Inverse { child: i, one: fk.unique, planted: fk.undeclared });
        }
        if let Some((a, b)) = junction {
            entities[a].m2m.push((b, i));
            entities[b].m2m.push((a, i));
        }
        let self_ref = junction.is_none() && format != Format::Expanded && i % 20 == 4;
        // A bug needs a foreign key to live on (the first entity has none).
        let bug = if fks.is_empty() { None } else { bug };
        entities.push(
            Entity {
                name,
                camel: String::new(),
                format,
                fillers,
                fks,
                inverses: Vec::new(),
                m2m: Vec::new(),
                junction,
                self_ref,
                bug,
            }
            .named(),
        );
    }
    entities
}

impl Entity {
    fn named(mut self) -> Self {
        self.camel = camel(&self.name);
        self
    }

    fn fk_column(&self, fk: &Fk, entities: &[Entity]) -> String {
        format!("{}_id", entities[fk.parent].name)
    }

    fn fk_type(fk: &Fk) -> &'static str {
        match (fk.optional, fk.wrong_type) {
            (false, false) => "i32",
            (false, true) => "i64",
            (true, false) => "Option<i32>",
            (true, true) => "Option<i64>",
        }
    }

    /// The `from` column as written: a typo when planted.
    fn written_from(&self, fk: &Fk, entities: &[Entity]) -> String {
        let column = self.fk_column(fk, entities);
        if fk.typo {
            column.replace("_id", "_ident")
        } else {
            column
        }
    }
}

/// A file being written, with the line numbers of marked lines.
struct Out {
    path: String,
    text: String,
    marks: Vec<(String, usize, &'static str)>,
}

impl Out {
    fn new(path: String) -> Self {
        Out { path, text: String::with_capacity(4096), marks: Vec::new() }
    }

    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    /// Write `s` and record it as the line of a planted `rule`.
    fn marked(&mut self, s: &str, rule: Option<&'static str>) {
        if let Some(rule) = rule {
            let line = self.text.bytes().filter(|&b| b == b'\n').count() + 1;
            self.marks.push((self.path.clone(), line, rule));
        }
        self.line(s);
    }
}

/// Generate the whole project in memory.
pub fn generate(opts: &Options) -> Corpus {
    let entities = plan(opts);
    let mut files = Vec::new();
    let mut expected = Vec::new();
    let mut push = |out: Out| {
        expected.extend(out.marks);
        files.push((PathBuf::from(out.path), out.text));
    };
    let mut manifest = Out::new("Cargo.toml".into());
    manifest.line("[package]\nname = \"bench_corpus\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n");
    manifest.line("[dependencies]\nsea-orm = { version = \"2.0\", default-features = false, features = [\"macros\", \"with-chrono\", \"sqlx-sqlite\", \"runtime-tokio\"] }");
    push(manifest);
    let mut lib = Out::new("src/lib.rs".into());
    // Dense entities nest each other's `ModelEx` types: rustc asks for this past ~100 of them.
    lib.line("#![recursion_limit = \"512\"]\n\npub mod entity;\npub mod handlers;");
    push(lib);
    let header = "//! `SeaORM` Entity, @generated by sea-orm-codegen 1.1.19\n";
    let mut module = Out::new("src/entity/mod.rs".into());
    module.line(header);
    module.line("pub mod prelude;\n");
    let mut prelude = Out::new("src/entity/prelude.rs".into());
    prelude.line(header);
    let mut sorted: Vec<&Entity> = entities.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    for e in &sorted {
        module.line(&format!("pub mod {};", e.name));
        prelude.line(&format!("pub use super::{}::Entity as {};", e.name, e.camel));
    }
    push(module);
    push(prelude);
    for (i, e) in entities.iter().enumerate() {
        let mut out = Out::new(format!("src/entity/{}.rs", e.name));
        match e.format {
            Format::Compact => compact(&mut out, i, &entities),
            Format::Dense => dense(&mut out, i, &entities),
            Format::Expanded => expanded(&mut out, i, &entities),
        }
        push(out);
    }
    let mut handlers = Out::new("src/handlers/mod.rs".into());
    for (g, chunk) in entities.chunks(GROUP).enumerate() {
        handlers.line(&format!("pub mod group_{g:04};"));
        let mut out = Out::new(format!("src/handlers/group_{g:04}.rs"));
        handler_file(&mut out, g * GROUP, chunk, &entities);
        push(out);
    }
    push(handlers);
    expected.sort();
    Corpus { files, expected }
}

fn rust_type_column(ty: &str) -> &'static str {
    match ty {
        "i32" | "Option<i32>" => "ColumnType::Integer",
        "i64" | "Option<i64>" => "ColumnType::BigInteger",
        "bool" => "ColumnType::Boolean",
        "DateTimeUtc" | "Option<DateTimeUtc>" => "ColumnType::TimestampWithTimeZone",
        _ => "ColumnType::String(StringLen::None)",
    }
}

/// The plain columns of `e` in declaration order: (name, type, attribute).
fn columns(e: &Entity, entities: &[Entity]) -> Vec<(String, &'static str, Option<&'static str>)> {
    let mut cols = Vec::new();
    if e.junction.is_none() {
        cols.push(("id".to_owned(), "i32", Some("primary_key")));
        cols.push(("name".to_owned(), "String", None));
    }
    for fk in &e.fks {
        let attr = if e.junction.is_some() {
            Some("primary_key, auto_increment = false")
        } else if fk.unique {
            Some("unique")
        } else {
            None
        };
        cols.push((e.fk_column(fk, entities), Entity::fk_type(fk), attr));
    }
    if e.self_ref {
        cols.push(("parent_id".to_owned(), "Option<i32>", None));
    }
    for &f in &e.fillers {
        cols.push((FILLERS[f].0.to_owned(), FILLERS[f].1, None));
    }
    cols
}

fn fk_rule(fk: &Fk) -> Option<&'static str> {
    fk.wrong_type.then_some("fk-type-mismatch")
}

fn write_model_struct(out: &mut Out, e: &Entity, entities: &[Entity], derive: &str) {
    out.line(derive);
    out.line(&format!("#[sea_orm(table_name = \"{}\")]", e.name));
    out.line("pub struct Model {");
    for (name, ty, attr) in columns(e, entities) {
        if let Some(attr) = attr {
            out.line(&format!("    #[sea_orm({attr})]"));
        }
        let rule = e.fks.iter().find(|fk| e.fk_column(fk, entities) == name).and_then(fk_rule);
        out.marked(&format!("    pub {name}: {ty},"), rule);
    }
}

fn compact(out: &mut Out, i: usize, entities: &[Entity]) {
    let e = &entities[i];
    out.line("use sea_orm::entity::prelude::*;\n");
    write_model_struct(out, e, entities, "#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]");
    out.line("}\n");
    out.line("#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]");
    let mut variants = Vec::new();
    for fk in e.fks.iter().filter(|fk| !fk.undeclared) {
        let p = &entities[fk.parent];
        let mut v = vec![
            (format!("        belongs_to = \"super::{}::Entity\",", p.name), None),
            (
                format!("        from = \"Column::{}\",", camel(&e.written_from(fk, entities))),
                fk.typo.then_some("unknown-column"),
            ),
            (format!("        to = \"super::{}::Column::Id\",", p.name), None),
            ("        on_update = \"NoAction\",".to_owned(), None),
        ];
        if let Some(action) = fk.on_delete {
            v.push((format!("        on_delete = \"{action}\","), None));
        }
        variants.push((v, p.camel.clone(), fk.on_delete.is_none().then_some("missing-cascade")));
    }
    if e.self_ref {
        let v = vec![
            ("        belongs_to = \"Entity\",".to_owned(), None),
            ("        from = \"Column::ParentId\",".to_owned(), None),
            ("        to = \"Column::Id\",".to_owned(), None),
            ("        on_delete = \"SetNull\",".to_owned(), None),
        ];
        variants.push((v, "SelfRef".to_owned(), None));
    }
    if variants.is_empty() && e.inverses.is_empty() {
        out.line("pub enum Relation {}\n");
    } else {
        out.line("pub enum Relation {");
        for (mut attrs, variant, rule) in variants {
            out.marked("    #[sea_orm(", rule);
            if let Some(last) = attrs.last_mut() {
                last.0.pop();
            }
            for (line, rule) in attrs {
                out.marked(&line, rule);
            }
            out.line("    )]");
            out.line(&format!("    {variant},"));
        }
        for inv in &e.inverses {
            let c = &entities[inv.child];
            let kind = if inv.one { "has_one" } else { "has_many" };
            out.marked(
                &format!("    #[sea_orm({kind} = \"super::{}::Entity\")]", c.name),
                inv.planted.then_some("missing-inverse"),
            );
            out.line(&format!("    {},", c.camel));
        }
        out.line("}\n");
    }
    related_impls(out, e, entities);
    out.line("impl ActiveModelBehavior for ActiveModel {}");
}

/// `impl Related` for every declared relation and many-to-many (compact and expanded).
fn related_impls(out: &mut Out, e: &Entity, entities: &[Entity]) {
    let mut targets: Vec<(String, String)> = Vec::new();
    for fk in e.fks.iter().filter(|fk| !fk.undeclared) {
        let p = &entities[fk.parent];
        targets.push((p.name.clone(), format!("Relation::{}.def()", p.camel)));
    }
    for inv in &e.inverses {
        let c = &entities[inv.child];
        targets.push((c.name.clone(), format!("Relation::{}.def()", c.camel)));
    }
    for (target, body) in targets {
        out.line(&format!("impl Related<super::{target}::Entity> for Entity {{"));
        out.line("    fn to() -> RelationDef {");
        out.line(&format!("        {body}"));
        out.line("    }\n}\n");
    }
    for &(other, junction) in &e.m2m {
        let (o, j) = (&entities[other], &entities[junction]);
        out.line(&format!("impl Related<super::{}::Entity> for Entity {{", o.name));
        out.line("    fn to() -> RelationDef {");
        out.line(&format!("        super::{}::Relation::{}.def()", j.name, o.camel));
        out.line("    }\n");
        out.line("    fn via() -> Option<RelationDef> {");
        out.line(&format!("        Some(super::{}::Relation::{}.def().rev())", j.name, e.camel));
        out.line("    }\n}\n");
    }
}

fn dense(out: &mut Out, i: usize, entities: &[Entity]) {
    let e = &entities[i];
    out.line("use sea_orm::entity::prelude::*;\n");
    out.line("#[sea_orm::model]");
    write_model_struct(out, e, entities, "#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]");
    for fk in e.fks.iter().filter(|fk| !fk.undeclared) {
        let p = &entities[fk.parent];
        let from = e.written_from(fk, entities);
        let action = fk.on_delete.map(|a| format!(", on_delete = \"{a}\"")).unwrap_or_default();
        let rule = if fk.typo { Some("unknown-column") } else { fk.on_delete.is_none().then_some("missing-cascade") };
        out.marked(&format!("    #[sea_orm(belongs_to, from = \"{from}\", to = \"id\"{action})]"), rule);
        let target = if fk.optional {
            format!("Option<super::{}::Entity>", p.name)
        } else {
            format!("super::{}::Entity", p.name)
        };
        out.line(&format!("    pub {}: BelongsTo<{target}>,", p.name));
    }
    if e.self_ref {
        out.line("    #[sea_orm(self_ref, relation_enum = \"Parent\", relation_reverse = \"Children\", from = \"parent_id\", to = \"id\", on_delete = \"SetNull\")]");
        out.line("    pub parent: BelongsTo<Option<Entity>>,");
        out.line("    #[sea_orm(self_ref, relation_enum = \"Children\", relation_reverse = \"Parent\")]");
        out.line("    pub children: HasMany<Entity>,");
    }
    for inv in &e.inverses {
        let c = &entities[inv.child];
        let rule = inv.planted.then_some("missing-inverse");
        if inv.one {
            out.marked("    #[sea_orm(has_one)]", rule);
            out.line(&format!("    pub {}: HasOne<super::{}::Entity>,", c.name, c.name));
        } else {
            out.marked("    #[sea_orm(has_many)]", rule);
            out.line(&format!("    pub {}s: HasMany<super::{}::Entity>,", c.name, c.name));
        }
    }
    for &(other, junction) in &e.m2m {
        let (o, j) = (&entities[other], &entities[junction]);
        out.line(&format!("    #[sea_orm(has_many, via = \"{}\")]", j.name));
        out.line(&format!("    pub linked_{}s: HasMany<super::{}::Entity>,", o.name, o.name));
    }
    out.line("}\n");
    out.line("impl ActiveModelBehavior for ActiveModel {}");
}

fn expanded(out: &mut Out, i: usize, entities: &[Entity]) {
    let e = &entities[i];
    let cols = columns(e, entities);
    out.line("use sea_orm::entity::prelude::*;\n");
    out.line("#[derive(Copy, Clone, Default, Debug, DeriveEntity)]");
    out.line("pub struct Entity;\n");
    out.line("impl EntityName for Entity {");
    out.line("    fn table_name(&self) -> &'static str {");
    out.line(&format!("        \"{}\"", e.name));
    out.line("    }\n}\n");
    out.line("#[derive(Clone, Debug, PartialEq, DeriveModel, DeriveActiveModel, Eq)]");
    out.line("pub struct Model {");
    for (name, ty, _) in &cols {
        let rule = e.fks.iter().find(|fk| &e.fk_column(fk, entities) == name).and_then(fk_rule);
        out.marked(&format!("    pub {name}: {ty},"), rule);
    }
    out.line("}\n");
    out.line("#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]");
    out.line("pub enum Column {");
    for (name, _, _) in &cols {
        out.line(&format!("    {},", camel(name)));
    }
    out.line("}\n");
    out.line("#[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]");
    out.line("pub enum PrimaryKey {");
    let keys: Vec<&(String, &str, Option<&str>)> =
        cols.iter().filter(|c| c.2.is_some_and(|a| a.starts_with("primary_key"))).collect();
    for (name, _, _) in &keys {
        out.line(&format!("    {},", camel(name)));
    }
    out.line("}\n");
    out.line("impl PrimaryKeyTrait for PrimaryKey {");
    if keys.len() == 1 {
        out.line("    type ValueType = i32;");
    } else {
        out.line(&format!("    type ValueType = ({});", vec!["i32"; keys.len()].join(", ")));
    }
    out.line("    fn auto_increment() -> bool {");
    out.line(&format!("        {}", keys.len() == 1));
    out.line("    }\n}\n");
    out.line("#[derive(Copy, Clone, Debug, EnumIter)]");
    let declared: Vec<&Fk> = e.fks.iter().filter(|fk| !fk.undeclared).collect();
    let mut variants: Vec<String> = declared.iter().map(|fk| entities[fk.parent].camel.clone()).collect();
    variants.extend(e.inverses.iter().map(|inv| entities[inv.child].camel.clone()));
    if variants.is_empty() {
        out.line("pub enum Relation {}\n");
    } else {
        out.line("pub enum Relation {");
        for v in &variants {
            out.line(&format!("    {v},"));
        }
        out.line("}\n");
    }
    out.line("impl ColumnTrait for Column {");
    out.line("    type EntityName = Entity;");
    out.line("    fn def(&self) -> ColumnDef {");
    out.line("        match self {");
    for (name, ty, attr) in &cols {
        let mut def = format!("{}.def()", rust_type_column(ty));
        if ty.starts_with("Option<") {
            def.push_str(".null()");
        }
        if *attr == Some("unique") {
            def.push_str(".unique()");
        }
        out.line(&format!("            Self::{} => {def},", camel(name)));
    }
    out.line("        }\n    }\n}\n");
    out.line("impl RelationTrait for Relation {");
    out.line("    fn def(&self) -> RelationDef {");
    if variants.is_empty() {
        out.line("        panic!(\"No RelationDef\")");
    } else {
        out.line("        match self {");
        for fk in &declared {
            let p = &entities[fk.parent];
            out.marked(
                &format!("            Self::{} => Entity::belongs_to(super::{}::Entity)", p.camel, p.name),
                fk.on_delete.is_none().then_some("missing-cascade"),
            );
            out.marked(
                &format!("                .from(Column::{})", camel(&e.written_from(fk, entities))),
                fk.typo.then_some("unknown-column"),
            );
            out.line(&format!("                .to(super::{}::Column::Id)", p.name));
            if let Some(action) = fk.on_delete {
                out.line(&format!("                .on_delete(ForeignKeyAction::{action})"));
            }
            out.line("                .into(),");
        }
        for inv in &e.inverses {
            let c = &entities[inv.child];
            let kind = if inv.one { "has_one" } else { "has_many" };
            out.marked(
                &format!("            Self::{} => Entity::{kind}(super::{}::Entity).into(),", c.camel, c.name),
                inv.planted.then_some("missing-inverse"),
            );
        }
        out.line("        }");
    }
    out.line("    }\n}\n");
    related_impls(out, e, entities);
    out.line("impl ActiveModelBehavior for ActiveModel {}");
}

/// Handlers for the entities `first..first + chunk.len()`: eager forms,
/// pure helpers called in loops, and the planted per-item queries.
fn handler_file(out: &mut Out, first: usize, chunk: &[Entity], entities: &[Entity]) {
    let mut used: Vec<&str> = Vec::new();
    let mut body = Out::new(out.path.clone());
    let (mut filters, mut paginator) = (false, false);
    for (k, e) in chunk.iter().enumerate() {
        let i = first + k;
        if e.junction.is_some() {
            continue;
        }
        let Some(fk) = e.fks.iter().find(|fk| !fk.undeclared && !fk.typo && !fk.optional) else {
            simple_handlers(&mut body, e);
            paginator = true;
            used.push(&e.name);
            continue;
        };
        let p = &entities[fk.parent];
        used.push(&e.name);
        used.push(&p.name);
        filters = true;
        let (en, pn) = (&e.name, &p.name);
        let fkc = camel(&e.fk_column(fk, entities));
        body.line(&format!("/// GET /{en}: every {en} with its {pn}, one query with a join."));
        body.line(&format!(
            "pub async fn list_{en}_with_{pn}(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {{"
        ));
        body.line(&format!("    let rows = {en}::Entity::find()"));
        body.line(&format!("        .find_also_related({pn}::Entity)"));
        body.line(&format!("        .order_by_asc({en}::Column::Id)"));
        body.line("        .all(db)\n        .await?;\n");
        body.line("    let mut out = Vec::with_capacity(rows.len());");
        body.line("    for (row, parent) in rows {");
        body.line("        let parent = parent.map_or_else(|| \"[none]\".to_owned(), |p| p.name);");
        body.line("        out.push(format!(\"{} ({parent})\", row.name));");
        body.line("    }\n    Ok(out)\n}\n");
        body.line(&format!("/// One line of the {en} report: formatting only, no query."));
        body.line(&format!("fn describe_{en}(row: &{en}::Model) -> String {{"));
        body.line("    format!(\"#{} {}\", row.id, row.name)");
        body.line("}\n");
        body.line(&format!("/// GET /{pn}/{en}: the {en} rows of several {pn} rows in one `IN` query."));
        body.line(&format!(
            "pub async fn {en}_report(db: &DatabaseConnection, parent_ids: Vec<i32>) -> Result<Vec<String>, DbErr> {{"
        ));
        body.line(&format!("    let rows = {en}::Entity::find()"));
        body.line(&format!("        .filter({en}::Column::{fkc}.is_in(parent_ids))"));
        body.line("        .all(db)\n        .await?;");
        body.line("    let mut lines = Vec::with_capacity(rows.len());");
        body.line("    for row in &rows {");
        body.line(&format!("        lines.push(describe_{en}(row));"));
        body.line("    }\n    Ok(lines)\n}\n");
        body.line(&format!("/// GET /{en}/with-parent: the {en} rows, then their {pn} rows in one batch."));
        body.line(&format!(
            "pub async fn {en}_with_{pn}_loaded(db: &DatabaseConnection) -> Result<Vec<(i32, Option<String>)>, DbErr> {{"
        ));
        body.line(&format!("    let rows = {en}::Entity::find().order_by_asc({en}::Column::Id).all(db).await?;"));
        body.line(&format!("    let parents = rows.load_one({pn}::Entity, db).await?;"));
        body.line("    let mut out = Vec::with_capacity(rows.len());");
        body.line("    for (row, parent) in rows.iter().zip(parents) {");
        body.line("        out.push((row.id, parent.map(|p| p.name)));");
        body.line("    }\n    Ok(out)\n}\n");
        body.line(&format!("/// GET /{pn}/with-{en}: each {pn} with its {en} rows, one joined query."));
        body.line(&format!(
            "pub async fn {pn}_with_{en}_rows(db: &DatabaseConnection) -> Result<Vec<(String, Vec<String>)>, DbErr> {{"
        ));
        body.line(&format!("    let rows = {pn}::Entity::find()"));
        body.line(&format!("        .find_with_related({en}::Entity)"));
        body.line(&format!("        .order_by_asc({pn}::Column::Id)"));
        body.line("        .all(db)\n        .await?;");
        body.line("    let mut out = Vec::with_capacity(rows.len());");
        body.line("    for (parent, children) in rows {");
        body.line(&format!("        out.push((parent.name, children.iter().map(describe_{en}).collect()));"));
        body.line("    }\n    Ok(out)\n}\n");
        if !fk.unique {
            body.line(&format!("/// GET /{pn}/counts: each {pn} with its number of {en} rows, two queries in all."));
            body.line(&format!(
                "pub async fn {pn}_{en}_counts(db: &DatabaseConnection) -> Result<Vec<(i32, usize)>, DbErr> {{"
            ));
            body.line(&format!(
                "    let parents = {pn}::Entity::find().order_by_asc({pn}::Column::Id).all(db).await?;"
            ));
            body.line(&format!("    let children = parents.load_many({en}::Entity, db).await?;"));
            body.line("    let mut out = Vec::with_capacity(parents.len());");
            body.line("    for (parent, kids) in parents.iter().zip(children) {");
            body.line("        out.push((parent.id, kids.len()));");
            body.line("    }\n    Ok(out)\n}\n");
        }
        if e.bug == Some(Bug::NPlusOne) {
            let fkn = e.fk_column(fk, entities);
            if (i / 2) % 2 == 0 {
                body.line(&format!("/// GET /{en}/parents: looks each {pn} up on its own."));
                body.line(&format!(
                    "pub async fn {en}_parents(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {{"
                ));
                body.line(&format!("    let rows = {en}::Entity::find().all(db).await?;"));
                body.line("    let mut out = Vec::with_capacity(rows.len());");
                body.line("    for row in rows {");
                body.marked(
                    &format!("        let parent = {pn}::Entity::find_by_id(row.{fkn}).one(db).await?;"),
                    Some("n-plus-one"),
                );
                body.line("        out.push(parent.map(|p| p.name).unwrap_or_default());");
                body.line("    }\n    Ok(out)\n}\n");
            } else {
                body.line(&format!(
                    "async fn {en}_count_of(db: &DatabaseConnection, parent_id: i32) -> Result<u64, DbErr> {{"
                ));
                body.line(&format!(
                    "    {en}::Entity::find().filter({en}::Column::{fkc}.eq(parent_id)).count(db).await"
                ));
                paginator = true;
                body.line("}\n");
                body.line(&format!("/// GET /{pn}/{en}/totals: counts the {en} rows of each {pn} one at a time."));
                body.line(&format!(
                    "pub async fn {en}_totals(db: &DatabaseConnection) -> Result<Vec<(i32, u64)>, DbErr> {{"
                ));
                body.line(&format!("    let parents = {pn}::Entity::find().all(db).await?;"));
                body.line("    let mut out = Vec::with_capacity(parents.len());");
                body.line("    for parent in &parents {");
                body.marked(&format!("        let n = {en}_count_of(db, parent.id).await?;"), Some("n-plus-one"));
                body.line("        out.push((parent.id, n));");
                body.line("    }\n    Ok(out)\n}\n");
            }
        }
    }
    used.sort_unstable();
    used.dedup();
    out.line("//! Request handlers over the generated entities.\n");
    // Only the traits the file uses: the corpus compiles without warnings.
    let traits: Vec<&str> = [
        (filters, "ColumnTrait"),
        (true, "DatabaseConnection"),
        (true, "DbErr"),
        (true, "EntityTrait"),
        (filters, "LoaderTrait"),
        (paginator, "PaginatorTrait"),
        (filters, "QueryFilter"),
        (true, "QueryOrder"),
    ]
    .into_iter()
    .filter_map(|(used, name)| used.then_some(name))
    .collect();
    out.line(&format!("use sea_orm::{{{}}};\n", traits.join(", ")));
    out.line(&format!("use crate::entity::{{{}}};\n", used.join(", ")));
    let offset = out.text.bytes().filter(|&b| b == b'\n').count();
    out.text.push_str(body.text.trim_end());
    out.text.push('\n');
    for (path, line, rule) in body.marks {
        out.marks.push((path, line + offset, rule));
    }
}

/// Handlers of an entity without a usable foreign key: a page and a lookup.
fn simple_handlers(body: &mut Out, e: &Entity) {
    let en = &e.name;
    body.line(&format!("/// GET /{en}?page=: one page of {en} rows."));
    body.line(&format!(
        "pub async fn page_of_{en}(db: &DatabaseConnection, page: u64) -> Result<Vec<{en}::Model>, DbErr> {{"
    ));
    body.line(&format!(
        "    {en}::Entity::find().order_by_asc({en}::Column::Id).paginate(db, 50).fetch_page(page).await"
    ));
    body.line("}\n");
    body.line(&format!("/// GET /{en}/:id"));
    body.line(&format!(
        "pub async fn {en}_by_id(db: &DatabaseConnection, id: i32) -> Result<Option<String>, DbErr> {{"
    ));
    body.line(&format!("    let row = {en}::Entity::find_by_id(id).one(db).await?;"));
    body.line("    Ok(row.map(|r| r.name))");
    body.line("}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_matches_sea_orm_column_names() {
        assert_eq!(camel("invoice_42_id"), "Invoice42Id");
        assert_eq!(camel("parent_id"), "ParentId");
    }
}
