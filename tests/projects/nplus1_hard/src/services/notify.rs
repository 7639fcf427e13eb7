//! "Who is handling my request" cards on the customer portal.

use futures::TryStreamExt;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::entities::sea_orm_active_enums::TicketStatus;
use crate::entities::{agent, customer, ticket, ticket_comment};

#[derive(Debug)]
pub struct AssigneeCard {
    pub ticket_id: i32,
    pub agent_name: Option<String>,
    pub public_replies: u64,
}

pub async fn assignee_cards(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<Vec<AssigneeCard>, DbErr> {
    let mut cards = Vec::with_capacity(tickets.len());
    for ticket in tickets {
        let owner = ticket.agent_id.unwrap_or_default();
        let agent = agent::Entity::find_by_id(owner).one(db).await?;
        let public_replies = ticket_comment::Entity::find()
            .filter(ticket_comment::Column::TicketId.eq(ticket.id))
            .filter(ticket_comment::Column::Internal.eq(false))
            .count(db)
            .await?;
        cards.push(AssigneeCard {
            ticket_id: ticket.id,
            agent_name: agent.map(|a| a.name),
            public_replies,
        });
    }
    Ok(cards)
}

/// Portal version: agent joined in, reply counts left out.
pub async fn assignee_cards_for_customer(
    db: &DatabaseConnection,
    customer_id: i32,
) -> Result<Vec<AssigneeCard>, DbErr> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::CustomerId.eq(customer_id))
        .order_by_desc(ticket::Column::UpdatedAt)
        .find_also_related(agent::Entity)
        .all(db)
        .await?;
    let mut cards = Vec::with_capacity(rows.len());
    for (ticket, agent) in rows {
        cards.push(AssigneeCard {
            ticket_id: ticket.id,
            agent_name: agent.map(|a| a.name),
            public_replies: 0,
        });
    }
    Ok(cards)
}

/// Nightly "we are waiting for your answer" reminders: (customer e-mail, subject).
pub async fn pending_reminders(
    db: &DatabaseConnection,
    organization_id: i32,
) -> Result<Vec<(String, String)>, DbErr> {
    let mut rows = ticket::Entity::find()
        .filter(ticket::Column::OrganizationId.eq(organization_id))
        .filter(ticket::Column::Status.eq(TicketStatus::Pending))
        .stream(db)
        .await?;
    let mut reminders = Vec::new();
    while let Some(t) = rows.try_next().await? {
        if let Some(c) = customer::Entity::find_by_id(t.customer_id).one(db).await? {
            reminders.push((c.email, t.subject));
        }
    }
    Ok(reminders)
}
