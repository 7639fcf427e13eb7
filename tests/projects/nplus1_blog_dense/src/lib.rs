//! Blog backend: SeaORM 2.0 dense entities, request handlers and services.

pub mod entities;
pub mod handlers;
pub mod services;
