use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tag")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub label: String,
    pub color: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::thread_tag::Entity")]
    ThreadTag,
}

impl Related<super::thread_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ThreadTag.def()
    }
}

impl Related<super::thread::Entity> for Entity {
    fn to() -> RelationDef {
        super::thread_tag::Relation::Thread.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::thread_tag::Relation::Tag.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
