//! `ormlint.toml`'s `[files]` and `[[overrides]]`, and `--stdin-filename`,
//! tried on a copy of the example project as a user would.

mod common;

use assert_cmd::Command;
use common::copy_dir;

fn ormlint() -> Command {
    Command::cargo_bin("ormlint").expect("binary builds")
}

/// A scratch copy of `examples/events` with `ormlint.toml` holding `config`.
fn example_with(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(std::path::Path::new("examples/events"), dir.path());
    std::fs::write(dir.path().join("ormlint.toml"), config).unwrap();
    dir
}

/// `file:line rule severity` of every finding of `ormlint check .` run in `dir`, and the exit code.
fn findings_in(dir: &std::path::Path, extra: &[&str]) -> (Option<i32>, Vec<String>) {
    let output = ormlint().current_dir(dir).args(["check", ".", "--format", "concise"]).args(extra).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|line| {
            let mut parts = line.splitn(4, ':');
            let (file, number) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let rest = line.rsplit_once('[').map_or("", |(_, r)| r.trim_end_matches(']'));
            let severity = if line.contains(": error: ") { "error" } else { "warning" };
            format!("{file}:{number} {rest} {severity}")
        })
        .collect();
    (output.status.code(), lines)
}

fn count(lines: &[String], needle: &str) -> usize {
    lines.iter().filter(|l| l.contains(needle)).count()
}

#[test]
fn the_example_as_baseline() {
    let dir = example_with("");
    let (code, lines) = findings_in(dir.path(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 12, "{lines:#?}");
    assert!(lines.contains(&"src/handlers.rs:61 import-cycle warning".to_string()), "{lines:#?}");
}

#[test]
fn files_exclude_leaves_a_file_out_entirely() {
    // Without `reports.rs`, `handlers.rs` imports nothing back: no cycle.
    let dir = example_with("[files]\nexclude = [\"src/reports.rs\"]\n");
    let (_, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "import-cycle"), 0, "{lines:#?}");
    assert_eq!(lines.len(), 11, "{lines:#?}");
    // A glob without `/` matches the file name at any depth.
    let dir = example_with("[files]\nexclude = [\"handlers.rs\"]\n");
    let (_, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "handlers.rs"), 0, "{lines:#?}");
    assert_eq!(lines.len(), 9, "{lines:#?}");
}

#[test]
fn files_include_reads_only_what_it_matches() {
    let dir = example_with("[files]\ninclude = [\"src/entity/**\"]\n");
    let (_, lines) = findings_in(dir.path(), &[]);
    assert!(lines.iter().all(|l| l.starts_with("src/entity/")), "{lines:#?}");
    assert_eq!(lines.len(), 9, "{lines:#?}");
    // `*` does not cross a `/`: `src/*.rs` is not the entity files.
    let dir = example_with("[files]\ninclude = [\"src/*.rs\"]\n");
    let (_, lines) = findings_in(dir.path(), &[]);
    assert!(lines.iter().all(|l| !l.starts_with("src/entity/")), "{lines:#?}");
}

#[test]
fn a_file_named_on_the_command_line_is_read_even_if_excluded() {
    let dir = example_with("[files]\nexclude = [\"src/handlers.rs\"]\n");
    let output = ormlint().current_dir(dir.path()).args(["check", "src/handlers.rs", "--format", "concise"]).output();
    let stdout = String::from_utf8(output.unwrap().stdout).unwrap();
    assert_eq!(stdout.lines().filter(|l| l.contains("n-plus-one")).count(), 2, "{stdout}");
}

#[test]
fn gitignore_is_respected_unless_turned_off() {
    let dir = example_with("");
    std::fs::write(dir.path().join(".gitignore"), "src/handlers.rs\n").unwrap();
    let (_, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "handlers.rs"), 0, "{lines:#?}");
    std::fs::write(dir.path().join("ormlint.toml"), "[files]\nrespect-gitignore = false\n").unwrap();
    let (_, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "handlers.rs"), 3, "{lines:#?}");
}

#[test]
fn overrides_set_levels_for_matching_files_only() {
    let dir = example_with(
        "[[overrides]]\nfiles = [\"src/handlers.rs\"]\nrules = { queries = \"allow\" }\n\n\
         [[overrides]]\nfiles = [\"src/entity/*.rs\"]\nrules = { all = \"warn\" }\n",
    );
    let (code, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "n-plus-one"), 0, "{lines:#?}");
    assert_eq!(count(&lines, "import-cycle"), 1, "{lines:#?}");
    assert_eq!(count(&lines, "src/entity/"), 9, "{lines:#?}");
    assert_eq!(count(&lines, " error"), 0, "{lines:#?}");
    assert_eq!(code, Some(0), "every error became a warning");
    // Overrides apply after the command-line levels: `-D all` does not undo them.
    let (code, lines) = findings_in(dir.path(), &["-D", "all"]);
    assert_eq!(count(&lines, "n-plus-one"), 0, "{lines:#?}");
    assert_eq!(count(&lines, "import-cycle warning"), 0, "{lines:#?}");
    assert_eq!(count(&lines, "import-cycle error"), 1, "{lines:#?}");
    assert_eq!(code, Some(1));
}

