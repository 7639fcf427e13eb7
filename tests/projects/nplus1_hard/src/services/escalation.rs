//! SLA escalation: finds tickets past their resolution target.

use std::collections::{HashMap, HashSet};

use futures::future::OptionFuture;
use sea_orm::prelude::DateTimeUtc;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use crate::domain::SlaTarget;
use crate::entities::sea_orm_active_enums::{Priority, TicketStatus};
use crate::entities::{sla_policy, ticket};

pub struct EscalationService {
    db: DatabaseConnection,
}

impl EscalationService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn policy_for(
        db: &DatabaseConnection,
        organization_id: i32,
        priority: Priority,
    ) -> Result<SlaTarget, DbErr> {
        let policy = sla_policy::Entity::find()
            .filter(sla_policy::Column::OrganizationId.eq(organization_id))
            .filter(sla_policy::Column::Priority.eq(priority))
            .one(db)
            .await?;
        Ok(policy
            .as_ref()
            .map(SlaTarget::from)
            .unwrap_or_else(|| SlaTarget::fallback(priority)))
    }

    async fn open_tickets(&self) -> Result<Vec<ticket::Model>, DbErr> {
        ticket::Entity::find()
            .filter(ticket::Column::Status.is_in([
                TicketStatus::New,
                TicketStatus::Open,
                TicketStatus::Pending,
            ]))
            .all(&self.db)
            .await
    }

    pub async fn overdue(&self, now: DateTimeUtc) -> Result<Vec<ticket::Model>, DbErr> {
        let open = self.open_tickets().await?;
        let mut overdue = Vec::new();
        for t in open {
            let target = Self::policy_for(&self.db, t.organization_id, t.priority).await?;
            if t.is_overdue(now, &target) {
                overdue.push(t);
            }
        }
        Ok(overdue)
    }

    /// Nightly variant: all policies of the affected organizations in one query.
    pub async fn overdue_batched(&self, now: DateTimeUtc) -> Result<Vec<ticket::Model>, DbErr> {
        let open = self.open_tickets().await?;
        let org_ids: HashSet<i32> = open.iter().map(|t| t.organization_id).collect();
        let policies: HashMap<(i32, Priority), SlaTarget> = sla_policy::Entity::find()
            .filter(sla_policy::Column::OrganizationId.is_in(org_ids))
            .all(&self.db)
            .await?
            .iter()
            .map(|p| ((p.organization_id, p.priority), SlaTarget::from(p)))
            .collect();
        let mut overdue = Vec::new();
        for t in open {
            let target = policies
                .get(&(t.organization_id, t.priority))
                .copied()
                .unwrap_or_else(|| SlaTarget::fallback(t.priority));
            if t.is_overdue(now, &target) {
                overdue.push(t);
            }
        }
        Ok(overdue)
    }

    /// Counters on the dashboard header.
    pub async fn status_counters(
        &self,
        organization_id: i32,
    ) -> Result<Vec<(TicketStatus, u64)>, DbErr> {
        let mut counters = Vec::new();
        for status in [TicketStatus::New, TicketStatus::Open, TicketStatus::Pending] {
            let n = ticket::Entity::find()
                .filter(ticket::Column::OrganizationId.eq(organization_id))
                .filter(ticket::Column::Status.eq(status))
                .count(&self.db)
                .await?;
            counters.push((status, n));
        }
        Ok(counters)
    }

    /// SLA box on a single ticket page.
    pub async fn ticket_sla(&self, ticket_id: i32) -> Result<Option<SlaTarget>, DbErr> {
        let ticket = ticket::Entity::find_by_id(ticket_id).one(&self.db).await?;
        let target: OptionFuture<_> = ticket
            .map(|t| Self::policy_for(&self.db, t.organization_id, t.priority))
            .into();
        target.await.transpose()
    }
}
