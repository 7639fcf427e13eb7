pub mod prelude;

pub mod category;
pub mod comment;
pub mod post;
pub mod post_tag;
pub mod site_setting;
pub mod tag;
pub mod user;
