//! `on_delete = "SetDefault"`: SQLite sets the children's key to the column's
//! default, which is NULL when the column declares none. So on a required column
//! without a default it fails exactly like `SetNull`; on an optional one it behaves
//! like `SetNull`; with a default it re-parents the children, and fails with a
//! foreign key error if the default parent is gone.

use ormlint_oracle::db;
use sea_orm::SqlErr;

use crate::blog::{self, delete_user, posts, seeded, users, IntKeyed};
use crate::set_null_on_required::NOT_NULL_FAILED;

/// Measured: a foreign key action left a child pointing at no parent (SQLite code 787).
pub const FOREIGN_KEY_FAILED: &str =
    "Execution Error: error returned from database: (code: 787) FOREIGN KEY constraint failed";

/// `post.user_id` as SeaORM creates it from `#[sea_orm(default_value = 1)]` (dense,
/// compact) or `ColumnType::Integer.def().default_value(1)` (expanded).
const POST_WITH_DEFAULT_SQL: &str = concat!(
    r#"CREATE TABLE "post" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar NOT NULL, "#,
    r#""user_id" integer NOT NULL DEFAULT 1, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET DEFAULT )"#
);

#[test]
fn default_value_1_becomes_default_1_in_the_schema() {
    assert_eq!(db::create_table_sql(blog::dense::required_set_default_to_1::post::Entity), POST_WITH_DEFAULT_SQL);
    assert_eq!(db::create_table_sql(blog::compact::required_set_default_to_1::post::Entity), POST_WITH_DEFAULT_SQL);
    assert_eq!(db::create_table_sql(blog::expanded::required_set_default_to_1::post::Entity), POST_WITH_DEFAULT_SQL);
}

#[tokio::test]
async fn set_default_on_a_required_fk_without_default_fails_like_set_null() {
    in_every_format!(required_set_default, fails_with_not_null);
}

async fn fails_with_not_null<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;
    let err = delete_user::<U>(&db, 1).await.expect_err(format);
    println!("{format}: {}", db::describe(&err));
    assert_eq!(err.to_string(), NOT_NULL_FAILED, "{format}");
    assert_eq!(users(&db).await, [1, 2, 3], "{format}");
    assert_eq!(posts(&db).await, [(10, Some(1)), (11, Some(1)), (20, Some(2))], "{format}");
}

#[tokio::test]
async fn set_default_on_an_optional_fk_without_default_sets_null() {
    in_every_format!(optional_set_default, sets_null);
}

async fn sets_null<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;
    assert_eq!(delete_user::<U>(&db, 1).await.unwrap(), 1, "{format}");
    assert_eq!(users(&db).await, [2, 3], "{format}");
    assert_eq!(posts(&db).await, [(10, None), (11, None), (20, Some(2))], "{format}");
}

#[tokio::test]
async fn set_default_with_a_default_reassigns_the_children_to_the_default_parent() {
    in_every_format!(required_set_default_to_1, reassigns_to_default);
}

async fn reassigns_to_default<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;

    // bob (2) goes; his post 20 now belongs to alice (1), the default.
    assert_eq!(delete_user::<U>(&db, 2).await.unwrap(), 1, "{format}");
    assert_eq!(users(&db).await, [1, 3], "{format}");
    assert_eq!(posts(&db).await, [(10, Some(1)), (11, Some(1)), (20, Some(1))], "{format}");

    // Deleting alice, the default parent herself, leaves her posts pointing at nobody.
    let err = delete_user::<U>(&db, 1).await.expect_err(format);
    println!("{format}: {}", db::describe(&err));
    assert_eq!(err.to_string(), FOREIGN_KEY_FAILED, "{format}");
    assert_eq!(
        err.sql_err(),
        Some(SqlErr::ForeignKeyConstraintViolation("FOREIGN KEY constraint failed".into())),
        "{format}"
    );
    assert_eq!(users(&db).await, [1, 3], "{format}");
    assert_eq!(posts(&db).await, [(10, Some(1)), (11, Some(1)), (20, Some(1))], "{format}");
}
