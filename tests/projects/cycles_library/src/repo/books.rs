//! Catalog reads: a book with its authors, copy count and hold queue.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use crate::entity::prelude::{Author, Book};
use crate::entity::{book, book_copy};
use crate::services::holds::HoldQueue;

#[derive(Clone, Debug)]
pub struct BookSummary {
    pub id: i32,
    pub title: String,
    pub isbn: String,
    pub authors: Vec<String>,
    pub copies: u64,
    pub waiting: usize,
}

pub async fn summary<C: ConnectionTrait>(db: &C, book_id: i32) -> Result<Option<BookSummary>, DbErr> {
    let found = Book::find_by_id(book_id)
        .find_with_related(Author)
        .all(db)
        .await?;
    let Some((book, authors)) = found.into_iter().next() else {
        return Ok(None);
    };
    let copies = book_copy::Entity::find()
        .filter(book_copy::Column::BookId.eq(book.id))
        .filter(book_copy::Column::Withdrawn.eq(false))
        .count(db)
        .await?;
    let queue = HoldQueue::load(db, book.id).await?;
    Ok(Some(BookSummary {
        id: book.id,
        title: book.title,
        isbn: book.isbn,
        authors: authors.into_iter().map(|a| a.name).collect(),
        copies,
        waiting: queue.len(),
    }))
}

pub async fn by_isbn<C: ConnectionTrait>(db: &C, isbn: &str) -> Result<Option<book::Model>, DbErr> {
    Book::find()
        .filter(book::Column::Isbn.eq(isbn))
        .one(db)
        .await
}
