//! Small query helpers shared by services, jobs and reports.

pub mod agents;
pub mod tickets;
