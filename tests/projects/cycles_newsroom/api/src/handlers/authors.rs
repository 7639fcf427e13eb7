//! Author search endpoint.

use sea_orm::DatabaseConnection;

use crate::error::ApiResult;
use crate::services::search::*;

/// A parsed author search: free text and an optional `limit:N` token.
#[derive(Clone, Debug)]
pub struct AuthorQuery {
    pub text: String,
    pub limit: u64,
}

impl AuthorQuery {
    pub fn parse(raw: &str) -> Self {
        let mut limit = 10;
        let mut words = Vec::new();
        for word in raw.split_whitespace() {
            match word.strip_prefix("limit:").and_then(|n| n.parse().ok()) {
                Some(n) => limit = n,
                None => words.push(word),
            }
        }
        AuthorQuery {
            text: words.join(" "),
            limit,
        }
    }
}

pub async fn search(db: &DatabaseConnection, raw: &str) -> ApiResult<Vec<AuthorHit>> {
    let query = AuthorQuery::parse(raw);
    Ok(search_authors(db, &query).await?)
}
