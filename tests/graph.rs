//! `ormlint graph`: the entity-relationship diagram in Mermaid, DOT and JSON,
//! run through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const EXAMPLE: &str = "examples/events";

fn ormlint() -> Command {
    Command::cargo_bin("ormlint").expect("binary builds")
}

/// Standard output of `ormlint graph <path> --isolated <args>`, which must exit 0.
fn graph(path: &str, args: &[&str]) -> String {
    let output = ormlint().args(["graph", path, "--isolated"]).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn json(path: &str) -> Value {
    serde_json::from_str(&graph(path, &["--format", "json"])).expect("valid JSON")
}

/// The relations of a JSON diagram from `from` to `to`.
fn relations<'a>(doc: &'a Value, from: &str, to: &str) -> Vec<&'a Value> {
    doc["relations"].as_array().unwrap().iter().filter(|r| r["from"] == from && r["to"] == to).collect()
}

/// The one relation from `from` to `to` whose foreign key is `fk`.
fn relation<'a>(doc: &'a Value, from: &str, to: &str, fk: &str) -> &'a Value {
    let found: Vec<&Value> =
        relations(doc, from, to).into_iter().filter(|r| r["fk"] == serde_json::json!([fk])).collect();
    assert_eq!(found.len(), 1, "{from} -> {to} ({fk}) in {doc:#}");
    found[0]
}

fn findings(relation: &Value) -> Vec<&str> {
    relation["findings"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect()
}

/// The Mermaid relationship lines (`"a" ||--o{ "b" : "label"`).
fn mermaid_edges(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| l.contains("--") && !l.starts_with("%%")).collect()
}

#[test]
fn example_project_mermaid() {
    insta::assert_snapshot!(graph(EXAMPLE, &[]));
}

#[test]
fn example_project_dot() {
    insta::assert_snapshot!(graph(EXAMPLE, &["--format", "dot"]));
}

#[test]
fn example_project_json() {
    insta::assert_snapshot!(graph(EXAMPLE, &["--format", "json"]));
}

