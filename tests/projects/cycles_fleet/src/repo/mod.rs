//! Read queries, one module per table group.

pub mod drivers;
pub mod vehicles;
