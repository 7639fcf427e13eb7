//! The module tree, built the way rustc finds files: from each crate root,
//! `mod x;` is `x.rs` or `x/mod.rs` (or `#[path]`), and `mod x { .. }` is inline.
//! Files no crate root reaches (a folder of entity files, a subfolder given on
//! the command line) get the module path their location implies.

use crate::discover::Package;
use crate::discover::{identity, normalize};
use crate::parse::facts::{ModFacts, UseFact};
use crate::parse::ParsedFile;
use crate::source_db::FileId;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

pub type ModuleId = usize;
pub type CrateId = usize;

pub struct Module<'a> {
    pub krate: CrateId,
    pub path: Vec<String>,
    pub parent: Option<ModuleId>,
    pub children: FxHashMap<String, ModuleId>,
    pub file: Option<FileId>,
    pub facts: Option<&'a ModFacts>,
    /// Names declared or imported here, indexed once so lookups are O(1).
    pub scope: Scope<'a>,
}

/// A module's names: declared items, named `use` bindings, and glob imports.
#[derive(Default)]
pub struct Scope<'a> {
    pub items: FxHashSet<&'a str>,
    pub bindings: FxHashMap<&'a str, Vec<&'a UseFact>>,
    pub globs: Vec<&'a UseFact>,
}

impl<'a> Scope<'a> {
    fn of(facts: &'a ModFacts) -> Self {
        let mut scope = Scope { items: facts.items.iter().map(String::as_str).collect(), ..Scope::default() };
        for u in &facts.uses {
            match &u.name {
                Some(name) => scope.bindings.entry(name.as_str()).or_default().push(u),
                None => scope.globs.push(u),
            }
        }
        scope
    }
}

pub struct Crate {
    /// Name other crates use (`entity`), or a placeholder for loose folders.
    pub name: String,
    pub root: ModuleId,
    /// Whether other crates can name it (`use entity::post`).
    pub is_library: bool,
    /// The package directory, for crates of a Cargo package (two versions of
    /// one package share a name, never a directory).
    pub package_dir: Option<PathBuf>,
}

pub struct ModuleTree<'a> {
    pub modules: Vec<Module<'a>>,
    pub crates: Vec<Crate>,
    /// Library crates by the name other crates write.
    pub extern_crates: FxHashMap<String, ModuleId>,
    /// Memoized name lookups: glob imports (`use super::*` in every module)
    /// would otherwise make resolution combinatorial on real code.
    pub(super) lookups: std::cell::RefCell<FxHashMap<(ModuleId, String, bool), super::scope::Memo>>,
    /// Answers cut short by a lookup in progress, dropped when the outermost ends.
    pub(super) provisional: std::cell::RefCell<Vec<(ModuleId, String, bool)>>,
    /// Set when a lookup met one still in progress (a glob cycle) or the hop
    /// limit: its `None` may not be final, so it is not memoized.
    pub(super) cut_short: std::cell::Cell<bool>,
    /// Lookups in progress; the outermost one's answer is always final.
    pub(super) depth: std::cell::Cell<usize>,
}

struct Builder<'a> {
    files: &'a [ParsedFile],
    /// Each file's absolute, normalized path, computed once.
    identities: Vec<PathBuf>,
    by_path: FxHashMap<PathBuf, FileId>,
    claimed: Vec<bool>,
    tree: ModuleTree<'a>,
}

