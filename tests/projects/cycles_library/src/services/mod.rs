//! Application services. Handlers reach them through the re-exports below.

pub mod accounts;
pub mod catalog;
pub mod fines;
pub mod holds;
pub mod lending;
pub mod notify;

pub use self::accounts::AccountService;
pub use self::catalog::CatalogService;
pub use self::lending::{LendingService, ReturnReceipt};
