//! Compile every `pass*` fixture as real code against the real sea-orm.
//!
//! Every Cargo package of every `tests/fixtures/<rule>/pass*/` case becomes one crate
//! of a generated Cargo workspace. The generated crates point at the fixture sources
//! in place (`[lib] path = ".../src/lib.rs"`, or a generated `lib.rs` that mounts
//! `src/entity/mod.rs` as `crate::entity` when the fixture has no `lib.rs`), so
//! nothing is copied and nothing can drift. One `cargo check --keep-going` covers
//! all of them; [`Report`] then says, per fixture, what the compiler said.
//!
//! A fixture is laid out in one of three ways:
//! - a module tree without a manifest (`src/entity/mod.rs`, `src/lib.rs`, ...);
//! - a package: `Cargo.toml` with `[package]`;
//! - a workspace: `Cargo.toml` with `[workspace] members`, each member a package.
//!
//! Fixture manifests do not declare sea-orm themselves in a usable way (or at all):
//! every crate gets the oracle's own sea-orm dependency, minus its database driver
//! and runtime features, which entity code never needs. Path dependencies between
//! packages of one fixture are wired to the generated crates.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;
use toml::{Table, Value};

/// One `tests/fixtures/<rule>/<case>/` directory.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// `rule/case`, the name used in reports and in `excluded.toml`.
    pub id: String,
    pub dir: PathBuf,
}

/// Every `<rule>/pass*` case under `root`, sorted.
pub fn discover(root: &Path) -> Vec<Fixture> {
    let mut fixtures = Vec::new();
    for rule in sorted_dirs(root) {
        for case in sorted_dirs(&rule) {
            if file_name(&case).starts_with("pass") {
                fixtures.push(Fixture { id: format!("{}/{}", file_name(&rule), file_name(&case)), dir: case });
            }
        }
    }
    fixtures
}

/// `excluded.toml`: fixtures that must not be compiled, each with its reason.
///
/// Every entry must name an existing pass fixture and give a reason, so the list
/// cannot silently go stale.
pub fn load_exclusions(path: &Path, fixtures: &[Fixture]) -> BTreeMap<String, String> {
    let table = read_toml(path).unwrap_or_else(|e| panic!("{e}"));
    let entries = match table.get("fixture") {
        None => return BTreeMap::new(),
        Some(Value::Array(entries)) => entries,
        Some(_) => panic!("{}: `fixture` must be an array of tables ([[fixture]])", path.display()),
    };
    let known: BTreeSet<&str> = fixtures.iter().map(|f| f.id.as_str()).collect();
    let mut excluded = BTreeMap::new();
    for entry in entries {
        let field = |key: &str| entry.get(key).and_then(Value::as_str).map(str::trim).unwrap_or_default();
        let (id, reason) = (field("path"), field("reason"));
        assert!(!id.is_empty(), "{}: an entry has no `path = \"rule/case\"`", path.display());
        assert!(!reason.is_empty(), "{}: `{id}` has no reason", path.display());
        assert!(known.contains(id), "{}: `{id}` is not a pass fixture under tests/fixtures", path.display());
        let previous = excluded.insert(id.to_string(), reason.to_string());
        assert!(previous.is_none(), "{}: `{id}` is listed twice", path.display());
    }
    excluded
}

/// Where the check runs and what it uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// The cargo binary (`$CARGO` inside `cargo test`).
    pub cargo: PathBuf,
    /// The generated workspace (rewritten on every run, files only touched when they change).
    pub workspace: PathBuf,
    /// The nested cargo's target directory. It must differ from the outer build's,
    /// whose lock the running `cargo test` holds.
    pub target_dir: PathBuf,
    /// Copied into the generated workspace so dependency versions match the oracle's.
    pub lockfile: PathBuf,
    /// The dependencies every generated crate gets (sea-orm, futures), by name.
    pub supplied: BTreeMap<String, Table>,
}

/// Crates a fixture may depend on besides sea-orm: handler code awaits futures
/// together (`try_join_all`, `FuturesUnordered`). The oracle depends on each
/// itself, so they are in the registry for the `--offline` check.
const SUPPLIED_BESIDES_SEA_ORM: &[&str] = &["futures"];

