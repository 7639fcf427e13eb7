//! Stage 3: place files in the module tree, resolve paths, and turn per-file
//! SeaORM facts into the ORM-neutral [`crate::model::Project`].

mod entities;
pub mod modules;
pub mod scope;

pub use entities::build_project;
pub use modules::ModuleTree;
