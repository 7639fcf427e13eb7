//! Fleet dispatch backend: depots, drivers, vehicles and trips.
//!
//! The crate root only declares modules and re-exports the error type.

pub mod api;
pub mod domain;
pub mod entity;
pub mod error;
pub mod planning;
pub mod reports;
pub mod repo;
pub mod services;

pub use crate::error::{FleetError, FleetResult};
