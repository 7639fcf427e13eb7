//! The full rendered output of a few fixtures, so message changes are reviewed.

fn render(path: &str) -> String {
    render_as(path, ormlint::emit::Format::Full)
}

fn render_as(path: &str, format: ormlint::emit::Format) -> String {
    let output = ormlint::check(&[path.into()], &Default::default()).expect("runs");
    let mut buffer = Vec::new();
    let summary = ormlint::emit::Summary::of(output.db.len(), &output.diagnostics);
    ormlint::emit::emit(&mut buffer, format, ormlint::emit::ColorMode::Never, &output.db, &output.diagnostics, summary)
        .unwrap();
    String::from_utf8(buffer).unwrap()
}

#[test]
fn example_project_full_output() {
    insta::assert_snapshot!(render("examples/events"));
}

#[test]
fn example_project_concise_output() {
    insta::assert_snapshot!(render_as("examples/events", ormlint::emit::Format::Concise));
}

#[test]
fn example_project_json_output() {
    insta::assert_snapshot!(render_as("examples/events", ormlint::emit::Format::Json));
}

#[test]
fn example_project_jsonl_output() {
    insta::assert_snapshot!(render_as("examples/events", ormlint::emit::Format::Jsonl));
}

#[test]
fn example_project_github_output() {
    insta::assert_snapshot!(render_as("examples/events", ormlint::emit::Format::Github));
}

#[test]
fn example_project_gitlab_output() {
    insta::assert_snapshot!(render_as("examples/events", ormlint::emit::Format::Gitlab));
}

#[test]
fn example_project_sarif_output() {
    let sarif = render_as("examples/events", ormlint::emit::Format::Sarif);
    // The one machine-dependent value: where `%SRCROOT%` (the current directory) is.
    let base = sarif.find("\"%SRCROOT%\": {").expect("%SRCROOT% is declared");
    let start = base + sarif[base..].find("\"uri\": \"").expect("with a uri") + "\"uri\": \"".len();
    let end = start + sarif[start..].find('"').expect("the uri ends");
    assert!(sarif[start..end].starts_with("file:///") && sarif[start..end].ends_with('/'));
    let portable = format!("{}file:///SRCROOT/{}", &sarif[..start], &sarif[end..]);
    insta::assert_snapshot!(portable);
}

#[test]
fn missing_inverse_compact_full_output() {
    insta::assert_snapshot!(render("tests/fixtures/missing-inverse/compact_has_many_without_belongs_to"));
}

#[test]
fn junction_mismatch_dense_full_output() {
    insta::assert_snapshot!(render("tests/fixtures/junction-mismatch/dense_junction_variant_renamed"));
}

#[test]
fn unresolved_target_full_output() {
    insta::assert_snapshot!(render("tests/fixtures/unresolved-target/dense_has_many_module_typo"));
}

#[test]
fn unused_suppression_full_output() {
    insta::assert_snapshot!(render("tests/fixtures/unused-suppression/one_name_used_one_not"));
}