#[test]
fn planted_mistakes_are_marked_and_clean_relations_are_not() {
    // (a): `event.sessions` has no `belongs_to` on the other side.
    let doc = json(EXAMPLE);
    let sessions = relations(&doc, "events", "sessions");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["kind"], "has_many");
    assert_eq!(sessions[0]["one_sided"], true);
    assert_eq!(findings(sessions[0]), ["missing-inverse"]);
    // (g) on the junction's `event_id`, (b) on the many-to-many through it.
    let event_id = relation(&doc, "events", "event_users", "event_id");
    assert_eq!(findings(event_id), ["set-null-on-required"]);
    let many = relations(&doc, "events", "users");
    assert_eq!(many.len(), 1);
    assert_eq!((&many[0]["kind"], &many[0]["via"]), (&Value::from("many_to_many"), &Value::from("event_users")));
    assert_eq!(findings(many[0]), ["mismatched-inverse"]);
    let mermaid = graph(EXAMPLE, &[]);
    assert!(mermaid.contains(r#""events" ||--o{ "sessions" : "sessions, one-sided ⚠ missing-inverse""#), "{mermaid}");
    assert!(mermaid.contains("M:N events↔users ⚠ mismatched-inverse, set-null-on-required"), "{mermaid}");

    // A fixture with one broken and one correct relation.
    let path = "tests/fixtures/set-null-on-required/dense_set_null_on_required_fk";
    let doc = json(path);
    assert_eq!(findings(relation(&doc, "department", "employee", "department_id")), ["set-null-on-required"]);
    assert!(findings(relation(&doc, "office", "employee", "office_id")).is_empty());
    let dot = graph(path, &["--format", "dot"]);
    let line = |fk: &str| dot.lines().find(|l| l.contains("->") && l.contains(fk)).unwrap().to_string();
    assert!(line("department_id").contains("color=red"), "{dot}");
    assert!(!line("office_id").contains("red"), "{dot}");
    let mermaid = graph(path, &[]);
    assert!(mermaid.contains(r#""department_id, on delete SetNull ⚠ set-null-on-required""#), "{mermaid}");
    assert!(mermaid.contains(r#""office_id, on delete SetNull""#), "{mermaid}");
}

#[test]
fn the_configured_levels_decide_what_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ormlint.toml");
    std::fs::write(&config, "[rules]\nmissing-inverse = \"allow\"\n").unwrap();
    let output = ormlint().args(["graph", EXAMPLE, "--format", "json", "--config"]).arg(&config).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(findings(relations(&doc, "events", "sessions")[0]).is_empty());
    assert_eq!(findings(relation(&doc, "events", "event_users", "event_id")), ["set-null-on-required"]);
}

#[test]
fn compact_entities_render_one_edge_per_relationship() {
    // `post` has `belongs_to` author and category, each with its `has_many` back.
    let path = "tests/fixtures/missing-inverse/pass_compact_pair";
    let mermaid = graph(path, &[]);
    assert_eq!(
        mermaid_edges(&mermaid),
        [
            r#""author" ||--o{ "post" : "author_id, on delete Cascade""#,
            r#""category" ||--o{ "post" : "category_id, on delete Restrict""#,
        ]
    );
    assert!(mermaid.contains("        i32 author_id FK\n"), "{mermaid}");
    let doc = json(path);
    let author = relation(&doc, "author", "post", "author_id");
    assert_eq!((&author["kind"], &author["cardinality"]), (&Value::from("has_many"), &Value::from("one_to_many")));
    assert_eq!(author["one_sided"], false);
    let kinds: Vec<&str> =
        author["declarations"].as_array().unwrap().iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"belongs_to") && kinds.contains(&"has_many"), "{kinds:?}");
}

#[test]
fn dense_entities_render_has_one_and_optional_foreign_keys() {
    // `#[sea_orm::model]`: `has_one` on the parent, `belongs_to` on a unique foreign key.
    let mermaid = graph("tests/fixtures/mismatched-inverse/pass_dense_has_one_unique", &[]);
    assert_eq!(
        mermaid_edges(&mermaid),
        [
            r#""customer" ||--o| "billing_profile" : "customer_id, on delete Cascade""#,
            r#""customer" ||--o| "credit_limit" : "customer_id, on delete Cascade""#,
        ]
    );
    // An `Option<..>` foreign key: a child may have no parent.
    let mermaid = graph("tests/fixtures/set-null-on-required/dense_set_null_on_required_fk", &[]);
    assert!(mermaid.contains(r#""office" |o--o{ "employee""#), "{mermaid}");
    assert!(mermaid.contains(r#""department" ||--o{ "employee""#), "{mermaid}");
}

#[test]
fn many_to_many_draws_the_junction_and_its_two_edges() {
    for path in [
        "tests/fixtures/junction-mismatch/pass_compact_many_to_many",
        "tests/fixtures/junction-mismatch/pass_dense_many_to_many",
    ] {
        let doc = json(path);
        let many: Vec<&Value> =
            doc["relations"].as_array().unwrap().iter().filter(|r| r["kind"] == "many_to_many").collect();
        assert_eq!(many.len(), 1, "{doc:#}");
        let (a, b, junction) =
            (many[0]["from"].as_str().unwrap(), many[0]["to"].as_str().unwrap(), many[0]["via"].as_str().unwrap());
        // Both ends declare it: one relation, two declarations.
        assert_eq!(many[0]["one_sided"], false, "{path}");
        assert_eq!(many[0]["declarations"].as_array().unwrap().len(), 2, "{path}");
        let mermaid = graph(path, &[]);
        let edges = mermaid_edges(&mermaid);
        assert_eq!(edges.len(), 2, "{mermaid}");
        for end in [a, b] {
            let prefix = format!(r#""{end}" ||--o{{ "{junction}" : "#);
            let edge = edges.iter().find(|e| e.starts_with(&prefix)).unwrap_or_else(|| panic!("{prefix} in {mermaid}"));
            assert!(edge.contains(&format!("M:N {a}↔{b}")), "{edge}");
        }
        // No invented edge between the two ends.
        assert!(!edges.iter().any(|e| e.contains(&format!(r#""{a}" "#)) && e.contains(&format!(r#""{b}" :"#))));
    }
}

#[test]
fn self_references_are_one_edge_from_the_entity_to_itself() {
    // `parent` (belongs_to, `Option` key) and `children` (has_many, `relation_reverse`).
    let path = "tests/fixtures/mismatched-inverse/pass_dense_category_tree";
    let mermaid = graph(path, &[]);
    assert!(mermaid_edges(&mermaid).contains(&r#""category" |o--o{ "category" : "parent_id, on delete SetNull""#));
    let doc = json(path);
    let parent = relation(&doc, "category", "category", "parent_id");
    assert_eq!((&parent["kind"], &parent["one_sided"]), (&Value::from("has_many"), &Value::from(false)));
    // A self-referencing many-to-many through `user_follower`'s two keys to `user`.
    let doc = json("tests/fixtures/ambiguous-relation/pass_dense_self_follower");
    let many = relations(&doc, "user", "user");
    assert_eq!(many.len(), 1);
    assert_eq!((&many[0]["via"], &many[0]["one_sided"]), (&Value::from("user_follower"), &Value::from(false)));
    assert_eq!(relations(&doc, "user", "user_follower").len(), 2);
}

#[test]
fn expanded_reverse_arms_pair_with_the_belongs_to_they_name() {
    // `team` has `HomeGames`/`AwayGames` arms written as `Relation::HomeTeam.def().rev()`.
    let doc = json("tests/fixtures/ambiguous-relation/pass_expanded_games_rev_arms");
    for (fk, arm) in [("home_team_id", "HomeGames"), ("away_team_id", "AwayGames")] {
        let edge = relation(&doc, "team", "game", fk);
        assert_eq!(edge["one_sided"], false);
        assert!(edge["declarations"].as_array().unwrap().iter().any(|d| d["name"] == arm), "{edge:#}");
    }
}

#[test]
fn entities_of_one_table_get_unique_ids_and_entity_findings_show() {
    let doc = json("tests/fixtures/mismatched-inverse/pass_compact_two_entity_types_one_table");
    let ids: Vec<(&str, &str)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["name"].as_str().unwrap()))
        .collect();
    assert_eq!(ids, [("author", "author"), ("author_2", "author"), ("book", "book")]);
    // A relation to a module that does not exist is not drawn: the entity carries its finding.
    let path = "tests/fixtures/unresolved-target/dense_has_many_module_typo";
    let doc = json(path);
    let articulo = doc["entities"].as_array().unwrap().iter().find(|e| e["id"] == "articulo").unwrap();
    assert_eq!(articulo["findings"], serde_json::json!(["unresolved-target"]));
    assert!(graph(path, &[]).contains("%% articulo ⚠ unresolved-target"));
    let dot = graph(path, &["--format", "dot"]);
    assert!(dot.contains("COLOR=\"red\"") && dot.contains("⚠ unresolved-target"), "{dot}");
}

#[test]
fn findings_do_not_fail_graph_but_bad_input_exits_2() {
    ormlint().args(["graph", EXAMPLE]).assert().code(0).stdout(predicate::str::starts_with("erDiagram\n"));
    ormlint()
        .args(["graph", "tests/fixtures/does-not-exist"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"))
        .stdout(predicate::str::is_empty());
    ormlint().args(["graph", EXAMPLE, "--format", "svg"]).assert().code(2);
    ormlint().args(["graph", EXAMPLE, "--config", "no/such/ormlint.toml"]).assert().code(2);
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    for format in ["mermaid", "dot", "json"] {
        let run = |threads: &str| {
            ormlint()
                .args(["graph", "tests/fixtures", "--isolated", "--format", format, "--threads", threads])
                .output()
                .unwrap()
                .stdout
        };
        let one = run("1");
        assert!(one.len() > 1000, "{format}");
        assert_eq!(one, run("4"), "{format}");
        assert_eq!(one, run("1"), "{format}");
    }
}

#[test]
fn every_fixture_draws_valid_mermaid_names_and_dot_ids() {
    // Over every fixture at once (many entities share names): ids unique and
    // safe, every relation's ends exist, labels free of `"`.
    let doc = json("tests/fixtures");
    let ids: Vec<&str> = doc["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for id in &ids {
        assert!(id.starts_with(|c: char| c.is_ascii_alphabetic()), "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{id}");
    }
    for r in doc["relations"].as_array().unwrap() {
        assert!(unique.contains(r["from"].as_str().unwrap()) && unique.contains(r["to"].as_str().unwrap()));
    }
    let mermaid = graph("tests/fixtures", &[]);
    for edge in mermaid_edges(&mermaid) {
        // `"a" ||--o{ "b" : "label"`: exactly six quotes.
        assert_eq!(edge.matches('"').count(), 6, "{edge}");
    }
}

#[test]
fn the_readme_shows_the_example_diagram_as_it_is() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("```mermaid\n").expect("a mermaid block") + "```mermaid\n".len();
    let end = start + readme[start..].find("```").unwrap();
    assert_eq!(&readme[start..end], graph(EXAMPLE, &[]), "paste `ormlint graph examples/events` into README.md");
}

#[test]
fn names_mermaid_and_graphviz_cannot_take_are_sanitized() {
    // A table named like a Mermaid keyword, one with quotes, `#35;` (a Mermaid
    // entity code) and HTML, one not in ASCII; a column named like a key marker.
    let entity = |table: &str, key: &str| {
        format!(
            "use sea_orm::entity::prelude::*;\n\n#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]\n#[sea_orm(table_name = {table:?})]\npub struct Model {{\n    #[sea_orm(primary_key)]\n    pub {key}: i32,\n    pub parent_id: Option<i32>,\n}}\n\n#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]\npub enum Relation {{\n    #[sea_orm(belongs_to = \"Entity\", from = \"Column::ParentId\", to = \"Column::{}\", on_delete = \"SetNull\")]\n    SelfRef,\n}}\n\nimpl ActiveModelBehavior for ActiveModel {{}}\n",
            heck::ToUpperCamelCase::to_upper_camel_case(key)
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod a;\npub mod b;\npub mod c;\n").unwrap();
    std::fs::write(src.join("a.rs"), entity("class", "id")).unwrap();
    std::fs::write(src.join("b.rs"), entity("my \"table\" #35; <b>", "pk")).unwrap();
    std::fs::write(src.join("c.rs"), entity("用户", "id")).unwrap();
    let path = dir.path().to_str().unwrap();
    let doc = json(path);
    let ids: Vec<&str> = doc["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["class", "e___", "my__table___35___b_"]);
    let mermaid = graph(path, &[]);
    assert!(mermaid.contains("    \"class\" {\n"), "{mermaid}");
    assert!(mermaid.contains("        i32 pk_ PK\n"), "{mermaid}");
    assert!(!mermaid.contains('#') && !mermaid.contains('<'), "{mermaid}");
    assert_eq!(mermaid_edges(&mermaid).len(), 3, "{mermaid}");
    let dot = graph(path, &["--format", "dot"]);
    assert!(dot.contains("<B>my &quot;table&quot; #35; &lt;b&gt;</B>"), "{dot}");
    assert!(dot.contains("<B>用户</B>"), "{dot}");
}
