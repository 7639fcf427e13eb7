pub mod prelude;

pub mod customer;
pub mod order;
pub mod order_line;
pub mod product;
pub mod review;
pub mod store_setting;
pub mod supplier;
