//! Data access behind a trait, so services can be tested with an in-memory repo.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::entities::{agent, ticket, ticket_comment};

#[allow(async_fn_in_trait)]
pub trait TicketRepo {
    async fn recent_tickets(
        &self,
        organization_id: i32,
        limit: u64,
    ) -> Result<Vec<ticket::Model>, DbErr>;

    async fn comments_of(&self, ticket_id: i32) -> Result<Vec<ticket_comment::Model>, DbErr>;

    async fn comments_of_many(
        &self,
        ticket_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<ticket_comment::Model>>, DbErr>;

    async fn agent_by_id(&self, id: i32) -> Result<Option<agent::Model>, DbErr>;
}

pub struct PgTicketRepo {
    db: DatabaseConnection,
}

impl PgTicketRepo {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

impl TicketRepo for PgTicketRepo {
    async fn recent_tickets(
        &self,
        organization_id: i32,
        limit: u64,
    ) -> Result<Vec<ticket::Model>, DbErr> {
        ticket::Entity::find()
            .filter(ticket::Column::OrganizationId.eq(organization_id))
            .order_by_desc(ticket::Column::UpdatedAt)
            .limit(limit)
            .all(&self.db)
            .await
    }

    async fn comments_of(&self, ticket_id: i32) -> Result<Vec<ticket_comment::Model>, DbErr> {
        ticket_comment::Entity::find()
            .filter(ticket_comment::Column::TicketId.eq(ticket_id))
            .order_by_asc(ticket_comment::Column::CreatedAt)
            .all(&self.db)
            .await
    }

    async fn comments_of_many(
        &self,
        ticket_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<ticket_comment::Model>>, DbErr> {
        crate::queries::tickets::comments_for_many(&self.db, ticket_ids).await
    }

    async fn agent_by_id(&self, id: i32) -> Result<Option<agent::Model>, DbErr> {
        agent::Entity::find_by_id(id).one(&self.db).await
    }
}

/// The agents of one organization, loaded once per request and then served
/// from memory. Mirrors `TicketRepo::agent_by_id` so call sites look alike.
pub struct AgentDirectory {
    by_id: HashMap<i32, agent::Model>,
}

impl AgentDirectory {
    pub async fn load<C: ConnectionTrait>(db: &C, organization_id: i32) -> Result<Self, DbErr> {
        let agents = agent::Entity::find()
            .filter(agent::Column::OrganizationId.eq(organization_id))
            .all(db)
            .await?;
        Ok(Self {
            by_id: agents.into_iter().map(|a| (a.id, a)).collect(),
        })
    }

    pub fn agent_by_id(&self, id: i32) -> Option<&agent::Model> {
        self.by_id.get(&id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}
