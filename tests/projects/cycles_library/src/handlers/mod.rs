//! Request handlers, one module per resource.

pub mod catalog;
pub mod loans;
pub mod members;
