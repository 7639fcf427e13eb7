//! Stage 1: find the Rust sources and Cargo packages under the given paths.
//!
//! `.gitignore`d files, `target/` and hidden directories (`.git/`) are skipped;
//! a path named explicitly on the command line is always analyzed.

mod packages;

pub use packages::{find_packages, Package};

use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

/// A Rust source file to analyze.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourcePath {
    /// Path on disk.
    pub path: PathBuf,
    /// Path shown to the user: as given, `/`-separated, without a leading `./`.
    pub display: String,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<SourcePath>,
    /// `Cargo.toml` files found under the roots (and above them, for the crate
    /// a root belongs to).
    pub manifests: Vec<PathBuf>,
    /// Problems that did not stop discovery (unreadable directories, loops).
    pub warnings: Vec<String>,
}

/// Why discovery could not start.
#[derive(Debug)]
pub struct DiscoverError(pub String);

/// Render a path the way the user will recognise it.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_string()
}

/// Walk `roots` and collect sources and manifests, sorted.
pub fn discover(roots: &[PathBuf]) -> Result<Discovery, DiscoverError> {
    let mut found = Discovery::default();
    for root in roots {
        let meta =
            std::fs::metadata(root).map_err(|e| DiscoverError(format!("cannot read `{}`: {e}", root.display())))?;
        if meta.is_file() {
            if root.extension().is_some_and(|e| e == "rs") {
                found.sources.push(SourcePath { path: root.clone(), display: display_path(root) });
            } else if root.file_name().is_some_and(|n| n == "Cargo.toml") {
                found.manifests.push(root.clone());
            } else {
                return Err(DiscoverError(format!("`{}` is not a Rust source file or a directory", root.display())));
            }
            continue;
        }
        walk_dir(root, &mut found);
    }
    add_enclosing_manifests(roots, &mut found.manifests);
    found.sources.sort();
    found.sources.dedup_by(|a, b| a.path == b.path);
    found.manifests.sort();
    found.manifests.dedup();
    Ok(found)
}

fn walk_dir(root: &Path, found: &mut Discovery) {
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| {
            !(entry.depth() > 0 && entry.file_type().is_some_and(|t| t.is_dir()) && entry.file_name() == "target")
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.warnings.push(err.to_string());
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            found.sources.push(SourcePath { path: path.to_path_buf(), display: display_path(path) });
        } else if path.file_name().is_some_and(|n| n == "Cargo.toml") {
            found.manifests.push(path.to_path_buf());
        }
    }
}

/// A root inside a crate (`ormlint check src/entity`) still belongs to that
/// crate: find the nearest `Cargo.toml` above it so `crate::` paths resolve.
fn add_enclosing_manifests(roots: &[PathBuf], manifests: &mut Vec<PathBuf>) {
    for root in roots {
        let start = if root.is_dir() { root.clone() } else { root.parent().map(Path::to_path_buf).unwrap_or_default() };
        let Ok(absolute) = std::path::absolute(&start) else { continue };
        for (depth, dir) in absolute.ancestors().enumerate() {
            let manifest = dir.join("Cargo.toml");
            if manifest.is_file() {
                // Keep the user's relative spelling: `root/../..`.
                let mut relative = start.clone();
                for _ in 0..depth {
                    relative.push("..");
                }
                manifests.push(if depth == 0 { start.join("Cargo.toml") } else { relative.join("Cargo.toml") });
                break;
            }
        }
    }
}
