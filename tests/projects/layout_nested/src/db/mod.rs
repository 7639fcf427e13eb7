//! Persistence layer.

pub mod models;
