//! Catalog search and book pages.

pub use crate::repo::books::BookSummary;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::book;
use crate::util::clamp_page;
use crate::AppResult;

pub struct CatalogService<'a> {
    db: &'a DatabaseConnection,
}

impl<'a> CatalogService<'a> {
    pub fn new(db: &'a DatabaseConnection) -> Self {
        CatalogService { db }
    }

    pub async fn page(&self, book_id: i32) -> AppResult<BookSummary> {
        let summary = crate::repo::books::summary(self.db, book_id).await?;
        crate::found_or_404!("book", book_id, summary)
    }

    pub async fn search(&self, title: &str, page: u64) -> AppResult<Vec<book::Model>> {
        let (offset, limit) = clamp_page(page, 25);
        let rows = book::Entity::find()
            .filter(book::Column::Title.contains(title))
            .order_by_asc(book::Column::Title)
            .offset(offset)
            .limit(limit)
            .all(self.db)
            .await?;
        Ok(rows)
    }
}
