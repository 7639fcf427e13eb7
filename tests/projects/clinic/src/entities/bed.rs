use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bed")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub department_id: i32,
    pub label: String,
    pub patient_id: Option<i32>,
    pub isolation: bool,
    #[sea_orm(belongs_to, from = "department_id", to = "id")]
    pub department: BelongsTo<super::department::Entity>,
    #[sea_orm(belongs_to, from = "patient_id", to = "id", on_delete = "SetNull")]
    pub patient: BelongsTo<Option<super::patient::Entity>>,
    #[sea_orm(has_many)]
    pub transfers: HasMany<super::transfer::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
