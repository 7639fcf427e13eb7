//! What README.md tells users to write or run works: its configuration
//! examples load, and the ormlint commands of its CI and editor snippets run
//! on the example project and produce what those tools read.

mod common;

use assert_cmd::Command;
use common::copy_dir;

/// The fenced code blocks of README.md with their language.
fn code_blocks() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in readme.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) => current = Some((lang.trim().to_string(), String::new())),
            (Some(_), Some("")) => blocks.extend(current.take()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

#[test]
fn every_configuration_example_loads() {
    let configs: Vec<String> = code_blocks()
        .into_iter()
        .filter(|(lang, body)| lang == "toml" && (body.contains("[rules") || body.contains("[files]")))
        .map(|(_, body)| body)
        .collect();
    assert!(!configs.is_empty(), "README shows a configuration example");
    for config in configs {
        if let Err(err) = ormlint::config::Config::parse(&config) {
            panic!("README configuration does not load: {err}\n{config}");
        }
    }
}

/// The `ormlint ...` command lines of the README's YAML and JSON snippets.
fn documented_commands() -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    for (lang, body) in code_blocks() {
        if lang != "yaml" && lang != "json" {
            continue;
        }
        for line in body.lines() {
            let Some(at) = line.find("ormlint check") else { continue };
            let command = line[at..].trim_end_matches(['"', ',']).split(" #").next().unwrap_or("").trim().to_string();
            commands.push(command.split_whitespace().skip(1).map(str::to_string).collect());
        }
    }
    commands
}

#[test]
fn ci_and_editor_commands_run_on_the_example() {
    let commands = documented_commands();
    // GitHub Actions, GitLab CI, VS Code, pre-commit.
    assert!(commands.len() >= 4, "{commands:?}");
    for args in commands {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(std::path::Path::new("examples/events"), dir.path());
        let output = Command::cargo_bin("ormlint").unwrap().current_dir(dir.path()).args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}: the example has errors\n{output:?}");
        assert!(!output.stdout.is_empty(), "{args:?} printed nothing");
        for arg in &args {
            // Every `FMT=PATH` report was written and is what its reader expects.
            if let Some((format, path)) = arg.split_once('=') {
                let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
                let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                match format {
                    "sarif" => assert_eq!(value["version"], "2.1.0"),
                    "gitlab" => assert!(value.as_array().is_some_and(|a| !a.is_empty())),
                    other => panic!("README writes an unexpected report format `{other}`"),
                }
            }
        }
    }
}

#[test]
fn the_vs_code_task_is_valid_json_using_the_gcc_matcher() {
    let (_, task) =
        code_blocks().into_iter().find(|(lang, body)| lang == "json" && body.contains("\"tasks\"")).unwrap();
    let task: serde_json::Value = serde_json::from_str(&task).expect("tasks.json parses");
    let task = &task["tasks"][0];
    assert_eq!(task["problemMatcher"]["base"], "$gcc");
    assert!(task["command"].as_str().unwrap().contains("--format concise"));
}
