//! The runtime behaviour behind the cascade rules, measured through the real
//! sea-orm on a real (in-memory) SQLite database with foreign keys enforced:
//!
//! - `set_null_on_required`: `on_delete = "SetNull"` on a NOT NULL foreign key;
//! - `set_default`: `on_delete = "SetDefault"` with and without a column default;
//! - `missing_cascade`: a `belongs_to` without `on_delete`, and its fixes;
//! - `cascade_cycle`: `Cascade` around a cycle of tables, and down a self-reference.
//!
//! Tables come from `Schema::create_table_from_entity`, parents are deleted with
//! `Entity::delete_by_id(..).exec(&db)`, and every outcome is asserted exactly: the
//! error strings and SQL here are the ones the rule docs quote. Run with
//! `cargo test -p ormlint-oracle --test cascade -- --nocapture` to see them printed.

// Entity definitions generate far more items (loaders, iterators, columns) than a
// scenario touches.
#![allow(dead_code)]

#[macro_use]
mod blog;

mod cascade_cycle;
mod missing_cascade;
mod set_default;
mod set_null_on_required;

use ormlint_oracle::db;

/// Every scenario relies on this: sqlx turns `PRAGMA foreign_keys` on for each SQLite
/// connection (SQLite's own default is off). `db::memory` asserts it.
#[tokio::test]
async fn sqlite_enforces_foreign_keys_on_sea_orm_connections() {
    let db = db::memory().await;
    let version = blog::rows(&db, "SELECT sqlite_version()", |r| r.try_get_by_index::<String>(0).unwrap()).await;
    println!("SQLite {} (bundled by libsqlite3-sys), PRAGMA foreign_keys = 1", version[0]);
}
