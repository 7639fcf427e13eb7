//! Member accounts: the fines a member owes, page by page.
//!
//! Called from [`crate::handlers::members`]; the amounts come from
//! `crate::services::fines`.

mod ledger;

use sea_orm::{DatabaseConnection, DbErr, EntityTrait};

use crate::entity::member;
use crate::util::clamp_page;
use crate::AppError;

#[derive(Debug)]
pub enum AccountError {
    Suspended(i32),
    UnknownMember(i32),
    Db(DbErr),
}

impl From<DbErr> for AccountError {
    fn from(err: DbErr) -> Self {
        AccountError::Db(err)
    }
}

impl From<AccountError> for AppError {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Suspended(id) => AppError::Conflict(format!("member {id} is suspended")),
            AccountError::UnknownMember(id) => AppError::NotFound("member", id),
            AccountError::Db(err) => AppError::Db(err),
        }
    }
}

#[derive(Debug)]
pub struct Statement {
    pub member_id: i32,
    pub lines: Vec<(i32, i64)>,
    pub page_total_cents: i64,
}

pub struct AccountService<'a> {
    db: &'a DatabaseConnection,
    daily_cents: i64,
}

impl<'a> AccountService<'a> {
    pub fn new(db: &'a DatabaseConnection, daily_cents: i64) -> Self {
        AccountService { db, daily_cents }
    }

    pub async fn statement(&self, member_id: i32, page: u64) -> Result<Statement, AccountError> {
        let member = member::Entity::find_by_id(member_id)
            .one(self.db)
            .await?
            .ok_or(AccountError::UnknownMember(member_id))?;
        crate::ensure_active!(member);
        let (offset, limit) = clamp_page(page, 20);
        let lines = self::ledger::late_returns(self.db, member.id, offset, limit, self.daily_cents).await?;
        let page_total_cents = lines.iter().map(|(_, cents)| cents).sum();
        Ok(Statement {
            member_id: member.id,
            lines,
            page_total_cents,
        })
    }
}
