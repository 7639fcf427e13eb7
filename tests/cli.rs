//! The command line as users and scripts see it: exit codes, formats, subcommands.

use assert_cmd::Command;
use predicates::prelude::*;

fn ormlint() -> Command {
    Command::cargo_bin("ormlint").expect("binary builds")
}

const FAILING: &str = "tests/fixtures/missing-inverse/compact_has_many_without_belongs_to";
const PASSING: &str = "tests/fixtures/missing-inverse/pass_compact_pair";
const WARNING_ONLY: &str = "tests/fixtures/ignored-attribute/dense_belongs_to_second_attr_on_delete";

#[test]
fn exit_0_when_clean() {
    ormlint().args(["check", PASSING]).assert().code(0).stdout(predicate::str::contains("No relationship problems"));
}

#[test]
fn exit_1_on_an_error_finding() {
    ormlint().args(["check", FAILING]).assert().code(1);
}

#[test]
fn check_is_the_default_subcommand() {
    ormlint().arg(FAILING).assert().code(1).stdout(predicate::str::contains("missing-inverse"));
}

#[test]
fn warnings_exit_0_unless_denied() {
    ormlint()
        .args(["check", WARNING_ONLY, "--format", "concise"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning: SeaORM ignores this"));
    ormlint().args(["check", WARNING_ONLY, "--deny-warnings"]).assert().code(1);
}

#[test]
fn exit_2_on_a_missing_path() {
    ormlint()
        .args(["check", "tests/fixtures/does-not-exist"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"))
        .stdout(predicate::str::is_empty());
}

#[test]
fn exit_2_on_bad_arguments() {
    ormlint().args(["check", "--format", "xml", PASSING]).assert().code(2);
    ormlint().args(["check", "--no-such-flag"]).assert().code(2);
}

#[test]
fn concise_lines_match_the_gcc_problem_matcher() {
    let output = ormlint().args(["check", FAILING, "--format", "concise"]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let line = stdout.lines().next().expect("one finding");
    // file:line:col: severity: message [rule]
    let parts: Vec<&str> = line.splitn(4, ':').collect();
    assert!(parts[0].ends_with("src/entity/author.rs"), "{line}");
    assert_eq!(parts[1], "17");
    assert_eq!(parts[2], "5");
    assert!(parts[3].starts_with(" error: "), "{line}");
    assert!(line.ends_with("[missing-inverse]"), "{line}");
}

#[test]
fn json_has_the_documented_shape() {
    let output = ormlint().args(["check", FAILING, "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tool"]["name"], "ormlint");
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 0);
    assert!(doc["summary"]["files"].as_u64().unwrap() >= 3);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "missing-inverse");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], format!("{FAILING}/src/entity/author.rs"));
    assert_eq!(d["start"]["line"], 17);
    assert_eq!(d["start"]["column"], 5);
    assert!(d["end"]["line"].as_u64().unwrap() >= 17);
    let label = &d["labels"][0];
    assert_eq!(label["file"], format!("{FAILING}/src/entity/post.rs"));
    assert!(label["message"].as_str().unwrap().contains("no `belongs_to`"));
    assert!(d["notes"].is_array());
    assert!(d["help"].as_str().unwrap().contains("belongs_to"));
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let run = |threads: &str| {
        ormlint().args(["check", "tests/fixtures", "--format", "json", "--threads", threads]).output().unwrap().stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
    assert_eq!(one, run("1"));
}

#[test]
fn parse_errors_do_not_stop_the_run() {
    ormlint()
        .args(["check", "tests/fixtures/parse-error/dense_syntax_error_rest_still_analyzed", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[parse-error]").and(predicate::str::contains("[missing-inverse]")));
}

#[test]
fn rules_lists_every_rule_with_its_level() {
    let assert = ormlint().arg("rules").assert().code(0);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for rule in ormlint::rules::RULES {
        let line = stdout.lines().find(|l| l.starts_with(rule.name)).unwrap_or_else(|| panic!("{} missing", rule.name));
        assert!(line.contains(rule.default_severity.as_str()), "{line}");
    }
}

#[test]
fn explain_prints_the_rule_doc() {
    ormlint()
        .args(["explain", "missing-inverse"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it does").and(predicate::str::contains("## Use instead")));
}

#[test]
fn explain_unknown_rule_suggests_and_exits_2() {
    ormlint()
        .args(["explain", "missing-inverses"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `missing-inverse`"));
}

#[test]
fn no_colour_when_not_a_terminal() {
    ormlint().args(["check", FAILING]).assert().stdout(predicate::str::contains("\u{1b}[").not());
    ormlint().args(["check", FAILING, "--color", "always"]).assert().stdout(predicate::str::contains("\u{1b}["));
}

#[test]
fn a_single_file_is_analyzed_with_its_crate_and_reported_alone() {
    // event.rs's targets live in sibling files; only event.rs's finding is shown.
    let assert = ormlint()
        .current_dir("examples/events/src/entity")
        .args(["check", "event.rs", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(lines[0].starts_with("event.rs:29:5: error:"), "{stdout}");
    assert!(lines[0].ends_with("[missing-inverse]"), "{stdout}");
}

/// A scratch directory holding one `ormlint.toml`.
fn config_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ormlint.toml"), text).unwrap();
    dir
}

#[test]
fn config_levels_change_the_exit_code() {
    let target = std::fs::canonicalize(WARNING_ONLY).unwrap();
    let deny = config_dir("[rules]\nignored-attribute = \"deny\"\n");
    ormlint().current_dir(deny.path()).arg("check").arg(&target).assert().code(1);
    let allow = config_dir("[rules]\nignored-attribute = \"allow\"\n");
    ormlint()
        .current_dir(allow.path())
        .arg("check")
        .arg(&target)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No relationship problems"));
    // The file is found from a subdirectory too, and `--config` names one directly.
    let nested = allow.path().join("sub/dir");
    std::fs::create_dir_all(&nested).unwrap();
    ormlint().current_dir(&nested).arg("check").arg(&target).assert().code(0);
    ormlint().arg("check").arg(&target).arg("--config").arg(deny.path().join("ormlint.toml")).assert().code(1);
}

#[test]
fn a_config_typo_exits_2_with_a_suggestion() {
    let typo = config_dir("[rules]\nmising-cascade = \"allow\"\n");
    ormlint()
        .current_dir(typo.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `mising-cascade` (did you mean `missing-cascade`?)"));
    let option = config_dir("[rules.missing-cascade]\nonly-when-inverses = true\n");
    ormlint()
        .current_dir(option.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `only-when-inverse`?"));
    // `--isolated` ignores the broken file.
    ormlint().current_dir(typo.path()).args(["check", ".", "--isolated"]).assert().code(0);
    ormlint().args(["check", PASSING, "--config", "no/such/ormlint.toml"]).assert().code(2);
}

/// The JSON report's diagnostics, to compare other formats with.
fn json_report(path: &str) -> Vec<serde_json::Value> {
    let output = ormlint().args(["check", path, "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn jsonl_has_the_json_reports_diagnostics_one_per_line() {
    let output = ormlint().args(["check", "examples/events", "--format", "jsonl"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, json_report("examples/events"));
}

/// Undo the runner's escaping of a workflow command's message or property.
fn unescape(text: &str) -> String {
    text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
}

#[test]
fn github_annotations_parse_back_to_the_json_findings() {
    let output = ormlint().args(["check", "examples/events", "--format", "github"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let json = json_report("examples/events");
    assert_eq!(text.lines().count(), json.len());
    for (line, d) in text.lines().zip(&json) {
        let rest = line.strip_prefix("::").expect("a workflow command");
        let (command, rest) = rest.split_once(' ').unwrap();
        assert_eq!(command, d["severity"].as_str().unwrap());
        let (properties, message) = rest.split_once("::").unwrap();
        let properties: std::collections::HashMap<&str, String> =
            properties.split(',').map(|p| p.split_once('=').unwrap()).map(|(k, v)| (k, unescape(v))).collect();
        assert_eq!(properties["file"], d["file"].as_str().unwrap());
        assert_eq!(properties["line"], d["start"]["line"].to_string());
        assert_eq!(properties["col"], d["start"]["column"].to_string());
        assert_eq!(properties["endLine"], d["end"]["line"].to_string());
        assert_eq!(properties["endColumn"], d["end"]["column"].to_string());
        assert_eq!(properties["title"], format!("ormlint ({})", d["rule"].as_str().unwrap()));
        let message = unescape(message);
        assert!(message.starts_with(d["message"].as_str().unwrap()), "{message}");
        if let Some(help) = d["help"].as_str() {
            assert!(message.ends_with(&format!("help: {help}")), "{message}");
        }
    }
}

#[test]
fn several_formats_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let output = ormlint()
        .args(["check", "examples/events", "--format", "concise", "--format"])
        .arg(format!("json={}", report.display()))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let concise = String::from_utf8(output.stdout).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(concise.lines().count(), saved["diagnostics"].as_array().unwrap().len());
    assert_eq!(saved["diagnostics"].as_array().unwrap(), &json_report("examples/events"));
}

#[test]
fn two_formats_on_standard_output_or_an_unwritable_report_exit_2() {
    ormlint()
        .args(["check", PASSING, "--format", "concise", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only one `--format` can write to standard output"));
    ormlint().args(["check", PASSING, "--format", "json="]).assert().code(2);
    ormlint()
        .args(["check", PASSING, "--format", "json=/nonexistent-dir/report.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
}

/// Rules reported by a run, in concise form.
fn rules_reported(args: &[&str]) -> (Option<i32>, Vec<String>) {
    let output = ormlint().args(["check", "examples/events", "--format", "concise"]).args(args).output().unwrap();
    let rules = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| format!("{} {}", l.split(": ").nth(1).unwrap(), l.rsplit('[').next().unwrap().trim_end_matches(']')))
        .collect();
    (output.status.code(), rules)
}

#[test]
fn command_line_levels_apply_left_to_right() {
    let (code, rules) = rules_reported(&["-A", "all", "-W", "import-cycle"]);
    assert_eq!((code, rules), (Some(0), vec!["warning import-cycle".to_string()]));
    let (code, rules) = rules_reported(&["-W", "import-cycle", "-A", "all"]);
    assert_eq!((code, rules.len()), (Some(0), 0), "the later -A all wins");
    let (code, rules) = rules_reported(&["-A", "all", "-D", "queries"]);
    assert_eq!(code, Some(1));
    assert_eq!(rules, ["error n-plus-one", "error n-plus-one"], "a family turns on its rules only");
    let (_, rules) = rules_reported(&["--deny", "all", "--allow", "pairing"]);
    assert!(rules.iter().all(|r| r.starts_with("error ") && !r.ends_with("missing-inverse")), "{rules:?}");
}

#[test]
fn an_unknown_rule_on_the_command_line_exits_2_with_a_suggestion() {
    ormlint()
        .args(["check", PASSING, "-A", "improt-cycle"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `import-cycle`"));
}

#[test]
fn exit_zero_and_statistics() {
    ormlint().args(["check", "examples/events", "--exit-zero"]).assert().code(0);
    let output = ormlint().args(["check", "examples/events", "--statistics"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    let total: usize = rows.iter().map(|r| r[0].parse::<usize>().unwrap()).sum();
    assert_eq!(total, json_report("examples/events").len());
    assert_eq!(rows[0][1], "mismatched-inverse", "most findings first: {text}");
    assert!(rows.iter().any(|r| r[1..] == ["import-cycle", "warning"]), "{text}");
}

#[test]
fn init_writes_every_rule_at_its_default_and_the_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ormlint.toml");
    ormlint().arg("init").arg(&path).assert().code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    for rule in ormlint::rules::RULES {
        assert!(text.contains(&format!("\n{} = ", rule.name)), "{} missing from:\n{text}", rule.name);
        for option in rule.options {
            assert!(text.contains(&format!("{option} = ")), "{}.{option} missing", rule.name);
        }
    }
    let with_file = ormlint().args(["check", "examples/events", "--format", "json", "--config"]).arg(&path).output();
    let isolated = ormlint().args(["check", "examples/events", "--format", "json", "--isolated"]).output();
    assert_eq!(with_file.unwrap().stdout, isolated.unwrap().stdout);
    ormlint().arg("init").arg(&path).assert().code(2).stderr(predicate::str::contains("already exists"));
    ormlint().arg("init").arg(&path).arg("--force").assert().code(0);
}

#[test]
fn gitlab_report_matches_the_findings_and_keeps_fingerprints_when_lines_move() {
    // Run inside the project so both copies print the same paths.
    let gitlab = |dir: &std::path::Path| -> Vec<serde_json::Value> {
        let output =
            ormlint().current_dir(dir).args(["check", ".", "--isolated", "--format", "gitlab"]).output().unwrap();
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap().as_array().unwrap().clone()
    };
    let issues = gitlab(std::path::Path::new("examples/events"));
    let json = json_report("examples/events");
    assert_eq!(issues.len(), json.len());
    for (issue, d) in issues.iter().zip(&json) {
        assert_eq!(issue["check_name"], d["rule"]);
        assert_eq!(issue["description"], d["message"]);
        let path = issue["location"]["path"].as_str().unwrap().trim_start_matches("./");
        assert_eq!(format!("examples/events/{path}"), d["file"].as_str().unwrap());
        assert_eq!(issue["location"]["lines"]["begin"], d["start"]["line"]);
        let expected = if d["severity"] == "error" { "major" } else { "minor" };
        assert_eq!(issue["severity"], expected);
    }
    let fingerprints = |issues: &[serde_json::Value]| -> std::collections::BTreeSet<String> {
        issues.iter().map(|i| i["fingerprint"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(fingerprints(&issues).len(), issues.len(), "fingerprints are unique");
    // The same project with every file shifted down by three lines.
    let dir = tempfile::tempdir().unwrap();
    for entry in walk("examples/events") {
        let relative = entry.strip_prefix("examples/events").unwrap();
        let target = dir.path().join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let text = std::fs::read_to_string(&entry).unwrap();
        let shifted = if entry.extension().is_some_and(|e| e == "rs") { format!("\n\n\n{text}") } else { text };
        std::fs::write(target, shifted).unwrap();
    }
    let moved = gitlab(dir.path());
    assert_eq!(fingerprints(&moved), fingerprints(&issues));
}

fn walk(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![std::path::PathBuf::from(dir)];
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
