//! Request handlers, one module per resource.

pub mod articles;
pub mod authors;
pub mod comments;
