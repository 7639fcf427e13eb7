//! HTTP-facing handlers and their payloads.

pub mod trips;
pub mod vehicles;
