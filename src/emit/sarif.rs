//! SARIF 2.1.0: the static-analysis interchange format that GitHub code
//! scanning, Azure DevOps and IDE viewers read. One run, every rule described
//! (so a viewer can explain a rule that had no finding today), one result per
//! diagnostic, paths relative to `%SRCROOT%` so the report is portable.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Rule, RULES};
use crate::source_db::SourceDb;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base every relative path is resolved against: the current directory.
const SRCROOT: &str = "%SRCROOT%";
/// The `partialFingerprints` key: our own scheme, versioned as SARIF asks.
const FINGERPRINT_KEY: &str = "ormlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text<'static>,
    full_description: MessageText,
    help: Help,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 2],
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: MessageText,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct MessageText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// 1-based lines and character columns; `endColumn` is the column after the
/// last character, which is what ormlint's end position already is.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

pub fn emit(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let results = diagnostics
        .iter()
        .zip(super::fingerprints(db, diagnostics))
        .map(|(d, fingerprint)| SarifResult {
            rule_id: d.rule,
            // Every diagnostic comes from a rule of the table; `0` would only
            // mislabel, never break the document, if one ever did not.
            rule_index: RULES.iter().position(|r| r.name == d.rule).unwrap_or(0),
            level: level(d.severity),
            message: MessageText { text: super::message_with_notes(d) },
            locations: [location(db, &d.primary, None, &d.primary_label)],
            related_locations: d
                .labels
                .iter()
                .enumerate()
                .map(|(id, label)| location(db, &label.span, Some(id), &label.message))
                .collect(),
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        })
        .collect();
    // Without a current directory the relative URIs still resolve for any
    // consumer that knows where the check ran; the base is optional in SARIF.
    let original_uri_base_ids = std::env::current_dir()
        .ok()
        .map(|dir| BTreeMap::from([(SRCROOT, BaseUri { uri: directory_uri(&dir.to_string_lossy()) })]))
        .unwrap_or_default();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "ormlint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: RULES.iter().map(descriptor).collect(),
                },
            },
            original_uri_base_ids,
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(super::json_error)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn descriptor(rule: &'static Rule) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.name,
        name: heck::ToUpperCamelCase::to_upper_camel_case(rule.name),
        short_description: Text { text: rule.summary },
        full_description: MessageText {
            text: first_paragraph_of_what_it_does(rule.doc).unwrap_or_else(|| rule.summary.to_string()),
        },
        help: Help { text: rule.doc, markdown: rule.doc },
        default_configuration: Configuration { level: level(rule.default_severity) },
        properties: Properties { tags: ["ormlint", rule.family] },
    }
}

/// The first paragraph under `## What it does` in a rule's page, its wrapped
/// lines joined: viewers show this text as is, without Markdown reflow.
fn first_paragraph_of_what_it_does(doc: &str) -> Option<String> {
    let start = doc.find("\n## What it does\n")? + "\n## What it does\n".len();
    let section = doc[start..].trim_start_matches(['\n', '\r']);
    let section = &section[..section.find("\n#").unwrap_or(section.len())];
    // A paragraph ending in `:` introduces a list: keep the list with it.
    let mut text = String::new();
    for paragraph in section.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" "));
        if !paragraph.ends_with(':') {
            break;
        }
    }
    (!text.is_empty() && !text.starts_with('#')).then_some(text)
}

fn location<'a>(db: &SourceDb, span: &Span, id: Option<usize>, message: &'a str) -> Location<'a> {
    let (start, end) = db.range_positions(span.file, &span.range);
    let (uri, uri_base_id) = artifact_uri(&db.get(span.file).display);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri, uri_base_id },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        },
        message: (!message.is_empty()).then_some(Text { text: message }),
    }
}

/// A display path as a URI: relative paths stay relative to `%SRCROOT%`,
/// absolute ones become `file://` URIs that need no base.
fn artifact_uri(display: &str) -> (String, Option<&'static str>) {
    match absolute_file_uri(display) {
        Some(uri) => (uri, None),
        // A `:` in a relative reference's first segment would read as a scheme.
        None => (encode_path(display, false), Some(SRCROOT)),
    }
}

/// `file:///abs/path` for an absolute `/`-separated path (`/x`, `C:/x`,
/// `//server/share/x`), `None` for a relative one.
fn absolute_file_uri(path: &str) -> Option<String> {
    if let Some(unc) = path.strip_prefix("//") {
        return Some(format!("file://{}", encode_path(unc, true)));
    }
    if path.starts_with('/') {
        return Some(format!("file://{}", encode_path(path, true)));
    }
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    let rooted = bytes.get(2).is_none_or(|&b| b == b'/');
    (drive && rooted).then(|| format!("file:///{}", encode_path(path, true)))
}

/// The `file://` URI of a directory, with the trailing `/` SARIF requires of a
/// base URI (3.14.14) so relative URIs resolve inside it.
fn directory_uri(dir: &str) -> String {
    let dir = dir.replace('\\', "/");
    let mut uri = absolute_file_uri(&dir).unwrap_or_else(|| format!("file:///{}", encode_path(&dir, true)));
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Percent-encode what a URI path may not hold (RFC 3986 `pchar` and `/` are
/// kept), byte by byte so non-ASCII names become their UTF-8 escapes.
fn encode_path(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&byte) || (keep_colon && byte == b':');
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_and_are_encoded() {
        assert_eq!(artifact_uri("src/entity/user.rs"), ("src/entity/user.rs".into(), Some(SRCROOT)));
        assert_eq!(artifact_uri("../other crate/src/a.rs"), ("../other%20crate/src/a.rs".into(), Some(SRCROOT)));
        assert_eq!(artifact_uri("a:b/100%/é#?.rs"), ("a%3Ab/100%25/%C3%A9%23%3F.rs".into(), Some(SRCROOT)));
    }

    #[test]
    fn absolute_paths_become_file_uris() {
        assert_eq!(artifact_uri("/home/me/my project/a.rs"), ("file:///home/me/my%20project/a.rs".into(), None));
        assert_eq!(artifact_uri("C:/work/a.rs"), ("file:///C:/work/a.rs".into(), None));
        assert_eq!(artifact_uri("//server/share/a.rs"), ("file://server/share/a.rs".into(), None));
        assert_eq!(artifact_uri("C:a.rs").1, Some(SRCROOT));
    }

    #[test]
    fn base_directories_end_with_a_slash() {
        assert_eq!(directory_uri("/home/me/proj"), "file:///home/me/proj/");
        assert_eq!(directory_uri("/"), "file:///");
        assert_eq!(directory_uri("C:\\work\\proj"), "file:///C:/work/proj/");
    }

    #[test]
    fn full_description_is_the_first_paragraph_of_what_it_does() {
        let doc = "# `x`\n\n## What it does\n\nFinds a thing\nover two lines.\n\nMore.\n\n## Why\n";
        assert_eq!(first_paragraph_of_what_it_does(doc), Some("Finds a thing over two lines.".into()));
        assert_eq!(first_paragraph_of_what_it_does("# `x`\n\n## What it does\n\n## Why\n"), None);
        assert_eq!(first_paragraph_of_what_it_does("no such section"), None);
        for rule in RULES {
            assert!(first_paragraph_of_what_it_does(rule.doc).is_some(), "{}", rule.name);
        }
    }
}
