pub mod entity;

pub use entity::prelude::*;