#[test]
fn later_overrides_win_and_can_turn_a_globally_allowed_rule_on() {
    let dir = example_with(
        "[rules]\nimport-cycle = \"allow\"\n\n\
         [[overrides]]\nfiles = [\"src/**\"]\nrules = { import-cycle = \"deny\" }\n\n\
         [[overrides]]\nfiles = [\"src/entity/**\"]\nrules = { import-cycle = \"allow\" }\n",
    );
    let (_, lines) = findings_in(dir.path(), &[]);
    assert!(lines.contains(&"src/handlers.rs:61 import-cycle error".to_string()), "{lines:#?}");
}

#[test]
fn config_mistakes_exit_2_with_a_suggestion() {
    let cases = [
        ("[file]\nexclude = []\n", "unknown key `file` (did you mean `files`?)"),
        ("[files]\nexlude = [\"x\"]\n", "did you mean `exclude`?"),
        ("[files]\nexclude = \"vendor/**\"\n", "`files.exclude` must be a list of globs"),
        ("[files]\nexclude = [\"a/[b\"]\n", "bad glob `a/[b`"),
        ("[files]\nrespect-gitignore = \"yes\"\n", "`files.respect-gitignore` must be `true` or `false`"),
        ("[[overrides]]\nrules = { n-plus-one = \"allow\" }\n", "needs `files = "),
        ("[[overrides]]\nfiles = [\"tests/**\"]\nrules = { n-plus-on = \"allow\" }\n", "did you mean `n-plus-one`?"),
        ("[[overrides]]\nfiles = [\"tests/**\"]\nrule = { n-plus-one = \"allow\" }\n", "did you mean `rules`?"),
        (
            "[[overrides]]\nfiles = [\"t/**\"]\nrules = { n-plus-one = { level = \"allow\" } }\n",
            "options are set in `[rules]` only",
        ),
        ("[[overrides]]\nfiles = [\"t/**\"]\nrules = { n-plus-one = \"alow\" }\n", "did you mean `allow`?"),
    ];
    for (config, expected) in cases {
        let dir = example_with(config);
        let output = ormlint().current_dir(dir.path()).args(["check", "."]).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{config}: {stderr}");
        assert!(stderr.contains(expected), "{config}: expected `{expected}` in {stderr}");
        assert!(stderr.contains("ormlint.toml"), "the message names the file: {stderr}");
    }
}

