use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "book")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub author_id: i32,
    pub title: String,
    #[sea_orm(unique)]
    pub isbn: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "crate::db::models::author::Entity",
        from = "Column::AuthorId",
        to = "crate::db::models::author::Column::Id"
    )]
    Author,
    #[sea_orm(has_many = "super::review::Entity")]
    Review,
    #[sea_orm(has_many = "super::book_tag::Entity")]
    BookTag,
    #[sea_orm(has_many = "super::audit::Entity")]
    Audit,
}

impl Related<crate::db::models::author::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl Related<super::review::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Review.def()
    }
}

impl Related<super::book_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::BookTag.def()
    }
}

impl Related<super::audit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Audit.def()
    }
}

impl Related<super::tag::Entity> for Entity {
    fn to() -> RelationDef {
        super::book_tag::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::book_tag::Relation::Book.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
