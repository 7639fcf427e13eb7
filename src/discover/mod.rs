//! Stage 1: find the Rust sources and Cargo packages under the given paths.
//!
//! `.gitignore`d files (unless `[files] respect-gitignore = false`), files
//! `[files]` leaves out, `target/` and hidden directories (`.git/`) are
//! skipped; a path named explicitly on the command line is always analyzed.
//! Symbolic links are not followed unless asked (`--follow-links`), so a walk
//! never leaves the given paths on its own.

mod packages;

pub use packages::{find_packages, Package};

use crate::config::FileSettings;
use ignore::WalkBuilder;
use rustc_hash::FxHashSet;
use std::path::{Component, Path, PathBuf};

/// A Rust source file to analyze.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourcePath {
    /// Path on disk.
    pub path: PathBuf,
    /// Path shown to the user: as given, `/`-separated, without a leading `./`.
    pub display: String,
    /// The text to analyze instead of the file's (an editor's unsaved buffer).
    pub buffer: Option<Vec<u8>>,
}

impl SourcePath {
    fn on_disk(path: &Path) -> Self {
        SourcePath { path: normalize(path), display: display_path(path), buffer: None }
    }
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
    /// Set when single files were named: findings are reported for these
    /// (and the named directories) only; the rest of their crate is context.
    pub report_only: Option<ReportFilter>,
}

/// The paths whose findings are shown when only part of a crate was asked for.
#[derive(Debug, Default)]
pub struct ReportFilter {
    pub files: Vec<PathBuf>,
    pub dirs: Vec<PathBuf>,
}

impl ReportFilter {
    pub fn includes(&self, path: &Path) -> bool {
        let path = identity(path);
        self.files.contains(&path) || self.dirs.iter().any(|d| path.starts_with(d))
    }
}

/// Why discovery could not start.
#[derive(Debug)]
pub struct DiscoverError(pub String);

/// Render a path the way the user will recognise it: `/`-separated, no `./`.
pub fn display_path(path: &Path) -> String {
    normalize(path).to_string_lossy().replace('\\', "/")
}

/// Remove `.` and resolve `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                // Nothing left to go up from in a relative path: keep the `..`.
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    out
}

/// The identity of a file: its absolute, normalized path, so `event.rs` and
/// `../../src/entity/event.rs` are one file however they were reached.
pub fn identity(path: &Path) -> PathBuf {
    std::path::absolute(path).map(|p| normalize(&p)).unwrap_or_else(|_| normalize(path))
}

