//! `set-null-on-required`: `on_delete = "SetNull"` on a `belongs_to` whose foreign key
//! column is required (`i32`, so `NOT NULL`). It compiles and the table is created,
//! but deleting a parent that still has children fails: SQLite cannot set the
//! children's key to NULL. The whole `DELETE` is rolled back.

use ormlint_oracle::db;

use crate::blog::{self, delete_user, posts, seeded, users, IntKeyed};

/// What SeaORM reports (`DbErr` as `Display`) when SQLite refuses, in every format.
/// `DbErr::sql_err()` classifies it as `None`: it is not a foreign key violation.
pub const NOT_NULL_FAILED: &str =
    "Execution Error: error returned from database: (code: 1299) NOT NULL constraint failed: post.user_id";

/// The `post` table SeaORM creates from any of the three formats.
const POST_SQL: &str = concat!(
    r#"CREATE TABLE "post" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar NOT NULL, "#,
    r#""user_id" integer NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL )"#
);

#[test]
fn the_schema_pairs_not_null_with_on_delete_set_null() {
    assert_eq!(db::create_table_sql(blog::dense::required_set_null::post::Entity), POST_SQL);
    assert_eq!(db::create_table_sql(blog::compact::required_set_null::post::Entity), POST_SQL);
    assert_eq!(db::create_table_sql(blog::expanded::required_set_null::post::Entity), POST_SQL);
}

#[tokio::test]
async fn set_null_on_a_required_fk_fails_to_delete_a_parent_with_children() {
    in_every_format!(required_set_null, fails_to_delete_a_parent_with_children);
}

async fn fails_to_delete_a_parent_with_children<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;

    // A parent without children deletes fine: the action never runs.
    assert_eq!(delete_user::<U>(&db, 3).await.unwrap(), 1, "{format}");

    let err = delete_user::<U>(&db, 1).await.expect_err(format);
    println!("{format}: {}", db::describe(&err));
    assert_eq!(err.to_string(), NOT_NULL_FAILED, "{format}");
    assert_eq!(err.sql_err(), None, "{format}");
    assert_eq!(users(&db).await, [1, 2], "{format}: user 1 is still there");
    assert_eq!(posts(&db).await, [(10, Some(1)), (11, Some(1)), (20, Some(2))], "{format}");
}

/// Fix A: make the column nullable (`Option<i32>`) and keep `SetNull`.
#[tokio::test]
async fn fix_a_optional_fk_with_set_null_keeps_the_children_with_a_null_key() {
    in_every_format!(optional_set_null, children_kept_with_a_null_key);
}

pub async fn children_kept_with_a_null_key<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;
    assert_eq!(delete_user::<U>(&db, 1).await.unwrap(), 1, "{format}");
    assert_eq!(users(&db).await, [2, 3], "{format}");
    assert_eq!(posts(&db).await, [(10, None), (11, None), (20, Some(2))], "{format}");
}

/// Fix B: keep the column required and use `Cascade`.
#[tokio::test]
async fn fix_b_required_fk_with_cascade_deletes_the_children() {
    in_every_format!(required_cascade, children_deleted);
}

pub async fn children_deleted<U: IntKeyed, P: IntKeyed>(format: &str) {
    let db = seeded::<U, P>().await;
    // `rows_affected` counts the parent only: SQLite does not count rows its
    // foreign key actions change.
    assert_eq!(delete_user::<U>(&db, 1).await.unwrap(), 1, "{format}");
    assert_eq!(users(&db).await, [2, 3], "{format}");
    assert_eq!(posts(&db).await, [(20, Some(2))], "{format}");
}
