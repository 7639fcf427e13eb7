//! `cascade-cycle`: `on_delete = "Cascade"` around a cycle of tables. Deleting any
//! one row of the cycle can delete rows in every table of it.
//!
//! The ring (compact format): an organization has an owner (`user`), a user is on a
//! team, a team belongs to an organization. Every key is nullable, so the ring can
//! be inserted, and every one cascades:
//!
//! `organization.owner_id -> user`, `user.team_id -> team`, `team.organization_id -> organization`.

use ormlint_oracle::db;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};

use crate::blog::rows;

mod organization {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "organization")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub owner_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::OwnerId",
            to = "super::user::Column::Id",
            on_delete = "Cascade"
        )]
        Owner,
        #[sea_orm(has_many = "super::team::Entity")]
        Team,
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Owner.def()
        }
    }

    impl Related<super::team::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Team.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod team {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "team")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub organization_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::organization::Entity",
            from = "Column::OrganizationId",
            to = "super::organization::Column::Id",
            on_delete = "Cascade"
        )]
        Organization,
        #[sea_orm(has_many = "super::user::Entity")]
        User,
    }

    impl Related<super::organization::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Organization.def()
        }
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::User.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod user {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "user")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub team_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::team::Entity",
            from = "Column::TeamId",
            to = "super::team::Column::Id",
            on_delete = "Cascade"
        )]
        Team,
        #[sea_orm(has_many = "super::organization::Entity")]
        OwnedOrganization,
    }

    impl Related<super::team::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Team.def()
        }
    }

    impl Related<super::organization::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::OwnedOrganization.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

/// Category tree (dense format): `category.parent_id -> category` with `Cascade`.
mod category {
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "category")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub parent_id: Option<i32>,
        #[sea_orm(
            self_ref,
            relation_enum = "Parent",
            relation_reverse = "Children",
            from = "parent_id",
            to = "id",
            on_delete = "Cascade"
        )]
        pub parent: BelongsTo<Option<Entity>>,
        #[sea_orm(self_ref, relation_enum = "Children", relation_reverse = "Parent")]
        pub children: HasMany<Entity>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Row counts of the ring's tables: (organization, team, user).
async fn counts(db: &DatabaseConnection) -> (i64, i64, i64) {
    (db::count(db, organization::Entity).await, db::count(db, team::Entity).await, db::count(db, user::Entity).await)
}

/// Names of every row left in the ring's tables.
async fn remaining(db: &DatabaseConnection) -> Vec<String> {
    let sql =
        r#"SELECT "name" FROM "organization" UNION ALL SELECT "name" FROM "team" UNION ALL SELECT "name" FROM "user""#;
    rows(db, sql, |row| row.try_get_by_index(0).unwrap()).await
}

#[tokio::test]
async fn the_schema_cascades_around_the_ring() {
    let cascade = r#" ON DELETE CASCADE )"#;
    let id_name = r#"( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar NOT NULL,"#;
    assert_eq!(
        db::create_table_sql(organization::Entity),
        format!(
            r#"CREATE TABLE "organization" {id_name} "owner_id" integer, FOREIGN KEY ("owner_id") REFERENCES "user" ("id"){cascade}"#
        )
    );
    assert_eq!(
        db::create_table_sql(team::Entity),
        format!(
            r#"CREATE TABLE "team" {id_name} "organization_id" integer, FOREIGN KEY ("organization_id") REFERENCES "organization" ("id"){cascade}"#
        )
    );
    assert_eq!(
        db::create_table_sql(user::Entity),
        format!(
            r#"CREATE TABLE "user" {id_name} "team_id" integer, FOREIGN KEY ("team_id") REFERENCES "team" ("id"){cascade}"#
        )
    );
}

#[tokio::test]
async fn deleting_one_row_of_a_cascade_cycle_deletes_rows_in_every_table() {
    let db = db::memory().await;
    db::create_table(&db, organization::Entity).await;
    db::create_table(&db, team::Entity).await;
    db::create_table(&db, user::Entity).await;

    // Acme: owner alice; teams core (alice, bob) and web (carol).
    // Globex: owner dave; team ops (dave). The owner update closes both rings.
    execute(&db, r#"INSERT INTO "organization" ("id", "name") VALUES (1, 'Acme'), (2, 'Globex')"#).await;
    execute(
        &db,
        r#"INSERT INTO "team" ("id", "name", "organization_id") VALUES (1, 'core', 1), (2, 'web', 1), (3, 'ops', 2)"#,
    )
    .await;
    execute(
        &db,
        r#"INSERT INTO "user" ("id", "name", "team_id") VALUES (1, 'alice', 1), (2, 'bob', 1), (3, 'carol', 2), (4, 'dave', 3)"#,
    )
    .await;
    execute(&db, r#"UPDATE "organization" SET "owner_id" = CASE "id" WHEN 1 THEN 1 ELSE 4 END"#).await;
    assert_eq!(counts(&db).await, (2, 3, 4));

    // bob owns nothing: deleting him deletes only him.
    assert_eq!(user::Entity::delete_by_id(2).exec(&db).await.unwrap().rows_affected, 1);
    assert_eq!(counts(&db).await, (2, 3, 3));

    // alice owns Acme: deleting her deletes Acme, so both its teams, so carol too.
    // `rows_affected` still says 1: SQLite does not count cascaded rows.
    assert_eq!(user::Entity::delete_by_id(1).exec(&db).await.unwrap().rows_affected, 1);
    assert_eq!(counts(&db).await, (1, 1, 1));
    assert_eq!(remaining(&db).await, ["Globex", "ops", "dave"]);
}

#[tokio::test]
async fn self_referencing_cascade_deletes_the_whole_subtree() {
    let db = db::memory().await;
    assert_eq!(
        db::create_table(&db, category::Entity).await,
        concat!(
            r#"CREATE TABLE "category" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar NOT NULL, "#,
            r#""parent_id" integer, FOREIGN KEY ("parent_id") REFERENCES "category" ("id") ON DELETE CASCADE )"#
        )
    );
    execute(
        &db,
        r#"INSERT INTO "category" ("id", "name", "parent_id") VALUES
            (1, 'Electronics', NULL), (2, 'Computers', 1), (3, 'Laptops', 2), (4, 'Gaming laptops', 3),
            (5, 'Phones', 1), (6, 'Books', NULL), (7, 'Fiction', 6)"#,
    )
    .await;
    let ids = |db| async move {
        rows(db, r#"SELECT "id" FROM "category" ORDER BY "id""#, |r| r.try_get_by_index::<i32>(0).unwrap()).await
    };

    // Computers goes, and with it Laptops and Gaming laptops, three levels down.
    assert_eq!(category::Entity::delete_by_id(2).exec(&db).await.unwrap().rows_affected, 1);
    assert_eq!(ids(&db).await, [1, 5, 6, 7]);

    // Deleting a root takes its whole tree and nothing else.
    assert_eq!(category::Entity::delete_by_id(1).exec(&db).await.unwrap().rows_affected, 1);
    assert_eq!(ids(&db).await, [6, 7]);
}
