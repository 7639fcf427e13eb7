//! Moves new tickets away from agents who went inactive.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};

use crate::entities::sea_orm_active_enums::TicketStatus;
use crate::entities::ticket;
use crate::queries::agents::{active_agents, load_agent};

#[derive(Debug, PartialEq, Eq)]
pub struct Move {
    pub ticket_id: i32,
    pub from_agent: i32,
    pub to_agent: i32,
}

pub async fn rebalance(db: &DatabaseConnection, team: &str) -> Result<Vec<Move>, DbErr> {
    let txn = db.begin().await?;

    let candidates = active_agents(&txn, team).await?;
    if candidates.is_empty() {
        txn.rollback().await?;
        return Ok(Vec::new());
    }
    let queue = ticket::Entity::find()
        .filter(ticket::Column::Status.eq(TicketStatus::New))
        .filter(ticket::Column::AgentId.is_not_null())
        .order_by_asc(ticket::Column::CreatedAt)
        .all(&txn)
        .await?;

    let mut moves = Vec::new();
    let mut turn = 0usize;
    for t in &queue {
        let Some(current) = t.agent_id else { continue };
        let holder = load_agent(&txn, current).await?;
        if holder.is_some_and(|a| a.active) {
            continue;
        }
        let target = &candidates[turn % candidates.len()];
        turn += 1;

        let mut am: ticket::ActiveModel = t.clone().into();
        am.agent_id = Set(Some(target.id));
        am.update(&txn).await?;
        moves.push(Move {
            ticket_id: t.id,
            from_agent: current,
            to_agent: target.id,
        });
    }

    txn.commit().await?;
    Ok(moves)
}
