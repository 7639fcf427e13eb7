//! Services between the handlers and the store.

pub mod feed;
pub mod moderation;
pub mod publishing;
pub mod search;

pub use self::moderation::Verdict;
