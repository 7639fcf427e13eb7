//! Helpdesk backend: ticket queues, SLA tracking, digests and exports.

pub mod domain;
pub mod entities;
pub mod handlers;
pub mod jobs;
pub mod queries;
pub mod repo;
pub mod reports;
pub mod services;
