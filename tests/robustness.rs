//! Inputs that must never crash ormlint or stop the run.

use std::fs;
use std::path::Path;

const GOOD_PAIR: [(&str, &str); 2] = [
    (
        "user.rs",
        "use sea_orm::entity::prelude::*;\n\n#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]\n#[sea_orm(table_name = \"user\")]\npub struct Model {\n    #[sea_orm(primary_key)]\n    pub id: i32,\n}\n\n#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]\npub enum Relation {\n    #[sea_orm(has_many = \"super::post::Entity\")]\n    Post,\n}\n\nimpl Related<super::post::Entity> for Entity {\n    fn to() -> RelationDef {\n        Relation::Post.def()\n    }\n}\n\nimpl ActiveModelBehavior for ActiveModel {}\n",
    ),
    (
        "post.rs",
        "use sea_orm::entity::prelude::*;\n\n#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]\n#[sea_orm(table_name = \"post\")]\npub struct Model {\n    #[sea_orm(primary_key)]\n    pub id: i32,\n    pub user_id: i32,\n}\n\n#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]\npub enum Relation {\n    #[sea_orm(belongs_to = \"super::user::Entity\", from = \"Column::UserId\", to = \"super::user::Column::Id\", on_delete = \"Cascade\")]\n    User,\n}\n\nimpl Related<super::user::Entity> for Entity {\n    fn to() -> RelationDef {\n        Relation::User.def()\n    }\n}\n\nimpl ActiveModelBehavior for ActiveModel {}\n",
    ),
];

