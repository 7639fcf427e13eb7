//! `// ormlint: allow(rule, ...) -- reason` comments: found in the text (syn
//! drops comments), and what each one covers worked out from the syntax tree.

use super::facts::{ByteRange, NameFact};

/// One `ormlint:` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// `ormlint: ...` up to the end of the comment: what a finding about it points at.
    pub span: ByteRange,
    /// The code it covers.
    pub scope: Scope,
    /// The rule, family or `all` names between the parentheses.
    pub names: Vec<NameFact>,
    /// The text after `--`, if any.
    pub reason: Option<String>,
    /// Why the comment could not be read (then it suppresses nothing).
    pub malformed: Option<String>,
}

/// What a suppression covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// `//!` at the top of the file.
    File,
    /// A byte range: whole lines, from the first covered line's start.
    Bytes(ByteRange),
}

impl Suppression {
    pub fn covers(&self, byte: usize) -> bool {
        match &self.scope {
            Scope::File => true,
            Scope::Bytes(range) => range.contains(&byte),
        }
    }
}

/// Where a comment sits, before the syntax tree says how far it reaches.
enum Placement {
    /// After code on the same line.
    Trailing { line: ByteRange },
    /// Alone on its line. `code` is the first byte of the next code, if any;
    /// `doc` the first outer doc comment from here on, where syn starts the
    /// item the comment stands before.
    Before { doc: Option<usize>, code: Option<usize> },
    /// `//!`.
    Inner,
}

/// Whether the text may hold a suppression at all: most files do not, and
/// then nothing else here runs.
pub fn may_have_any(text: &str) -> bool {
    text.contains("ormlint:")
}

/// Every suppression comment of `text`. `nodes` are the byte ranges of the
/// items, fields, variants, statements and arms of the file (empty when it
/// did not parse: a comment then covers its next line only).
pub fn find(text: &str, nodes: &[ByteRange]) -> Vec<Suppression> {
    if !may_have_any(text) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut found: Vec<(Suppression, Placement)> = Vec::new();
    // Comments alone on their line whose code has not been seen yet.
    let mut waiting: Vec<usize> = Vec::new();
    let mut line_start = 0;
    let mut line_has_code = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            (line_start, line_has_code) = (i + 1, false);
            i += 1;
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let may_start = matches!(b, b'/' | b'"' | b'\'' | b'r' | b'b' | b'c');
        let end = may_start.then(|| super::skip_comment_or_literal(bytes, i)).flatten();
        let is_comment = bytes.get(i) == Some(&b'/') && matches!(bytes.get(i + 1), Some(b'/' | b'*'));
        match end {
            Some(end) if is_comment => {
                let comment = &text[i..end];
                let outer_doc = (comment.starts_with("///") && !comment.starts_with("////"))
                    || (comment.starts_with("/**") && !comment.starts_with("/***") && comment != "/**/");
                if outer_doc {
                    for &index in &waiting {
                        if let Placement::Before { doc: doc @ None, .. } = &mut found[index].1 {
                            *doc = Some(i);
                        }
                    }
                }
                if bytes[i + 1] == b'/' {
                    if let Some(suppression) = read_comment(text, i, end) {
                        let inner = text[i..].starts_with("//!");
                        let placement = if inner {
                            Placement::Inner
                        } else if line_has_code {
                            let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
                            Placement::Trailing { line: line_start..line_end }
                        } else {
                            waiting.push(found.len());
                            Placement::Before { doc: outer_doc.then_some(i), code: None }
                        };
                        found.push((suppression, placement));
                    }
                }
                i = end;
            }
            _ => {
                // Code (a literal counts): it ends the wait of the comments above.
                for index in waiting.drain(..) {
                    if let Placement::Before { code, .. } = &mut found[index].1 {
                        *code = Some(i);
                    }
                }
                line_has_code = true;
                i = end.unwrap_or(i + 1);
            }
        }
    }
    let mut longest: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for node in nodes {
        let end = longest.entry(node.start).or_insert(node.end);
        *end = (*end).max(node.end);
    }
    found
        .into_iter()
        .map(|(mut suppression, placement)| {
            suppression.scope = match placement {
                Placement::Trailing { line } => Scope::Bytes(line),
                // Nothing follows: it covers nothing.
                Placement::Before { code: None, .. } => Scope::Bytes(text.len()..text.len()),
                Placement::Before { doc, code: Some(code) } => {
                    let start = text[..code].rfind('\n').map_or(0, |p| p + 1);
                    let node_end = doc.and_then(|d| longest.get(&d)).or_else(|| longest.get(&code));
                    let node_end = node_end.copied().unwrap_or(code);
                    let end = text[node_end.max(code)..].find('\n').map_or(text.len(), |p| node_end.max(code) + p + 1);
                    Scope::Bytes(start..end)
                }
                Placement::Inner => innermost(nodes, suppression.span.start).map_or(Scope::File, Scope::Bytes),
            };
            suppression
        })
        .collect()
}

