//! Request handlers of the agent workspace (framework glue left out).

use std::fmt::Write as _;
use std::time::Duration;

use futures::stream::{self, TryStreamExt};
use futures::TryFutureExt;
use sea_orm::prelude::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, LoaderTrait, ModelTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entities::prelude::{Tag, TicketComment};
use crate::entities::sea_orm_active_enums::{Priority, TicketStatus};
use crate::entities::{agent, ticket, ticket_comment};

pub enum QueueView {
    Mine,
    Unassigned,
    Team(String),
    All,
}

pub async fn list_queue(
    db: &DatabaseConnection,
    me: &agent::Model,
    view: QueueView,
) -> Result<Vec<ticket::Model>, DbErr> {
    let base = ticket::Entity::find()
        .filter(ticket::Column::Status.ne(TicketStatus::Closed))
        .order_by_desc(ticket::Column::UpdatedAt);
    let tickets = match view {
        QueueView::Mine => {
            base.filter(ticket::Column::AgentId.eq(me.id))
                .all(db)
                .await?
        }
        QueueView::Unassigned => {
            base.filter(ticket::Column::AgentId.is_null())
                .all(db)
                .await?
        }
        QueueView::Team(team) => {
            let members = agent::Entity::find()
                .filter(agent::Column::Team.eq(team))
                .all(db)
                .await?;
            let ids: Vec<i32> = members.iter().map(|m| m.id).collect();
            base.filter(ticket::Column::AgentId.is_in(ids))
                .all(db)
                .await?
        }
        QueueView::All => base.limit(500).all(db).await?,
    };
    Ok(tickets)
}

/// Row colour in the queue: urgent tickets take the colour of the "vip" tag.
async fn row_colour(db: &DatabaseConnection, t: &ticket::Model) -> Result<String, DbErr> {
    let vip = crate::queries::tickets::tag_by_name(db, "vip").await?;
    Ok(match (t.priority, vip) {
        (Priority::Urgent, Some(tag)) => tag.color,
        _ => "#d0d0d0".to_owned(),
    })
}

pub async fn queue_colours(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<Vec<(i32, String)>, DbErr> {
    let mut out = Vec::with_capacity(tickets.len());
    for t in tickets {
        out.push((t.id, row_colour(db, t).await?));
    }
    Ok(out)
}

#[derive(Debug)]
pub struct Badge {
    pub ticket_id: i32,
    pub public_replies: usize,
    pub first_activity: Option<sea_orm::prelude::DateTimeUtc>,
    pub agent_replied: bool,
}

/// Little counters shown next to each row of the queue.
pub async fn queue_badges(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<Vec<Badge>, DbErr> {
    let threads = tickets.load_many(TicketComment, db).await?;
    let mut badges = Vec::with_capacity(tickets.len());
    for (t, comments) in tickets.iter().zip(&threads) {
        let public_replies = comments.iter().filter(|c| !c.internal).count();
        let first_activity = comments.first().map(|c| c.created_at);
        let agent_replied = comments.iter().any(|c| c.author_agent_id.is_some());
        badges.push(Badge {
            ticket_id: t.id,
            public_replies,
            first_activity,
            agent_replied,
        });
    }
    Ok(badges)
}

/// Streams the organization's tickets page by page into a CSV with tags.
pub async fn export_with_tags(
    db: &DatabaseConnection,
    organization_id: i32,
) -> Result<String, DbErr> {
    let mut csv = String::new();
    let mut pages = ticket::Entity::find()
        .filter(ticket::Column::OrganizationId.eq(organization_id))
        .order_by_asc(ticket::Column::Id)
        .paginate(db, 200);
    while let Some(page) = pages.fetch_and_next().await? {
        let tags = page.load_many(Tag, db).await?;
        for (t, tags) in page.iter().zip(tags) {
            let names: Vec<&str> = tags.iter().map(|tag| tag.name.as_str()).collect();
            let _ = writeln!(csv, "{},{}", t.id, names.join(";"));
        }
    }
    Ok(csv)
}

/// Plain subject dump, streamed row by row from a single query.
pub async fn subjects(db: &DatabaseConnection, organization_id: i32) -> Result<String, DbErr> {
    let mut out = String::new();
    let mut rows = ticket::Entity::find()
        .filter(ticket::Column::OrganizationId.eq(organization_id))
        .stream(db)
        .await?;
    while let Some(t) = rows.try_next().await? {
        let _ = writeln!(out, "{}\t{}", t.id, t.subject);
    }
    Ok(out)
}

/// Add tickets to the agent's watch list (deduplicated, one insert).
pub async fn watch_tickets(
    db: &DatabaseConnection,
    me: &agent::Model,
    requested: Vec<i32>,
) -> Result<Vec<i32>, DbErr> {
    let mut watched = Vec::new();
    for id in requested {
        if !watched.contains(&id) {
            watched.push(id);
        }
    }
    ticket::Entity::update_many()
        .col_expr(ticket::Column::UpdatedAt, Expr::current_timestamp())
        .filter(ticket::Column::Id.is_in(watched.clone()))
        .filter(ticket::Column::AgentId.eq(me.id))
        .exec(db)
        .await?;
    Ok(watched)
}

/// Ticket page; retried because the read replica sometimes lags behind.
pub async fn show_ticket(db: &DatabaseConnection, id: i32) -> Result<Option<ticket::Model>, DbErr> {
    let mut last_err = None;
    for attempt in 1..=3 {
        match ticket::Entity::find_by_id(id).one(db).await {
            Ok(found) => return Ok(found),
            Err(e) => {
                last_err = Some(e);
                tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
            }
        }
    }
    Err(last_err.unwrap_or_else(|| DbErr::Custom("unreachable".into())))
}

/// Ticket with its thread; the second query only runs if the ticket exists.
pub async fn ticket_with_thread(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<(ticket::Model, Vec<ticket_comment::Model>)>, DbErr> {
    ticket::Entity::find_by_id(id)
        .one(db)
        .and_then(|found| async move {
            match found {
                Some(t) => {
                    let thread = t.find_related(TicketComment).all(db).await?;
                    Ok(Some((t, thread)))
                }
                None => Ok(None),
            }
        })
        .await
}

/// Bulk "close" button.
pub async fn bulk_close(db: &DatabaseConnection, ids: Vec<i32>) -> Result<(), DbErr> {
    stream::iter(ids.into_iter().map(Ok::<i32, DbErr>))
        .try_for_each(|id| async move {
            ticket::ActiveModel {
                id: Set(id),
                status: Set(TicketStatus::Closed),
                ..Default::default()
            }
            .update(db)
            .await?;
            Ok(())
        })
        .await
}

/// Bulk "close" button, one UPDATE.
pub async fn bulk_close_batched(db: &DatabaseConnection, ids: Vec<i32>) -> Result<u64, DbErr> {
    let res = ticket::Entity::update_many()
        .col_expr(ticket::Column::Status, Expr::value(TicketStatus::Closed))
        .filter(ticket::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
