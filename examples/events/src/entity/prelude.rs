pub use super::event::Entity as Event;
pub use super::event_user::Entity as EventUser;
pub use super::organization::Entity as Organization;
pub use super::session::Entity as Session;
pub use super::user::Entity as User;