/// The byte ranges a comment before them can cover: items, `impl` and trait
/// items, fields, enum variants, statements and `match` arms.
pub fn node_ranges(file: &syn::File) -> Vec<ByteRange> {
    use syn::spanned::Spanned;
    use syn::visit::Visit;
    struct Nodes(Vec<ByteRange>);
    impl<'ast> Visit<'ast> for Nodes {
        fn visit_item(&mut self, node: &'ast syn::Item) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_item(self, node);
        }
        fn visit_impl_item(&mut self, node: &'ast syn::ImplItem) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_impl_item(self, node);
        }
        fn visit_trait_item(&mut self, node: &'ast syn::TraitItem) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_trait_item(self, node);
        }
        fn visit_field(&mut self, node: &'ast syn::Field) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_field(self, node);
        }
        fn visit_variant(&mut self, node: &'ast syn::Variant) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_variant(self, node);
        }
        fn visit_stmt(&mut self, node: &'ast syn::Stmt) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_stmt(self, node);
        }
        fn visit_arm(&mut self, node: &'ast syn::Arm) {
            self.0.push(node.span().byte_range());
            syn::visit::visit_arm(self, node);
        }
    }
    let mut nodes = Nodes(Vec::new());
    nodes.visit_file(file);
    nodes.0
}

/// The smallest node that contains `byte` (an inline `mod x { //! .. }`).
fn innermost(nodes: &[ByteRange], byte: usize) -> Option<ByteRange> {
    nodes.iter().filter(|n| n.start < byte && byte < n.end).min_by_key(|n| n.end - n.start).cloned()
}

