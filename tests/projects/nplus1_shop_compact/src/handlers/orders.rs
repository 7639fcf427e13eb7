//! `/orders` endpoints and the order housekeeping job.

use futures::future::try_join_all;
use futures::stream::{FuturesUnordered, TryStreamExt};
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder};

use crate::entities::{order, order_line, product};
use crate::repo::{self, OrderSummary};

#[derive(Debug)]
pub struct InvoiceLine {
    pub sku: String,
    pub name: String,
    pub quantity: i32,
    pub amount: String,
}

fn orders_of(customer_id: i32) -> Select<order::Entity> {
    order::Entity::find()
        .filter(order::Column::CustomerId.eq(customer_id))
        .order_by_desc(order::Column::PlacedAt)
}

/// GET /api/v1/customers/:id/orders
pub async fn order_history_v1(
    db: &DatabaseConnection,
    customer_id: i32,
) -> Result<Vec<OrderSummary>, DbErr> {
    let orders = orders_of(customer_id).all(db).await?;

    let mut history = Vec::with_capacity(orders.len());
    for order in &orders {
        let summary = repo::order_summary(db, order).await?;
        history.push(summary);
    }
    Ok(history)
}

/// GET /api/v2/customers/:id/orders — lines batch-loaded for all orders.
pub async fn order_history(
    db: &DatabaseConnection,
    customer_id: i32,
) -> Result<Vec<OrderSummary>, DbErr> {
    let orders = orders_of(customer_id).all(db).await?;
    let lines = orders.load_many(order_line::Entity, db).await?;

    let mut history = Vec::with_capacity(orders.len());
    for (order, lines) in orders.iter().zip(lines) {
        history.push(repo::summarize(order, &lines));
    }
    Ok(history)
}

/// GET /api/orders/:id — a single order.
pub async fn order_detail(
    db: &DatabaseConnection,
    order_id: i32,
) -> Result<Option<OrderSummary>, DbErr> {
    match order::Entity::find_by_id(order_id).one(db).await? {
        Some(order) => Ok(Some(repo::order_summary(db, &order).await?)),
        None => Ok(None),
    }
}

/// GET /api/v1/orders/:id/invoice
pub async fn invoice_v1(db: &DatabaseConnection, order_id: i32) -> Result<Vec<InvoiceLine>, DbErr> {
    let lines = repo::lines_of_order(db, order_id).await?;
    let products =
        try_join_all(lines.iter().map(|line| repo::product_by_id(db, line.product_id))).await?;

    let settings = repo::store_settings(db).await?;
    Ok(lines
        .iter()
        .zip(products)
        .filter_map(|(line, product)| {
            let product = product?;
            Some(InvoiceLine {
                sku: product.sku,
                name: product.name,
                quantity: line.quantity,
                amount: repo::format_cents(
                    line.unit_price_cents * i64::from(line.quantity),
                    &settings.currency,
                ),
            })
        })
        .collect())
}

/// GET /api/v2/orders/:id/invoice
pub async fn invoice(db: &DatabaseConnection, order_id: i32) -> Result<Vec<InvoiceLine>, DbErr> {
    let rows = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order_id))
        .order_by_asc(order_line::Column::Id)
        .find_also_related(product::Entity)
        .all(db)
        .await?;

    let settings = repo::store_settings(db).await?;
    let mut invoice = Vec::with_capacity(rows.len());
    for (line, product) in rows {
        let Some(product) = product else { continue };
        let amount = line.unit_price_cents * i64::from(line.quantity);
        invoice.push(InvoiceLine {
            sku: product.sku,
            name: product.name,
            quantity: line.quantity,
            amount: repo::format_cents(amount, &settings.currency),
        });
    }
    Ok(invoice)
}

/// Warehouse pick list, first version: fetch every open order's lines concurrently.
pub async fn pick_list_v1(
    db: &DatabaseConnection,
) -> Result<Vec<Vec<order_line::Model>>, DbErr> {
    let open = order::Entity::find()
        .filter(order::Column::Status.eq("paid"))
        .all(db)
        .await?;

    let pending = FuturesUnordered::new();
    for order in &open {
        pending.push(order.find_related(order_line::Entity).all(db));
    }
    pending.try_collect().await
}

/// Warehouse pick list.
pub async fn pick_list(
    db: &DatabaseConnection,
) -> Result<Vec<(order::Model, Vec<order_line::Model>)>, DbErr> {
    order::Entity::find()
        .filter(order::Column::Status.eq("paid"))
        .find_with_related(order_line::Entity)
        .all(db)
        .await
}

/// Nightly job, first version: cancel unpaid orders older than the cutoff.
pub async fn cancel_stale_v1(db: &DatabaseConnection, cutoff: DateTimeUtc) -> Result<u64, DbErr> {
    let stale = order::Entity::find()
        .filter(order::Column::Status.eq("pending"))
        .filter(order::Column::PlacedAt.lt(cutoff))
        .all(db)
        .await?;

    let mut removed = 0;
    for order in stale {
        let res = order::Entity::delete_by_id(order.id).exec(db).await?;
        removed += res.rows_affected;
    }
    Ok(removed)
}

/// Nightly job: cancel unpaid orders older than the cutoff.
pub async fn cancel_stale(db: &DatabaseConnection, cutoff: DateTimeUtc) -> Result<u64, DbErr> {
    let stale: Vec<i32> = order::Entity::find()
        .filter(order::Column::Status.eq("pending"))
        .filter(order::Column::PlacedAt.lt(cutoff))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();

    let res = order::Entity::delete_many()
        .filter(order::Column::Id.is_in(stale))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// GET /api/admin/orders/status-counts — one tile per workflow state.
pub async fn status_counts(db: &DatabaseConnection) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let mut tiles = Vec::new();
    for status in ["pending", "paid", "shipped", "cancelled"] {
        let n = order::Entity::find()
            .filter(order::Column::Status.eq(status))
            .count(db)
            .await?;
        tiles.push((status, n));
    }
    Ok(tiles)
}
