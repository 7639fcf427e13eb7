//! ormlint: a static analyzer for ORM relationship definitions.
//!
//! The pipeline, one folder per stage:
//! [`discover`] files -> [`parse`] each in parallel into owned facts ->
//! [`resolve`] modules, paths and entities into the ORM-neutral [`model`] ->
//! [`graph`] of entities and relations -> [`rules`] -> [`emit`] in a format.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod emit;
pub mod graph;
pub mod memory;
pub mod model;
pub mod parse;
pub mod resolve;
pub mod rules;
pub mod source_db;

pub use cli::{analyze, check, run, ExitStatus};
