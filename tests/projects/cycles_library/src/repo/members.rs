//! Member lookups and the borrowing limit of each tier.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entity::member;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberTier {
    Standard,
    Student,
    Staff,
}

impl MemberTier {
    pub fn parse(raw: &str) -> Self {
        match raw {
            "staff" => MemberTier::Staff,
            "student" => MemberTier::Student,
            _ => MemberTier::Standard,
        }
    }

    pub fn loan_limit(self) -> usize {
        let limit = match self {
            MemberTier::Staff => 12,
            MemberTier::Student => 8,
            MemberTier::Standard => 5,
        };
        debug_assert!(limit <= crate::domain::MAX_OPEN_LOANS, "tier limit above the global cap");
        limit
    }
}

pub async fn find_active<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find_by_id(id)
        .filter(member::Column::Active.eq(true))
        .one(db)
        .await
}

pub async fn by_email<C: ConnectionTrait>(db: &C, email: &str) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find()
        .filter(member::Column::Email.eq(email.to_lowercase()))
        .one(db)
        .await
}
