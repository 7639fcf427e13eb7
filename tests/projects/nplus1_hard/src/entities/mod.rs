//! Helpdesk schema.
//!
//! The account side (`organization`, `customer`, `sla_policy`) was migrated to
//! the 2.0 dense format. The ticket side (`agent`, `ticket`, `ticket_comment`,
//! `tag`, `ticket_tag`) is still in the compact format. The two sides are
//! owned by different services, so tickets and agents refer to organizations
//! and customers by id only, without a foreign key.

pub mod prelude;

pub mod agent;
pub mod customer;
pub mod organization;
pub mod sea_orm_active_enums;
pub mod sla_policy;
pub mod tag;
pub mod ticket;
pub mod ticket_comment;
pub mod ticket_tag;
