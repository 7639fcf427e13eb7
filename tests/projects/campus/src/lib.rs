//! Data model for the course catalogue and grading service.

pub mod entity;
