use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub billing_contact_id: Option<i32>,
    pub latest_payment_id: Option<i32>,
    #[sea_orm(unique)]
    pub number: String,
    pub status: String,
    pub total_cents: i64,
    pub issued_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "organization_id", to = "id", on_delete = "Restrict")]
    pub organization: BelongsTo<super::organization::Entity>,
    #[sea_orm(belongs_to, from = "billing_contact_id", to = "id", on_delete = "SetNull")]
    pub billing_contact: BelongsTo<Option<super::user::Entity>>,
    #[sea_orm(
        belongs_to,
        relation_enum = "LatestPayment",
        from = "latest_payment_id",
        to = "id",
        on_delete = "Cascade"
    )]
    pub latest_payment: HasOne<super::payment::Entity>,
    #[sea_orm(has_many, relation_enum = "Payments", via_rel = "Invoice")]
    pub payments: HasMany<super::payment::Entity>,
    #[sea_orm(has_many)]
    pub lines: HasMany<super::invoice_line::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
