pub mod customers;
pub mod orders;
pub mod products;
