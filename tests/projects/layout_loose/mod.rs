pub mod bin;
pub mod item;
pub mod stock_move;
pub mod supplier;
pub mod warehouse;