/// [`sea_orm_for_entities`] and the oracle's own dependencies named in
/// [`SUPPLIED_BESIDES_SEA_ORM`], by name.
pub fn supplied_dependencies(oracle_manifest: &Path) -> BTreeMap<String, Table> {
    let manifest = read_toml(oracle_manifest).unwrap_or_else(|e| panic!("{e}"));
    let mut supplied = BTreeMap::from([("sea-orm".to_string(), sea_orm_for_entities(oracle_manifest))]);
    for &name in SUPPLIED_BESIDES_SEA_ORM {
        let dep = match manifest.get("dependencies").and_then(|deps| deps.get(name)) {
            Some(Value::String(version)) => Table::from_iter([("version".to_string(), Value::String(version.clone()))]),
            Some(Value::Table(table)) => table.clone(),
            _ => panic!("{}: no `{name}` dependency", oracle_manifest.display()),
        };
        supplied.insert(name.to_string(), dep);
    }
    supplied
}

/// The oracle's own `sea-orm` dependency from its `Cargo.toml`, without the
/// `sqlx-*` driver and `runtime-*` features: entity definitions compile the same
/// without them, and leaving them out keeps SQLite's C build out of the nested check.
/// Every crate that remains is one the oracle itself builds, so `--offline` works.
pub fn sea_orm_for_entities(oracle_manifest: &Path) -> Table {
    let manifest = read_toml(oracle_manifest).unwrap_or_else(|e| panic!("{e}"));
    let mut dep = manifest
        .get("dependencies")
        .and_then(|deps| deps.get("sea-orm"))
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_else(|| panic!("{}: no `sea-orm = {{ ... }}` dependency", oracle_manifest.display()));
    if let Some(Value::Array(features)) = dep.get_mut("features") {
        features.retain(|f| f.as_str().is_some_and(|f| !f.starts_with("sqlx-") && !f.starts_with("runtime-")));
    }
    dep
}

/// What happened to one fixture.
#[derive(Debug)]
pub enum Outcome {
    Compiled,
    Excluded(String),
    /// The fixture's layout could not be turned into crates.
    Layout(String),
    /// The compiler's rendered errors.
    Failed(Vec<String>),
    /// No result: a crate it depends on failed, or cargo stopped before it.
    NotChecked,
}

#[derive(Debug)]
pub struct Report {
    pub outcomes: Vec<(Fixture, Outcome)>,
    /// Set when cargo failed as a whole (e.g. a dependency was not in the offline cache).
    pub cargo_failure: Option<String>,
}

impl Report {
    pub fn all_compiled(&self) -> bool {
        self.cargo_failure.is_none()
            && self.outcomes.iter().all(|(_, o)| matches!(o, Outcome::Compiled | Outcome::Excluded(_)))
    }

    /// Per-fixture results, failures last with the compiler output.
    pub fn summary(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.outcomes.iter().filter(|(_, o)| f(o)).count();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "pass fixtures: {} compiled, {} excluded, {} failed ({} total)",
            count(|o| matches!(o, Outcome::Compiled)),
            count(|o| matches!(o, Outcome::Excluded(_))),
            count(|o| !matches!(o, Outcome::Compiled | Outcome::Excluded(_))),
            self.outcomes.len()
        );
        for (fixture, outcome) in &self.outcomes {
            let status = match outcome {
                Outcome::Compiled => "ok".to_string(),
                Outcome::Excluded(reason) => format!("excluded: {reason}"),
                Outcome::Layout(_) => "FAILED (layout)".to_string(),
                Outcome::Failed(errors) => format!("FAILED ({} compiler error(s))", errors.len()),
                Outcome::NotChecked => "NOT CHECKED (a crate it depends on failed, or cargo stopped)".to_string(),
            };
            let _ = writeln!(out, "  {:<72} {status}", fixture.id);
        }
        for (fixture, outcome) in &self.outcomes {
            match outcome {
                Outcome::Layout(why) => {
                    let _ = writeln!(out, "\n==== {}: cannot build a crate from this layout\n{why}", fixture.id);
                }
                Outcome::Failed(errors) => {
                    let _ = writeln!(out, "\n==== {} ({})", fixture.id, fixture.dir.display());
                    for error in errors {
                        let _ = writeln!(out, "{}", error.trim_end());
                    }
                }
                _ => {}
            }
        }
        if let Some(failure) = &self.cargo_failure {
            let _ = writeln!(out, "\n==== cargo check failed as a whole\n{failure}");
        }
        out
    }
}

