//! Loan endpoints: check out, check in, a member's open loans.

use chrono::NaiveDate;

use self::dto::LoanView;
use crate::entity::prelude::Book;
use crate::repo::{loans as loan_repo, members as member_repo};
use crate::services::fines::FinePolicy;
use crate::services::notify::Notifier;
use crate::services::{LendingService, ReturnReceipt};
use crate::{AppError, AppResult, AppState};

pub mod dto {
    //! What the loan endpoints send back.

    use chrono::NaiveDate;

    use crate::entity::loan;
    use crate::services::notify::*;

    #[derive(Clone, Debug)]
    pub struct LoanView {
        pub loan_id: i32,
        pub title: String,
        pub due_on: NaiveDate,
        pub overdue: bool,
        pub due_in_days: i64,
    }

    impl LoanView {
        pub fn new(model: &loan::Model, title: String, today: NaiveDate) -> Self {
            let due_in_days = (model.due_on - today).num_days();
            LoanView {
                loan_id: model.id,
                title,
                due_on: model.due_on,
                overdue: due_in_days < 0,
                due_in_days,
            }
        }

        /// The reminder this loan calls for, if any.
        pub fn notice_kind(&self) -> Option<NoticeKind> {
            match self.due_in_days {
                d if d < 0 => Some(NoticeKind::Overdue),
                0..=2 => Some(NoticeKind::DueSoon),
                _ => None,
            }
        }
    }
}

pub async fn check_out(state: &AppState, member_id: i32, copy_id: i32, today: NaiveDate) -> AppResult<i32> {
    let member = member_repo::find_active(&state.db, member_id)
        .await?
        .ok_or(AppError::NotFound("member", member_id))?;
    let service = LendingService::new(&state.db, FinePolicy::from_settings(&state.settings));
    let loan = service.check_out(&member, copy_id, today).await?;
    Ok(loan.id)
}

pub async fn check_in(state: &AppState, loan_id: i32, today: NaiveDate) -> AppResult<ReturnReceipt> {
    let service = LendingService::new(&state.db, FinePolicy::from_settings(&state.settings));
    let mut notifier = Notifier::default();
    let receipt = service.check_in(loan_id, today, &mut notifier).await?;
    Ok(receipt)
}

/// Open loans of a member with their book titles, and the reminders they call for.
pub async fn open_loans(state: &AppState, member_id: i32, today: NaiveDate) -> AppResult<Vec<LoanView>> {
    use sea_orm::LoaderTrait;

    let loans = loan_repo::open_for_member(&state.db, member_id).await?;
    let copies = loans.load_one(crate::entity::book_copy::Entity, &state.db).await?;
    let copies: Vec<_> = copies.into_iter().flatten().collect();
    let books = copies.load_one(Book, &state.db).await?;
    let titles: std::collections::HashMap<i32, String> = copies
        .iter()
        .zip(books)
        .filter_map(|(c, b)| b.map(|b| (c.id, b.title)))
        .collect();
    let mut notifier = Notifier::default();
    let views: Vec<LoanView> = loans
        .iter()
        .map(|l| LoanView::new(l, titles.get(&l.copy_id).cloned().unwrap_or_default(), today))
        .collect();
    for view in &views {
        notifier.loan_reminder(member_id, view);
    }
    Ok(views)
}