/// Read the line comment at `start..end` if it is an `ormlint:` comment.
fn read_comment(text: &str, start: usize, end: usize) -> Option<Suppression> {
    let comment = &text[start..end];
    let body = comment.trim_start_matches('/').trim_start_matches('!');
    let offset = start + (comment.len() - body.len());
    let lead = body.len() - body.trim_start().len();
    if !body.trim_start().starts_with("ormlint:") {
        return None;
    }
    let span_start = offset + lead;
    let span_end = start + comment.trim_end().len();
    let mut suppression = Suppression {
        span: span_start..span_end,
        scope: Scope::File,
        names: Vec::new(),
        reason: None,
        malformed: None,
    };
    let after = span_start + "ormlint:".len();
    let rest = &text[after..span_end];
    let trimmed = rest.trim_start();
    let Some(list) = trimmed.strip_prefix("allow(") else {
        suppression.malformed =
            Some(match trimmed.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').next().unwrap_or("") {
                "" => "expected `allow(rule, ...)` after `ormlint:`".to_string(),
                word if trimmed[word.len()..].starts_with('(') => {
                    format!("`{word}` is not a suppression; write `allow(..)`")
                }
                _ => "expected `allow(rule, ...)` after `ormlint:`: the rule names go in parentheses".to_string(),
            });
        return Some(suppression);
    };
    let list_start = after + (rest.len() - trimmed.len()) + "allow(".len();
    let Some(close) = list.find(')') else {
        suppression.malformed = Some("`allow(` has no closing `)`".to_string());
        return Some(suppression);
    };
    let mut at = list_start;
    for part in list[..close].split(',') {
        let name = part.trim();
        let lead = part.len() - part.trim_start().len();
        if !name.is_empty() {
            suppression.names.push(NameFact { name: name.to_string(), span: at + lead..at + lead + name.len() });
        }
        at += part.len() + 1;
    }
    if suppression.names.is_empty() {
        suppression.malformed = Some("`allow()` names no rule".to_string());
        return Some(suppression);
    }
    let tail = list[close + 1..].trim();
    match tail.strip_prefix("--") {
        Some(reason) => {
            let reason = reason.trim();
            suppression.reason = (!reason.is_empty()).then(|| reason.to_string());
        }
        None if tail.is_empty() => {}
        None => suppression.malformed = Some("expected `-- reason` after `allow(..)`".to_string()),
    }
    Some(suppression)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Suppression {
        let mut all = find(text, &[]);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn reads_names_reason_and_spans() {
        let text = "struct A; // ormlint: allow(missing-inverse , cascade) -- audit log is read-only\n";
        let s = one(text);
        assert_eq!(&text[s.span.clone()], "ormlint: allow(missing-inverse , cascade) -- audit log is read-only");
        let names: Vec<&str> = s.names.iter().map(|n| &text[n.span.clone()]).collect();
        assert_eq!(names, ["missing-inverse", "cascade"]);
        assert_eq!(s.reason.as_deref(), Some("audit log is read-only"));
        assert_eq!(s.scope, Scope::Bytes(0..text.len()));
        assert!(s.malformed.is_none());
    }

    #[test]
    fn missing_or_empty_reasons_and_bad_shapes() {
        assert_eq!(one("// ormlint: allow(x)\nfn f() {}\n").reason, None);
        assert_eq!(one("// ormlint: allow(x) --   \nfn f() {}\n").reason, None);
        for text in [
            "// ormlint: ignore(x) -- r\n",
            "// ormlint: allow x -- r\n",
            "// ormlint: allow(x -- r\n",
            "// ormlint: allow() -- r\n",
            "// ormlint: allow(x) because\n",
        ] {
            assert!(one(text).malformed.is_some(), "{text}");
        }
    }

    #[test]
    fn a_comment_before_code_covers_the_next_code_line_or_node() {
        let text = "// ormlint: allow(x) -- r\n\n/// doc\n#[attr]\nstruct A {\n    f: i32,\n}\nstruct B;\n";
        let node = text.find("#[attr]").unwrap()..text.find("}\n").unwrap() + 1;
        let s = find(text, std::slice::from_ref(&node)).remove(0);
        assert_eq!(s.scope, Scope::Bytes(node.start..node.end + 1));
        // Without the syntax tree: the next code line only.
        let s = find(text, &[]).remove(0);
        assert_eq!(s.scope, Scope::Bytes(node.start..node.start + "#[attr]\n".len()));
    }

    #[test]
    fn doc_comments_belong_to_the_item_they_document() {
        // syn starts an item at its first doc comment.
        let text = "// ormlint: allow(x) -- r\n/// Docs.\n/// More.\nstruct A {\n    f: i32,\n}\nstruct B;\n";
        let item = text.find("/// Docs").unwrap()..text.find("}\n").unwrap() + 1;
        let s = find(text, std::slice::from_ref(&item)).remove(0);
        assert_eq!(s.scope, Scope::Bytes(text.find("struct A").unwrap()..item.end + 1));
        // A suppression written as the first doc line.
        let text = "/// ormlint: allow(x) -- r\n/// Docs.\nstruct A {\n    f: i32,\n}\n";
        let item = 0..text.len() - 1;
        assert_eq!(
            find(text, std::slice::from_ref(&item))[0].scope,
            Scope::Bytes(text.find("struct A").unwrap()..text.len())
        );
    }

    #[test]
    fn inner_comments_cover_the_file_or_their_module() {
        assert_eq!(one("//! ormlint: allow(x) -- r\nstruct A;\n").scope, Scope::File);
        let text = "mod m {\n    //! ormlint: allow(x) -- r\n    struct A;\n}\nstruct B;\n";
        let module = 0..text.find("}\n").unwrap() + 1;
        assert_eq!(find(text, std::slice::from_ref(&module))[0].scope, Scope::Bytes(module));
    }

    #[test]
    fn literals_and_block_comments_are_not_suppressions() {
        let text = "const A: &str = \"// ormlint: allow(x) -- r\";\n/* ormlint: allow(x) -- r */\nconst B: &str = r#\"\n// ormlint: allow(x)\n\"#;\n// a note about ormlint: allow(x)\n";
        assert!(find(text, &[]).is_empty());
    }
}
