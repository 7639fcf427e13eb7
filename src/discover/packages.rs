//! Cargo packages: their names (how other crates `use` them) and crate roots.

use std::path::{Path, PathBuf};

/// One Cargo package with a library and/or binary target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    /// The name other crates write in paths (`sea-orm-entity` -> `sea_orm_entity`).
    pub crate_name: String,
    /// The package directory (where `Cargo.toml` is).
    pub dir: PathBuf,
    /// `src/lib.rs`, `src/main.rs`, `src/bin/*.rs`, or `[lib] path`.
    pub roots: Vec<PathBuf>,
}

/// Read every manifest that declares a `[package]`; workspaces-only manifests are skipped.
pub fn find_packages(manifests: &[PathBuf]) -> (Vec<Package>, Vec<String>) {
    let mut packages = Vec::new();
    let mut warnings = Vec::new();
    for manifest in manifests {
        match read_package(manifest) {
            Ok(Some(package)) => packages.push(package),
            Ok(None) => {}
            Err(message) => warnings.push(format!("{}: {message}", super::display_path(manifest))),
        }
    }
    (packages, warnings)
}

fn read_package(manifest: &Path) -> Result<Option<Package>, String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| e.to_string())?;
    let value: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_string())?;
    let Some(package) = value.get("package").and_then(|p| p.as_table()) else {
        return Ok(None);
    };
    let Some(name) = package.get("name").and_then(|n| n.as_str()) else {
        return Ok(None);
    };
    let dir = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
    let lib = value.get("lib").and_then(|l| l.as_table());
    let crate_name = lib.and_then(|l| l.get("name")).and_then(|n| n.as_str()).unwrap_or(name).replace('-', "_");
    let mut roots = Vec::new();
    let lib_path = lib.and_then(|l| l.get("path")).and_then(|p| p.as_str()).map(|p| dir.join(p));
    roots.extend(lib_path.or_else(|| Some(dir.join("src/lib.rs"))).filter(|p| p.is_file()));
    let main = dir.join("src/main.rs");
    if main.is_file() {
        roots.push(main);
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("src/bin")) {
        let mut bins: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "rs")).collect();
        bins.sort();
        roots.extend(bins);
    }
    Ok(Some(Package { crate_name, dir, roots }))
}
