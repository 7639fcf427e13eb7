//! Data model of a small events app: organizations run events, users register
//! for events with a role, and events are split into sessions.

pub mod entity;
pub mod handlers;
pub mod reports;
