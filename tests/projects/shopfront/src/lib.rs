//! Storefront persistence layer.

pub mod entities;

pub use entities::prelude;
