//! The paths a module's code writes to other modules, for the import-cycle
//! rule: qualified paths in types, expressions, patterns and macro arguments,
//! `use` items inside function bodies, and the SeaORM relation targets, which
//! are kept apart because entities naming each other is not an import cycle.
//!
//! Every path of every file passes through here, so a path is only copied
//! out once its first segment shows it can lead into the project.

use super::attrs::{sea_orm_attrs, AttrValue};
use super::extract::{flatten_item_use, ident, Crates, Source};
use super::facts::{ModFacts, PathRef, RefKind, UseFact};
use super::rel_expr::path_segments;
use crate::parse::offsets::ByteOffsets;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Write as _;
use syn::visit::{self, Visit};
use syn::Item;

/// SeaORM attribute keys whose string values name another entity or its columns.
const RELATION_KEYS: &[&str] = &["belongs_to", "has_one", "has_many", "to", "from", "entity", "via"];

/// Fill `facts.refs`, the glob-imported names, `UseFact::relation_only` and
/// `reexport_only` from one module's items (inline modules have their own).
pub fn collect(items: &[Item], source: &Source, facts: &mut ModFacts) {
    let local: FxHashSet<String> = facts
        .items
        .iter()
        .chain(facts.mods.iter().map(|m| &m.name))
        .chain(facts.uses.iter().filter_map(|u| u.name.as_ref()))
        .cloned()
        .collect();
    // Under a glob of the project, any name may come from it.
    let globs = facts.uses.iter().any(|u| u.name.is_none() && leads_inside(&u.path, source.crates, &local));
    let bindings: FxHashMap<String, usize> =
        facts.uses.iter().enumerate().filter_map(|(i, u)| Some((u.name.clone()?, i))).collect();
    let mut collector = Collector {
        text: source.text,
        crates: source.crates,
        local: &local,
        globs,
        bindings: &bindings,
        used: vec![(false, false); facts.uses.len()],
        relation: 0,
        refs: Vec::new(),
        seen: FxHashMap::default(),
        names: FxHashSet::default(),
        relation_names: FxHashSet::default(),
        block_uses: Vec::new(),
        buf: String::new(),
        lone_variable: false,
        lone_names: FxHashSet::default(),
        value_path: false,
        bound: FxHashSet::default(),
    };
    for item in items {
        match item {
            Item::Use(_) | Item::Mod(_) | Item::ExternCrate(_) => {}
            Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {}
            item => collector.visit_item(item),
        }
    }
    facts.reexport_only = items.iter().all(|i| matches!(i, Item::Use(_) | Item::Mod(_) | Item::ExternCrate(_)));
    let Collector { refs, mut names, relation_names, block_uses, used, lone_names, bound, .. } = collector;
    // A lone name no pattern binds may be a function passed by name (`.map(parse)`).
    names.extend(lone_names.into_iter().filter(|n| !bound.contains(n)));
    for (u, (normal, relation)) in facts.uses.iter_mut().zip(used) {
        u.relation_only = relation && !normal;
    }
    facts.refs = refs;
    for u in block_uses {
        if globs || leads_inside(&u.path, source.crates, &local) {
            let kind = if u.name.is_some() { RefKind::BlockUse } else { RefKind::BlockGlob };
            facts.refs.push(PathRef { segments: u.path, span: u.span, kind, count: 1 });
        }
    }
    if globs {
        let imported = |set: FxHashSet<String>, exclude: &FxHashSet<String>| -> Vec<String> {
            let mut v: Vec<String> = set.into_iter().filter(|n| !local.contains(n) && !exclude.contains(n)).collect();
            v.sort_unstable();
            v
        };
        facts.glob_relation_names = imported(relation_names, &names);
        facts.glob_names = imported(names, &FxHashSet::default());
    }
}

/// Whether a path starting this way can name something in the analyzed tree.
fn leads_inside(path: &[String], crates: &Crates, local: &FxHashSet<String>) -> bool {
    match path.first().map(String::as_str) {
        Some("crate" | "super" | "self") => true,
        Some("::") => path.get(1).is_some_and(|c| crates.contains(c)),
        Some(first) => crates.contains(first) || local.contains(first),
        None => false,
    }
}