/// Generate the workspace for `fixtures`, check it, and report per fixture.
pub fn check(config: &Config, fixtures: &[Fixture], excluded: &BTreeMap<String, String>) -> Report {
    // Cargo reports manifests by their canonical paths.
    std::fs::create_dir_all(&config.workspace).expect("create the generated workspace");
    let workspace = std::fs::canonicalize(&config.workspace).expect("canonicalize the generated workspace");
    let config = &Config { workspace, ..config.clone() };

    let mut outcomes: Vec<(Fixture, Outcome)> = Vec::new();
    let mut crates: Vec<(usize, Crate)> = Vec::new();
    for fixture in fixtures {
        let outcome = if let Some(reason) = excluded.get(&fixture.id) {
            Outcome::Excluded(reason.clone())
        } else {
            match plan(fixture) {
                Ok(planned) => {
                    crates.extend(planned.into_iter().map(|c| (outcomes.len(), c)));
                    Outcome::NotChecked
                }
                Err(why) => Outcome::Layout(why),
            }
        };
        outcomes.push((fixture.clone(), outcome));
    }

    write_workspace(config, crates.iter().map(|(_, c)| c));
    let mut result = run_cargo_check(config);

    // A fixture compiled when all its crates produced an artifact; any error fails it.
    let mut checked: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
    for (index, krate) in &crates {
        let manifest = config.workspace.join("crates").join(&krate.name).join("Cargo.toml");
        let entry = checked.entry(*index).or_default();
        entry.0 += usize::from(result.artifacts.contains(&manifest));
        entry.1.extend(result.errors.remove(&manifest).into_iter().flatten());
    }
    // Errors outside the generated crates (in a dependency, say) fail the run as a whole.
    for (manifest, errors) in std::mem::take(&mut result.errors) {
        let failure = result.failure.get_or_insert_with(String::new);
        let _ = writeln!(failure, "errors in {}:\n{}", manifest.display(), errors.join("\n"));
    }
    for (index, (artifacts, errors)) in checked {
        let crate_count = crates.iter().filter(|(i, _)| *i == index).count();
        outcomes[index].1 = if !errors.is_empty() {
            Outcome::Failed(errors)
        } else if artifacts == crate_count {
            Outcome::Compiled
        } else {
            Outcome::NotChecked
        };
    }
    Report { outcomes, cargo_failure: result.failure }
}

/// One crate of the generated workspace.
#[derive(Debug)]
struct Crate {
    /// Unique package name in the generated workspace, e.g. `fx-missing-inverse-pass-dense-pair`.
    name: String,
    /// The fixture package's directory (where its `Cargo.toml` is, or would be).
    dir: PathBuf,
    /// The fixture's lib target name, kept so the crate sees itself as the fixture does.
    lib_name: String,
    edition: String,
    lib: Option<Lib>,
    bin: Option<PathBuf>,
    /// `(extern name, fixture package dir)` of path dependencies on sibling packages.
    path_deps: Vec<(String, PathBuf)>,
}

#[derive(Debug)]
enum Lib {
    /// The fixture's own crate root.
    Root(PathBuf),
    /// No crate root: a generated `lib.rs` mounts these top-level modules of `src/`.
    Modules(Vec<(String, PathBuf)>),
}

/// A fixture package as read from its directory and (optional) manifest.
struct Package<'a> {
    dir: PathBuf,
    manifest: Option<Table>,
    /// `[workspace]` of the fixture root, for `workspace = true` inheritance.
    workspace: Option<&'a Table>,
    /// The fixture root, which is the workspace root when there is one.
    root: &'a Path,
}

