pub mod category_service;
pub mod post_service;
