//! The error every handler returns.

use std::fmt;

use newsroom_entity::error::ParseStatusError;
use sea_orm::DbErr;

#[derive(Debug)]
pub enum ApiError {
    NotFound(&'static str, i32),
    BadRequest(String),
    Unavailable(String),
    Db(DbErr),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        ApiError::Db(err)
    }
}

impl From<ParseStatusError> for ApiError {
    fn from(err: ParseStatusError) -> Self {
        ApiError::BadRequest(err.to_string())
    }
}

impl From<crate::status::Degraded> for ApiError {
    fn from(d: crate::status::Degraded) -> Self {
        ApiError::Unavailable(format!("{}: {}", d.component, d.reason))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound(what, id) => write!(f, "{what} {id} not found"),
            ApiError::BadRequest(why) => write!(f, "bad request: {why}"),
            ApiError::Unavailable(why) => write!(f, "unavailable: {why}"),
            ApiError::Db(err) => write!(f, "database: {err}"),
        }
    }
}

impl std::error::Error for ApiError {}