fn plan(fixture: &Fixture) -> Result<Vec<Crate>, String> {
    let root_manifest_path = fixture.dir.join("Cargo.toml");
    let root_manifest = if root_manifest_path.exists() { Some(read_toml(&root_manifest_path)?) } else { None };
    let workspace = root_manifest.as_ref().and_then(|m| m.get("workspace")).and_then(Value::as_table);

    let mut packages = Vec::new();
    if root_manifest.as_ref().is_none_or(|m| m.contains_key("package")) {
        packages.push(Package {
            dir: fixture.dir.clone(),
            manifest: root_manifest.clone(),
            workspace,
            root: &fixture.dir,
        });
    }
    if let Some(workspace) = workspace {
        for member in workspace_members(workspace, &fixture.dir)? {
            let manifest = read_toml(&member.join("Cargo.toml"))?;
            packages.push(Package {
                dir: member,
                manifest: Some(manifest),
                workspace: Some(workspace),
                root: &fixture.dir,
            });
        }
    }
    if packages.is_empty() {
        return Err(format!("{}: neither [package] nor [workspace] members", root_manifest_path.display()));
    }

    let base = format!("fx-{}", sanitize(&fixture.id));
    let single = packages.len() == 1;
    let mut crates = Vec::new();
    for package in &packages {
        let original = package_name(package, fixture);
        let name = if single { base.clone() } else { format!("{base}-{}", sanitize(&original)) };
        crates.push(plan_crate(package, name, &original)?);
    }

    // Wire path dependencies to the sibling crates; extern names follow cargo's rules.
    let lib_names: BTreeMap<PathBuf, String> = crates.iter().map(|c| (c.dir.clone(), c.lib_name.clone())).collect();
    for (package, krate) in packages.iter().zip(crates.iter_mut()) {
        for (key, dep, base_dir) in dependencies(package)? {
            let target = dep.get("package").and_then(Value::as_str).unwrap_or(&key);
            if target == "sea-orm" || SUPPLIED_BESIDES_SEA_ORM.contains(&target) {
                continue; // supplied by the oracle
            }
            let Some(path) = dep.get("path").and_then(Value::as_str) else {
                return Err(format!(
                    "{}: dependency `{key}` is neither supplied by the oracle ({}) nor a path dependency \
                     (extend SUPPLIED_BESIDES_SEA_ORM in oracle/src/fixtures.rs to add more)",
                    package.dir.display(),
                    ["sea-orm"].iter().chain(SUPPLIED_BESIDES_SEA_ORM).copied().collect::<Vec<_>>().join(", ")
                ));
            };
            let dir = normalize(&base_dir.join(path));
            let Some(lib_name) = lib_names.get(&dir) else {
                return Err(format!(
                    "{}: path dependency `{key}` ({path}) is not a package of this fixture",
                    package.dir.display()
                ));
            };
            let extern_name = if dep.contains_key("package") { key.replace('-', "_") } else { lib_name.clone() };
            krate.path_deps.push((extern_name, dir));
        }
    }
    Ok(crates)
}

fn plan_crate(package: &Package, name: String, original: &str) -> Result<Crate, String> {
    let manifest = package.manifest.as_ref();
    let lib_table = manifest.and_then(|m| m.get("lib")).and_then(Value::as_table);
    let lib_name = lib_table
        .and_then(|l| l.get("name"))
        .and_then(Value::as_str)
        .map_or_else(|| original.replace('-', "_"), str::to_string);
    let edition = match manifest.and_then(|m| m.get("package")).and_then(|p| p.get("edition")) {
        Some(Value::String(edition)) => edition.clone(),
        Some(Value::Table(t)) if t.get("workspace").and_then(Value::as_bool) == Some(true) => package
            .workspace
            .and_then(|w| w.get("package"))
            .and_then(|p| p.get("edition"))
            .and_then(Value::as_str)
            .unwrap_or("2021")
            .to_string(),
        _ => "2021".to_string(),
    };

    let src = package.dir.join("src");
    let declared_lib = lib_table.and_then(|l| l.get("path")).and_then(Value::as_str).map(|p| package.dir.join(p));
    let lib_root = declared_lib.or_else(|| Some(src.join("lib.rs")).filter(|p| p.is_file()));
    let bin = Some(src.join("main.rs")).filter(|p| p.is_file());
    let lib = match lib_root {
        Some(root) => Some(Lib::Root(root)),
        None if bin.is_some() => None,
        None => {
            let modules = top_level_modules(&src);
            if modules.is_empty() {
                return Err(format!(
                    "{}: no src/lib.rs, src/main.rs, or module (src/<name>/mod.rs, src/<name>.rs) to mount",
                    package.dir.display()
                ));
            }
            Some(Lib::Modules(modules))
        }
    };
    Ok(Crate { name, dir: normalize(&package.dir), lib_name, edition, lib, bin, path_deps: Vec::new() })
}

