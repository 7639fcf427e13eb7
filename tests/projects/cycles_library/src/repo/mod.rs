//! Query helpers, one module per aggregate.

pub mod books;
pub mod loans;
pub mod members;
