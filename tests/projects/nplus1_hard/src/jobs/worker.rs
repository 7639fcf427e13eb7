//! Background worker fed by the web tier through a channel.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use tokio::sync::mpsc;

use crate::entities::ticket_comment;

#[derive(Debug, Clone, Copy)]
pub struct ReindexJob {
    pub ticket_id: i32,
    pub requested_by: i32,
}

/// ticket id -> number of words in its thread
pub type WordIndex = HashMap<i32, usize>;

fn words(comments: &[ticket_comment::Model]) -> usize {
    comments
        .iter()
        .map(|c| c.body.split_whitespace().count())
        .sum()
}

pub async fn run_worker(
    db: DatabaseConnection,
    mut rx: mpsc::Receiver<ReindexJob>,
) -> Result<WordIndex, DbErr> {
    let mut index = WordIndex::new();
    loop {
        match rx.recv().await {
            Some(job) if job.ticket_id <= 0 => continue,
            Some(job) => {
                let comments = ticket_comment::Entity::find()
                    .filter(ticket_comment::Column::TicketId.eq(job.ticket_id))
                    .all(&db)
                    .await?;
                index.insert(job.ticket_id, words(&comments));
            }
            None => break,
        }
    }
    Ok(index)
}

/// Same worker, draining up to 64 queued jobs per round-trip.
pub async fn run_worker_batched(
    db: DatabaseConnection,
    mut rx: mpsc::Receiver<ReindexJob>,
) -> Result<WordIndex, DbErr> {
    let mut index = WordIndex::new();
    let mut buf = Vec::with_capacity(64);
    loop {
        if rx.recv_many(&mut buf, 64).await == 0 {
            break;
        }
        let ids: Vec<i32> = buf.drain(..).map(|job| job.ticket_id).collect();
        let comments = ticket_comment::Entity::find()
            .filter(ticket_comment::Column::TicketId.is_in(ids.clone()))
            .all(&db)
            .await?;
        for id in ids {
            let thread: Vec<_> = comments
                .iter()
                .filter(|c| c.ticket_id == id)
                .cloned()
                .collect();
            index.insert(id, words(&thread));
        }
    }
    Ok(index)
}
