//! Service-side tables that reference the shared `entity` crate.

pub mod api_token;
pub mod audit_event;

pub use entity::prelude::*;
