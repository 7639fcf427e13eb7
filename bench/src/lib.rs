//! Corpus generator and benchmark for ormlint (not published).
//!
//! `gen` writes a realistic SeaORM project with planted bugs; `run` measures,
//! on the same files, the floor a `syn`-based tool cannot beat (walk, read,
//! `syn::parse_file` on all cores) against `ormlint check`.

pub mod gen;
pub mod measure;
