//! Search index refresh and cache warm-up.

use std::collections::HashMap;

use futures::stream::{self, FuturesUnordered, StreamExt, TryStreamExt};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, ModelTrait, PaginatorTrait};
use tokio::task::JoinSet;

use crate::entities::{agent, tag, ticket};
use crate::queries::tickets::open_count_for_agent;

pub async fn refresh_subjects(
    db: &DatabaseConnection,
    ids: Vec<i32>,
) -> Result<Vec<(i32, String)>, DbErr> {
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        let db = db.clone();
        handles.push(tokio::spawn(async move {
            ticket::Entity::find_by_id(id).one(&db).await
        }));
    }
    let mut subjects = Vec::new();
    for handle in handles {
        let found = handle.await.map_err(|e| DbErr::Custom(e.to_string()))??;
        if let Some(t) = found {
            subjects.push((t.id, t.subject));
        }
    }
    Ok(subjects)
}

pub async fn warm_tag_cache(
    db: &DatabaseConnection,
    tickets: Vec<ticket::Model>,
) -> Result<HashMap<i32, Vec<String>>, DbErr> {
    let mut set = JoinSet::new();
    for t in tickets {
        let db = db.clone();
        set.spawn(async move {
            let tags = t.find_related(tag::Entity).all(&db).await?;
            Ok::<_, DbErr>((
                t.id,
                tags.into_iter().map(|tag| tag.name).collect::<Vec<_>>(),
            ))
        });
    }
    let mut cache = HashMap::new();
    while let Some(joined) = set.join_next().await {
        let (id, names) = joined.map_err(|e| DbErr::Custom(e.to_string()))??;
        cache.insert(id, names);
    }
    Ok(cache)
}

/// How often each tag is used among the given tickets.
pub async fn tag_histogram(
    db: &DatabaseConnection,
    tickets: &[ticket::Model],
) -> Result<HashMap<String, usize>, DbErr> {
    let mut pending: FuturesUnordered<_> = tickets
        .iter()
        .map(|t| t.find_related(tag::Entity).all(db))
        .collect();
    let mut histogram = HashMap::new();
    while let Some(tags) = pending.next().await {
        for tag in tags? {
            *histogram.entry(tag.name).or_insert(0) += 1;
        }
    }
    Ok(histogram)
}

/// Open-ticket counts for the routing table, eight queries in flight.
pub async fn agent_loads(
    db: &DatabaseConnection,
    agents: &[agent::Model],
) -> Result<Vec<(i32, u64)>, DbErr> {
    stream::iter(agents)
        .map(|a| async move {
            let open = open_count_for_agent(db, a.id).await?;
            Ok::<_, DbErr>((a.id, open))
        })
        .buffer_unordered(8)
        .try_collect()
        .await
}

/// Both header numbers at once; two fixed queries, not one per item.
pub async fn header_numbers(db: &DatabaseConnection) -> Result<(u64, u64), DbErr> {
    tokio::try_join!(
        ticket::Entity::find().count(db),
        agent::Entity::find().count(db),
    )
}
