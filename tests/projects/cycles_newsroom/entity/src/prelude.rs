pub use super::article::Entity as Article;
pub use super::article_tag::Entity as ArticleTag;
pub use super::author::Entity as Author;
pub use super::comment::Entity as Comment;
pub use super::tag::Entity as Tag;
