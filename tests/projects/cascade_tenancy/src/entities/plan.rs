use sea_orm::entity::prelude::*;

/// Subscription tiers. Plan 1 is the free tier every organization falls back to.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub monthly_price_cents: i64,
    pub seat_limit: Option<i32>,
    #[sea_orm(has_many)]
    pub organizations: HasMany<super::organization::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
