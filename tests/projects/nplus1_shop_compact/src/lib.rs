//! Shop backend: SeaORM compact entities, a repository of query helpers and
//! the order/customer/product handlers.

pub mod entities;
pub mod handlers;
pub mod repo;
