//! Entities of the newsroom database (expanded format), shared by every service,
//! plus the editorial `status` of an article and its parse error.

pub mod prelude;

pub mod article;
pub mod article_tag;
pub mod author;
pub mod comment;
pub mod tag;

pub mod error;
pub mod status;
