//! `ormlint.toml`: rule levels and rule options. Strict on purpose: a typo in
//! a rule or option name is an error with a suggestion, never silently ignored.
//!
//! ```toml
//! [files]
//! exclude = ["vendor/**"]                   # globs, relative to this file's directory
//!
//! [rules]
//! missing-cascade = "allow"                 # "allow" | "warn" | "deny"
//! cascade-cycle = { level = "deny", self-references = true }
//!
//! [[overrides]]                             # levels for some files only
//! files = ["tests/**"]
//! rules = { n-plus-one = "allow" }
//! ```

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{self, RuleOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file names looked for, in order, in each directory.
pub const FILE_NAMES: &[&str] = &["ormlint.toml", ".ormlint.toml"];

/// How a rule's findings are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Allow,
    Warn,
    Deny,
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

/// Everything a configuration file decides.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Levels that differ from the rules' defaults, by rule name.
    pub levels: BTreeMap<&'static str, Level>,
    pub options: RuleOptions,
    /// The file it was read from, for messages.
    pub path: Option<PathBuf>,
    /// Which files are read (`[files]`).
    pub files: FileSettings,
    /// Levels for some files only, later entries winning (`[[overrides]]`).
    pub overrides: Vec<Override>,
}

/// `[files]`: what discovery walks into.
#[derive(Clone, Debug)]
pub struct FileSettings {
    /// Where the globs are rooted: the configuration file's directory, else
    /// the current directory (empty path).
    pub root: PathBuf,
    /// Only files matching one of these are read (all `.rs` files when unset).
    pub include: Option<Globs>,
    /// Files matching one of these are not read, even as context.
    pub exclude: Option<Globs>,
    /// Skip what `.gitignore`, `.ignore` and `.git/info/exclude` list.
    pub respect_gitignore: bool,
    /// Follow symbolic links while walking (`follow-links`, `--follow-links`).
    pub follow_links: bool,
    /// The root as an absolute path and as the file system resolves it, once.
    roots: std::sync::OnceLock<(PathBuf, Option<PathBuf>)>,
}

impl Default for FileSettings {
    fn default() -> Self {
        FileSettings {
            root: PathBuf::new(),
            include: None,
            exclude: None,
            respect_gitignore: true,
            follow_links: false,
            roots: std::sync::OnceLock::new(),
        }
    }
}

impl FileSettings {
    /// Whether a walked file is read: included and not excluded.
    pub fn wants(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let relative = self.relative(path);
        self.include.as_ref().is_none_or(|g| g.is_match(&relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&relative))
    }

    /// `path` relative to the root when it is inside it, else absolute:
    /// what `files` globs are matched against.
    /// Spelled as given, or through a symbolic link: both are tried.
    pub fn relative(&self, path: &Path) -> PathBuf {
        let (root, physical_root) = self.roots.get_or_init(|| {
            let root = if self.root.as_os_str().is_empty() { Path::new(".") } else { &self.root };
            (crate::discover::identity(root), std::fs::canonicalize(root).ok())
        });
        let absolute = crate::discover::identity(path);
        if let Ok(inside) = absolute.strip_prefix(root) {
            return inside.to_path_buf();
        }
        let physical = physical_root.as_ref().zip(std::fs::canonicalize(path).ok());
        match physical.as_ref().and_then(|(root, path)| path.strip_prefix(root).ok()) {
            Some(inside) => inside.to_path_buf(),
            None => absolute,
        }
    }
}

/// A list of globs as written, compiled. As in `.gitignore`, a glob without
/// `/` matches a name at any depth, and a directory stands for everything
/// in it; `*` never crosses a `/`, `**` does.
#[derive(Clone, Debug)]
pub struct Globs {
    pub patterns: Vec<String>,
    set: globset::GlobSet,
}

