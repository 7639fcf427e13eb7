//! The one error type of the crate.

use std::fmt;

use sea_orm::DbErr;

#[derive(Debug)]
pub enum FleetError {
    NotFound(&'static str, i32),
    Rejected(String),
    Telemetry(String),
    Db(DbErr),
}

pub type FleetResult<T> = Result<T, FleetError>;

/// `Some(row)` or `FleetError::NotFound(what, id)`.
pub fn require<T>(row: Option<T>, what: &'static str, id: i32) -> crate::FleetResult<T> {
    row.ok_or(FleetError::NotFound(what, id))
}

impl From<DbErr> for FleetError {
    fn from(err: DbErr) -> Self {
        FleetError::Db(err)
    }
}

impl From<crate::services::telemetry::TelemetryError> for FleetError {
    fn from(err: crate::services::telemetry::TelemetryError) -> Self {
        FleetError::Telemetry(err.to_string())
    }
}

impl fmt::Display for FleetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FleetError::NotFound(what, id) => write!(f, "{what} {id} not found"),
            FleetError::Rejected(why) => write!(f, "rejected: {why}"),
            FleetError::Telemetry(why) => write!(f, "telemetry: {why}"),
            FleetError::Db(err) => write!(f, "database: {err}"),
        }
    }
}

impl std::error::Error for FleetError {}
