//! Lending backend of a public library network: catalog, loans, holds,
//! fines and member accounts.

pub mod config;
pub mod domain;
pub mod entity;
pub mod handlers;
pub mod repo;
pub mod services;
pub mod util;

use std::fmt;

use sea_orm::{DatabaseConnection, DbErr};

pub use crate::config::Settings;

/// Shared state handed to every handler.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Settings,
}

#[derive(Debug)]
pub enum AppError {
    NotFound(&'static str, i32),
    Conflict(String),
    Config(String),
    Db(DbErr),
}

pub type AppResult<T> = Result<T, AppError>;

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        AppError::Db(err)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::NotFound(what, id) => write!(f, "{what} {id} not found"),
            AppError::Conflict(msg) => write!(f, "conflict: {msg}"),
            AppError::Config(msg) => write!(f, "configuration: {msg}"),
            AppError::Db(err) => write!(f, "database: {err}"),
        }
    }
}

impl std::error::Error for AppError {}
