//! In-memory SQLite databases built from SeaORM entities.

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, EntityTrait, Schema, Statement};

/// A fresh `sqlite::memory:` database, checked to enforce foreign keys.
///
/// sqlx turns `PRAGMA foreign_keys` on for every SQLite connection it opens (SQLite's own
/// default is off); every scenario depends on that, so it is verified here rather than assumed.
pub async fn memory() -> DatabaseConnection {
    let db = Database::connect("sqlite::memory:").await.expect("open sqlite::memory:");
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, "PRAGMA foreign_keys"))
        .await
        .expect("PRAGMA foreign_keys")
        .expect("PRAGMA foreign_keys returns a row");
    let enabled: i32 = row.try_get_by_index(0).expect("PRAGMA foreign_keys is an integer");
    assert_eq!(enabled, 1, "foreign keys must be enforced on the connection");
    db
}

/// The `CREATE TABLE` statement SeaORM generates for `entity` on SQLite.
pub fn create_table_sql<E: EntityTrait>(entity: E) -> String {
    let backend = DbBackend::Sqlite;
    backend.build(&Schema::new(backend).create_table_from_entity(entity)).to_string()
}

/// Create the table of `entity` with `Schema::create_table_from_entity`, returning the SQL run.
///
/// SQLite resolves foreign key targets when rows change, not when tables are created,
/// so tables can be created in any order (which cycles need).
pub async fn create_table<E: EntityTrait>(db: &DatabaseConnection, entity: E) -> String {
    let backend = db.get_database_backend();
    let stmt = Schema::new(backend).create_table_from_entity(entity);
    db.execute(&stmt).await.unwrap_or_else(|e| panic!("create table {}: {e}", entity.table_name()));
    backend.build(&stmt).to_string()
}

/// Number of rows in the table of `entity`.
pub async fn count<E: EntityTrait>(db: &DatabaseConnection, entity: E) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM \"{}\"", entity.table_name());
    let row = db.query_one_raw(Statement::from_string(DbBackend::Sqlite, sql)).await.expect("count rows");
    row.expect("COUNT(*) returns a row").try_get_by_index(0).expect("COUNT(*) is an integer")
}

/// The whole error a failed statement reports, as `Display` renders it, followed by
/// SeaORM's portable classification (`DbErr::sql_err`), e.g.
/// `Execution Error: ... FOREIGN KEY constraint failed | sql_err: Some(ForeignKeyConstraintViolation(..))`.
pub fn describe(err: &DbErr) -> String {
    format!("{err} | sql_err: {:?}", err.sql_err())
}