fn project_with(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in GOOD_PAIR {
        fs::write(dir.path().join(name), text).unwrap();
    }
    for (name, bytes) in extra {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn findings(dir: &Path) -> Vec<(String, usize, usize, String)> {
    let output = ormlint::check(&[dir.to_path_buf()], &Default::default()).expect("runs");
    output
        .diagnostics
        .iter()
        .map(|d| {
            let pos = output.db.line_col(d.primary.file, d.primary.range.start);
            let name = Path::new(&output.db.get(d.primary.file).display).file_name().unwrap().to_string_lossy().into();
            (name, pos.line, pos.column, d.rule.to_string())
        })
        .collect()
}

#[test]
fn a_correct_pair_is_quiet() {
    let dir = project_with(&[]);
    assert_eq!(findings(dir.path()), vec![]);
}

#[test]
fn non_utf8_file_is_a_parse_error_and_the_rest_is_analyzed() {
    let dir = project_with(&[("broken.rs", b"struct A;\n\xff\xfe fn x() {}\n")]);
    assert_eq!(findings(dir.path()), vec![("broken.rs".into(), 2, 1, "parse-error".into())]);
}

#[test]
fn empty_and_bom_only_files_are_fine() {
    let dir = project_with(&[("empty.rs", b""), ("bom.rs", "\u{feff}".as_bytes())]);
    assert_eq!(findings(dir.path()), vec![]);
}

#[test]
fn deep_nesting_is_reported_not_a_crash() {
    let deep = format!("fn f() {{ let x = {}1{}; }}\n", "(".repeat(100_000), ")".repeat(100_000));
    let dir = project_with(&[("deep.rs", deep.as_bytes())]);
    let found = findings(dir.path());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "deep.rs");
    assert_eq!(found[0].3, "parse-error");
}

#[test]
fn a_directory_named_like_a_source_file_is_skipped() {
    let dir = project_with(&[]);
    fs::create_dir(dir.path().join("weird.rs")).unwrap();
    assert_eq!(findings(dir.path()), vec![]);
}

#[test]
fn columns_count_characters_across_crlf_tabs_and_multibyte_text() {
    // The has_many has no inverse; put a tab and multi-byte characters before it on a CRLF line.
    let text = GOOD_PAIR[0].1.replace("\n", "\r\n").replace(
        "    #[sea_orm(has_many = \"super::post::Entity\")]\r\n    Post,",
        "    /// Beiträge – «posts»\r\n/* «ü» */\t#[sea_orm(has_many = \"super::comment::Entity\")] Comment,",
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("user.rs"), text).unwrap();
    fs::write(
        dir.path().join("comment.rs"),
        "use sea_orm::entity::prelude::*;\r\n#[derive(DeriveEntityModel)]\r\n#[sea_orm(table_name = \"comment\")]\r\npub struct Model {\r\n    #[sea_orm(primary_key)]\r\n    pub id: i32,\r\n}\r\n#[derive(DeriveRelation)]\r\npub enum Relation {}\r\n",
    )
    .unwrap();
    let found = findings(dir.path());
    let inverse: Vec<_> = found.iter().filter(|f| f.3 == "missing-inverse").collect();
    assert_eq!(inverse.len(), 1, "{found:?}");
    // Line 13 (CRLF lines), column 11: after `/* «ü» */` (9 characters, 12 bytes) and a tab.
    assert_eq!((inverse[0].1, inverse[0].2), (13, 11), "{found:?}");
}

#[test]
fn nothing_is_written_into_the_analyzed_tree() {
    let dir = project_with(&[("src/lib.rs", b"mod user;\nmod post;\n"), ("Cargo.toml", b"[package]\nname = \"x\"\n")]);
    let reports = tempfile::tempdir().unwrap();
    let before = walk(dir.path());
    ormlint::check(&[dir.path().to_path_buf()], &Default::default()).unwrap();
    // The binary too, with every kind of output, a report file outside the tree and a graph.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ormlint"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "full", "--statistics"])
        .arg(format!("--format=sarif={}", reports.path().join("r.sarif").display()))
        .status()
        .unwrap();
    assert!(status.code().is_some_and(|c| c < 2));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ormlint"))
        .current_dir(dir.path())
        .args(["graph", "."])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(before, walk(dir.path()));
}

/// Every entry under `dir` with its size and modification time.
fn walk(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        out.push((path.display().to_string(), meta.len(), meta.modified().unwrap()));
        if meta.is_dir() {
            out.extend(walk(&path));
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let dir = project_with(&[]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    assert_eq!(findings(dir.path()), vec![]);
    // Followed on request, the loop is found and named, and the run goes on.
    let (report, stderr) = run_json(dir.path(), &["--follow-links"]);
    assert_eq!(report["summary"]["files"], 2, "{stderr}");
    assert!(stderr.contains("loop"), "{stderr}");
}

/// `ormlint check DIR --format json` plus `extra`: the report and standard error.
fn run_json(dir: &Path, extra: &[&str]) -> (serde_json::Value, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ormlint"))
        .arg("check")
        .arg(dir)
        .args(["--format", "json", "--isolated"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (report, stderr)
}

fn rules_in(report: &serde_json::Value) -> Vec<(String, String)> {
    let findings = report["diagnostics"].as_array().unwrap();
    findings
        .iter()
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["rule"].as_str().unwrap().to_string()))
        .collect()
}

/// A linked folder outside the given path is not read unless asked; asked, it is
/// read like a folder of the tree, and a file linked from inside is read once.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_only_when_asked() {
    let outside = tempfile::tempdir().unwrap();
    let dangling = "use sea_orm::entity::prelude::*;\n\n#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]\n#[sea_orm(table_name = \"tag\")]\npub struct Model {\n    #[sea_orm(primary_key)]\n    pub id: i32,\n}\n\n#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]\npub enum Relation {\n    #[sea_orm(has_many = \"super::missing::Entity\")]\n    Missing,\n}\n\nimpl ActiveModelBehavior for ActiveModel {}\n";
    fs::write(outside.path().join("tag.rs"), dangling).unwrap();
    let dir = project_with(&[]);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("user.rs"), dir.path().join("alias.rs")).unwrap();

    let (report, stderr) = run_json(dir.path(), &[]);
    assert_eq!(report["summary"]["files"], 2, "{stderr}");
    assert_eq!(rules_in(&report), vec![]);
    assert!(stderr.contains("alias.rs` is a symbolic link") && stderr.contains("--follow-links"), "{stderr}");

    let (report, stderr) = run_json(dir.path(), &["--follow-links"]);
    // user.rs and alias.rs are one file: read once, so no duplicate entity.
    assert_eq!(report["summary"]["files"], 3, "{stderr}");
    let found = rules_in(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.ends_with("linked/tag.rs") && found[0].1 == "unresolved-target", "{found:?}");
    assert!(!stderr.contains("symbolic link"), "{stderr}");

    // A module file linked into a crate from a shared folder keeps its place
    // in the crate, where `mod` finds it, not the folder the link leads to.
    let ws = tempfile::tempdir().unwrap();
    fs::create_dir_all(ws.path().join("app/src")).unwrap();
    fs::create_dir_all(ws.path().join("shared")).unwrap();
    fs::write(ws.path().join("app/Cargo.toml"), "[package]\nname = \"app\"\n").unwrap();
    fs::write(ws.path().join("app/src/lib.rs"), "pub mod post;\npub mod user;\n").unwrap();
    fs::write(ws.path().join("app/src/user.rs"), GOOD_PAIR[0].1).unwrap();
    fs::write(ws.path().join("shared/post.rs"), GOOD_PAIR[1].1).unwrap();
    std::os::unix::fs::symlink("../../shared/post.rs", ws.path().join("app/src/post.rs")).unwrap();
    let (report, stderr) = run_json(ws.path(), &["--follow-links"]);
    assert_eq!(rules_in(&report), vec![], "{stderr}");
    assert_eq!(report["summary"]["files"], 3, "{stderr}");

    // The same from the configuration file.
    fs::write(dir.path().join("ormlint.toml"), "[files]\nfollow-links = true\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ormlint"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 3, "{}", String::from_utf8_lossy(&output.stderr));
}

fn quiet_or_findings(dir: &Path) -> usize {
    ormlint::check(&[dir.to_path_buf()], &Default::default()).expect("runs without panicking").diagnostics.len()
}

#[test]
fn a_string_literal_with_a_suffix_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("suffix.rs"),
        "#[derive(DeriveEntityModel)]\n#[sea_orm(table_name = \"x\"é)]\npub struct Model { pub id: i32 }\n",
    )
    .unwrap();
    quiet_or_findings(dir.path());
}

