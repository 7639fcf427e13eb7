//! `// ormlint: allow(rule, ...) -- reason` comments: found in the text (syn
//! drops comments), and what each one covers worked out from the syntax tree.

use super::facts::{ByteRange, NameFact};
use crate::parse::offsets::ByteOffsets;
use rustc_hash::FxHashMap;

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

/// What the syntax tree tells about how far a comment reaches.
#[derive(Clone, Debug, Default)]
pub struct Syntax {
    /// Items, `impl` and trait items, fields, enum variants, statements and
    /// `match` arms, attributes and doc comments included; properly nested.
    pub nodes: Vec<ByteRange>,
    /// Every attribute, doc comments included.
    pub attributes: Vec<ByteRange>,
}

impl Syntax {
    /// Read from a parsed file.
    pub fn of(file: &syn::File) -> Syntax {
        use syn::spanned::Spanned;
        use syn::visit::Visit;
        struct Collect(Syntax);
        impl<'ast> Visit<'ast> for Collect {
            fn visit_item(&mut self, node: &'ast syn::Item) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_item(self, node);
            }
            fn visit_impl_item(&mut self, node: &'ast syn::ImplItem) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_impl_item(self, node);
            }
            fn visit_trait_item(&mut self, node: &'ast syn::TraitItem) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_trait_item(self, node);
            }
            fn visit_field(&mut self, node: &'ast syn::Field) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_field(self, node);
            }
            fn visit_variant(&mut self, node: &'ast syn::Variant) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_variant(self, node);
            }
            fn visit_stmt(&mut self, node: &'ast syn::Stmt) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_stmt(self, node);
            }
            fn visit_arm(&mut self, node: &'ast syn::Arm) {
                self.0.nodes.push(node.span().bytes());
                syn::visit::visit_arm(self, node);
            }
            fn visit_attribute(&mut self, node: &'ast syn::Attribute) {
                self.0.attributes.push(node.span().bytes());
            }
        }
        let mut collect = Collect(Syntax::default());
        collect.visit_file(file);
        collect.0
    }
}

/// Every suppression comment of `text`. Without a syntax tree (the file did
/// not parse), a comment before code covers that code's line only.
pub fn find(text: &str, syntax: &Syntax) -> Vec<Suppression> {
    if !may_have_any(text) {
        return Vec::new();
    }
    let found = scan(text);
    let mut longest: FxHashMap<usize, usize> = FxHashMap::default();
    for node in &syntax.nodes {
        let end = longest.entry(node.start).or_insert(node.end);
        *end = (*end).max(node.end);
    }
    let attributes: FxHashMap<usize, usize> = syntax.attributes.iter().map(|a| (a.start, a.end)).collect();
    let mut sorted = syntax.nodes.clone();
    sorted.sort_by_key(|n| (n.start, std::cmp::Reverse(n.end)));
    // Where each comment needs the node around it: `//!`, and a comment
    // before code that starts no node (between attributes, say).
    let queries: Vec<usize> = found
        .iter()
        .map(|(suppression, placement)| match placement {
            Placement::Inner => suppression.span.start,
            Placement::Before { code: Some(code), .. } => *code,
            _ => 0,
        })
        .collect();
    let around = innermost_containing(&sorted, &queries);
    // Each node's head once: many comments can share a node.
    let mut heads: FxHashMap<usize, usize> = FxHashMap::default();
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |p| at + p + 1);
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |p| p + 1);
    found
        .into_iter()
        .zip(around)
        .map(|((mut suppression, placement), around)| {
            suppression.scope = match placement {
                Placement::Trailing { line } => Scope::Bytes(line),
                // Nothing follows: it covers nothing.
                Placement::Before { code: None, .. } => Scope::Bytes(text.len()..text.len()),
                Placement::Before { doc, code: Some(code) } => {
                    let starting = doc.and_then(|d| longest.get(&d)).or_else(|| longest.get(&code));
                    match (starting, around) {
                        (Some(&end), _) => Scope::Bytes(line_start(code)..line_end(end.max(code))),
                        // Among the node's attributes and doc comments: the whole node.
                        (None, Some(node))
                            if code
                                <= *heads.entry(node.start).or_insert_with(|| head(text, &attributes, node.start)) =>
                        {
                            Scope::Bytes(line_start(node.start)..line_end(node.end))
                        }
                        (None, _) => Scope::Bytes(line_start(code)..line_end(code)),
                    }
                }
                Placement::Inner => around.map_or(Scope::File, Scope::Bytes),
            };
            suppression
        })
        .collect()
}

