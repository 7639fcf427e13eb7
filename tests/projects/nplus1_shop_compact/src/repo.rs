//! Query helpers shared by the handlers.

use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder};

use crate::entities::{order, order_line, product, review, store_setting};

#[derive(Debug, Clone)]
pub struct OrderSummary {
    pub order_id: i32,
    pub status: String,
    pub items: i32,
    pub total_cents: i64,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewStats {
    pub count: usize,
    pub average: f32,
}

#[derive(Debug, Clone)]
pub struct StoreSettings {
    pub currency: String,
    pub free_shipping_cents: i64,
}

pub async fn product_by_id(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<product::Model>, DbErr> {
    product::Entity::find_by_id(id).one(db).await
}

pub async fn lines_of_order(
    db: &DatabaseConnection,
    order_id: i32,
) -> Result<Vec<order_line::Model>, DbErr> {
    order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order_id))
        .order_by_asc(order_line::Column::Id)
        .all(db)
        .await
}

pub fn summarize(order: &order::Model, lines: &[order_line::Model]) -> OrderSummary {
    OrderSummary {
        order_id: order.id,
        status: order.status.clone(),
        items: lines.iter().map(|l| l.quantity).sum(),
        total_cents: lines
            .iter()
            .map(|l| l.unit_price_cents * i64::from(l.quantity))
            .sum(),
    }
}

pub async fn order_summary(
    db: &DatabaseConnection,
    order: &order::Model,
) -> Result<OrderSummary, DbErr> {
    let lines = lines_of_order(db, order.id).await?;
    Ok(summarize(order, &lines))
}

pub async fn reviews_by_customer(
    db: &DatabaseConnection,
    customer_id: i32,
) -> Result<Vec<review::Model>, DbErr> {
    review::Entity::find()
        .filter(review::Column::CustomerId.eq(customer_id))
        .all(db)
        .await
}

pub fn review_stats_of(reviews: &[review::Model]) -> ReviewStats {
    if reviews.is_empty() {
        return ReviewStats::default();
    }
    let sum: i32 = reviews.iter().map(|r| i32::from(r.rating)).sum();
    ReviewStats {
        count: reviews.len(),
        average: sum as f32 / reviews.len() as f32,
    }
}

pub async fn review_stats(db: &DatabaseConnection, customer_id: i32) -> Result<ReviewStats, DbErr> {
    let reviews = reviews_by_customer(db, customer_id).await?;
    Ok(review_stats_of(&reviews))
}

pub async fn store_settings(db: &DatabaseConnection) -> Result<StoreSettings, DbErr> {
    let rows = store_setting::Entity::find()
        .filter(store_setting::Column::Key.is_in(["currency", "free_shipping_cents"]))
        .all(db)
        .await?;
    let get = |key: &str| rows.iter().find(|r| r.key == key).map(|r| r.value.clone());
    Ok(StoreSettings {
        currency: get("currency").unwrap_or_else(|| "EUR".to_owned()),
        free_shipping_cents: get("free_shipping_cents")
            .and_then(|v| v.parse().ok())
            .unwrap_or(5_000),
    })
}

pub fn format_cents(cents: i64, currency: &str) -> String {
    format!("{}.{:02} {}", cents / 100, (cents % 100).abs(), currency)
}
