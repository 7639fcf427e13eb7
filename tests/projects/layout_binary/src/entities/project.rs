use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub name: String,
    pub archived: bool,
    #[sea_orm(belongs_to, from = "team_id", to = "id")]
    pub team: BelongsTo<super::team::Entity>,
    #[sea_orm(has_many)]
    pub tasks: HasMany<crate::entities::task::Entity>,
    #[sea_orm(has_many, via = "task_label")]
    pub labels: HasMany<super::label::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
