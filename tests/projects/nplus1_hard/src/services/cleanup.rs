//! Retention jobs.

use sea_orm::prelude::{DateTimeUtc, Expr};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::entities::sea_orm_active_enums::TicketStatus;
use crate::entities::{ticket, ticket_comment};

/// Drops internal notes of the given tickets (GDPR erasure request).
pub async fn purge_internal_notes(
    db: &DatabaseConnection,
    ticket_ids: &[i32],
) -> Result<u64, DbErr> {
    let notes = ticket_comment::Entity::find()
        .filter(ticket_comment::Column::TicketId.is_in(ticket_ids.iter().copied()))
        .filter(ticket_comment::Column::Internal.eq(true))
        .all(db)
        .await?;
    let mut removed = 0;
    for note in notes {
        let res = note.delete(db).await?;
        removed += res.rows_affected;
    }
    Ok(removed)
}

pub async fn purge_internal_notes_batched(
    db: &DatabaseConnection,
    ticket_ids: &[i32],
) -> Result<u64, DbErr> {
    let mut removed = 0;
    for chunk in ticket_ids.chunks(100) {
        let res = ticket_comment::Entity::delete_many()
            .filter(ticket_comment::Column::TicketId.is_in(chunk.iter().copied()))
            .filter(ticket_comment::Column::Internal.eq(true))
            .exec(db)
            .await?;
        removed += res.rows_affected;
    }
    Ok(removed)
}

/// Closes solved tickets older than `before`, walking the table by primary key.
pub async fn close_stale(db: &DatabaseConnection, before: DateTimeUtc) -> Result<u64, DbErr> {
    let mut last_id = 0;
    let mut closed = 0;
    loop {
        let page = ticket::Entity::find()
            .filter(ticket::Column::Id.gt(last_id))
            .filter(ticket::Column::Status.eq(TicketStatus::Solved))
            .order_by_asc(ticket::Column::Id)
            .limit(100)
            .all(db)
            .await?;
        let Some(last) = page.last() else { break };
        last_id = last.id;

        let stale: Vec<i32> = page
            .iter()
            .filter(|t| t.solved_at.is_some_and(|at| at < before))
            .map(|t| t.id)
            .collect();
        if stale.is_empty() {
            continue;
        }
        let res = ticket::Entity::update_many()
            .col_expr(ticket::Column::Status, Expr::value(TicketStatus::Closed))
            .filter(ticket::Column::Id.is_in(stale))
            .exec(db)
            .await?;
        closed += res.rows_affected;
    }
    Ok(closed)
}
