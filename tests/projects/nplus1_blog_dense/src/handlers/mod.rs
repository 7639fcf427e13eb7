pub mod feed;
pub mod posts;
pub mod users;
