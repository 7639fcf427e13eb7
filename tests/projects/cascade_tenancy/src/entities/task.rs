use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub parent_task_id: Option<i32>,
    pub assignee_id: Option<i32>,
    pub reporter_id: i32,
    pub title: String,
    pub done: bool,
    #[sea_orm(belongs_to, from = "project_id", to = "id", on_delete = "Cascade")]
    pub project: BelongsTo<super::project::Entity>,
    #[sea_orm(
        self_ref,
        relation_enum = "ParentTask",
        relation_reverse = "Subtasks",
        from = "parent_task_id",
        to = "id",
        on_delete = "Cascade"
    )]
    pub parent_task: BelongsTo<Option<Entity>>,
    #[sea_orm(self_ref, relation_enum = "Subtasks", relation_reverse = "ParentTask")]
    pub subtasks: HasMany<Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "Assignee",
        from = "assignee_id",
        to = "id",
        on_delete = "SetNull"
    )]
    pub assignee: HasOne<super::user::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "Reporter",
        from = "reporter_id",
        to = "id",
        on_delete = "SetNull"
    )]
    pub reporter: BelongsTo<super::user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
