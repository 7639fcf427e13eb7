//! Health of the service (not to be confused with the editorial
//! `newsroom_entity::status`).

use newsroom_entity::article;
use newsroom_entity::status as editorial;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// `ApiError::Unavailable` for a degraded component.
#[macro_export]
macro_rules! degraded {
    ($component:expr) => {
        $crate::error::ApiError::Unavailable(format!("{} is degraded", $component))
    };
}

#[derive(Debug)]
pub struct Degraded {
    pub component: &'static str,
    pub reason: String,
}

#[derive(Debug)]
pub struct Health {
    pub database: bool,
    pub live_articles: u64,
}

pub async fn health(db: &DatabaseConnection) -> Result<Health, Degraded> {
    db.ping().await.map_err(|e| Degraded {
        component: "database",
        reason: e.to_string(),
    })?;
    let live_articles = article::Entity::find()
        .filter(editorial::visible())
        .count(db)
        .await
        .map_err(|e| Degraded {
            component: "article index",
            reason: e.to_string(),
        })?;
    Ok(Health {
        database: true,
        live_articles,
    })
}
