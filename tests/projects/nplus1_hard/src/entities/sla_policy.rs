use super::sea_orm_active_enums::Priority;
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_policy")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub priority: Priority,
    pub first_response_minutes: i32,
    pub resolution_minutes: i32,
    pub business_hours_only: bool,
    #[sea_orm(
        belongs_to,
        from = "organization_id",
        to = "id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    pub organization: BelongsTo<super::organization::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