impl<'a> ModuleTree<'a> {
    pub fn build(files: &'a [ParsedFile], packages: &[Package], roots: &[PathBuf]) -> Self {
        let identities: Vec<PathBuf> = files.iter().map(|f| identity(&f.path)).collect();
        let by_path = identities.iter().enumerate().map(|(id, p)| (p.clone(), id)).collect();
        let mut b = Builder {
            files,
            identities,
            by_path,
            claimed: vec![false; files.len()],
            tree: ModuleTree {
                modules: Vec::new(),
                crates: Vec::new(),
                extern_crates: FxHashMap::default(),
                lookups: Default::default(),
                provisional: Default::default(),
                cut_short: Default::default(),
                depth: Default::default(),
            },
        };
        for package in packages {
            for (index, root) in package.roots.iter().enumerate() {
                let Some(&file) = b.by_path.get(&identity(root)) else { continue };
                if b.claimed[file] {
                    continue;
                }
                let is_library =
                    index == 0 && !root.ends_with("main.rs") && root.parent().is_some_and(|p| !p.ends_with("bin"));
                let krate = b.new_crate(package.crate_name.clone(), is_library, Some(identity(&package.dir)));
                b.attach_file(b.tree.crates[krate].root, file, true);
            }
        }
        b.place_orphans(packages, roots);
        b.tree
    }
}

impl<'a> Builder<'a> {
    fn new_crate(&mut self, name: String, is_library: bool, package_dir: Option<PathBuf>) -> CrateId {
        let krate = self.tree.crates.len();
        let root = self.new_module(krate, Vec::new(), None);
        self.tree.crates.push(Crate { name: name.clone(), root, is_library, package_dir });
        if is_library {
            self.tree.extern_crates.entry(name).or_insert(root);
        }
        krate
    }

    fn new_module(&mut self, krate: CrateId, path: Vec<String>, parent: Option<ModuleId>) -> ModuleId {
        let id = self.tree.modules.len();
        if let (Some(parent), Some(name)) = (parent, path.last()) {
            self.tree.modules[parent].children.insert(name.clone(), id);
        }
        self.tree.modules.push(Module {
            krate,
            path,
            parent,
            children: FxHashMap::default(),
            file: None,
            facts: None,
            scope: Scope::default(),
        });
        id
    }

    fn set_facts(&mut self, module: ModuleId, file: FileId, facts: &'a ModFacts) {
        let m = &mut self.tree.modules[module];
        m.file = Some(file);
        m.facts = Some(facts);
        m.scope = Scope::of(facts);
    }

    fn child(&mut self, parent: ModuleId, name: &str) -> ModuleId {
        if let Some(&id) = self.tree.modules[parent].children.get(name) {
            return id;
        }
        let mut path = self.tree.modules[parent].path.clone();
        path.push(name.to_string());
        let krate = self.tree.modules[parent].krate;
        self.new_module(krate, path, Some(parent))
    }

    /// Give `module` the top level of `file` and follow its `mod` declarations.
    /// `owns_dir`: the file is a crate root, a `mod.rs`, or loaded by `#[path]`,
    /// so its children live next to it rather than in a folder named after it.
    fn attach_file(&mut self, module: ModuleId, file: FileId, owns_dir: bool) {
        self.claimed[file] = true;
        let files = self.files;
        let facts = &files[file].facts.root;
        self.set_facts(module, file, facts);
        let path = self.identities[file].clone();
        let file_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let is_mod_rs = path.file_name().is_some_and(|n| n == "mod.rs");
        let child_dir =
            if owns_dir || is_mod_rs { file_dir.clone() } else { file_dir.join(path.file_stem().unwrap_or_default()) };
        self.walk(module, facts, file, &file_dir, &child_dir, false);
    }

    fn walk(
        &mut self,
        module: ModuleId,
        facts: &'a ModFacts,
        file: FileId,
        file_dir: &Path,
        child_dir: &Path,
        inline: bool,
    ) {
        for decl in &facts.mods {
            let child = self.child(module, &decl.name);
            if let Some(body) = &decl.inline {
                self.set_facts(child, file, body);
                self.walk(child, body, file, file_dir, &child_dir.join(&decl.name), true);
                continue;
            }
            let (candidates, by_path_attr) = match &decl.path_attr {
                Some(p) => (vec![if inline { child_dir.join(p) } else { file_dir.join(p) }], true),
                None => (
                    vec![child_dir.join(format!("{}.rs", decl.name)), child_dir.join(&decl.name).join("mod.rs")],
                    false,
                ),
            };
            let found = candidates.iter().find_map(|c| self.by_path.get(&normalize(c)).copied());
            if let Some(found) = found.filter(|&f| !self.claimed[f]) {
                self.attach_file(child, found, by_path_attr);
            }
        }
    }

