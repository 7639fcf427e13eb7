pub use super::account::Entity as Account;
pub use super::comment::Entity as Comment;
pub use super::post::Entity as Post;
pub use super::post_tag::Entity as PostTag;
pub use super::profile::Entity as Profile;
pub use super::tag::Entity as Tag;
