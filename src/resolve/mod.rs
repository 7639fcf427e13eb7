//! Stage 3: place files in the module tree, resolve paths, and turn per-file
//! SeaORM facts into the ORM-neutral [`crate::model::Project`].

mod entities;
pub mod modules;
pub mod scope;

pub use entities::build_project;
pub use modules::ModuleTree;

/// Move every file's function facts into the model's shape. The query rules
/// resolve calls by name on their own, so they need no module tree.
pub fn take_functions(files: &mut [crate::parse::ParsedFile]) -> Vec<crate::model::Function> {
    let mut functions = Vec::new();
    for (file, parsed) in files.iter_mut().enumerate() {
        let stem = parsed.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let file_module = if matches!(stem.as_str(), "mod" | "lib" | "main") {
            let parent = parsed.path.parent().and_then(|p| p.file_name());
            parent.map(|p| p.to_string_lossy().into_owned()).unwrap_or(stem)
        } else {
            stem
        };
        for facts in std::mem::take(&mut parsed.facts.functions) {
            let module = facts.inline_module.last().cloned().unwrap_or_else(|| file_module.clone());
            functions.push(crate::model::Function { file, module, facts });
        }
    }
    functions
}