#[test]
fn a_relation_without_a_target_next_to_a_one_letter_entity_is_not_a_crash() {
    let entity = "use sea_orm::entity::prelude::*;\n#[derive(DeriveEntityModel)]\n#[sea_orm(table_name = \"t\")]\npub struct Model {\n    #[sea_orm(primary_key)]\n    pub id: i32,\n}\n#[derive(DeriveRelation)]\npub enum Relation {\n    #[sea_orm(has_many)]\n    B,\n}\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.rs"), entity).unwrap();
    fs::write(dir.path().join("b.rs"), entity).unwrap();
    quiet_or_findings(dir.path());
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_in_walks_and_refused_when_named() {
    let dir = project_with(&[]);
    let fifo = dir.path().join("pipe.rs");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo is available on unix");
    assert_eq!(findings(dir.path()), vec![]);
    let err = ormlint::check(&[fifo], &Default::default()).err().expect("a named FIFO is refused");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_reported() {
    let dir = project_with(&[]);
    let big = dir.path().join("generated.rs");
    let file = fs::File::create(&big).unwrap();
    file.set_len(ormlint::parse::MAX_FILE_BYTES + 1).unwrap();
    let found = findings(dir.path());
    assert_eq!(found, vec![("generated.rs".into(), 1, 1, "parse-error".into())]);
}

#[test]
fn a_50_mb_file_under_the_limit_is_analyzed() {
    // A generated file of 50 MB (a lookup table in one literal), then a
    // relation mistake after it: read, parsed and reported at the right line.
    let mut text = String::from("pub const TABLE: &str = \"");
    text.push_str(&"0123456789abcdef".repeat(50 << 16));
    text.push_str("\";\n\n");
    text.push_str(&GOOD_PAIR[1].1.replace("on_delete = \\\"Cascade\\\"", "").replace(", on_delete = \"Cascade\"", ""));
    assert!(text.len() > 50 << 20);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("user.rs"), GOOD_PAIR[0].1).unwrap();
    fs::write(dir.path().join("post.rs"), &text).unwrap();
    let found = findings(dir.path());
    assert_eq!(found, vec![("post.rs".into(), 15, 5, "missing-cascade".into())], "{found:?}");
}

/// Runs ormlint without the power to read what its permissions deny: as
/// itself when it is not root, else through `setpriv` with the capabilities
/// that let root read anything dropped (CI runs as root).
#[cfg(unix)]
fn ormlint_without_read_override(probe: &Path) -> std::process::Command {
    let binary = env!("CARGO_BIN_EXE_ormlint");
    if fs::File::open(probe).is_err() {
        return std::process::Command::new(binary);
    }
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--bounding-set=-dac_override,-dac_read_search", "--", binary]);
    let check = std::process::Command::new("setpriv")
        .args(["--bounding-set=-dac_override,-dac_read_search", "--", "cat"])
        .arg(probe)
        .output()
        .expect("running as root, this test needs `setpriv` (util-linux) to give up reading everything");
    assert!(!check.status.success(), "setpriv did not take away the permission to read {}", probe.display());
    cmd
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_finding_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project_with(&[("secret.rs", b"pub struct Hidden;\n"), ("locked/inner.rs", b"pub struct Inner;\n")]);
    let secret = dir.path().join("secret.rs");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o000)).unwrap();

    let output = ormlint_without_read_override(&secret)
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json", "--isolated"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The unreadable file is an error finding; the two readable files are analyzed.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = rules_in(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.ends_with("secret.rs") && found[0].1 == "parse-error", "{found:?}");
    assert!(report["diagnostics"][0]["message"].as_str().unwrap().contains("cannot read file"), "{report}");
    // The unreadable folder is a warning about the run, not a finding.
    assert!(stderr.contains("cannot read `") && stderr.contains("locked`: permission denied; skipped"), "{stderr}");

    // Named on the command line, it is the request that fails: exit 2.
    let output = ormlint_without_read_override(&secret).arg("check").arg(&secret).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));

    // Restored, so the temporary folder can be removed.
    fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
}
