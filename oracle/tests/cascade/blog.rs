//! `user` (parent) and `post` (child, `post.user_id -> user.id`) in every SeaORM
//! entity format, one pair per foreign key variant, plus the generic steps the
//! scenarios share.
//!
//! The three macros below only paste their arguments into otherwise verbatim entity
//! code. Every argument is a token tree (no `ty`/`literal` fragments), so SeaORM's
//! derive macros see exactly the tokens a hand-written entity has; the `CREATE TABLE`
//! assertions and the NULL/NOT NULL outcomes double-check that each variant came out
//! as intended.

use ormlint_oracle::db;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, PrimaryKeyTrait, Statement};

/// Dense 2.0 format (`#[sea_orm::model]`). A required FK pairs with a `BelongsTo<E>`
/// field; an optional one with `HasOne<E>` (a `BelongsTo<E>` needs a non-null FK).
macro_rules! dense_blog {
    (user_id: [$($fk:tt)+], field: $field:ident $(, on_delete: $action:tt)? $(, default_value: $default:tt)?) => {
        pub mod user {
            use sea_orm::entity::prelude::*;

            #[sea_orm::model]
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = "user")]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub name: String,
                #[sea_orm(has_many)]
                pub posts: HasMany<super::post::Entity>,
            }

            impl ActiveModelBehavior for ActiveModel {}
        }

        pub mod post {
            use sea_orm::entity::prelude::*;

            #[sea_orm::model]
            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = "post")]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub title: String,
                $(#[sea_orm(default_value = $default)])?
                pub user_id: $($fk)+,
                #[sea_orm(belongs_to, from = "user_id", to = "id" $(, on_delete = $action)?)]
                pub user: $field<super::user::Entity>,
            }

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

/// Compact format (`DeriveEntityModel` + `DeriveRelation`), as `sea-orm-cli` generates it.
macro_rules! compact_blog {
    (user_id: [$($fk:tt)+] $(, on_delete: $action:tt)? $(, default_value: $default:tt)?) => {
        pub mod user {
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = "user")]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub name: String,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {
                #[sea_orm(has_many = "super::post::Entity")]
                Post,
            }

            impl Related<super::post::Entity> for Entity {
                fn to() -> RelationDef {
                    Relation::Post.def()
                }
            }

            impl ActiveModelBehavior for ActiveModel {}
        }

        pub mod post {
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
            #[sea_orm(table_name = "post")]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub title: String,
                $(#[sea_orm(default_value = $default)])?
                pub user_id: $($fk)+,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {
                #[sea_orm(
                    belongs_to = "super::user::Entity",
                    from = "Column::UserId",
                    to = "super::user::Column::Id"
                    $(, on_delete = $action)?
                )]
                User,
            }

            impl Related<super::user::Entity> for Entity {
                fn to() -> RelationDef {
                    Relation::User.def()
                }
            }

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

