//! Tagging of tickets that breached their SLA.

use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, Set};

use crate::entities::{ticket, ticket_tag};
use crate::queries::tickets;

const BREACH_TAG: &str = "sla-breach";

pub async fn flag_breaches(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Result<usize, DbErr> {
    let mut flagged = 0;
    for t in breached {
        // Re-read on every pass in case an admin renamed the tag meanwhile.
        let Some(tag) = tickets::tag_by_name(db, BREACH_TAG).await? else {
            break;
        };
        ticket_tag::ActiveModel {
            ticket_id: Set(t.id),
            tag_id: Set(tag.id),
        }
        .insert(db)
        .await?;
        flagged += 1;
    }
    Ok(flagged)
}

pub async fn flag_breaches_batched(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Result<usize, DbErr> {
    let Some(tag) = tickets::tag_by_name(db, BREACH_TAG).await? else {
        return Ok(0);
    };
    if breached.is_empty() {
        return Ok(0);
    }
    let rows = breached.iter().map(|t| ticket_tag::ActiveModel {
        ticket_id: Set(t.id),
        tag_id: Set(tag.id),
    });
    ticket_tag::Entity::insert_many(rows).exec(db).await?;
    Ok(breached.len())
}
