//! `--format sarif`: the document is valid SARIF 2.1.0 (checked against the
//! vendored OASIS schema) and says the same as the JSON report.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "examples/events";
const PASSING: &str = "tests/fixtures/missing-inverse/pass_compact_pair";

fn ormlint() -> Command {
    Command::cargo_bin("ormlint").expect("binary builds")
}

/// The OASIS schema, with `format` checked too (`uri`, `uri-reference`).
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema vendored");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    // The schema's two `language` patterns have a stray `]`, a literal in
    // ECMAScript's Annex B syntax that `jsonschema` refuses to compile. Escaping
    // it matches the same strings; the file itself stays as published.
    let fixed = escape_stray_bracket(&mut schema);
    assert_eq!(fixed, 2, "the vendored schema changed: review escape_stray_bracket");
    jsonschema::draft7::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

fn escape_stray_bracket(schema: &mut Value) -> usize {
    const STRAY: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match schema {
        Value::Object(map) => map
            .iter_mut()
            .map(|(key, value)| match value {
                Value::String(pattern) if key == "pattern" && pattern == STRAY => {
                    *pattern = STRAY.replace("}]?", "}\\]?");
                    1
                }
                _ => escape_stray_bracket(value),
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(escape_stray_bracket).sum(),
        _ => 0,
    }
}

fn assert_valid(doc: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0:\n{}", errors.join("\n"));
}

/// Run `ormlint check ARGS --format sarif` in `dir`; the exit code and the document.
fn sarif_in(dir: &Path, args: &[&str]) -> (Option<i32>, Value) {
    let output = ormlint().current_dir(dir).arg("check").args(args).args(["--format", "sarif"]).output().unwrap();
    let doc = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
    });
    (output.status.code(), doc)
}

fn sarif(args: &[&str]) -> Value {
    sarif_in(Path::new("."), args).1
}