fn package_name(package: &Package, fixture: &Fixture) -> String {
    package
        .manifest
        .as_ref()
        .and_then(|m| m.get("package"))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map_or_else(|| file_name(&fixture.dir), str::to_string)
}

/// `[dependencies]` of a package as `(key, table, dir its path is relative to)`,
/// with `workspace = true` entries resolved against `[workspace.dependencies]`.
fn dependencies(package: &Package) -> Result<Vec<(String, Table, PathBuf)>, String> {
    let Some(deps) = package.manifest.as_ref().and_then(|m| m.get("dependencies")).and_then(Value::as_table) else {
        return Ok(Vec::new());
    };
    let as_table = |value: &Value| match value {
        Value::String(version) => Table::from_iter([("version".to_string(), Value::String(version.clone()))]),
        Value::Table(table) => table.clone(),
        _ => Table::new(),
    };
    let mut out = Vec::new();
    for (key, value) in deps {
        let mut dep = as_table(value);
        let mut base_dir = package.dir.clone();
        if dep.get("workspace").and_then(Value::as_bool) == Some(true) {
            let inherited =
                package.workspace.and_then(|w| w.get("dependencies")).and_then(|d| d.get(key)).ok_or_else(|| {
                    format!("{}: `{key}.workspace = true` but the workspace does not declare it", package.dir.display())
                })?;
            dep = as_table(inherited);
            // Paths in [workspace.dependencies] are relative to the workspace root.
            base_dir = package.root.to_path_buf();
        }
        out.push((key.clone(), dep, base_dir));
    }
    Ok(out)
}

/// Members of a fixture workspace: literal paths, or `dir/*` globs.
fn workspace_members(workspace: &Table, root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut members = Vec::new();
    for member in workspace.get("members").and_then(Value::as_array).into_iter().flatten() {
        let member = member.as_str().ok_or("workspace member is not a string")?;
        match member.strip_suffix("/*") {
            Some(parent) => {
                members.extend(sorted_dirs(&root.join(parent)).into_iter().filter(|d| d.join("Cargo.toml").is_file()))
            }
            None if member.contains('*') => return Err(format!("unsupported workspace member glob `{member}`")),
            None => members.push(root.join(member)),
        }
    }
    Ok(members)
}

/// `src/<name>/mod.rs` and `src/<name>.rs` modules, for fixtures without a crate root.
fn top_level_modules(src: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(src) else { return Vec::new() };
    let mut modules: Vec<(String, PathBuf)> = entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            if path.is_dir() {
                let module = path.join("mod.rs");
                module.is_file().then(|| (file_name(&path), module))
            } else if path.extension().is_some_and(|e| e == "rs") {
                Some((path.file_stem()?.to_string_lossy().into_owned(), path))
            } else {
                None
            }
        })
        .collect();
    modules.sort();
    modules
}

