pub mod assignment;
pub mod cleanup;
pub mod digest;
pub mod escalation;
pub mod notify;
pub mod tagging;
