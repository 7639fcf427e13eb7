//! Manager dashboard: who is working on what.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::entities::sea_orm_active_enums::TicketStatus;
use crate::entities::{agent, ticket};

#[derive(Debug)]
pub struct AgentLoad {
    pub team: String,
    pub agent_id: i32,
    pub open: u64,
}

pub async fn team_workload(
    db: &DatabaseConnection,
    teams: &[String],
) -> Result<Vec<AgentLoad>, DbErr> {
    let agents = agent::Entity::find()
        .filter(agent::Column::Team.is_in(teams.iter().cloned()))
        .filter(agent::Column::Active.eq(true))
        .all(db)
        .await?;
    let mut by_team: HashMap<String, Vec<agent::Model>> = HashMap::new();
    for a in agents {
        by_team.entry(a.team.clone()).or_default().push(a);
    }

    let mut loads = Vec::new();
    for team in teams {
        let Some(members) = by_team.get(team) else {
            continue;
        };
        for member in members {
            let open = ticket::Entity::find()
                .filter(ticket::Column::AgentId.eq(member.id))
                .filter(ticket::Column::Status.ne(TicketStatus::Closed))
                .count(db)
                .await?;
            loads.push(AgentLoad {
                team: team.clone(),
                agent_id: member.id,
                open,
            });
        }
    }
    Ok(loads)
}

pub async fn status_breakdown(
    db: &DatabaseConnection,
    agents: &[agent::Model],
) -> Result<Vec<(i32, TicketStatus, u64)>, DbErr> {
    let mut rows = Vec::new();
    for agent in agents {
        for status in [TicketStatus::Open, TicketStatus::Pending] {
            let n = ticket::Entity::find()
                .filter(ticket::Column::Status.eq(status))
                .filter(ticket::Column::AgentId.eq(agent.id))
                .count(db)
                .await?;
            rows.push((agent.id, status, n));
        }
    }
    Ok(rows)
}

/// Same numbers from one GROUP BY.
pub async fn status_breakdown_grouped(
    db: &DatabaseConnection,
    agents: &[agent::Model],
) -> Result<Vec<(i32, TicketStatus, u64)>, DbErr> {
    let ids: Vec<i32> = agents.iter().map(|a| a.id).collect();
    let counts: Vec<(Option<i32>, TicketStatus, i64)> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::AgentId)
        .column(ticket::Column::Status)
        .column_as(ticket::Column::Id.count(), "n")
        .filter(ticket::Column::AgentId.is_in(ids))
        .filter(ticket::Column::Status.is_in([TicketStatus::Open, TicketStatus::Pending]))
        .group_by(ticket::Column::AgentId)
        .group_by(ticket::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut rows = Vec::with_capacity(counts.len());
    for (agent_id, status, n) in counts {
        if let Some(agent_id) = agent_id {
            rows.push((agent_id, status, n as u64));
        }
    }
    Ok(rows)
}

/// Agent names for ids taken from the audit log (order and duplicates kept).
pub async fn audit_names(db: &DatabaseConnection, ids: &[i32]) -> Result<Vec<String>, DbErr> {
    let mut names = Vec::with_capacity(ids.len());
    let mut i = 0;
    while i < ids.len() {
        let id = ids[i];
        let name = agent::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|a| a.name)
            .unwrap_or_else(|| format!("agent #{id}"));
        names.push(name);
        i += 1;
    }
    Ok(names)
}

/// Same, one query for the distinct ids.
pub async fn audit_names_batched(
    db: &DatabaseConnection,
    ids: &[i32],
) -> Result<Vec<String>, DbErr> {
    let mut distinct: Vec<i32> = Vec::new();
    for id in ids {
        if !distinct.contains(id) {
            distinct.push(*id);
        }
    }
    let known: HashMap<i32, String> = agent::Entity::find()
        .filter(agent::Column::Id.is_in(distinct))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    Ok(ids
        .iter()
        .map(|id| {
            known
                .get(id)
                .cloned()
                .unwrap_or_else(|| format!("agent #{id}"))
        })
        .collect())
}

/// The five tags each agent deals with most.
pub async fn top_tags(
    db: &DatabaseConnection,
    agents: Vec<agent::Model>,
) -> Result<Vec<(String, Vec<String>)>, DbErr> {
    let mut out = Vec::new();
    for agent in agents {
        let tags = agent
            .find_linked(agent::AssignedTags)
            .order_by_asc(crate::entities::tag::Column::Name)
            .all(db)
            .await?;
        let mut counts: HashMap<String, usize> = HashMap::new();
        for tag in tags {
            *counts.entry(tag.name).or_default() += 1;
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.push((
            agent.name,
            ranked.into_iter().take(5).map(|(name, _)| name).collect(),
        ));
    }
    Ok(out)
}
