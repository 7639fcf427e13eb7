//! Member endpoints: profile and account statement.

use crate::repo::members::{self as member_repo, MemberTier};
use crate::services::AccountService;
use crate::{AppError, AppResult, AppState};

pub struct Profile {
    pub name: String,
    pub tier: MemberTier,
    pub loan_limit: usize,
    pub owed_cents: i64,
}

pub async fn profile(state: &AppState, member_id: i32) -> AppResult<Profile> {
    let member = member_repo::find_active(&state.db, member_id)
        .await?
        .ok_or(AppError::NotFound("member", member_id))?;
    let tier = MemberTier::parse(&member.tier);
    let accounts = AccountService::new(&state.db, state.settings.daily_fine_cents);
    let statement = accounts.statement(member.id, 1).await?;
    Ok(Profile {
        name: member.name,
        tier,
        loan_limit: tier.loan_limit(),
        owed_cents: statement.page_total_cents,
    })
}

pub async fn lookup(state: &AppState, email: &str) -> AppResult<i32> {
    let member = member_repo::by_email(&state.db, email).await?;
    member
        .map(|m| m.id)
        .ok_or(AppError::Conflict(format!("no member with email {email}")))
}
