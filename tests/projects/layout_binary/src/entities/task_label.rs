use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "task_label")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub task_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub label_id: i32,
    #[sea_orm(belongs_to, from = "task_id", to = "id", on_delete = "Cascade")]
    pub task: BelongsTo<super::task::Entity>,
    #[sea_orm(belongs_to, from = "label_id", to = "id", on_delete = "Cascade")]
    pub label: BelongsTo<super::label::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
