use sea_orm::entity::prelude::*;

/// A payment may arrive before it is matched to an invoice (unapplied credit).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub invoice_id: Option<i32>,
    pub amount_cents: i64,
    pub method: String,
    pub received_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "invoice_id", to = "id", on_delete = "Cascade")]
    pub invoice: HasOne<super::invoice::Entity>,
    #[sea_orm(has_many, relation_enum = "LatestFor", via_rel = "LatestPayment")]
    pub latest_for: HasMany<super::invoice::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
