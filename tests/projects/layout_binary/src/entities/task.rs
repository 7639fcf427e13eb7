use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub reporter_id: i32,
    pub assignee_id: Option<i32>,
    pub title: String,
    #[sea_orm(belongs_to, from = "project_id", to = "id", on_delete = "Cascade")]
    pub project: BelongsTo<crate::entities::project::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Reporter", from = "reporter_id", to = "id")]
    pub reporter: BelongsTo<super::member::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "Assignee",
        from = "assignee_id",
        to = "id",
        on_delete = "SetNull"
    )]
    pub assignee: BelongsTo<Option<super::member::Entity>>,
    #[sea_orm(has_many, via = "task_label")]
    pub labels: HasMany<super::label::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
