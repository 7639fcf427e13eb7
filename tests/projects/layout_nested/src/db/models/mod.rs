//! Library catalogue tables.

pub mod prelude;

pub mod author;
pub mod book;
pub mod book_tag;
pub mod review;

#[path = "legacy/audit.rs"]
pub mod audit;

pub mod tag {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "tag")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub name: String,
        pub curator_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(has_many = "super::book_tag::Entity")]
        BookTag,
        #[sea_orm(
            belongs_to = "super::author::Entity",
            from = "Column::CuratorId",
            to = "super::author::Column::Id",
            on_delete = "SetNull"
        )]
        Curator,
    }

    impl Related<super::book_tag::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::BookTag.def()
        }
    }

    impl Related<super::book::Entity> for Entity {
        fn to() -> RelationDef {
            super::book_tag::Relation::Book.def()
        }
        fn via() -> Option<RelationDef> {
            Some(super::book_tag::Relation::Tag.def().rev())
        }
    }

    impl Related<super::author::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Curator.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}
