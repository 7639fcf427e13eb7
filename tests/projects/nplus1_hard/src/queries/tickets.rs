use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait,
};

use crate::entities::sea_orm_active_enums::TicketStatus;
use crate::entities::{tag, ticket, ticket_comment, ticket_tag};

/// All comments of one ticket, oldest first.
pub async fn comments_for<C: ConnectionTrait>(
    db: &C,
    ticket_id: i32,
) -> Result<Vec<ticket_comment::Model>, DbErr> {
    ticket_comment::Entity::find()
        .filter(ticket_comment::Column::TicketId.eq(ticket_id))
        .order_by_asc(ticket_comment::Column::CreatedAt)
        .all(db)
        .await
}

/// Comments of many tickets in one round-trip, grouped by ticket id.
pub async fn comments_for_many<C: ConnectionTrait>(
    db: &C,
    ticket_ids: &[i32],
) -> Result<HashMap<i32, Vec<ticket_comment::Model>>, DbErr> {
    let rows = ticket_comment::Entity::find()
        .filter(ticket_comment::Column::TicketId.is_in(ticket_ids.iter().copied()))
        .order_by_asc(ticket_comment::Column::CreatedAt)
        .all(db)
        .await?;
    let mut grouped: HashMap<i32, Vec<ticket_comment::Model>> = HashMap::new();
    for comment in rows {
        grouped.entry(comment.ticket_id).or_default().push(comment);
    }
    Ok(grouped)
}

/// Tag names of one ticket, alphabetical.
pub async fn tags_for<C: ConnectionTrait>(db: &C, ticket_id: i32) -> Result<Vec<String>, DbErr> {
    let rows = tag_rows(db, ticket_id).await?;
    Ok(rows.into_iter().map(|t| t.name).collect())
}

async fn tag_rows<C: ConnectionTrait>(db: &C, ticket_id: i32) -> Result<Vec<tag::Model>, DbErr> {
    tag::Entity::find()
        .join(sea_orm::JoinType::InnerJoin, tag::Relation::TicketTag.def())
        .filter(ticket_tag::Column::TicketId.eq(ticket_id))
        .order_by_asc(tag::Column::Name)
        .all(db)
        .await
}

pub async fn tag_by_name<C: ConnectionTrait>(
    db: &C,
    name: &str,
) -> Result<Option<tag::Model>, DbErr> {
    tag::Entity::find()
        .filter(tag::Column::Name.eq(name))
        .one(db)
        .await
}

/// Tickets assigned to an agent that still need work.
pub async fn open_count_for_agent<C: ConnectionTrait>(db: &C, agent_id: i32) -> Result<u64, DbErr> {
    ticket::Entity::find()
        .filter(ticket::Column::AgentId.eq(agent_id))
        .filter(ticket::Column::Status.is_in([
            TicketStatus::New,
            TicketStatus::Open,
            TicketStatus::Pending,
        ]))
        .count(db)
        .await
}
