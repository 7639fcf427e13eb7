//! Daily planning: which driver takes which vehicle.

pub mod roster;

#[allow(unused_imports)]
use self::roster::*;

use std::fmt;

use sea_orm::DbErr;

#[derive(Debug)]
pub enum PlanningError {
    NoDriverOnShift { depot_id: i32 },
    Db(DbErr),
}

impl From<DbErr> for PlanningError {
    fn from(err: DbErr) -> Self {
        PlanningError::Db(err)
    }
}

impl fmt::Display for PlanningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanningError::NoDriverOnShift { depot_id } => write!(f, "no driver on shift at depot {depot_id}"),
            PlanningError::Db(err) => write!(f, "database: {err}"),
        }
    }
}

impl From<PlanningError> for crate::FleetError {
    fn from(err: PlanningError) -> Self {
        match err {
            PlanningError::Db(db) => crate::FleetError::Db(db),
            other => crate::FleetError::Rejected(other.to_string()),
        }
    }
}