/// Expanded format (`impl RelationTrait` with `Entity::belongs_to(..)...into()`).
macro_rules! expanded_blog {
    (user_id: [$($fk:tt)+], column: [$($column:tt)+] $(, on_delete: $action:ident)?) => {
        pub mod user {
            use sea_orm::entity::prelude::*;

            #[derive(Copy, Clone, Default, Debug, DeriveEntity)]
            pub struct Entity;

            impl EntityName for Entity {
                fn table_name(&self) -> &'static str {
                    "user"
                }
            }

            #[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
            pub struct Model {
                pub id: i32,
                pub name: String,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
            pub enum Column {
                Id,
                Name,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]
            pub enum PrimaryKey {
                Id,
            }

            impl PrimaryKeyTrait for PrimaryKey {
                type ValueType = i32;
                fn auto_increment() -> bool {
                    true
                }
            }

            #[derive(Copy, Clone, Debug, EnumIter)]
            pub enum Relation {
                Post,
            }

            impl ColumnTrait for Column {
                type EntityName = Entity;
                fn def(&self) -> ColumnDef {
                    match self {
                        Self::Id => ColumnType::Integer.def(),
                        Self::Name => ColumnType::String(StringLen::None).def(),
                    }
                }
            }

            impl RelationTrait for Relation {
                fn def(&self) -> RelationDef {
                    match self {
                        Self::Post => Entity::has_many(super::post::Entity).into(),
                    }
                }
            }

            impl Related<super::post::Entity> for Entity {
                fn to() -> RelationDef {
                    Relation::Post.def()
                }
            }

            impl ActiveModelBehavior for ActiveModel {}
        }

        pub mod post {
            use sea_orm::entity::prelude::*;

            #[derive(Copy, Clone, Default, Debug, DeriveEntity)]
            pub struct Entity;

            impl EntityName for Entity {
                fn table_name(&self) -> &'static str {
                    "post"
                }
            }

            #[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
            pub struct Model {
                pub id: i32,
                pub title: String,
                pub user_id: $($fk)+,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
            pub enum Column {
                Id,
                Title,
                UserId,
            }

            #[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]
            pub enum PrimaryKey {
                Id,
            }

            impl PrimaryKeyTrait for PrimaryKey {
                type ValueType = i32;
                fn auto_increment() -> bool {
                    true
                }
            }

            #[derive(Copy, Clone, Debug, EnumIter)]
            pub enum Relation {
                User,
            }

            impl ColumnTrait for Column {
                type EntityName = Entity;
                fn def(&self) -> ColumnDef {
                    match self {
                        Self::Id => ColumnType::Integer.def(),
                        Self::Title => ColumnType::String(StringLen::None).def(),
                        Self::UserId => $($column)+,
                    }
                }
            }

            impl RelationTrait for Relation {
                fn def(&self) -> RelationDef {
                    match self {
                        Self::User => Entity::belongs_to(super::user::Entity)
                            .from(Column::UserId)
                            .to(super::user::Column::Id)
                            $(.on_delete(ForeignKeyAction::$action))?
                            .into(),
                    }
                }
            }

            impl Related<super::user::Entity> for Entity {
                fn to() -> RelationDef {
                    Relation::User.def()
                }
            }

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

// One module per foreign key variant and format. The name says what `post.user_id` is:
// `required` is `i32` (NOT NULL), `optional` is `Option<i32>`, then the `on_delete` action.

/// Dense 2.0 entities.
pub mod dense {
    /// `user_id: i32` + `SetNull`: what `set-null-on-required` flags.
    pub mod required_set_null {
        dense_blog!(user_id: [i32], field: BelongsTo, on_delete: "SetNull");
    }
    pub mod optional_set_null {
        dense_blog!(user_id: [Option<i32>], field: HasOne, on_delete: "SetNull");
    }
    pub mod required_cascade {
        dense_blog!(user_id: [i32], field: BelongsTo, on_delete: "Cascade");
    }
    pub mod required_restrict {
        dense_blog!(user_id: [i32], field: BelongsTo, on_delete: "Restrict");
    }
    /// No `on_delete` at all: what `missing-cascade` flags.
    pub mod required_no_action {
        dense_blog!(user_id: [i32], field: BelongsTo);
    }
    pub mod required_set_default {
        dense_blog!(user_id: [i32], field: BelongsTo, on_delete: "SetDefault");
    }
    pub mod optional_set_default {
        dense_blog!(user_id: [Option<i32>], field: HasOne, on_delete: "SetDefault");
    }
    pub mod required_set_default_to_1 {
        dense_blog!(user_id: [i32], field: BelongsTo, on_delete: "SetDefault", default_value: 1);
    }
}

/// Compact entities.
pub mod compact {
    pub mod required_set_null {
        compact_blog!(user_id: [i32], on_delete: "SetNull");
    }
    pub mod optional_set_null {
        compact_blog!(user_id: [Option<i32>], on_delete: "SetNull");
    }
    pub mod required_cascade {
        compact_blog!(user_id: [i32], on_delete: "Cascade");
    }
    pub mod required_restrict {
        compact_blog!(user_id: [i32], on_delete: "Restrict");
    }
    pub mod required_no_action {
        compact_blog!(user_id: [i32]);
    }
    pub mod required_set_default {
        compact_blog!(user_id: [i32], on_delete: "SetDefault");
    }
    pub mod optional_set_default {
        compact_blog!(user_id: [Option<i32>], on_delete: "SetDefault");
    }
    pub mod required_set_default_to_1 {
        compact_blog!(user_id: [i32], on_delete: "SetDefault", default_value: 1);
    }
}

/// Expanded entities.
pub mod expanded {
    pub mod required_set_null {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def()], on_delete: SetNull);
    }
    pub mod optional_set_null {
        expanded_blog!(user_id: [Option<i32>], column: [ColumnType::Integer.def().null()], on_delete: SetNull);
    }
    pub mod required_cascade {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def()], on_delete: Cascade);
    }
    pub mod required_restrict {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def()], on_delete: Restrict);
    }
    pub mod required_no_action {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def()]);
    }
    pub mod required_set_default {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def()], on_delete: SetDefault);
    }
    pub mod optional_set_default {
        expanded_blog!(user_id: [Option<i32>], column: [ColumnType::Integer.def().null()], on_delete: SetDefault);
    }
    pub mod required_set_default_to_1 {
        expanded_blog!(user_id: [i32], column: [ColumnType::Integer.def().default_value(1)], on_delete: SetDefault);
    }
}

