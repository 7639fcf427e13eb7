//! Checking copies out, renewing and returning them.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, IntoActiveModel};

use super::{
    fines::{assess, FinePolicy},
    notify::Notifier,
};
use crate::entity::{book_copy, loan, member};
use crate::repo::{loans as loan_repo, members::MemberTier};
use crate::{AppError, AppResult};

/// A loan past its due date, as the fine run sees it.
#[derive(Clone, Debug)]
pub struct OverdueLoan {
    pub loan_id: i32,
    pub member_id: i32,
    pub due_on: NaiveDate,
}

impl From<&loan::Model> for OverdueLoan {
    fn from(m: &loan::Model) -> Self {
        OverdueLoan {
            loan_id: m.id,
            member_id: m.member_id,
            due_on: m.due_on,
        }
    }
}

#[derive(Debug)]
pub struct ReturnReceipt {
    pub loan_id: i32,
    pub fine_cents: i64,
}

pub struct LendingService<'a> {
    db: &'a DatabaseConnection,
    policy: FinePolicy,
}

impl<'a> LendingService<'a> {
    pub fn new(db: &'a DatabaseConnection, policy: FinePolicy) -> Self {
        LendingService { db, policy }
    }

    pub async fn check_out(&self, member: &member::Model, copy_id: i32, today: NaiveDate) -> AppResult<loan::Model> {
        let copy = crate::found_or_404!(
            "copy",
            copy_id,
            book_copy::Entity::find_by_id(copy_id).one(self.db).await?
        )?;
        if copy.withdrawn || loan_repo::open_for_copy(self.db, copy.id).await?.is_some() {
            return Err(AppError::Conflict(format!("copy {} is not on the shelf", copy.barcode)));
        }
        let tier = MemberTier::parse(&member.tier);
        let open = loan_repo::count_open(self.db, member.id).await? as usize;
        if open >= tier.loan_limit() {
            return Err(AppError::Conflict(format!("member {} is at the loan limit", member.id)));
        }
        let due_on = crate::domain::due_date(today, crate::domain::loan_period(&tier));
        let created = loan::ActiveModel {
            copy_id: Set(copy.id),
            member_id: Set(member.id),
            loaned_on: Set(today),
            due_on: Set(due_on),
            returned_on: Set(None),
            renewals: Set(0),
            ..Default::default()
        }
        .insert(self.db)
        .await?;
        Ok(created)
    }

    pub async fn check_in(&self, loan_id: i32, today: NaiveDate, notifier: &mut Notifier) -> AppResult<ReturnReceipt> {
        let found = crate::found_or_404!("loan", loan_id, loan::Entity::find_by_id(loan_id).one(self.db).await?)?;
        let fine_cents = assess(&self.policy, &OverdueLoan::from(&found), today);
        let mut active = found.into_active_model();
        active.returned_on = Set(Some(today));
        let returned = active.update(self.db).await?;
        if fine_cents > 0 {
            notifier.fine_due(returned.member_id, fine_cents);
        }
        Ok(ReturnReceipt {
            loan_id: returned.id,
            fine_cents,
        })
    }
}