/// The `ormlint:` comments of `text`, with where each sits.
fn scan(text: &str) -> Vec<(Suppression, Placement)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(Suppression, Placement)> = Vec::new();
    // Comments alone on their line whose code, or doc comment, is still to come.
    let mut waiting_for_code: Vec<usize> = Vec::new();
    let mut waiting_for_doc: Vec<usize> = Vec::new();
    let mut line_has_code = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_has_code = false;
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
                let outer_doc = is_outer_doc(&text[i..end]);
                if outer_doc {
                    for index in waiting_for_doc.drain(..) {
                        if let Placement::Before { doc, .. } = &mut found[index].1 {
                            *doc = Some(i);
                        }
                    }
                }
                if bytes[i + 1] == b'/' {
                    if let Some(suppression) = read_comment(text, i, end) {
                        let placement = if text[i..].starts_with("//!") {
                            Placement::Inner
                        } else if line_has_code {
                            // The line the comment ends, even after a multi-line literal.
                            let start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                            let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
                            Placement::Trailing { line: start..line_end }
                        } else {
                            waiting_for_code.push(found.len());
                            if !outer_doc {
                                waiting_for_doc.push(found.len());
                            }
                            Placement::Before { doc: outer_doc.then_some(i), code: None }
                        };
                        found.push((suppression, placement));
                    }
                }
                i = end;
            }
            _ => {
                // Code (a literal counts): it ends the wait of the comments above.
                for index in waiting_for_code.drain(..) {
                    if let Placement::Before { code, .. } = &mut found[index].1 {
                        *code = Some(i);
                    }
                }
                waiting_for_doc.clear();
                line_has_code = true;
                i = end.unwrap_or(i + 1);
            }
        }
    }
    found
}

/// `/// ..` and `/** .. */`, which syn makes attributes of the next item.
fn is_outer_doc(comment: &str) -> bool {
    (comment.starts_with("///") && !comment.starts_with("////"))
        || (comment.starts_with("/**") && !comment.starts_with("/***") && comment != "/**/")
}

/// Where a node's own tokens start: after its attributes and doc comments.
fn head(text: &str, attributes: &FxHashMap<usize, usize>, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    while at < bytes.len() {
        if let Some(&end) = attributes.get(&at) {
            at = end;
        } else if bytes[at].is_ascii_whitespace() {
            at += 1;
        } else if bytes[at] == b'/' {
            match super::skip_comment_or_literal(bytes, at) {
                Some(end) => at = end,
                None => break,
            }
        } else {
            break;
        }
    }
    at
}

