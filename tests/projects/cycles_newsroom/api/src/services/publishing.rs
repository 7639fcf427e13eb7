//! Moving an article from review to the front page.

use newsroom_entity::status::Status;
use sea_orm::DatabaseConnection;

use crate::error::{ApiError, ApiResult};
use crate::store::articles as article_store;

pub async fn publish(db: &DatabaseConnection, id: i32) -> ApiResult<newsroom_entity::article::Model> {
    let found = article_store::by_id(db, id).await?;
    let article = found.ok_or(ApiError::NotFound("article", id))?;
    let status: Status = article.status.parse()?;
    if status != Status::InReview {
        return Err(ApiError::BadRequest(format!("article {id} is {status}, not in review")));
    }
    let published = article_store::mark_published(db, article, now()).await?;
    super::feed::invalidate(published.author_id);
    Ok(published)
}

fn now() -> sea_orm::prelude::DateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .naive_utc()
}
