pub mod prelude;

pub mod attachment;
pub mod board;
pub mod category;
pub mod member;
pub mod notification;
pub mod post;
pub mod reaction;
pub mod tag;
pub mod thread;
pub mod thread_tag;
