//! Lending rules that do not touch the database.

use chrono::{Days, NaiveDate};

/// No member may hold more copies than this at once.
pub const MAX_OPEN_LOANS: usize = 12;

/// Fines stop growing after this many days.
pub const FINE_CAP_DAYS: i64 = 30;

pub fn loan_period(tier: &crate::repo::members::MemberTier) -> Days {
    match tier {
        crate::repo::members::MemberTier::Staff => Days::new(56),
        crate::repo::members::MemberTier::Student => Days::new(28),
        crate::repo::members::MemberTier::Standard => Days::new(21),
    }
}

pub fn due_date(loaned_on: NaiveDate, period: Days) -> NaiveDate {
    loaned_on.checked_add_days(period).unwrap_or(loaned_on)
}

pub fn days_late(due_on: NaiveDate, returned_or_today: NaiveDate) -> i64 {
    (returned_or_today - due_on).num_days().clamp(0, FINE_CAP_DAYS)
}

pub fn fine_cents(days_late: i64, daily_cents: i64) -> i64 {
    days_late * daily_cents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_days_are_capped() {
        let due = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let back = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert_eq!(days_late(due, back), FINE_CAP_DAYS);
        assert_eq!(fine_cents(3, 25), 75);
    }
}
