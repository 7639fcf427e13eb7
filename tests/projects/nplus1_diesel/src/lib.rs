//! Issue tracker backend on Diesel 2 (sync handlers) and diesel-async.

pub mod handlers;
pub mod models;
pub mod schema;
