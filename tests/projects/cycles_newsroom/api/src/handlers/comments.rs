//! Reader comment endpoints.

use sea_orm::DatabaseConnection;

use crate::error::ApiResult;
use crate::services::moderation::{self, Verdict};
use crate::store::comments as comment_store;

pub async fn list(db: &DatabaseConnection, article_id: i32) -> ApiResult<Vec<(String, String)>> {
    let rows = comment_store::approved_for_article(db, article_id).await?;
    Ok(rows.into_iter().map(|c| (c.reader_name, c.body)).collect())
}

pub async fn moderate(db: &DatabaseConnection, comment_id: i32, approve: bool) -> ApiResult<()> {
    let verdict = if approve { Verdict::Approve } else { Verdict::Reject };
    moderation::moderate(db, comment_id, verdict).await
}

pub async fn sweep(db: &DatabaseConnection) -> ApiResult<u64> {
    moderation::sweep(db).await
}
