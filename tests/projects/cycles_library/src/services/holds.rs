//! Hold queues: members waiting for a copy of a book.
//!
//! The queue is kept in memory per book and rebuilt from open loans.

use std::collections::VecDeque;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::catalog::BookSummary;
use crate::entity::{book_copy, loan};

#[derive(Debug, Default)]
pub struct HoldQueue {
    book_id: i32,
    waiting: VecDeque<i32>,
    copies_out: usize,
}

impl HoldQueue {
    pub async fn load<C: ConnectionTrait>(db: &C, book_id: i32) -> Result<Self, DbErr> {
        let copy_ids: Vec<i32> = book_copy::Entity::find()
            .filter(book_copy::Column::BookId.eq(book_id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let out = loan::Entity::find_open()
            .filter(loan::Column::CopyId.is_in(copy_ids))
            .all(db)
            .await?;
        Ok(HoldQueue {
            book_id,
            waiting: VecDeque::new(),
            copies_out: out.len(),
        })
    }

    pub fn place(&mut self, member_id: i32) -> usize {
        if !self.waiting.contains(&member_id) {
            self.waiting.push_back(member_id);
        }
        self.waiting.len()
    }

    pub fn next_in_line(&mut self) -> Option<i32> {
        self.waiting.pop_front()
    }

    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// Estimated wait in days for a new hold on the book of `summary`.
    pub fn estimated_wait_days(&self, summary: &BookSummary) -> u64 {
        if summary.copies == 0 || summary.id != self.book_id {
            return 0;
        }
        let ahead = (self.waiting.len() + self.copies_out) as u64;
        ahead * 21 / summary.copies
    }
}