fn json_report(path: &str) -> Vec<Value> {
    let output = ormlint().args(["check", path, "--format", "json"]).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

fn run(doc: &Value) -> &Value {
    let runs = doc["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1, "one run");
    &runs[0]
}

fn results(doc: &Value) -> &Vec<Value> {
    run(doc)["results"].as_array().expect("results is an array")
}

/// Undo percent-encoding (the tests' paths are ASCII).
fn decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Every `artifactLocation` of every result, primary and related.
fn artifact_locations(doc: &Value) -> Vec<&Value> {
    results(doc)
        .iter()
        .flat_map(|r| {
            let related = r["relatedLocations"].as_array().map(|v| v.iter()).into_iter().flatten();
            r["locations"].as_array().unwrap().iter().chain(related)
        })
        .map(|l| &l["physicalLocation"]["artifactLocation"])
        .collect()
}

/// The file a location names, resolved the way a SARIF consumer does.
fn resolve(doc: &Value, artifact: &Value) -> PathBuf {
    let uri = artifact["uri"].as_str().unwrap();
    let absolute = match artifact["uriBaseId"].as_str() {
        Some(base) => {
            let base = run(doc)["originalUriBaseIds"][base]["uri"].as_str().expect("base is declared");
            assert!(base.ends_with('/'), "a base URI ends with `/`: {base}");
            format!("{base}{uri}")
        }
        None => uri.to_string(),
    };
    PathBuf::from(decode(absolute.strip_prefix("file://").expect("a file URI")))
}

#[test]
fn validation_really_runs() {
    let validator = validator();
    let (_, good) = sarif_in(Path::new(EXAMPLE), &[".", "--isolated"]);
    assert!(validator.is_valid(&good));
    // Each broken the way a careless emitter would break it; each must be caught.
    type Breakage = fn(&mut Value);
    let breakages: [(&str, Breakage); 6] = [
        ("wrong version", |doc| doc["version"] = "2.0.0".into()),
        ("no runs", |doc| {
            doc.as_object_mut().unwrap().remove("runs");
        }),
        ("a line 0", |doc| {
            doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into()
        }),
        ("an unknown level", |doc| doc["runs"][0]["results"][0]["level"] = "fatal".into()),
        ("an unknown property", |doc| doc["runs"][0]["tool"]["driver"]["colour"] = "blue".into()),
        // Only format validation catches this one: a base URI with a space.
        ("a base that is not a URI", |doc| {
            doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///my dir/".into()
        }),
    ];
    for (what, breakage) in breakages {
        let mut broken = good.clone();
        breakage(&mut broken);
        assert!(!validator.is_valid(&broken), "the schema accepted {what}");
    }
}

#[test]
fn example_project_sarif_is_valid_and_says_what_the_json_report_says() {
    let output = ormlint().args(["check", EXAMPLE, "--format", "sarif"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "errors still fail the run");
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid(&doc);
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let run = run(&doc);
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ormlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));

    // Every rule, in the table's order, findings or not.
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let table: Vec<&str> = ormlint::rules::RULES.iter().map(|r| r.name).collect();
    assert_eq!(ids, table);
    for (descriptor, rule) in rules.iter().zip(ormlint::rules::RULES) {
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert_eq!(descriptor["help"]["markdown"], rule.doc);
        assert_eq!(descriptor["help"]["text"], rule.doc);
        assert_eq!(descriptor["defaultConfiguration"]["level"], rule.default_severity.as_str());
        assert_eq!(descriptor["properties"]["tags"], serde_json::json!(["ormlint", rule.family]));
        let full = descriptor["fullDescription"]["text"].as_str().unwrap();
        assert!(!full.is_empty() && !full.contains('\n') && full != rule.summary, "{}: {full}", rule.name);
        let name = descriptor["name"].as_str().unwrap();
        assert_eq!(name.to_lowercase(), rule.name.replace('-', ""), "UpperCamelCase of the id");
        assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
    }
    assert_eq!(rules[0]["name"], "MissingInverse");
    assert!(rules[0]["fullDescription"]["text"].as_str().unwrap().starts_with("Finds a relation declared on one side"));

    let json = json_report(EXAMPLE);
    let results = results(&doc);
    assert!(!json.is_empty());
    assert_eq!(results.len(), json.len());
    for (result, d) in results.iter().zip(&json) {
        let rule_id = result["ruleId"].as_str().unwrap();
        assert_eq!(rule_id, d["rule"].as_str().unwrap());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at the rule");
        assert_eq!(result["level"], d["severity"]);
        let message = result["message"]["text"].as_str().unwrap();
        assert!(message.starts_with(d["message"].as_str().unwrap()), "{message}");
        for note in d["notes"].as_array().unwrap() {
            assert!(message.contains(&format!("\nnote: {}", note.as_str().unwrap())), "{message}");
        }
        if let Some(help) = d["help"].as_str() {
            assert!(message.ends_with(&format!("\nhelp: {help}")), "{message}");
        }
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        assert_same_place(&locations[0], d);
        let related = result["relatedLocations"].as_array().map(Vec::as_slice).unwrap_or_default();
        let labels = d["labels"].as_array().unwrap();
        assert_eq!(related.len(), labels.len());
        for (i, (location, label)) in related.iter().zip(labels).enumerate() {
            assert_eq!(location["id"], i);
            assert_eq!(location["message"]["text"], label["message"]);
            assert_same_place(location, label);
        }
    }
    // Every URI resolves (against `%SRCROOT%`) to the file the JSON report names.
    for artifact in artifact_locations(&doc) {
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        let resolved = resolve(&doc, artifact);
        assert!(resolved.is_file(), "{}", resolved.display());
    }
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    let cwd = std::env::current_dir().unwrap();
    assert_eq!(decode(base.strip_prefix("file://").unwrap()), format!("{}/", cwd.display()));
}

/// A SARIF location names the same file, lines and columns as a JSON report entry.
fn assert_same_place(location: &Value, d: &Value) {
    let physical = &location["physicalLocation"];
    assert_eq!(decode(physical["artifactLocation"]["uri"].as_str().unwrap()), d["file"].as_str().unwrap());
    let region = &physical["region"];
    assert_eq!(region["startLine"], d["start"]["line"]);
    assert_eq!(region["startColumn"], d["start"]["column"]);
    assert_eq!(region["endLine"], d["end"]["line"]);
    assert_eq!(region["endColumn"], d["end"]["column"]);
}

fn fingerprints(doc: &Value) -> Vec<String> {
    results(doc).iter().map(|r| r["partialFingerprints"]["ormlint/v1"].as_str().unwrap().to_string()).collect()
}

#[test]
fn fingerprints_are_unique_and_survive_lines_moving() {
    // Run inside the project so both copies print the same paths.
    let (_, doc) = sarif_in(Path::new(EXAMPLE), &[".", "--isolated"]);
    let before = fingerprints(&doc);
    assert!(!before.is_empty());
    let unique: std::collections::BTreeSet<&String> = before.iter().collect();
    assert_eq!(unique.len(), before.len(), "fingerprints are unique");
    // The same project with every file shifted down by three lines.
    let dir = tempfile::tempdir().unwrap();
    for entry in walk(Path::new(EXAMPLE)) {
        let target = dir.path().join(entry.strip_prefix(EXAMPLE).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let text = std::fs::read_to_string(&entry).unwrap();
        let shifted = if entry.extension().is_some_and(|e| e == "rs") { format!("\n\n\n{text}") } else { text };
        std::fs::write(target, shifted).unwrap();
    }
    let (_, moved) = sarif_in(dir.path(), &[".", "--isolated"]);
    assert_valid(&moved);
    // The lines did move, and the fingerprints, in the same order, did not.
    let line = |doc: &Value| results(doc)[0]["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64();
    assert_eq!(line(&moved).unwrap(), line(&doc).unwrap() + 3);
    assert_eq!(fingerprints(&moved), before);
}

#[test]
fn no_findings_is_still_a_valid_log_with_every_rule() {
    let (code, doc) = sarif_in(Path::new("."), &[PASSING]);
    assert_eq!(code, Some(0));
    assert_valid(&doc);
    assert_eq!(results(&doc).len(), 0);
    assert_eq!(run(&doc)["tool"]["driver"]["rules"].as_array().unwrap().len(), ormlint::rules::RULES.len());
}

#[test]
fn an_absolute_project_path_gives_absolute_file_uris() {
    let absolute = std::fs::canonicalize(EXAMPLE).unwrap();
    let doc = sarif(&[absolute.to_str().unwrap()]);
    assert_valid(&doc);
    let artifacts = artifact_locations(&doc);
    assert!(!artifacts.is_empty());
    for artifact in artifacts {
        let uri = artifact["uri"].as_str().unwrap();
        assert!(uri.starts_with("file:///"), "{uri}");
        assert!(artifact.get("uriBaseId").is_none(), "{artifact}");
        let file = resolve(&doc, artifact);
        assert!(file.starts_with(&absolute) && file.is_file(), "{}", file.display());
    }
}

#[test]
fn paths_with_spaces_are_percent_encoded_and_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("my project");
    for entry in walk(Path::new(EXAMPLE)) {
        let target = project.join(entry.strip_prefix(EXAMPLE).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
    let (_, doc) = sarif_in(dir.path(), &["my project", "--isolated"]);
    assert_valid(&doc);
    let artifacts = artifact_locations(&doc);
    assert!(!artifacts.is_empty());
    for artifact in artifacts {
        let uri = artifact["uri"].as_str().unwrap();
        assert!(uri.starts_with("my%20project/"), "{uri}");
        let file = resolve(&doc, artifact);
        assert!(file.is_file(), "{}", file.display());
    }
}

#[test]
fn sarif_to_a_file_is_what_standard_output_gets_and_runs_are_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ormlint.sarif");
    let mut arg = std::ffi::OsString::from("sarif=");
    arg.push(&path);
    let output = ormlint().args(["check", EXAMPLE, "--format", "concise", "--format"]).arg(&arg).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let written = std::fs::read(&path).unwrap();
    let stdout = ormlint().args(["check", EXAMPLE, "--format", "sarif"]).output().unwrap().stdout;
    assert_eq!(written, stdout);
    let again = ormlint().args(["check", EXAMPLE, "--format", "sarif", "--threads", "1"]).output().unwrap().stdout;
    assert_eq!(again, stdout, "byte-identical across runs and thread counts");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}
