//! Customer-facing reports and the marketing mail job.

use futures::{stream, StreamExt, TryStreamExt};
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder, QuerySelect};

use crate::entities::{customer, product, review};
use crate::repo::{self, ReviewStats};

#[derive(Debug)]
pub struct Mail {
    pub to: String,
    pub body: String,
}

/// GET /api/v1/admin/reviewers — review statistics per customer.
pub async fn reviewer_stats_v1(
    db: &DatabaseConnection,
) -> Result<Vec<(customer::Model, ReviewStats)>, DbErr> {
    let customers = customer::Entity::find()
        .order_by_asc(customer::Column::Id)
        .all(db)
        .await?;

    stream::iter(customers)
        .map(|customer| async move {
            let stats = repo::review_stats(db, customer.id).await?;
            Ok::<_, DbErr>((customer, stats))
        })
        .buffer_unordered(8)
        .try_collect()
        .await
}

/// GET /api/v2/admin/reviewers
pub async fn reviewer_stats(
    db: &DatabaseConnection,
) -> Result<Vec<(customer::Model, ReviewStats)>, DbErr> {
    let customers = customer::Entity::find()
        .order_by_asc(customer::Column::Id)
        .all(db)
        .await?;
    let reviews = customers.load_many(review::Entity, db).await?;

    Ok(customers
        .into_iter()
        .zip(reviews)
        .map(|(customer, reviews)| {
            let stats = repo::review_stats_of(&reviews);
            (customer, stats)
        })
        .collect())
}

/// GET /api/admin/customers/purchases?ids=.. — what each customer has bought.
pub async fn purchased_products(
    db: &DatabaseConnection,
    customer_ids: Vec<i32>,
) -> Result<Vec<(customer::Model, Vec<product::Model>)>, DbErr> {
    let customers = customer::Entity::find()
        .filter(customer::Column::Id.is_in(customer_ids))
        .all(db)
        .await?;

    let mut out = Vec::with_capacity(customers.len());
    for customer in customers {
        let products = customer
            .find_linked(customer::PurchasedProducts)
            .distinct()
            .all(db)
            .await?;
        out.push((customer, products));
    }
    Ok(out)
}

/// Weekly newsletter for opted-in customers.
pub async fn newsletter(db: &DatabaseConnection) -> Result<Vec<Mail>, DbErr> {
    let recipients = customer::Entity::find()
        .filter(customer::Column::MarketingOptIn.eq(true))
        .all(db)
        .await?;

    let mut mails = Vec::with_capacity(recipients.len());
    for customer in recipients {
        let settings = repo::store_settings(db).await?;
        mails.push(Mail {
            to: customer.email,
            body: format!(
                "Hi {}, free shipping on orders over {} this week!",
                customer.full_name,
                repo::format_cents(settings.free_shipping_cents, &settings.currency),
            ),
        });
    }
    Ok(mails)
}
