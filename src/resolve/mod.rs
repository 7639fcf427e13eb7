//! Stage 3: place files in the module tree, resolve paths, and turn per-file
//! SeaORM facts into the ORM-neutral [`crate::model::Project`].

mod entities;
mod imports;
pub mod modules;
pub mod scope;

pub use entities::build_project;
pub use imports::module_graph;
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
    // A call can only lead into the analyzed code if a function of that name
    // exists; the rest are calls into other crates. Drop them. Then drop the
    // functions that neither query nor call, unless a function that does
    // shares their name: they still tell a plain lookup from a query helper.
    let names: rustc_hash::FxHashSet<String> = functions.iter().map(|f| f.facts.name.clone()).collect();
    for function in &mut functions {
        function.facts.calls.retain(|call| names.contains(call.callee.name()));
        function.facts.calls.shrink_to_fit();
    }
    let active = |f: &crate::model::Function| !f.facts.queries.is_empty() || !f.facts.calls.is_empty();
    let active_names: rustc_hash::FxHashSet<String> =
        functions.iter().filter(|f| active(f)).map(|f| f.facts.name.clone()).collect();
    functions.retain(|f| active(f) || active_names.contains(&f.facts.name));
    functions
}