impl Globs {
    fn new(key: &str, value: &toml::Value) -> Result<Globs, String> {
        let list =
            value.as_array().ok_or_else(|| format!("`{key}` must be a list of globs: `{key} = [\"tests/**\"]`"))?;
        let mut builder = globset::GlobSetBuilder::new();
        let mut patterns = Vec::new();
        for item in list {
            let pattern = item.as_str().ok_or_else(|| format!("`{key}` must be a list of strings"))?;
            if pattern.starts_with('!') {
                return Err(format!(
                    "`{key}`: `{pattern}`: negated globs are not supported; list what to leave out in `exclude`"
                ));
            }
            // As in `.gitignore`: a leading `/` anchors at the root (as a `/` inside does),
            // and a name without `/` matches at any depth.
            let trimmed = pattern.trim_start_matches("./");
            let anchored = trimmed.trim_start_matches('/');
            let anchored = anchored.strip_suffix('/').unwrap_or(anchored);
            let full = if trimmed.contains('/') { anchored.to_string() } else { format!("**/{anchored}") };
            // A directory stands for everything in it.
            for form in [full.clone(), format!("{full}/**")] {
                let glob = globset::GlobBuilder::new(&form)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("`{key}`: bad glob `{pattern}`: {}", e.kind()))?;
                builder.add(glob);
            }
            patterns.push(pattern.to_string());
        }
        let set = builder.build().map_err(|e| format!("`{key}`: {e}"))?;
        Ok(Globs { patterns, set })
    }

    pub fn is_match(&self, path: &Path) -> bool {
        self.set.is_match(path)
    }
}

/// One `[[overrides]]` entry: levels for the files its globs match.
#[derive(Clone, Debug)]
pub struct Override {
    pub files: Globs,
    pub levels: BTreeMap<&'static str, Level>,
}