fn write_workspace<'a>(config: &Config, crates: impl Iterator<Item = &'a Crate>) {
    let crates: Vec<&Crate> = crates.collect();
    let crates_dir = config.workspace.join("crates");
    std::fs::create_dir_all(&crates_dir).expect("create the generated workspace");
    let wanted: BTreeSet<&str> = crates.iter().map(|c| c.name.as_str()).collect();
    for stale in sorted_dirs(&crates_dir) {
        if !wanted.contains(file_name(&stale).as_str()) {
            std::fs::remove_dir_all(&stale).expect("remove a stale generated crate");
        }
    }
    let dir_names: BTreeMap<&Path, &str> = crates.iter().map(|c| (c.dir.as_path(), c.name.as_str())).collect();

    let mut root = Table::new();
    let mut workspace = Table::new();
    workspace.insert("resolver".into(), "2".into());
    let members = crates.iter().map(|c| Value::String(format!("crates/{}", c.name))).collect();
    workspace.insert("members".into(), Value::Array(members));
    let dependencies = config.supplied.iter().map(|(name, dep)| (name.clone(), Value::Table(dep.clone()))).collect();
    workspace.insert("dependencies".into(), Value::Table(dependencies));
    root.insert("workspace".into(), Value::Table(workspace));
    let header = "# Generated by ormlint-oracle (oracle/src/fixtures.rs) on every run; edits are lost.\n";
    write_if_changed(&config.workspace.join("Cargo.toml"), &format!("{header}{root}"));
    std::fs::copy(&config.lockfile, config.workspace.join("Cargo.lock")).expect("copy Cargo.lock");

    for krate in crates {
        let dir = crates_dir.join(&krate.name);
        let mut manifest = Table::new();
        let package = Table::from_iter([
            ("name".to_string(), Value::String(krate.name.clone())),
            ("version".to_string(), "0.0.0".into()),
            ("edition".to_string(), Value::String(krate.edition.clone())),
            ("publish".to_string(), false.into()),
        ]);
        manifest.insert("package".into(), Value::Table(package));
        if let Some(lib) = &krate.lib {
            let root = match lib {
                Lib::Root(path) => path.clone(),
                Lib::Modules(modules) => {
                    let mut lib_rs = format!("// Generated by ormlint-oracle: mounts {}.\n", krate.dir.display());
                    for (module, path) in modules {
                        let _ = writeln!(lib_rs, "#[path = {:?}]\npub mod {module};", path.to_string_lossy());
                    }
                    write_if_changed(&dir.join("src").join("lib.rs"), &lib_rs);
                    PathBuf::from("src/lib.rs")
                }
            };
            let lib = Table::from_iter([
                ("name".to_string(), Value::String(krate.lib_name.clone())),
                ("path".to_string(), Value::String(root.to_string_lossy().into_owned())),
            ]);
            manifest.insert("lib".into(), Value::Table(lib));
        }
        if let Some(bin) = &krate.bin {
            let bin = Table::from_iter([
                ("name".to_string(), Value::String(krate.name.clone())),
                ("path".to_string(), Value::String(bin.to_string_lossy().into_owned())),
            ]);
            manifest.insert("bin".into(), Value::Array(vec![Value::Table(bin)]));
        }
        let mut dependencies = Table::new();
        let workspace_dep = Table::from_iter([("workspace".to_string(), Value::Boolean(true))]);
        for name in config.supplied.keys() {
            dependencies.insert(name.clone(), Value::Table(workspace_dep.clone()));
        }
        for (extern_name, dep_dir) in &krate.path_deps {
            let dep_name = dir_names[dep_dir.as_path()];
            let dep = Table::from_iter([
                ("path".to_string(), Value::String(format!("../{dep_name}"))),
                ("package".to_string(), Value::String(dep_name.to_string())),
            ]);
            dependencies.insert(extern_name.clone(), Value::Table(dep));
        }
        manifest.insert("dependencies".into(), Value::Table(dependencies));
        let header = format!("# Generated by ormlint-oracle for {}\n", krate.dir.display());
        write_if_changed(&dir.join("Cargo.toml"), &format!("{header}{manifest}"));
    }
}

#[derive(Default)]
struct CheckResult {
    /// Manifests of the crates cargo produced an artifact for.
    artifacts: BTreeSet<PathBuf>,
    /// Rendered compiler errors per manifest.
    errors: BTreeMap<PathBuf, Vec<String>>,
    failure: Option<String>,
}

fn run_cargo_check(config: &Config) -> CheckResult {
    let output = Command::new(&config.cargo)
        .arg("check")
        .arg("--manifest-path")
        .arg(config.workspace.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&config.target_dir)
        .args(["--workspace", "--offline", "--keep-going", "--message-format=json"])
        // The question is whether fixtures compile, not whether they are lint-clean
        // (some warn on purpose), so a `-D warnings` meant for the outer build must not leak in.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", config.cargo.display()));

    let mut result = CheckResult::default();
    let mut finished = false;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Json>(line) else { continue };
        let manifest = || message["manifest_path"].as_str().map(PathBuf::from);
        match message["reason"].as_str() {
            Some("compiler-artifact") => result.artifacts.extend(manifest()),
            Some("compiler-message")
                if message["message"]["level"].as_str().is_some_and(|l| l.starts_with("error")) =>
            {
                let rendered = message["message"]["rendered"].as_str().unwrap_or_default().to_string();
                result.errors.entry(manifest().unwrap_or_default()).or_default().push(rendered);
            }
            Some("build-finished") => finished = true,
            _ => {}
        }
    }
    // Compile errors already fail their fixture; anything else (no build at all) fails the run.
    if !output.status.success() && (!finished || result.errors.is_empty()) {
        result.failure =
            Some(format!("{}\nstderr:\n{}", output.status, String::from_utf8_lossy(&output.stderr).trim_end()));
    }
    result
}

fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return; // keep the mtime, so cargo does not re-check an unchanged crate
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("create {}: {e}", parent.display()));
    }
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn read_toml(path: &Path) -> Result<Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("read {}: {e}", path.display()))?;
    text.parse::<Table>().map_err(|e| format!("parse {}: {e}", path.display()))
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A valid, lowercase cargo package name fragment.
fn sanitize(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect()
}

/// Resolve `.` and `..` without touching the file system (paths compare as map keys).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh case directory `name` holding `files` (relative path, contents),
    /// removed again when dropped.
    struct Scratch {
        root: PathBuf,
        case: PathBuf,
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }

    impl std::ops::Deref for Scratch {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.case
        }
    }

    fn scratch(name: &str, files: &[(&str, &str)]) -> Scratch {
        let root = std::env::temp_dir().join(format!("ormlint-oracle-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let case = root.join(name);
        for (path, contents) in files {
            write_if_changed(&case.join(path), contents);
        }
        Scratch { root, case }
    }

    fn plan_case(dir: &Path) -> Result<Vec<Crate>, String> {
        plan(&Fixture { id: "some-rule/pass_case".into(), dir: dir.to_path_buf() })
    }

    #[test]
    fn a_module_tree_without_a_manifest_is_mounted_at_the_crate_root() {
        let dir = scratch("pass_tree", &[("src/entity/mod.rs", ""), ("src/entity/post.rs", ""), ("src/notes.md", "")]);
        let crates = plan_case(&dir).unwrap();
        assert_eq!(crates.len(), 1);
        assert_eq!(crates[0].name, "fx-some-rule-pass-case");
        assert_eq!(crates[0].lib_name, "pass_tree");
        match &crates[0].lib {
            Some(Lib::Modules(modules)) => {
                assert_eq!(modules, &[("entity".to_string(), dir.join("src/entity/mod.rs"))])
            }
            other => panic!("expected mounted modules, got {other:?}"),
        }
    }

    #[test]
    fn workspace_members_depend_on_each_other_under_their_extern_names() {
        let dir = scratch(
            "workspace",
            &[
                (
                    "Cargo.toml",
                    "[workspace]\nmembers = [\"entity\", \"service\"]\n\n[workspace.dependencies]\n\
                     sea-orm = { version = \"2.0\", features = [\"macros\"] }\nentity = { path = \"entity\" }\n",
                ),
                (
                    "entity/Cargo.toml",
                    "[package]\nname = \"entity\"\n\n[lib]\nname = \"entity_lib\"\n\n[dependencies]\nsea-orm = { workspace = true }\n",
                ),
                ("entity/src/lib.rs", ""),
                (
                    "service/Cargo.toml",
                    "[package]\nname = \"service\"\nedition = \"2024\"\n\n[dependencies]\nentity.workspace = true\n\
                     models = { path = \"../entity\", package = \"entity\" }\n",
                ),
                ("service/src/main.rs", ""),
            ],
        );
        let crates = plan_case(&dir).unwrap();
        let names: Vec<&str> = crates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["fx-some-rule-pass-case-entity", "fx-some-rule-pass-case-service"]);
        let service = &crates[1];
        assert_eq!(service.edition, "2024");
        assert!(service.lib.is_none());
        assert_eq!(service.bin.as_deref(), Some(dir.join("service/src/main.rs").as_path()));
        let entity = dir.join("entity");
        assert_eq!(service.path_deps, [("entity_lib".to_string(), entity.clone()), ("models".to_string(), entity)]);
    }

    #[test]
    fn dependencies_the_oracle_does_not_supply_are_reported() {
        let dir = scratch(
            "registry-dep",
            &[("Cargo.toml", "[package]\nname = \"x\"\n\n[dependencies]\nserde = \"1\"\n"), ("src/lib.rs", "")],
        );
        let err = plan_case(&dir).unwrap_err();
        assert!(err.contains("dependency `serde` is neither supplied by the oracle (sea-orm, futures)"), "{err}");
    }

    #[test]
    fn a_fixture_with_nothing_to_compile_is_a_layout_error() {
        let dir = scratch("empty", &[("README.md", "")]);
        assert!(plan_case(&dir).unwrap_err().contains("no src/lib.rs, src/main.rs, or module"));
    }
}
