//! The front page: the latest live articles, rebuilt when an author publishes.

use std::sync::Mutex;

use newsroom_entity::{article, author};

/// Authors whose articles changed since the front page was last built.
static STALE_AUTHORS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

pub fn invalidate(author_id: i32) {
    let mut stale = STALE_AUTHORS.lock().unwrap_or_else(|e| e.into_inner());
    if !stale.contains(&author_id) {
        stale.push(author_id);
    }
}

pub fn take_stale() -> Vec<i32> {
    std::mem::take(&mut *STALE_AUTHORS.lock().unwrap_or_else(|e| e.into_inner()))
}

pub fn front_page(rows: Vec<(article::Model, Option<author::Model>)>, size: usize) -> Vec<crate::handlers::articles::ArticleCard> {
    let _ = take_stale();
    rows.into_iter()
        .filter(|(a, _)| a.is_live())
        .take(size)
        .map(|(a, au)| crate::handlers::articles::ArticleCard::new(a, au))
        .collect()
}
