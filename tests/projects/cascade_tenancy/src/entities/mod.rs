pub mod prelude;

pub mod audit_event;
pub mod invoice;
pub mod invoice_line;
pub mod membership;
pub mod organization;
pub mod payment;
pub mod plan;
pub mod project;
pub mod task;
pub mod user;
