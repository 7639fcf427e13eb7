//! Fines for late returns.

use chrono::NaiveDate;

use crate::domain;
use crate::services::lending::OverdueLoan;

#[derive(Clone, Debug)]
pub struct FinePolicy {
    pub daily_cents: i64,
    pub grace_days: i64,
}

impl FinePolicy {
    pub fn from_settings(settings: &crate::Settings) -> Self {
        FinePolicy {
            daily_cents: settings.daily_fine_cents,
            grace_days: 1,
        }
    }
}

/// Fine owed for `loan` if it comes back on `returned_on`.
pub fn assess(policy: &FinePolicy, loan: &OverdueLoan, returned_on: NaiveDate) -> i64 {
    let late = domain::days_late(loan.due_on, returned_on) - policy.grace_days;
    if late <= 0 {
        0
    } else {
        domain::fine_cents(late, policy.daily_cents)
    }
}

/// Total of the fines a nightly run would charge for these loans.
pub fn nightly_total(policy: &FinePolicy, overdue: &[OverdueLoan], today: NaiveDate) -> i64 {
    overdue.iter().map(|l| assess(policy, l, today)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grace_day_is_free() {
        let policy = FinePolicy { daily_cents: 25, grace_days: 1 };
        let due = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let loan = OverdueLoan { loan_id: 1, member_id: 1, due_on: due };
        assert_eq!(assess(&policy, &loan, NaiveDate::from_ymd_opt(2024, 3, 2).unwrap()), 0);
        assert_eq!(assess(&policy, &loan, NaiveDate::from_ymd_opt(2024, 3, 4).unwrap()), 50);
    }
}