struct Collector<'a> {
    /// The file's text, for macro arguments.
    text: &'a str,
    crates: &'a Crates,
    /// Names declared, declared as modules, or bound by `use` here.
    local: &'a FxHashSet<String>,
    /// A glob import of the project is in scope: record every name.
    globs: bool,
    /// `use` bindings by name, and whether each is used outside and inside
    /// relation declarations.
    bindings: &'a FxHashMap<String, usize>,
    used: Vec<(bool, bool)>,
    /// Inside a relation declaration (`impl Related`, a relation field, ...).
    relation: u32,
    refs: Vec<PathRef>,
    /// Index in `refs` of each path already recorded.
    /// Keyed by the segments alone, so a lookup borrows them: the kinds of one
    /// path are few and searched in a short list.
    seen: FxHashMap<Vec<String>, Vec<(RefKind, usize)>>,
    /// First segments of the paths used outside relation declarations (with globs only).
    names: FxHashSet<String>,
    /// First segments of the paths used inside them.
    relation_names: FxHashSet<String>,
    block_uses: Vec<UseFact>,
    /// Reused for each identifier's text, so rejected paths allocate nothing.
    buf: String,
    /// The path being read is a lone lowercase name outside a call: a local
    /// variable, unless no pattern of the module binds that name.
    lone_variable: bool,
    lone_names: FxHashSet<String>,
    /// The path being read is in expression position.
    value_path: bool,
    /// Names bound by patterns (`let`, parameters, closures, `match` arms).
    bound: FxHashSet<String>,
}

impl Collector<'_> {
    fn kind(&self) -> RefKind {
        if self.relation > 0 {
            RefKind::Relation
        } else if self.value_path {
            RefKind::Value
        } else {
            RefKind::Code
        }
    }

    /// Note the first segment of a path (its text is in `self.buf`) and say
    /// whether the path can lead into another module of the project:
    /// `crate`/`super`/`self`, a crate of the project, a child module or a
    /// `use` binding, or any lowercase name under a glob of the project.
    /// `Type::method` paths never add an import: the `use` of the type does.
    fn first_segment(&mut self) -> bool {
        let first = self.buf.as_str();
        if let Some(&i) = self.bindings.get(first) {
            let used = &mut self.used[i];
            if self.relation > 0 {
                used.1 = true;
            } else {
                used.0 = true;
            }
        }
        if self.globs && !matches!(first, "crate" | "super" | "self" | "Self") {
            let set = if self.lone_variable {
                &mut self.lone_names
            } else if self.relation > 0 {
                &mut self.relation_names
            } else {
                &mut self.names
            };
            if !set.contains(first) {
                set.insert(first.to_string());
            }
        }
        let module_like = first.starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
        module_like
            && !matches!(first, "std" | "core" | "alloc")
            && (matches!(first, "crate" | "super" | "self")
                || self.crates.contains(first)
                || self.local.contains(first)
                || self.globs)
    }

    fn record(&mut self, segments: Vec<String>, span: std::ops::Range<usize>) {
        let kind = self.kind();
        let index = self.refs.len();
        match self.seen.get_mut(segments.as_slice()) {
            Some(kinds) => match kinds.iter().find(|(k, _)| *k == kind) {
                Some(&(_, i)) => return self.refs[i].count += 1,
                None => kinds.push((kind, index)),
            },
            None => {
                self.seen.insert(segments.clone(), vec![(kind, index)]);
            }
        }
        self.refs.push(PathRef { segments, span, kind, count: 1 });
    }

    fn in_relation(&mut self, f: impl FnOnce(&mut Self)) {
        self.relation += 1;
        f(self);
        self.relation -= 1;
    }

    /// `a::b::C` sequences in a macro's arguments, which syn leaves as tokens,
    /// read from the text with comments and literals skipped.
    fn macro_text(&mut self, range: std::ops::Range<usize>) {
        let Some(body) = self.text.get(range.clone()) else { return };
        let bytes = body.as_bytes();
        let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut i = 0;
        while i < bytes.len() {
            if let Some(end) = super::skip_comment_or_literal(bytes, i) {
                i = end.max(i + 1);
                continue;
            }
            let starts_path = (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_')
                && (i == 0 || !(is_ident(bytes[i - 1]) || bytes[i - 1] == b'\'' || bytes[i - 1] == b'.'));
            if !starts_path {
                i += 1;
                continue;
            }
            let mut segments: Vec<&str> = Vec::new();
            let start = i;
            let mut end;
            loop {
                let from = i;
                if bytes[i..].starts_with(b"r#") {
                    i += 2;
                }
                while i < bytes.len() && is_ident(bytes[i]) {
                    i += 1;
                }
                segments.push(body[from..i].trim_start_matches("r#"));
                end = i;
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if !bytes[j..].starts_with(b"::") {
                    break;
                }
                j += 2;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                let raw = usize::from(bytes[j..].starts_with(b"r#")) * 2;
                if j + raw >= bytes.len() || !(bytes[j + raw].is_ascii_alphabetic() || bytes[j + raw] == b'_') {
                    break;
                }
                i = j;
            }
            self.buf.clear();
            self.buf.push_str(segments[0].strip_prefix("r#").unwrap_or(segments[0]));
            let called = bytes[i..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'(');
            self.lone_variable =
                segments.len() == 1 && !called && !segments[0].starts_with(|c: char| c.is_ascii_uppercase());
            let leads_inside = self.first_segment();
            self.lone_variable = false;
            if leads_inside && segments.len() > 1 {
                let owned = segments.iter().map(|s| s.to_string()).collect();
                self.record(owned, range.start + start..range.start + end);
            }
        }
    }

    /// Relation targets written as strings in `#[sea_orm(..)]`.
    fn sea_orm_attribute(&mut self, attr: &syn::Attribute) {
        for parsed in sea_orm_attrs(std::slice::from_ref(attr)) {
            for arg in parsed.args {
                if let Some(AttrValue::Str { value, span, .. }) = arg.value {
                    if RELATION_KEYS.contains(&arg.key.as_str()) {
                        self.relation_string(&arg.key, &value, span);
                    }
                }
            }
        }
    }

    /// A relation key's string; outside a relation declaration `entity = ".."`
    /// is code that uses the entity (`DerivePartialModel`).
    fn relation_string(&mut self, key: &str, value: &str, span: std::ops::Range<usize>) {
        // Split by hand: these strings are plain paths, and tokenizing each
        // one would cost more than the rest of the entity.
        let mut segments: Vec<String> = value.split("::").map(|s| s.trim().to_string()).collect();
        let is_ident = |s: &String| {
            s.starts_with(|c: char| c.is_alphabetic() || c == '_') && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        };
        if !segments.iter().all(is_ident) {
            return;
        }
        // Dense `via = "cake_filling"` names a sibling entity module.
        if key == "via" && segments.len() == 1 {
            segments.insert(0, "super".to_string());
        }
        let relation = self.relation > 0 || matches!(key, "belongs_to" | "has_one" | "has_many" | "via");
        let record = |this: &mut Self| {
            this.buf.clear();
            this.buf.push_str(&segments[0]);
            if this.first_segment() && segments.len() > 1 {
                this.record(segments, span);
            }
        };
        if relation {
            self.in_relation(record);
        } else {
            record(self);
        }
    }
}

