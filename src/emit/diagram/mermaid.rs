//! Mermaid `erDiagram` with crow's-foot ends, for Markdown (GitHub renders
//! ```` ```mermaid ```` blocks). Checked against Mermaid's own parser from
//! 9.4 to 11, since a diagram the renderer cannot parse is not drawn at all.
//!
//! Entity names are quoted: Mermaid's lexer reads keywords before names, so
//! a table named `class`, `style`, `end`, `one`, `many` or `to` does not
//! parse unquoted. Labels are quoted and never hold `"`, nor a `#` that
//! Mermaid would take for an entity code such as `#35;`. Attribute words
//! keep to `[A-Za-z0-9_]`. Entities with findings of their own are named in
//! a `%%` comment: `style`/`classDef` on ER entities need Mermaid 11.5.

use super::{Diagram, Edge, EdgeKind};
use std::io::{self, Write};

/// Marks the rules in a label.
pub const WARNING: &str = "\u{26a0}";

pub fn emit(out: &mut dyn Write, diagram: &Diagram) -> io::Result<()> {
    writeln!(out, "erDiagram")?;
    for node in &diagram.entities {
        if !node.findings.is_empty() {
            writeln!(out, "    %% {} {WARNING} {}", node.id, node.findings.join(", "))?;
        }
        writeln!(out, "    \"{}\" {{", node.id)?;
        for key in &node.keys {
            let markers: Vec<&str> = [(key.primary, "PK"), (key.foreign, "FK"), (key.unique && !key.primary, "UK")]
                .into_iter()
                .filter_map(|(on, marker)| on.then_some(marker))
                .collect();
            writeln!(out, "        {} {} {}", word(&key.rust_type), word(&key.name), markers.join(", "))?;
        }
        writeln!(out, "    }}")?;
    }
    for edge in diagram.relations.iter().filter(|e| e.kind != EdgeKind::ManyToMany) {
        let (Some(from), Some(to)) = (diagram.entities.get(edge.from), diagram.entities.get(edge.to)) else { continue };
        // Crow's foot: the parent end says how many parents a child has, the child end how many children.
        let parent = if edge.optional { "|o" } else { "||" };
        let child = if edge.to_one { "o|" } else { "o{" };
        writeln!(out, "    \"{}\" {parent}--{child} \"{}\" : \"{}\"", from.id, to.id, label(diagram, edge))?;
    }
    Ok(())
}

/// `author_id, on delete Cascade, one-sided ⚠ missing-inverse`.
fn label(diagram: &Diagram, edge: &Edge) -> String {
    let mut parts = vec![edge_name(edge)];
    if let Some(action) = &edge.on_delete {
        parts.push(format!("on delete {action}"));
    }
    if edge.one_sided {
        parts.push("one-sided".to_string());
    }
    for m in edge.many_to_many.iter().filter_map(|&m| diagram.relations.get(m)) {
        let end = |i: usize| diagram.entities.get(i).map_or("?", |n| n.id.as_str());
        parts.push(format!("M:N {}\u{2194}{}", end(m.from), end(m.to)));
    }
    let mut text = parts.join(", ");
    let rules = diagram.edge_findings(edge);
    if !rules.is_empty() {
        text.push_str(&format!(" {WARNING} {}", rules.join(", ")));
    }
    text.chars().filter(|c| !matches!(c, '"' | '#' | '<' | '>' | '\\') && !c.is_control()).collect()
}

/// The foreign key (`(a, b)` when composite), or the declaration's name when
/// the relation does not say which columns it joins.
pub fn edge_name(edge: &Edge) -> String {
    match edge.fk.as_slice() {
        [] => edge.declarations.first().map(|d| d.name.clone()).unwrap_or_default(),
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    }
}

/// A type or column name as an attribute word: `[A-Za-z0-9_]`, starting with
/// a letter, and never the key markers `PK`/`FK`/`UK` that Mermaid reads as keys.
fn word(text: &str) -> String {
    let mut word = String::new();
    for c in text.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '_' };
        if !(c == '_' && (word.is_empty() || word.ends_with('_'))) {
            word.push(c);
        }
    }
    while word.ends_with('_') {
        word.pop();
    }
    if word.is_empty() {
        return "unknown".to_string();
    }
    if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        word.insert(0, 'n');
    }
    if matches!(word.to_ascii_uppercase().as_str(), "PK" | "FK" | "UK") {
        word.push('_');
    }
    word
}

#[cfg(test)]
mod tests {
    use super::word;

    #[test]
    fn attribute_words_stay_in_the_safe_alphabet() {
        assert_eq!(word("i32"), "i32");
        assert_eq!(word("Vec<u8>"), "Vec_u8");
        assert_eq!(word("sea_orm::prelude::Uuid"), "sea_orm_prelude_Uuid");
        assert_eq!(word("8bit"), "n8bit");
        assert_eq!(word(""), "unknown");
        assert_eq!(word("pk"), "pk_");
    }
}
