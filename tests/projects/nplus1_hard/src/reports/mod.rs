pub mod export;
pub mod sla;
pub mod workload;
