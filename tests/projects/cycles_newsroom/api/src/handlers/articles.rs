//! Article endpoints: the paged list and publishing.

use newsroom_entity::{article, author};
use sea_orm::DatabaseConnection;

use crate::error::ApiResult;
use crate::store::articles as article_store;

/// What lists and the front page show of an article.
#[derive(Clone, Debug)]
pub struct ArticleCard {
    pub id: i32,
    pub title: String,
    pub slug: String,
    pub byline: String,
}

impl ArticleCard {
    pub fn new(article: article::Model, author: Option<author::Model>) -> Self {
        ArticleCard {
            id: article.id,
            title: article.title,
            slug: article.slug,
            byline: author.map(|a| a.name).unwrap_or_else(|| "staff".to_owned()),
        }
    }
}

pub async fn list(db: &DatabaseConnection, page: u64, page_size: u64) -> ApiResult<Vec<ArticleCard>> {
    let rows = article_store::published_page(db, page, page_size).await?;
    Ok(rows.into_iter().map(|(a, au)| ArticleCard::new(a, au)).collect())
}

/// Publishes a reviewed article; the work is done by
/// [`crate::services::publishing::publish`].
pub async fn publish(db: &DatabaseConnection, id: i32) -> ApiResult<ArticleCard> {
    let published = crate::services::publishing::publish(db, id).await?;
    Ok(ArticleCard::new(published, None))
}
