//! End-to-end: realistic projects with planted bugs, checked through the JSON
//! report exactly as an external script would read it (see tests/projects/README.md).

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::Path;

fn check_project(name: &str) {
    let dir = Path::new("tests/projects").join(name);
    let expected: BTreeSet<String> = std::fs::read_to_string(dir.join("expected.txt"))
        .expect("expected.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{}/{}", dir.display(), l.trim()))
        .collect();
    let output =
        Command::cargo_bin("ormlint").unwrap().arg("check").arg(&dir).args(["--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON report");
    let actual: BTreeSet<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{}:{} {}", d["file"].as_str().unwrap(), d["start"]["line"], d["rule"].as_str().unwrap()))
        .collect();
    let missed: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(missed.is_empty() && extra.is_empty(), "{name}:\n  missed: {missed:#?}\n  extra: {extra:#?}");
    assert_eq!(output.status.code(), Some(if expected.is_empty() { 0 } else { 1 }));
}

#[test]
fn shopfront_dense() {
    check_project("shopfront");
}

#[test]
fn clinic_dense() {
    check_project("clinic");
}

#[test]
fn billing_compact() {
    check_project("billing");
}

#[test]
fn campus_compact() {
    check_project("campus");
}

#[test]
fn freightline_compact_and_expanded() {
    check_project("freightline");
}

#[test]
fn socialgraph_compact_and_expanded() {
    check_project("socialgraph");
}

#[test]
fn layout_workspace_entities_at_crate_root_used_by_package_name() {
    check_project("layout_workspace");
}

#[test]
fn layout_nested_modules_inline_and_path_attribute() {
    check_project("layout_nested");
}

#[test]
fn layout_binary_crate_without_lib() {
    check_project("layout_binary");
}

#[test]
fn layout_loose_folder_without_cargo_toml() {
    check_project("layout_loose");
}

#[test]
fn layout_reexports_globs_aliases_and_foreign_related_impls() {
    check_project("layout_reexports");
}
