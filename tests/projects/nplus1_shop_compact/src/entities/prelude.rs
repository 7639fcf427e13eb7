pub use super::customer::Entity as Customer;
pub use super::order::Entity as Order;
pub use super::order_line::Entity as OrderLine;
pub use super::product::Entity as Product;
pub use super::review::Entity as Review;
pub use super::store_setting::Entity as StoreSetting;
pub use super::supplier::Entity as Supplier;
