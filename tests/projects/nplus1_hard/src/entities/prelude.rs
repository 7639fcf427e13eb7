pub use super::agent::Entity as Agent;
pub use super::customer::Entity as Customer;
pub use super::organization::Entity as Organization;
pub use super::sla_policy::Entity as SlaPolicy;
pub use super::tag::Entity as Tag;
pub use super::ticket::Entity as Ticket;
pub use super::ticket_comment::Entity as TicketComment;
pub use super::ticket_tag::Entity as TicketTag;
