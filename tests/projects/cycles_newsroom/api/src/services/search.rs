//! Author search.

pub use crate::handlers::authors::AuthorQuery;

use newsroom_entity::prelude::{Article, Author};
use newsroom_entity::author;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, LoaderTrait, QueryFilter, QueryOrder, QuerySelect};

#[derive(Clone, Debug)]
pub struct AuthorHit {
    pub id: i32,
    pub name: String,
    pub articles: usize,
}

pub async fn search_authors(db: &DatabaseConnection, query: &AuthorQuery) -> Result<Vec<AuthorHit>, DbErr> {
    let authors = Author::find()
        .filter(author::Column::Name.contains(query.text.as_str()))
        .order_by_asc(author::Column::Name)
        .limit(query.limit)
        .all(db)
        .await?;
    let articles = authors.load_many(Article, db).await?;
    Ok(authors
        .into_iter()
        .zip(articles)
        .map(|(a, written)| AuthorHit {
            id: a.id,
            name: a.name,
            articles: written.len(),
        })
        .collect())
}
