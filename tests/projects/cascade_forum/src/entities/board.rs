use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub category_id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub last_thread_id: Option<i32>,
    pub locked: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::category::Entity", from = "Column::CategoryId", to = "super::category::Column::Id")]
    Category,
    #[sea_orm(
        belongs_to = "super::thread::Entity",
        from = "Column::LastThreadId",
        to = "super::thread::Column::Id",
        on_update = "NoAction",
        on_delete = "SetNull"
    )]
    LastThread,
    #[sea_orm(has_many = "super::thread::Entity", via_rel = "Relation::Board")]
    Thread,
}

impl Related<super::category::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::thread::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Thread.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