/// For each position, the innermost node around it (`start < at < end`):
/// one sweep over the nested nodes sorted by start, outer first.
fn innermost_containing(sorted: &[ByteRange], positions: &[usize]) -> Vec<Option<ByteRange>> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&q| positions[q]);
    let mut answers = vec![None; positions.len()];
    let mut open: Vec<&ByteRange> = Vec::new();
    let mut next = 0;
    for q in order {
        let at = positions[q];
        while let Some(node) = sorted.get(next).filter(|n| n.start < at) {
            while open.last().is_some_and(|top| top.end <= node.start) {
                open.pop();
            }
            open.push(node);
            next += 1;
        }
        while open.last().is_some_and(|top| top.end <= at) {
            open.pop();
        }
        answers[q] = open.last().map(|n| (*n).clone());
    }
    answers
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

    fn parsed(text: &str) -> Syntax {
        let syntax = Syntax::of(&syn::parse_file(text).expect("test text parses"));
        proc_macro2::extra::invalidate_current_thread_spans();
        syntax
    }

    fn one(text: &str) -> Suppression {
        let mut all = find(text, &Syntax::default());
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    /// The text a suppression covers.
    fn covered<'a>(text: &'a str, s: &Suppression) -> &'a str {
        match &s.scope {
            Scope::File => text,
            Scope::Bytes(range) => &text[range.clone()],
        }
    }

    #[test]
    fn reads_names_reason_and_spans() {
        let text = "struct A; // ormlint: allow(missing-inverse , cascade) -- audit log is read-only\n";
        let s = one(text);
        assert_eq!(&text[s.span.clone()], "ormlint: allow(missing-inverse , cascade) -- audit log is read-only");
        let names: Vec<&str> = s.names.iter().map(|n| &text[n.span.clone()]).collect();
        assert_eq!(names, ["missing-inverse", "cascade"]);
        assert_eq!(s.reason.as_deref(), Some("audit log is read-only"));
        assert_eq!(covered(text, &s), text);
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
    fn a_comment_before_code_covers_the_node_it_starts() {
        let text = "// ormlint: allow(x) -- r\n\n#[derive(Debug)]\nstruct A {\n    f: i32,\n}\nstruct B;\n";
        let s = find(text, &parsed(text)).remove(0);
        assert_eq!(covered(text, &s), "#[derive(Debug)]\nstruct A {\n    f: i32,\n}\n");
        // Without the syntax tree: the next code line only.
        let s = find(text, &Syntax::default()).remove(0);
        assert_eq!(covered(text, &s), "#[derive(Debug)]\n");
    }

    #[test]
    fn doc_comments_belong_to_the_item_they_document() {
        let text = "// ormlint: allow(x) -- r\n/// Docs.\n/// More.\nstruct A {\n    f: i32,\n}\nstruct B;\n";
        let s = find(text, &parsed(text)).remove(0);
        assert_eq!(covered(text, &s), "struct A {\n    f: i32,\n}\n");
        // A suppression written as the first doc line.
        let text = "/// ormlint: allow(x) -- r\n/// Docs.\nstruct A {\n    f: i32,\n}\nstruct B;\n";
        let s = find(text, &parsed(text)).remove(0);
        assert_eq!(covered(text, &s), "struct A {\n    f: i32,\n}\n");
    }

    #[test]
    fn a_comment_among_attributes_covers_the_whole_node() {
        let field = "    /// The organization.\n    #[sea_orm(belongs_to)]\n    pub organization: BelongsTo<O>,\n";
        for comment_line in [0, 1, 2] {
            let mut lines: Vec<&str> = field.lines().collect();
            lines.insert(comment_line, "    // ormlint: allow(x) -- r");
            let text = format!("struct A {{\n{}\n}}\n", lines.join("\n"));
            let s = find(&text, &parsed(&text)).remove(0);
            let covered = covered(&text, &s);
            assert!(covered.contains("#[sea_orm(belongs_to)]"), "{comment_line}: {covered}");
            assert!(covered.ends_with("pub organization: BelongsTo<O>,\n"), "{comment_line}: {covered}");
            assert!(!covered.contains('}'), "{comment_line}: {covered}");
        }
        // Inside a body, before its closing brace: only that line, not the function.
        let text = "fn f() {\n    g();\n    // ormlint: allow(x) -- r\n}\nfn h() {}\n";
        assert_eq!(covered(text, &find(text, &parsed(text))[0]), "}\n");
    }

    #[test]
    fn trailing_comments_cover_their_last_line() {
        let text = "const S: &str = \"a\nb\"; // ormlint: allow(x) -- r\nconst T: i32 = 1;\n";
        assert_eq!(covered(text, &one(text)), "b\"; // ormlint: allow(x) -- r\n");
    }

    #[test]
    fn inner_comments_cover_the_file_or_their_module() {
        assert_eq!(one("//! ormlint: allow(x) -- r\nstruct A;\n").scope, Scope::File);
        let text = "mod m {\n    //! ormlint: allow(x) -- r\n    struct A;\n}\nstruct B;\n";
        let s = find(text, &parsed(text)).remove(0);
        assert_eq!(covered(text, &s), "mod m {\n    //! ormlint: allow(x) -- r\n    struct A;\n}");
    }

    #[test]
    fn literals_and_block_comments_are_not_suppressions() {
        let text = "const A: &str = \"// ormlint: allow(x) -- r\";\n/* ormlint: allow(x) -- r */\nconst B: &str = r#\"\n// ormlint: allow(x)\n\"#;\n// a note about ormlint: allow(x)\n";
        assert!(find(text, &parsed(text)).is_empty());
    }

    #[test]
    fn many_stacked_doc_comments_stay_linear() {
        let text = "/// ormlint: allow(x) -- r\n".repeat(20_000) + "struct A;\n";
        let started = std::time::Instant::now();
        assert_eq!(find(&text, &parsed(&text)).len(), 20_000);
        // Quadratic was seconds; this is milliseconds. Generous for slow machines.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
