//! SLA reports across organizations.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use futures::future::join_all;
use futures::stream::{self, StreamExt, TryStreamExt};
use sea_orm::prelude::DateTimeUtc;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder,
};

use crate::domain::SlaTarget;
use crate::entities::{customer, organization, sla_policy, ticket};
use crate::queries::tickets::tags_for;

/// Policy matrix on the admin page: one row per organization.
pub async fn policy_matrix(
    db: &DatabaseConnection,
) -> Result<Vec<(String, Vec<SlaTarget>)>, DbErr> {
    let orgs = organization::Entity::find()
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?;
    let mut matrix = Vec::with_capacity(orgs.len());
    for org in orgs {
        let policies = org.find_related(sla_policy::Entity).all(db).await?;
        matrix.push((org.name, policies.iter().map(SlaTarget::from).collect()));
    }
    Ok(matrix)
}

/// Same matrix through the 2.0 entity loader.
pub async fn policy_matrix_loaded(
    db: &DatabaseConnection,
) -> Result<Vec<(String, Vec<SlaTarget>)>, DbErr> {
    let orgs = organization::Entity::load()
        .with(sla_policy::Entity)
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?;
    let mut matrix = Vec::with_capacity(orgs.len());
    for org in orgs {
        let targets = org
            .sla_policies
            .iter()
            .map(|p| SlaTarget {
                first_response_minutes: p.first_response_minutes,
                resolution_minutes: p.resolution_minutes,
            })
            .collect();
        matrix.push((org.name, targets));
    }
    Ok(matrix)
}

async fn sla_deadline(
    db: &DatabaseConnection,
    t: &ticket::Model,
) -> Result<(i32, DateTimeUtc), DbErr> {
    let policy = sla_policy::Entity::find()
        .filter(sla_policy::Column::OrganizationId.eq(t.organization_id))
        .filter(sla_policy::Column::Priority.eq(t.priority))
        .one(db)
        .await?;
    let target = policy
        .as_ref()
        .map(SlaTarget::from)
        .unwrap_or_else(|| SlaTarget::fallback(t.priority));
    let minutes = u64::try_from(target.resolution_minutes).unwrap_or_default();
    Ok((t.id, t.created_at + Duration::from_secs(minutes * 60)))
}

/// Resolution deadlines, all lookups in flight at once.
pub async fn deadlines(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<Vec<(i32, DateTimeUtc)>, DbErr> {
    join_all(tickets.iter().map(|t| sla_deadline(db, t)))
        .await
        .into_iter()
        .collect()
}

/// Deadline shown on one ticket page.
pub async fn deadline_of(
    db: &DatabaseConnection,
    ticket_id: i32,
) -> Result<Option<DateTimeUtc>, DbErr> {
    let Some(t) = ticket::Entity::find_by_id(ticket_id).one(db).await? else {
        return Ok(None);
    };
    let (_, at) = sla_deadline(db, &t).await?;
    Ok(Some(at))
}

/// Tags of breached tickets, for the weekly review.
pub async fn breach_tags(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Result<Vec<(i32, Vec<String>)>, DbErr> {
    stream::iter(breached)
        .then(|t| async move {
            let tags = tags_for(db, t.id).await?;
            Ok::<_, DbErr>((t.id, tags))
        })
        .try_collect()
        .await
}

/// VIP requesters among the breached tickets.
pub async fn vip_requesters(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Vec<customer::Model> {
    stream::iter(breached)
        .filter_map(|t| async move {
            customer::Entity::find_by_id(t.customer_id)
                .filter(customer::Column::Vip.eq(true))
                .one(db)
                .await
                .ok()
                .flatten()
        })
        .collect()
        .await
}

/// Same list with one query.
pub async fn vip_requesters_batched(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Result<Vec<customer::Model>, DbErr> {
    let ids: HashSet<i32> = breached.iter().map(|t| t.customer_id).collect();
    customer::Entity::find()
        .filter(customer::Column::Id.is_in(ids))
        .filter(customer::Column::Vip.eq(true))
        .all(db)
        .await
}

/// Breach count per organization name; names from one query.
pub async fn breaches_by_org(
    db: &DatabaseConnection,
    breached: &[ticket::Model],
) -> Result<HashMap<String, usize>, DbErr> {
    let org_ids: HashSet<i32> = breached.iter().map(|t| t.organization_id).collect();
    let names: HashMap<i32, String> = organization::Entity::find()
        .filter(organization::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut counts = HashMap::new();
    for t in breached {
        if let Some(name) = names.get(&t.organization_id) {
            *counts.entry(name.clone()).or_insert(0) += 1;
        }
    }
    Ok(counts)
}
