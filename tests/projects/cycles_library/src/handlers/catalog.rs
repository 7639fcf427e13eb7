//! Catalog endpoints: search, book page, placing a hold.

use crate::services::holds::HoldQueue;
use crate::services::CatalogService;
use crate::{AppResult, AppState};

pub struct BookPage {
    pub title: String,
    pub authors: String,
    pub available_copies: u64,
    pub estimated_wait_days: u64,
}

pub async fn book_page(state: &AppState, book_id: i32) -> AppResult<BookPage> {
    let catalog = CatalogService::new(&state.db);
    let summary = catalog.page(book_id).await?;
    let queue = HoldQueue::load(&state.db, book_id).await?;
    Ok(BookPage {
        estimated_wait_days: queue.estimated_wait_days(&summary),
        title: summary.title,
        authors: summary.authors.join(", "),
        available_copies: summary.copies,
    })
}

pub async fn search(state: &AppState, q: &str, page: u64) -> AppResult<Vec<(i32, String)>> {
    let rows = CatalogService::new(&state.db).search(q, page).await?;
    Ok(rows.into_iter().map(|b| (b.id, b.title)).collect())
}

pub async fn by_isbn(state: &AppState, isbn: &str) -> AppResult<i32> {
    let found = crate::repo::books::by_isbn(&state.db, isbn).await?;
    let book = crate::found_or_404!("book", 0, found)?;
    Ok(book.id)
}
