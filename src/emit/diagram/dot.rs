//! Graphviz `digraph`: one HTML-like table per entity listing its keys, one
//! edge per relationship from the parent to the child with crow's-foot
//! arrows (`dot -Tsvg`). Edges and entities with findings are red.

use super::mermaid::{edge_name, WARNING};
use super::{Diagram, Edge, EdgeKind};
use std::io::{self, Write};

const FINDING_COLOR: &str = "red";

pub fn emit(out: &mut dyn Write, diagram: &Diagram) -> io::Result<()> {
    writeln!(out, "digraph ormlint {{")?;
    writeln!(out, "    graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "    node [shape=plaintext, fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "    edge [dir=both, fontname=\"Helvetica\", fontsize=9];")?;
    for node in &diagram.entities {
        let border = if node.findings.is_empty() { String::new() } else { format!(" COLOR=\"{FINDING_COLOR}\"") };
        writeln!(out, "    \"{}\" [label=<", node.id)?;
        writeln!(out, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\"{border}>")?;
        writeln!(
            out,
            "<TR><TD COLSPAN=\"3\" BGCOLOR=\"#e8e8e8\"><B>{}</B><BR/><FONT POINT-SIZE=\"8\">{}</FONT></TD></TR>",
            html(&node.name),
            html(&node.module)
        )?;
        for key in &node.keys {
            let markers: Vec<&str> = [(key.primary, "PK"), (key.foreign, "FK"), (key.unique && !key.primary, "UK")]
                .into_iter()
                .filter_map(|(on, marker)| on.then_some(marker))
                .collect();
            writeln!(
                out,
                "<TR><TD ALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\">{}</TD><TD>{}</TD></TR>",
                html(&key.name),
                html(&key.rust_type),
                markers.join(", ")
            )?;
        }
        if !node.findings.is_empty() {
            writeln!(
                out,
                "<TR><TD COLSPAN=\"3\"><FONT COLOR=\"{FINDING_COLOR}\">{WARNING} {}</FONT></TD></TR>",
                html(&node.findings.join(", "))
            )?;
        }
        writeln!(out, "</TABLE>>];")?;
    }
    for edge in diagram.relations.iter().filter(|e| e.kind != EdgeKind::ManyToMany) {
        let (Some(from), Some(to)) = (diagram.entities.get(edge.from), diagram.entities.get(edge.to)) else { continue };
        // Arrow shapes list from the node outwards: `crowodot` is a crow's
        // foot at the entity, then a circle: zero or many.
        let tail = if edge.optional { "teeodot" } else { "teetee" };
        let head = if edge.to_one { "teeodot" } else { "crowodot" };
        let rules = diagram.edge_findings(edge);
        let color = if rules.is_empty() {
            String::new()
        } else {
            format!(", color={FINDING_COLOR}, fontcolor={FINDING_COLOR}")
        };
        writeln!(
            out,
            "    \"{}\" -> \"{}\" [label=\"{}\", arrowtail={tail}, arrowhead={head}{color}];",
            from.id,
            to.id,
            quoted(&label(diagram, edge, &rules))
        )?;
    }
    writeln!(out, "}}")
}

/// One fact per line: foreign key, `on delete`, one-sided, many-to-many, findings.
fn label(diagram: &Diagram, edge: &Edge, rules: &[&str]) -> String {
    let mut lines = vec![edge_name(edge)];
    if let Some(action) = &edge.on_delete {
        lines.push(format!("on delete {action}"));
    }
    if edge.one_sided {
        lines.push("one-sided".to_string());
    }
    for m in edge.many_to_many.iter().filter_map(|&m| diagram.relations.get(m)) {
        let end = |i: usize| diagram.entities.get(i).map_or("?", |n| n.name.as_str());
        lines.push(format!("M:N {}\u{2194}{}", end(m.from), end(m.to)));
    }
    if !rules.is_empty() {
        lines.push(format!("{WARNING} {}", rules.join(", ")));
    }
    lines.join("\n")
}

/// Text inside a DOT double-quoted string: `\n` is Graphviz's centred line break.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text inside an HTML-like label.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::quoted("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
        assert_eq!(super::html("Vec<u8> & \"x\""), "Vec&lt;u8&gt; &amp; &quot;x&quot;");
    }
}