/// Walk `roots` and collect sources and manifests, sorted.
///
/// A single file is analyzed with the rest of its crate (or its folder) as
/// context, the way an editor asks about one buffer, but only its own
/// findings are reported. `buffer` is such a file given as text (from
/// standard input): it need not exist on disk.
pub fn discover(
    roots: &[PathBuf],
    files: &FileSettings,
    buffer: Option<(&Path, Vec<u8>)>,
) -> Result<Discovery, DiscoverError> {
    let mut found = Discovery::default();
    let mut filter = ReportFilter::default();
    let mut named_file = false;
    let mut walks = Vec::new();
    let buffer_path = buffer.as_ref().map(|(path, _)| path.to_path_buf());
    if let Some((path, text)) = buffer {
        if path.extension().is_none_or(|e| e != "rs") {
            return Err(DiscoverError(format!("`{}` is not a Rust source file name", path.display())));
        }
        named_file = true;
        filter.files.push(identity(path));
        found.sources.push(SourcePath { buffer: Some(text), ..SourcePath::on_disk(path) });
        let context = enclosing_package(path).unwrap_or_else(|| parent_dir(path));
        if context.is_dir() {
            walks.push(context);
        }
    }
    for root in roots {
        let meta =
            std::fs::metadata(root).map_err(|e| DiscoverError(format!("cannot read `{}`: {e}", root.display())))?;
        if meta.is_dir() {
            // The walker only warns about unreadable directories; a named one is the user's request failing.
            std::fs::read_dir(root).map_err(|e| DiscoverError(format!("cannot read `{}`: {e}", root.display())))?;
            filter.dirs.push(identity(root));
            walks.push(root.clone());
            continue;
        }
        if !meta.is_file() {
            // A FIFO would block and a device never ends.
            return Err(DiscoverError(format!("`{}` is not a regular file", root.display())));
        }
        // A file named on the command line must be readable: that is the user's request failing.
        std::fs::File::open(root).map_err(|e| DiscoverError(format!("cannot read `{}`: {e}", root.display())))?;
        let is_manifest = root.file_name().is_some_and(|n| n == "Cargo.toml");
        if !is_manifest && root.extension().is_none_or(|e| e != "rs") {
            return Err(DiscoverError(format!("`{}` is not a Rust source file or a directory", root.display())));
        }
        let context = enclosing_package(root).unwrap_or_else(|| parent_dir(root));
        if is_manifest {
            filter.dirs.push(identity(&context));
        } else {
            named_file = true;
            filter.files.push(identity(root));
            // Before any walk: the spelling the user gave wins.
            found.sources.push(SourcePath::on_disk(root));
        }
        walks.push(context);
    }
    let named = found.sources.len();
    for dir in &walks {
        walk_dir(dir, files, &mut found);
    }
    // Walk order is the file system's: sorted, a file reached twice keeps the
    // same name on every run (after the spellings given on the command line).
    found.sources[named..].sort();
    for root in roots.iter().chain(&buffer_path) {
        if let Some(package) = enclosing_package(root) {
            found.manifests.push(normalize(&package.join("Cargo.toml")));
        }
    }
    let mut seen = FxHashSet::default();
    if files.follow_links {
        // One file reached through a link and by its own path is read once,
        // under the name given on the command line, else a path inside a
        // crate's `src/` (where `mod` declarations find it), else a path that
        // is not itself a link, else the first in sorted order.
        let crate_sources: FxHashSet<PathBuf> =
            found.manifests.iter().filter_map(|m| m.parent()).map(|dir| identity(&dir.join("src"))).collect();
        let canonical: Vec<PathBuf> = found
            .sources
            .iter()
            .map(|s| std::fs::canonicalize(&s.path).unwrap_or_else(|_| identity(&s.path)))
            .collect();
        let mut order: Vec<usize> = (0..found.sources.len()).collect();
        // Each key costs a few system calls: computed once per file.
        order.sort_by_cached_key(|&i| {
            let path = &found.sources[i].path;
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let absolute = identity(path);
            let in_crate_source = absolute.ancestors().any(|dir| crate_sources.contains(dir));
            (i >= named, !in_crate_source, is_link, absolute != canonical[i], i)
        });
        let mut keep = vec![false; order.len()];
        for i in order {
            keep[i] = seen.insert(canonical[i].clone());
        }
        let mut index = 0;
        found.sources.retain(|_| {
            index += 1;
            keep[index - 1]
        });
    } else {
        found.sources.retain(|s| seen.insert(identity(&s.path)));
    }
    found.sources.sort();
    found.manifests.sort();
    found.manifests.dedup();
    found.report_only = named_file.then_some(filter);
    if found.sources.is_empty() {
        let hint = if files.include.is_some() || files.exclude.is_some() {
            " (or `[files]` in the configuration leaves them all out)"
        } else {
            ""
        };
        found.warnings.push(format!("no Rust source files to analyze under the given paths{hint}"));
    }
    Ok(found)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The directory of the nearest `Cargo.toml` at or above `path`, spelled
/// relative to `path` the way the user wrote it (`src/entity/../..`).
fn enclosing_package(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() { path.to_path_buf() } else { parent_dir(path) };
    // Normalized first: each ancestor must be one `..` up, which a raw `a/..` is not.
    let absolute = identity(&start);
    for (depth, dir) in absolute.ancestors().enumerate() {
        if dir.join("Cargo.toml").is_file() {
            let mut relative = start.clone();
            for _ in 0..depth {
                relative.push("..");
            }
            // `src/..` normalizes to nothing, which no walker reads: it is `.`.
            let relative = normalize(&relative);
            return Some(if relative.as_os_str().is_empty() { PathBuf::from(".") } else { relative });
        }
    }
    None
}

fn walk_dir(root: &Path, files: &FileSettings, found: &mut Discovery) {
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .ignore(files.respect_gitignore)
        .git_ignore(files.respect_gitignore)
        .git_exclude(files.respect_gitignore)
        .git_global(files.respect_gitignore)
        .require_git(false)
        // Not followed unless asked: a link may lead out of the given roots.
        .follow_links(files.follow_links)
        .filter_entry(|entry| {
            !(entry.depth() > 0 && entry.file_type().is_some_and(|t| t.is_dir()) && entry.file_name() == "target")
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.warnings.push(walk_warning(&err));
                continue;
            }
        };
        let path = entry.path();
        if !files.follow_links
            && entry.path_is_symlink()
            && path.extension().is_some_and(|e| e == "rs")
            && files.wants(path)
        {
            // Named on the command line: already read.
            if found.sources.iter().any(|s| identity(&s.path) == identity(path)) {
                continue;
            }
            found.warnings.push(format!(
                "`{}` is a symbolic link, which ormlint does not follow: name it on the command line, \
                 or pass `--follow-links`, to analyze it",
                display_path(path)
            ));
            continue;
        }
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if path.extension().is_some_and(|e| e == "rs") {
            if files.wants(path) {
                found.sources.push(SourcePath::on_disk(path));
            }
        } else if path.file_name().is_some_and(|n| n == "Cargo.toml") {
            found.manifests.push(normalize(path));
        }
    }
}

/// A walk error as a sentence: what was skipped and why.
fn walk_warning(err: &ignore::Error) -> String {
    /// The I/O error under the path and depth wrappers.
    fn io_of(err: &ignore::Error) -> Option<&std::io::Error> {
        match err {
            ignore::Error::Io(io) => Some(io),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithPath { err, .. } => io_of(err),
            _ => None,
        }
    }
    match err {
        ignore::Error::WithDepth { err, .. } => walk_warning(err),
        ignore::Error::WithPath { path, err } => match io_of(err) {
            // The walker's own text repeats the path; the kind says it all.
            Some(io) if io.kind() != std::io::ErrorKind::Other => {
                format!("cannot read `{}`: {}; skipped", display_path(path), io.kind())
            }
            _ => format!("`{}`: {}", display_path(path), walk_warning(err)),
        },
        ignore::Error::Loop { ancestor, child } => {
            let shown = |path: &Path| match display_path(path) {
                path if path.is_empty() => ".".to_string(),
                path => path,
            };
            format!(
                "`{}` leads back to `{}` (a loop of symbolic links); it is read once",
                shown(child),
                shown(ancestor)
            )
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(normalize(Path::new("./a/./b/../c.rs")), PathBuf::from("a/c.rs"));
        assert_eq!(normalize(Path::new("a/../../b")), PathBuf::from("../b"));
        assert_eq!(normalize(Path::new("/../a")), PathBuf::from("/a"));
        assert_eq!(display_path(Path::new("./src/x.rs")), "src/x.rs");
    }
}
