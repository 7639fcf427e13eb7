//! `missing-cascade`: a `belongs_to` without `on_delete`. SeaORM emits the foreign key
//! with no `ON DELETE` clause, so SQLite applies its default, `NO ACTION`: deleting a
//! parent that still has children fails. The suggested fixes: `Cascade` (children
//! deleted), `SetNull` on an optional key (children kept, key NULL), or an explicit
//! `Restrict` (still refused, now on purpose).

use ormlint_oracle::db;
use sea_orm::SqlErr;

use crate::blog::{self, delete_user, posts, seeded, users, IntKeyed};
use crate::set_default::FOREIGN_KEY_FAILED;
use crate::set_null_on_required::{children_deleted, children_kept_with_a_null_key};

/// Measured with `Restrict`: SQLite reports a different extended code (1811, not
/// 787), which `DbErr::sql_err()` in sea-orm 2.0.4 does not classify (`None`).
const RESTRICT_FAILED: &str =
    "Execution Error: error returned from database: (code: 1811) FOREIGN KEY constraint failed";

const POST_PREFIX: &str =
    r#"CREATE TABLE "post" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar NOT NULL, "#;

#[test]
fn without_on_delete_the_foreign_key_has_no_on_delete_clause() {
    let no_action =
        format!(r#"{POST_PREFIX}"user_id" integer NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") )"#);
    assert_eq!(db::create_table_sql(blog::dense::required_no_action::post::Entity), no_action);
    assert_eq!(db::create_table_sql(blog::compact::required_no_action::post::Entity), no_action);
    assert_eq!(db::create_table_sql(blog::expanded::required_no_action::post::Entity), no_action);

    let restrict = format!(
        r#"{POST_PREFIX}"user_id" integer NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE RESTRICT )"#
    );
    assert_eq!(db::create_table_sql(blog::dense::required_restrict::post::Entity), restrict);
    assert_eq!(db::create_table_sql(blog::compact::required_restrict::post::Entity), restrict);
    assert_eq!(db::create_table_sql(blog::expanded::required_restrict::post::Entity), restrict);
}

#[tokio::test]
async fn without_on_delete_deleting_a_parent_with_children_fails() {
    in_every_format!(required_no_action, refused_as_foreign_key_violation);
}

async fn refused_as_foreign_key_violation<U: IntKeyed, P: IntKeyed>(format: &str) {
    let err = refused::<U, P>(format).await;
    assert_eq!(err.to_string(), FOREIGN_KEY_FAILED, "{format}");
    assert_eq!(
        err.sql_err(),
        Some(SqlErr::ForeignKeyConstraintViolation("FOREIGN KEY constraint failed".into())),
        "{format}"
    );
}

#[tokio::test]
async fn fix_cascade_deletes_the_children() {
    in_every_format!(required_cascade, children_deleted);
}

#[tokio::test]
async fn fix_set_null_on_an_optional_fk_keeps_the_children() {
    in_every_format!(optional_set_null, children_kept_with_a_null_key);
}

#[tokio::test]
async fn fix_restrict_still_refuses_with_another_code() {
    in_every_format!(required_restrict, refused_by_restrict);
}

async fn refused_by_restrict<U: IntKeyed, P: IntKeyed>(format: &str) {
    let err = refused::<U, P>(format).await;
    assert_eq!(err.to_string(), RESTRICT_FAILED, "{format}");
    assert_eq!(err.sql_err(), None, "{format}");
}

/// A parent without children deletes; one with children does not, and nothing changes.
async fn refused<U: IntKeyed, P: IntKeyed>(format: &str) -> sea_orm::DbErr {
    let db = seeded::<U, P>().await;
    assert_eq!(delete_user::<U>(&db, 3).await.unwrap(), 1, "{format}");
    let err = delete_user::<U>(&db, 1).await.expect_err(format);
    println!("{format}: {}", db::describe(&err));
    assert_eq!(users(&db).await, [1, 2], "{format}");
    assert_eq!(posts(&db).await, [(10, Some(1)), (11, Some(1)), (20, Some(2))], "{format}");
    err
}