    /// Files no `mod` declaration reached: module path from their location,
    /// relative to their package's `src/` or to the analyzed root.
    fn place_orphans(&mut self, packages: &[Package], roots: &[PathBuf]) {
        let mut orphans: Vec<FileId> = (0..self.files.len()).filter(|&f| !self.claimed[f]).collect();
        // Parents first, so a `mod.rs` claims its children by declaration.
        orphans.sort_by_cached_key(|&f| {
            let path = &self.identities[f];
            let is_dir_module = path.file_stem().is_some_and(|s| s == "mod" || s == "lib" || s == "main");
            (path.components().count() - usize::from(is_dir_module), !is_dir_module, path.clone())
        });
        // Looked up by ancestor, so placing a file costs its depth, not the package count.
        let package_srcs: FxHashMap<PathBuf, &Package> =
            packages.iter().map(|p| (identity(&p.dir.join("src")), p)).collect();
        let root_dirs: FxHashSet<PathBuf> = roots
            .iter()
            .map(|r| identity(r))
            .map(|r| {
                if r.extension().is_some_and(|e| e == "rs") {
                    r.parent().map(Path::to_path_buf).unwrap_or_default()
                } else {
                    r
                }
            })
            .collect();
        let mut virtual_crates: FxHashMap<PathBuf, CrateId> = FxHashMap::default();
        for file in orphans {
            if self.claimed[file] {
                continue;
            }
            let path = self.identities[file].clone();
            let package = path.ancestors().skip(1).find_map(|dir| package_srcs.get(dir).map(|p| (dir, *p)));
            let (anchor, name, package_dir) = match package {
                Some((src, package)) => (src.to_path_buf(), package.crate_name.clone(), Some(identity(&package.dir))),
                None => {
                    let root = path
                        .ancestors()
                        .skip(1)
                        .find(|dir| root_dirs.contains(*dir))
                        .or_else(|| path.parent())
                        .map(Path::to_path_buf)
                        .unwrap_or_default();
                    let name =
                        root.file_name().map_or_else(|| "crate".to_string(), |n| n.to_string_lossy().into_owned());
                    (root, name, None)
                }
            };
            let krate = match virtual_crates.get(&anchor) {
                Some(&k) => k,
                None => {
                    // A package whose library root was analyzed already has a crate.
                    let existing = package_dir.as_ref().and_then(|dir| {
                        self.tree.crates.iter().position(|c| c.is_library && c.package_dir.as_ref() == Some(dir))
                    });
                    let library = package_dir.is_some();
                    let k = existing.unwrap_or_else(|| self.new_crate(name, library, package_dir));
                    virtual_crates.insert(anchor.clone(), k);
                    k
                }
            };
            let relative = path.strip_prefix(&anchor).unwrap_or(&path);
            let mut segments: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            if let Some(last) = segments.pop() {
                let stem = last.strip_suffix(".rs").unwrap_or(&last).to_string();
                if !matches!(stem.as_str(), "mod" | "lib" | "main") {
                    segments.push(stem);
                }
            }
            let mut module = self.tree.crates[krate].root;
            for segment in &segments {
                module = self.child(module, segment);
            }
            if self.tree.modules[module].file.is_some() {
                // Two files claim one module path: keep the second apart.
                let k = self.new_crate(format!("{}#{}", self.tree.crates[krate].name, file), false, None);
                module = self.tree.crates[k].root;
                for segment in &segments {
                    module = self.child(module, segment);
                }
            }
            let owns_dir = segments.is_empty();
            self.attach_file(module, file, owns_dir);
        }
    }
}