impl Config {
    /// The first `ormlint.toml` / `.ormlint.toml` in `start` or a directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start.ancestors().flat_map(|dir| FILE_NAMES.iter().map(move |name| dir.join(name))).find(|p| p.is_file())
    }

    /// Read and validate a configuration file.
    pub fn load(path: &Path) -> Result<Config, String> {
        // A FIFO or a device would block the read, or never end.
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(format!("cannot read {}: not a regular file", path.display()));
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut config = Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        config.path = Some(path.to_path_buf());
        config.files.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(config)
    }

    /// Parse the text of a configuration file.
    pub fn parse(text: &str) -> Result<Config, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string().trim_end().to_string())?;
        let mut config = Config::default();
        for (key, value) in &table {
            match key.as_str() {
                "rules" => {
                    let rules = value.as_table().ok_or("`rules` must be a table: `[rules]`")?;
                    // `all`, then families, then rules: the more specific wins.
                    let mut entries: Vec<(&String, &toml::Value)> = rules.iter().collect();
                    entries.sort_by_key(|(name, _)| match name.as_str() {
                        "all" => 0,
                        name if rules::RULES.iter().any(|r| r.family == name) => 1,
                        _ => 2,
                    });
                    for (name, setting) in entries {
                        config.rule(name, setting)?;
                    }
                }
                "files" => config.files_table(value)?,
                "overrides" => {
                    let list = value.as_array().ok_or("`overrides` must be a list of tables: `[[overrides]]`")?;
                    for entry in list {
                        let entry = config.override_table(entry)?;
                        config.overrides.push(entry);
                    }
                }
                other => return Err(unknown("key", other, &["files", "rules", "overrides"])),
            }
        }
        Ok(config)
    }

    /// `[files]`: `include`, `exclude`, `respect-gitignore`, `follow-links`.
    fn files_table(&mut self, value: &toml::Value) -> Result<(), String> {
        let table = value.as_table().ok_or("`files` must be a table: `[files]`")?;
        for (key, value) in table {
            match key.as_str() {
                "include" => self.files.include = Some(Globs::new("files.include", value)?),
                "exclude" => self.files.exclude = Some(Globs::new("files.exclude", value)?),
                "respect-gitignore" => {
                    self.files.respect_gitignore =
                        value.as_bool().ok_or("`files.respect-gitignore` must be `true` or `false`")?;
                }
                "follow-links" => {
                    self.files.follow_links =
                        value.as_bool().ok_or("`files.follow-links` must be `true` or `false`")?;
                }
                other => {
                    let known = ["include", "exclude", "respect-gitignore", "follow-links"];
                    return Err(unknown("key of `[files]`", other, &known));
                }
            }
        }
        Ok(())
    }

    /// One `[[overrides]]`: `files = [globs]` and `rules = { <rule|family|all> = level }`.
    fn override_table(&self, value: &toml::Value) -> Result<Override, String> {
        let table = value.as_table().ok_or("each `[[overrides]]` must be a table")?;
        let files = table.get("files").ok_or("an `[[overrides]]` needs `files = [\"glob\", ...]`")?;
        let files = Globs::new("overrides.files", files)?;
        let mut levels = Config::default();
        for (key, value) in table {
            match key.as_str() {
                "files" => {}
                "rules" => {
                    let rules = value.as_table().ok_or("`overrides.rules` must be a table of levels")?;
                    for (target, level) in rules {
                        let text = level.as_str().ok_or_else(|| {
                            format!("`overrides.rules.{target}` must be a level (\"allow\", \"warn\", \"deny\"); rule options are set in `[rules]` only")
                        })?;
                        levels.set_level(target, level_of(target, text)?)?;
                    }
                }
                other => return Err(unknown("key of `[[overrides]]`", other, &["files", "rules"])),
            }
        }
        Ok(Override { files, levels: levels.levels })
    }

    /// The levels of the overrides that match `path`, merged in order (later wins).
    pub fn override_levels(&self, path: &Path) -> BTreeMap<&'static str, Level> {
        let mut levels = BTreeMap::new();
        if self.overrides.is_empty() {
            return levels;
        }
        let relative = self.files.relative(path);
        for entry in self.overrides.iter().filter(|o| o.files.is_match(&relative)) {
            levels.extend(entry.levels.iter().map(|(rule, level)| (*rule, *level)));
        }
        levels
    }

    /// Whether a rule is allowed everywhere (then it need not run at all).
    pub fn allowed_everywhere(&self, rule: &str) -> bool {
        self.levels.get(rule) == Some(&Level::Allow)
            && self.overrides.iter().all(|o| o.levels.get(rule).is_none_or(|l| *l == Level::Allow))
    }

    /// One `<rule> = "level"` or `<rule> = { level = .., option = .. }`.
    fn rule(&mut self, name: &str, setting: &toml::Value) -> Result<(), String> {
        if rules::find(name).is_none() && !rules::named(name).is_empty() {
            let level = setting.as_str().ok_or_else(|| {
                format!("`rules.{name}` sets the level of several rules (\"allow\", \"warn\", \"deny\"); options belong to each rule")
            })?;
            return self.set_level(name, level_of(name, level)?);
        }
        let rule = rules::find(name).ok_or_else(|| unknown("rule", name, &rules::known_names()))?;
        let options = match setting {
            toml::Value::String(level) => {
                self.levels.insert(rule.name, level_of(rule.name, level)?);
                return Ok(());
            }
            toml::Value::Table(table) => table,
            _ => return Err(format!("`rules.{name}` must be a level (\"allow\", \"warn\", \"deny\") or a table")),
        };
        let mut rest = toml::Table::new();
        for (key, value) in options {
            if key == "level" {
                let level = value.as_str().ok_or_else(|| format!("`rules.{name}.level` must be a string"))?;
                self.levels.insert(rule.name, level_of(rule.name, level)?);
            } else if rule.options.contains(&key.as_str()) {
                rest.insert(key.clone(), value.clone());
            } else {
                let mut known = rule.options.to_vec();
                known.push("level");
                return Err(unknown(&format!("option of `{name}`"), key, &known));
            }
        }
        self.options.set(rule.name, rest).map_err(|e| format!("`rules.{name}`: {e}"))
    }

    /// Set the level of a rule, of every rule of a family, or of `all`.
    pub fn set_level(&mut self, target: &str, level: Level) -> Result<(), String> {
        let rules = rules::named(target);
        if rules.is_empty() {
            return Err(unknown("rule or family", target, &rules::known_names()));
        }
        for rule in rules {
            self.levels.insert(rule.name, level);
        }
        Ok(())
    }

    /// The level of `rule` in a file whose `[[overrides]]` levels are `overrides`.
    pub fn level(&self, rule: &'static crate::rules::Rule, overrides: &BTreeMap<&'static str, Level>) -> Level {
        let level = overrides.get(rule.name).or_else(|| self.levels.get(rule.name));
        level.copied().unwrap_or(match rule.default_severity {
            Severity::Error => Level::Deny,
            Severity::Warning => Level::Warn,
        })
    }

    /// Give each finding its configured level; drop the allowed ones.
    pub fn apply_levels(&self, diagnostics: &mut Vec<Diagnostic>, db: &crate::source_db::SourceDb) {
        if self.levels.is_empty() && self.overrides.is_empty() {
            return;
        }
        let mut per_file: BTreeMap<usize, BTreeMap<&'static str, Level>> = BTreeMap::new();
        diagnostics.retain_mut(|d| {
            let overrides =
                per_file.entry(d.primary.file).or_insert_with(|| self.override_levels(&db.get(d.primary.file).path));
            apply_level(d, overrides.get(d.rule).or_else(|| self.levels.get(d.rule)))
        });
    }
}

/// Give one finding a level; `false` when it is allowed.
fn apply_level(d: &mut Diagnostic, level: Option<&Level>) -> bool {
    match level {
        Some(Level::Allow) => false,
        Some(Level::Warn) => {
            d.severity = Severity::Warning;
            true
        }
        Some(Level::Deny) => {
            d.severity = Severity::Error;
            true
        }
        None => true,
    }
}

