//! Daily trip quota of a depot.

use crate::FleetError;

pub(in crate::services) fn check_quota(already_today: u32, max_per_day: u32) -> Result<(), FleetError> {
    if already_today < max_per_day {
        Ok(())
    } else {
        Err(FleetError::Rejected(format!("depot quota of {max_per_day} trips reached")))
    }
}
