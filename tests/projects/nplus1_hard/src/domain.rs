//! Pure business rules on loaded models. Nothing in here touches the database.

use sea_orm::prelude::DateTimeUtc;

use crate::entities::sea_orm_active_enums::{Priority, TicketStatus};
use crate::entities::{sla_policy, ticket, ticket_comment};

/// Response and resolution targets of one (organization, priority) pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlaTarget {
    pub first_response_minutes: i32,
    pub resolution_minutes: i32,
}

impl SlaTarget {
    /// Targets used when an organization has no policy for a priority.
    pub fn fallback(priority: Priority) -> Self {
        let (first_response_minutes, resolution_minutes) = match priority {
            Priority::Urgent => (30, 4 * 60),
            Priority::High => (2 * 60, 24 * 60),
            Priority::Normal => (8 * 60, 3 * 24 * 60),
            Priority::Low => (24 * 60, 7 * 24 * 60),
        };
        Self {
            first_response_minutes,
            resolution_minutes,
        }
    }
}

impl From<&sla_policy::Model> for SlaTarget {
    fn from(policy: &sla_policy::Model) -> Self {
        Self {
            first_response_minutes: policy.first_response_minutes,
            resolution_minutes: policy.resolution_minutes,
        }
    }
}

impl ticket::Model {
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            TicketStatus::New | TicketStatus::Open | TicketStatus::Pending
        )
    }

    pub fn age_minutes(&self, now: DateTimeUtc) -> i64 {
        (now - self.created_at).num_minutes()
    }

    /// Still open and older than its resolution target.
    pub fn is_overdue(&self, now: DateTimeUtc, target: &SlaTarget) -> bool {
        self.is_open() && self.age_minutes(now) > i64::from(target.resolution_minutes)
    }

    pub fn awaiting_first_response(&self, now: DateTimeUtc, target: &SlaTarget) -> bool {
        self.first_response_at.is_none()
            && self.is_open()
            && self.age_minutes(now) > i64::from(target.first_response_minutes)
    }
}

impl ticket_comment::Model {
    /// A reply the customer can see, written by an agent.
    pub fn is_public_reply(&self) -> bool {
        !self.internal && self.author_agent_id.is_some()
    }
}
