//! CSV / plain-text exports requested from the admin UI.

use std::fmt::Write as _;

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, LoaderTrait, QueryFilter, QueryOrder,
};

use crate::entities::{tag, ticket, ticket_comment};

fn csv_escape(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// One block per ticket with its full thread.
pub async fn export_threads(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<String, DbErr> {
    let mut out = String::new();
    for (n, t) in tickets.iter().enumerate() {
        let thread = crate::queries::tickets::comments_for(db, t.id).await?;
        let _ = writeln!(out, "{}. #{} {}", n + 1, t.id, t.subject);
        for c in &thread {
            let _ = writeln!(out, "  [{}] {}", c.created_at, c.body);
        }
    }
    Ok(out)
}

/// Same export, threads loaded with the tickets.
pub async fn export_threads_eager(
    db: &DatabaseConnection,
    organization_id: i32,
) -> Result<String, DbErr> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::OrganizationId.eq(organization_id))
        .order_by_asc(ticket::Column::Id)
        .find_with_related(ticket_comment::Entity)
        .all(db)
        .await?;
    let mut out = String::new();
    for (t, thread) in rows {
        let _ = writeln!(out, "#{} {}", t.id, t.subject);
        for c in thread {
            let _ = writeln!(out, "  [{}] {}", c.created_at, c.body);
        }
    }
    Ok(out)
}

/// Public replies only, ready for the customer.
pub async fn export_public_replies(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<Vec<(i32, Vec<String>)>, DbErr> {
    let fetch = |id: i32| async move {
        ticket_comment::Entity::find()
            .filter(ticket_comment::Column::TicketId.eq(id))
            .filter(ticket_comment::Column::Internal.eq(false))
            .order_by_asc(ticket_comment::Column::CreatedAt)
            .all(db)
            .await
    };
    let mut out = Vec::new();
    for t in tickets {
        let replies = fetch(t.id).await?;
        out.push((t.id, replies.into_iter().map(|c| c.body).collect()));
    }
    Ok(out)
}

/// Public replies of a single ticket; the closure runs once.
pub async fn public_replies_of(
    db: &DatabaseConnection,
    ticket_id: i32,
) -> Result<Vec<String>, DbErr> {
    let fetch = |id: i32| async move {
        ticket_comment::Entity::find()
            .filter(ticket_comment::Column::TicketId.eq(id))
            .filter(ticket_comment::Column::Internal.eq(false))
            .all(db)
            .await
    };
    let replies = fetch(ticket_id).await?;
    Ok(replies.into_iter().map(|c| c.body).collect())
}

/// First-response report: subject, created, first public answer.
pub async fn first_response_csv(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<String, DbErr> {
    let mut csv = String::from("id,subject,created_at,first_reply_at\n");
    for t in tickets {
        let first_reply = ticket_comment::Entity::find()
            .filter(ticket_comment::Column::Internal.eq(false))
            .filter(ticket_comment::Column::TicketId.eq(t.id))
            .filter(ticket_comment::Column::AuthorAgentId.is_not_null())
            .order_by_asc(ticket_comment::Column::CreatedAt)
            .one(db)
            .await?;
        let _ = writeln!(
            csv,
            "{},{},{},{}",
            t.id,
            csv_escape(&t.subject),
            t.created_at,
            first_reply
                .map(|c| c.created_at.to_string())
                .unwrap_or_default()
        );
    }
    Ok(csv)
}

/// Ticket list with tag column.
pub async fn tagged_csv(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<String, DbErr> {
    let mut csv = String::from("id,subject,tags\n");
    for t in tickets {
        let tags = std::slice::from_ref(t).load_many(tag::Entity, db).await?;
        let names: Vec<String> = tags.into_iter().flatten().map(|tag| tag.name).collect();
        let _ = writeln!(
            csv,
            "{},{},{}",
            t.id,
            csv_escape(&t.subject),
            names.join(";")
        );
    }
    Ok(csv)
}

/// Same list, tags of every ticket loaded in one go.
pub async fn tagged_csv_eager(
    db: &DatabaseConnection,
    tickets: Vec<ticket::Model>,
) -> Result<String, DbErr> {
    let tags = tickets.load_many(tag::Entity, db).await?;
    let mut csv = String::from("id,subject,tags\n");
    for (t, tags) in tickets.iter().zip(tags) {
        let names: Vec<String> = tags.into_iter().map(|tag| tag.name).collect();
        let _ = writeln!(
            csv,
            "{},{},{}",
            t.id,
            csv_escape(&t.subject),
            names.join(";")
        );
    }
    Ok(csv)
}
