pub use super::audit::Entity as Audit;
pub use super::author::Entity as Author;
pub use super::book::Entity as Book;
pub use super::book_tag::Entity as BookTag;
pub use super::review::Entity as Review;
pub use super::tag::Entity as Tag;