#[test]
fn a_named_file_deep_in_a_crate_is_read_with_the_whole_crate() {
    // `src/handlers.rs`'s crate is `src/..`: the cycle through `reports.rs` needs it.
    let output = ormlint()
        .current_dir("examples/events")
        .args(["check", "src/handlers.rs", "--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("src/handlers.rs:61:8: warning: import cycle"), "{stdout}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn stdin_filename_lints_the_buffer_with_the_project_from_disk() {
    let dir = example_with("");
    let handlers = std::fs::read_to_string(dir.path().join("src/handlers.rs")).unwrap();
    let run = |stdin: String, path: &str| {
        let output = ormlint()
            .current_dir(dir.path())
            .args(["check", "--format", "concise", "--stdin-filename", path])
            .write_stdin(stdin)
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    };
    // The buffer as on disk: the file's three findings, and no one else's.
    let (code, stdout) = run(handlers.clone(), "src/handlers.rs");
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.lines().all(|l| l.starts_with("src/handlers.rs:")), "{stdout}");
    // An edit not saved yet: the buffer, not the disk, is analyzed, and line numbers follow it.
    let edited = format!("// new first line\n{}", handlers.replace("crate::reports::program_text", "program_text"));
    let (_, stdout) = run(edited, "src/handlers.rs");
    assert!(!stdout.contains("import-cycle"), "{stdout}");
    assert!(stdout.contains("src/handlers.rs:29:"), "{stdout}");
    // A new file that is not on disk yet.
    let (code, stdout) = run("pub fn broken(\n".to_string(), "src/new_module.rs");
    assert_eq!(code, Some(1));
    assert!(stdout.starts_with("src/new_module.rs:") && stdout.contains("[parse-error]"), "{stdout}");
    // Paths and a buffer do not mix; a buffer must be named like a Rust file.
    ormlint().current_dir(dir.path()).args(["check", "src", "--stdin-filename", "src/a.rs"]).assert().code(2);
    ormlint().current_dir(dir.path()).args(["check", "--stdin-filename", "src/a.txt"]).write_stdin("").assert().code(2);
}

/// Insert `line` before line `before` (1-based) of `file` in `dir`.
fn insert_line(dir: &std::path::Path, file: &str, before: usize, line: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(before - 1, line);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn suppressions_silence_findings_and_stale_ones_are_reported() {
    let dir = example_with("");
    // Before the `missing-inverse` at event.rs:29: covers the field it starts.
    insert_line(
        dir.path(),
        "src/entity/event.rs",
        29,
        "    // ormlint: allow(missing-inverse) -- sessions are read-only here",
    );
    // A whole file, by family.
    insert_line(dir.path(), "src/handlers.rs", 1, "//! ormlint: allow(queries, modules) -- admin-only batch handlers");
    // Nothing to silence in this struct: reported.
    insert_line(dir.path(), "src/entity/session.rs", 1, "// ormlint: allow(cascade-cycle) -- left over");
    let (_, lines) = findings_in(dir.path(), &[]);
    assert_eq!(count(&lines, "missing-inverse"), 0, "{lines:#?}");
    assert_eq!(count(&lines, "handlers.rs"), 0, "{lines:#?}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("unused-suppression")).collect::<Vec<_>>(),
        ["src/entity/session.rs:1 unused-suppression warning"]
    );
    assert_eq!(lines.len(), 12 - 4 + 1, "{lines:#?}");
    // The stale one fails the build under `-D unused-suppression`, and `-A` hides it.
    let (code, _) = findings_in(dir.path(), &["-W", "all", "-D", "unused-suppression"]);
    assert_eq!(code, Some(1));
    let (_, lines) = findings_in(dir.path(), &["-A", "unused-suppression"]);
    assert_eq!(count(&lines, "unused-suppression"), 0, "{lines:#?}");
    // A suppression of a rule turned off is not stale: it may matter under another configuration.
    let (_, lines) = findings_in(dir.path(), &["-A", "cascade-cycle"]);
    assert_eq!(count(&lines, "unused-suppression"), 0, "{lines:#?}");
}

#[test]
fn glob_forms_as_in_gitignore() {
    // A directory stands for everything in it; a leading `/` anchors at the root.
    for exclude in ["\"src/entity\"", "\"src/entity/\"", "\"/src/entity\"", "\"entity\""] {
        let dir = example_with(&format!("[files]\nexclude = [{exclude}]\n"));
        let (_, lines) = findings_in(dir.path(), &[]);
        assert_eq!(count(&lines, "src/entity/"), 0, "{exclude}: {lines:#?}");
        assert_eq!(lines.len(), 3, "{exclude}: {lines:#?}");
    }
    let dir = example_with("[files]\nexclude = [\"!src/entity/**\"]\n");
    let output = ormlint().current_dir(dir.path()).args(["check", "."]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("negated globs are not supported"));
    // Nothing left to read is said, not passed over in silence.
    let dir = example_with("[files]\ninclude = [\"lib/**\"]\n");
    let output = ormlint().current_dir(dir.path()).args(["check", "."]).output().unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("no Rust source files to analyze"), "{output:?}");
}

#[test]
fn globs_apply_however_the_configuration_and_paths_are_spelled() {
    let dir = example_with("[files]\nexclude = [\"src/reports.rs\"]\n");
    let cycles = |cwd: &std::path::Path, args: &[&std::ffi::OsStr]| {
        let output = ormlint().current_dir(cwd).arg("check").args(args).args(["--format", "concise"]).output();
        String::from_utf8(output.unwrap().stdout).unwrap().matches("import-cycle").count()
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    assert_eq!(cycles(dir.path(), &[os(".")]), 0);
    // A bare file name for `--config`: its directory is the current one.
    assert_eq!(cycles(dir.path(), &[os("."), os("--config"), os("ormlint.toml")]), 0);
    // From a subdirectory, with `..`.
    assert_eq!(cycles(&dir.path().join("src/entity"), &[os("../..")]), 0);
    // Through a symbolic link to the project.
    #[cfg(unix)]
    {
        let link = tempfile::tempdir().unwrap();
        let linked = link.path().join("project");
        std::os::unix::fs::symlink(dir.path(), &linked).unwrap();
        assert_eq!(cycles(dir.path(), &[linked.as_os_str()]), 0);
        let config = linked.join("ormlint.toml");
        assert_eq!(cycles(dir.path(), &[os("."), os("--config"), config.as_os_str()]), 0);
    }
}

#[test]
fn a_file_named_with_dots_is_read_with_its_crate_only() {
    // From `src/entity`, `../handlers.rs`'s crate is `../..`: not a directory above it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("outside.rs"), "pub struct NotInTheCrate;\n").unwrap();
    let project = dir.path().join("a/b");
    copy_dir(std::path::Path::new("examples/events"), &project);
    let output = ormlint()
        .current_dir(project.join("src/entity"))
        .args(["check", "../handlers.rs", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 11, "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn every_output_that_can_be_written_is() {
    let dir = example_with("");
    let output = ormlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "sarif=no/such/dir/x.sarif", "--format", "concise", "--format", "json=r.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 12);
    assert!(dir.path().join("r.json").is_file());
    // Two reports into one file would lose one.
    let output = ormlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "sarif=x", "--format", "json=./x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("two `--format` outputs write to"));
    // `--statistics` takes standard output; reports are still written.
    let output =
        ormlint().current_dir(dir.path()).args(["check", ".", "--statistics", "--format", "gitlab=gl.json"]).output();
    let stdout = String::from_utf8(output.unwrap().stdout).unwrap();
    assert!(stdout.contains("mismatched-inverse"), "{stdout}");
    assert!(dir.path().join("gl.json").is_file());
}
