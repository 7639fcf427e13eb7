//! Test support for `ormlint-oracle`, which checks ormlint's claims against the
//! real sea-orm and a real SQLite database:
//!
//! - [`fixtures`] compiles every `tests/fixtures/<rule>/pass*` case as real code
//!   (`tests/fixtures_compile.rs`);
//! - [`db`] builds in-memory SQLite databases from entities for the runtime
//!   scenarios behind the cascade rules (`tests/cascade/`).
//!
//! Run it with `cargo test -p ormlint-oracle` from the repository root.

pub mod db;
pub mod fixtures;
