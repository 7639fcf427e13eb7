use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_line")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub invoice_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub line_no: i32,
    pub project_id: i32,
    pub description: String,
    pub quantity: i32,
    pub unit_price_cents: i64,
    #[sea_orm(belongs_to, from = "invoice_id", to = "id", on_delete = "Cascade")]
    pub invoice: BelongsTo<super::invoice::Entity>,
    #[sea_orm(belongs_to, from = "project_id", to = "id")]
    pub project: BelongsTo<super::project::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
