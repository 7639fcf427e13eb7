pub mod db;

pub use db::models::prelude;
