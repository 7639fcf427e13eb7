pub mod prelude;

pub mod account;
pub mod comment;
pub mod post;
pub mod post_tag;
pub mod profile;
pub mod tag;

mod relations;