/// Whether a `#[derive]` of the item names one of `names`.
fn derives(attrs: &[syn::Attribute], names: &[&str]) -> bool {
    super::seaorm::derive_names(attrs).iter().any(|d| names.contains(&d.as_str()))
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_expr_path(&mut self, expr: &'ast syn::ExprPath) {
        // A lowercase name: `visit_path` checks the case on the text it writes anyway.
        self.lone_variable = expr.qself.is_none() && expr.path.leading_colon.is_none() && expr.path.segments.len() == 1;
        self.value_path = true;
        visit::visit_expr_path(self, expr);
        (self.lone_variable, self.value_path) = (false, false);
    }

    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        if self.globs {
            let name = ident(&pat.ident);
            // `MAX_RETRIES => ..`: a constant or unit variant, which a glob may bring.
            if name.starts_with(|c: char| c.is_ascii_uppercase()) && pat.subpat.is_none() {
                self.names.insert(name);
            } else {
                self.bound.insert(name);
            }
        }
        visit::visit_pat_ident(self, pat);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        // `helper(..)`: a function, which a glob may bring in.
        match &*call.func {
            syn::Expr::Path(func) if func.qself.is_none() => {
                for attr in &call.attrs {
                    self.visit_attribute(attr);
                }
                self.value_path = true;
                self.visit_path(&func.path);
                self.value_path = false;
                for arg in &call.args {
                    self.visit_expr(arg);
                }
            }
            _ => visit::visit_expr_call(self, call),
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if let Some(first) = path.segments.first() {
            self.buf.clear();
            let _ = write!(self.buf, "{}", first.ident);
            if self.buf.starts_with("r#") {
                self.buf.drain(..2);
            }
            if self.buf.starts_with(|c: char| c.is_ascii_uppercase()) {
                self.lone_variable = false;
            }
            let leads_inside = match path.leading_colon {
                Some(_) => self.crates.contains(self.buf.as_str()),
                None => self.first_segment() && path.segments.len() > 1,
            };
            if leads_inside {
                self.record(path_segments(path), super::spans::path(path));
            }
        }
        (self.lone_variable, self.value_path) = (false, false);
        visit::visit_path(self, path);
    }

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        if attr.path().is_ident("sea_orm") {
            self.sea_orm_attribute(attr);
        }
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // `crate::b::log_event!(..)`: a macro another module exports.
        if mac.path.segments.len() > 1 {
            self.visit_path(&mac.path);
        }
        self.macro_text(mac.delimiter.span().join().bytes());
    }

    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if !item.mac.path.is_ident("macro_rules") {
            self.visit_macro(&item.mac);
        }
    }

    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {}

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        flatten_item_use(u, &mut self.block_uses);
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        let trait_name = item.trait_.as_ref().and_then(|(_, p, _)| p.segments.last()).map(|s| s.ident.to_string());
        if matches!(trait_name.as_deref(), Some("Related" | "Linked" | "RelationTrait")) {
            self.in_relation(|this| visit::visit_item_impl(this, item));
        } else {
            visit::visit_item_impl(self, item);
        }
    }

    fn visit_item_enum(&mut self, item: &'ast syn::ItemEnum) {
        if item.ident == "RelatedEntity" || derives(&item.attrs, &["DeriveRelation", "DeriveRelatedEntity"]) {
            self.in_relation(|this| visit::visit_item_enum(this, item));
        } else {
            visit::visit_item_enum(self, item);
        }
    }

    fn visit_item_struct(&mut self, item: &'ast syn::ItemStruct) {
        if !derives(&item.attrs, &["DeriveEntityModel"]) {
            return visit::visit_item_struct(self, item);
        }
        for attr in &item.attrs {
            self.visit_attribute(attr);
        }
        for field in &item.fields {
            if super::seaorm::relation_type(&field.ty).is_some() {
                self.in_relation(|this| this.visit_field(field));
            } else {
                self.visit_field(field);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::facts::RefKind;

    fn module(text: &str) -> crate::parse::facts::ModFacts {
        let crates = ["entity".to_string()].into_iter().collect();
        crate::parse::parse_text_in(text, &crates).expect("parses").root
    }

    fn refs(text: &str, kind: RefKind) -> Vec<String> {
        module(text).refs.iter().filter(|r| r.kind == kind).map(|r| r.segments.join("::")).collect()
    }

    #[test]
    fn code_paths_macro_arguments_and_block_uses() {
        let text = r#"
            use crate::billing;
            pub struct Order { pub lines: Vec<crate::lines::Line> }
            pub(in crate::orders) fn total(o: &Order) -> i64 {
                use super::tax::rate;
                let c = billing::charge(o);
                println!("{}", crate::audit::NAME);
                std::mem::drop(c);
                Vec::<i64>::new().len() as i64 + entity::post::Entity::COUNT
            }
            macro_rules! m { () => { crate::hidden::x() } }
        "#;
        assert_eq!(refs(text, RefKind::Code), ["crate::lines::Line", "crate::audit::NAME"]);
        assert_eq!(refs(text, RefKind::Value), ["billing::charge", "entity::post::Entity::COUNT"]);
        assert_eq!(refs(text, RefKind::BlockUse), ["super::tax::rate"]);
    }

    #[test]
    fn relation_declarations_are_kept_apart() {
        let text = r#"
            use sea_orm::entity::prelude::*;
            use super::cake::Entity as Cake;
            use super::audit::Log;
            #[sea_orm::model]
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = "fruit")]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub cake_id: i32,
                #[sea_orm(belongs_to, from = "cake_id", to = "id")]
                pub cake: HasOne<super::cake::Entity>,
                #[sea_orm(has_many, via = "fruit_tag")]
                pub tags: HasMany<super::tag::Entity>,
            }
            impl Related<Cake> for Entity {
                fn to() -> RelationDef { super::cake::Relation::Fruit.def().rev() }
            }
            fn log() -> Log { Log::open() }
        "#;
        let facts = module(text);
        assert_eq!(
            refs(text, RefKind::Relation),
            ["super::cake::Entity", "super::fruit_tag", "super::tag::Entity", "super::cake::Relation::Fruit"]
        );
        assert!(refs(text, RefKind::Code).is_empty());
        let relation_only: Vec<_> = facts.uses.iter().filter(|u| u.relation_only).map(|u| u.path.join("::")).collect();
        assert_eq!(relation_only, ["super::cake::Entity"]);
    }

    #[test]
    fn compact_attribute_strings_and_glob_names() {
        let text = r#"
            use super::*;
            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {
                #[sea_orm(belongs_to = "super::cake::Entity", from = "Column::CakeId", to = "super::cake::Column::Id")]
                Cake,
            }
            pub fn price(x: Money) -> Money { Rates::apply(x) }
        "#;
        let facts = module(text);
        assert_eq!(refs(text, RefKind::Relation), ["super::cake::Entity", "super::cake::Column::Id"]);
        assert_eq!(facts.glob_names, ["Money", "Rates"], "`x` is a parameter, not a glob import");
        assert!(!facts.reexport_only);
    }

    #[test]
    fn hubs_only_re_export() {
        let text = "pub mod cake;\npub use super::cake::Entity as Cake;\n";
        assert!(module(text).reexport_only);
    }
}
