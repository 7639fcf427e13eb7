//! Catalogue endpoints and the price-list import.

use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder, Set};

use crate::entities::{product, review, supplier};

#[derive(Debug)]
pub struct ProductCard {
    pub product: product::Model,
    pub supplier: Option<String>,
    pub ratings: Vec<i16>,
}

#[derive(Debug, Clone)]
pub struct PriceChange {
    pub product_id: i32,
    pub price_cents: i64,
}

/// GET /api/v1/products
pub async fn product_cards_v1(db: &DatabaseConnection) -> Result<Vec<ProductCard>, DbErr> {
    let products = product::Entity::find()
        .filter(product::Column::Active.eq(true))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?;

    let mut cards = Vec::with_capacity(products.len());
    for product in products {
        let supplier = product.find_related(supplier::Entity).one(db).await?;
        let reviews = review::Entity::find()
            .filter(review::Column::ProductId.eq(product.id))
            .order_by_desc(review::Column::CreatedAt)
            .all(db)
            .await?;
        cards.push(ProductCard {
            product,
            supplier: supplier.map(|s| s.name),
            ratings: reviews.iter().map(|r| r.rating).collect(),
        });
    }
    Ok(cards)
}

/// GET /api/v2/products
pub async fn product_cards(db: &DatabaseConnection) -> Result<Vec<ProductCard>, DbErr> {
    let rows = product::Entity::find()
        .filter(product::Column::Active.eq(true))
        .order_by_asc(product::Column::Name)
        .find_also_related(supplier::Entity)
        .all(db)
        .await?;
    let products: Vec<product::Model> = rows.iter().map(|(p, _)| p.clone()).collect();
    let reviews = products
        .load_many(
            review::Entity::find().order_by_desc(review::Column::CreatedAt),
            db,
        )
        .await?;

    Ok(rows
        .into_iter()
        .zip(reviews)
        .map(|((product, supplier), reviews)| ProductCard {
            product,
            supplier: supplier.map(|s| s.name),
            ratings: reviews.iter().map(|r| r.rating).collect(),
        })
        .collect())
}

/// POST /api/admin/price-list — apply the prices uploaded by purchasing.
pub async fn apply_price_list(db: &DatabaseConnection, changes: Vec<PriceChange>) -> Result<usize, DbErr> {
    let mut applied = 0;
    for change in &changes {
        let mut product = product::ActiveModel {
            id: Set(change.product_id),
            ..Default::default()
        };
        product.price_cents = Set(change.price_cents);
        product.update(db).await?;
        applied += 1;
    }
    Ok(applied)
}

/// POST /api/admin/products/deactivate — bulk action from the catalogue grid.
pub async fn deactivate(db: &DatabaseConnection, ids: Vec<i32>) -> Result<u64, DbErr> {
    let res = product::Entity::update_many()
        .col_expr(product::Column::Active, Expr::value(false))
        .filter(product::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// GET /api/products/:id — retried a few times because the read replica
/// sometimes drops the connection right after a failover.
pub async fn product_with_retry(db: &DatabaseConnection, id: i32) -> Result<Option<product::Model>, DbErr> {
    let mut last_err = None;
    for _attempt in 0..3 {
        match product::Entity::find_by_id(id).one(db).await {
            Ok(found) => return Ok(found),
            Err(err @ DbErr::Conn(_)) => last_err = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last_err.unwrap_or_else(|| DbErr::Custom("retries exhausted".to_owned())))
}