/// Run `$check::<user::Entity, post::Entity>("format")` on the `$variant` pair of every format.
macro_rules! in_every_format {
    ($variant:ident, $check:ident) => {
        $check::<crate::blog::dense::$variant::user::Entity, crate::blog::dense::$variant::post::Entity>("dense").await;
        $check::<crate::blog::compact::$variant::user::Entity, crate::blog::compact::$variant::post::Entity>("compact")
            .await;
        $check::<crate::blog::expanded::$variant::user::Entity, crate::blog::expanded::$variant::post::Entity>(
            "expanded",
        )
        .await;
    };
}

/// A database with the `user` and `post` tables of `U` and `P`, holding
/// alice (1) with posts 10 and 11, bob (2) with post 20, and carol (3) with no posts.
/// Rows are inserted with plain SQL so the same seed serves every format.
pub async fn seeded<U: EntityTrait, P: EntityTrait>() -> DatabaseConnection {
    let db = db::memory().await;
    db::create_table(&db, U::default()).await;
    db::create_table(&db, P::default()).await;
    for sql in [
        r#"INSERT INTO "user" ("id", "name") VALUES (1, 'alice'), (2, 'bob'), (3, 'carol')"#,
        r#"INSERT INTO "post" ("id", "title", "user_id") VALUES (10, 'hello', 1), (11, 'again', 1), (20, 'hi', 2)"#,
    ] {
        db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    db
}

/// An entity with an `i32` primary key, so generic code can `delete_by_id(1)`.
pub trait IntKeyed: EntityTrait<PrimaryKey: PrimaryKeyTrait<ValueType = i32>> {}

impl<E: EntityTrait<PrimaryKey: PrimaryKeyTrait<ValueType = i32>>> IntKeyed for E {}

/// Delete user `id` through SeaORM (`Entity::delete_by_id(id).exec(&db)`), returning the rows affected.
pub async fn delete_user<U: IntKeyed>(db: &DatabaseConnection, id: i32) -> Result<u64, DbErr> {
    Ok(U::delete_by_id(id).exec(db).await?.rows_affected)
}

/// `(id, user_id)` of every post, by id.
pub async fn posts(db: &DatabaseConnection) -> Vec<(i32, Option<i32>)> {
    rows(db, r#"SELECT "id", "user_id" FROM "post" ORDER BY "id""#, |row| {
        (row.try_get_by_index(0).unwrap(), row.try_get_by_index(1).unwrap())
    })
    .await
}

/// Ids of every user, ascending.
pub async fn users(db: &DatabaseConnection) -> Vec<i32> {
    rows(db, r#"SELECT "id" FROM "user" ORDER BY "id""#, |row| row.try_get_by_index(0).unwrap()).await
}

/// Every row `sql` returns, read by `read`.
pub async fn rows<T>(db: &DatabaseConnection, sql: &str, read: impl Fn(&sea_orm::QueryResult) -> T) -> Vec<T> {
    let rows = db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql)).await.expect(sql);
    rows.iter().map(read).collect()
}