/// What `ormlint init` writes: every rule at its default level, each with a
/// comment saying what it reports, and the options it has at their defaults.
pub fn template() -> String {
    let mut text = String::from(
        "# ormlint configuration (`ormlint init`): every rule at its default level.\n\
         # Levels: \"allow\" (not reported), \"warn\", \"deny\" (an error: exit status 1).\n\
         # A rule with options takes a table: `rule = { level = \"warn\", option = value }`.\n\
         # `ormlint explain <rule>` describes a rule and each of its options.\n\n[rules]\n",
    );
    for rule in crate::rules::RULES {
        let level = match rule.default_severity {
            Severity::Error => "deny",
            Severity::Warning => "warn",
        };
        let options = crate::rules::RuleOptions::defaults_of(rule.name);
        text.push_str(&format!("\n# {} ({}): {}\n", rule.name, rule.family, rule.summary));
        if options.is_empty() {
            text.push_str(&format!("{} = \"{level}\"\n", rule.name));
        } else {
            let options: Vec<String> = options.iter().map(|(k, v)| format!("{k} = {}", toml_text(v))).collect();
            text.push_str(&format!("{} = {{ level = \"{level}\", {} }}\n", rule.name, options.join(", ")));
        }
    }
    text
}

/// A scalar option value as TOML writes it.
fn toml_text(value: &toml::Value) -> String {
    match value {
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::String(s) => format!("{s:?}"),
        other => format!("{other:?}"),
    }
}

fn level_of(rule: &str, text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| unknown(&format!("level for `{rule}`"), text, &["allow", "warn", "deny"]))
}

/// The known name closest to a misspelled one, if it is close enough to be meant.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::osa_distance(k, name), *k))
        .min()
        .filter(|(d, k)| *d <= 3.max(k.len() / 3))
        .map(|(_, k)| k)
}

/// "unknown rule `mising-cascade` (did you mean `missing-cascade`?)".
fn unknown(what: &str, name: &str, known: &[&str]) -> String {
    let suggestion = closest(name, known)
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_else(|| format!(" (expected one of: {})", known.join(", ")));
    format!("unknown {what} `{name}`{suggestion}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_options() {
        let config = Config::parse(
            "[rules]\nmissing-cascade = { level = \"deny\", only-when-inverse = true }\ncascade-cycle = \"allow\"\n",
        )
        .unwrap();
        assert_eq!(config.levels["missing-cascade"], Level::Deny);
        assert_eq!(config.levels["cascade-cycle"], Level::Allow);
        assert!(config.options.missing_cascade.only_when_inverse);
        // Options left out keep their defaults.
        let config = Config::parse("[rules.cascade-cycle]\nmultiple-paths = true\n").unwrap();
        assert!(config.options.cascade_cycle.multiple_paths && !config.options.cascade_cycle.self_references);
    }

    #[test]
    fn families_and_all_set_levels_and_rules_win_over_them() {
        let config =
            Config::parse("[rules]\nmissing-inverse = \"warn\"\npairing = \"allow\"\nall = \"deny\"\n").unwrap();
        assert_eq!(config.levels["missing-inverse"], Level::Warn);
        assert_eq!(config.levels["ambiguous-relation"], Level::Allow);
        assert_eq!(config.levels["missing-cascade"], Level::Deny);
        let err = Config::parse("[rules]\ncascade = { level = \"allow\" }\n").unwrap_err();
        assert!(err.contains("options belong to each rule"), "{err}");
    }

    #[test]
    fn typos_are_errors_with_suggestions() {
        let err = Config::parse("[rules]\nmising-cascade = \"allow\"\n").unwrap_err();
        assert!(err.contains("did you mean `missing-cascade`"), "{err}");
        let err = Config::parse("[rules.cascade-cycle]\nself-reference = true\n").unwrap_err();
        assert!(err.contains("did you mean `self-references`"), "{err}");
        let err = Config::parse("[rules]\ncascade-cycle = \"error\"\n").unwrap_err();
        assert!(err.contains("level"), "{err}");
        let err = Config::parse("[rulez]\n").unwrap_err();
        assert!(err.contains("did you mean `rules`"), "{err}");
        let err = Config::parse("[rules.missing-cascade]\nonly-when-inverse = \"yes\"\n").unwrap_err();
        assert!(err.contains("only-when-inverse") || err.contains("bool"), "{err}");
    }
}
