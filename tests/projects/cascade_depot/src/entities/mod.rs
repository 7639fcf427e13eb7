pub mod prelude;

pub mod carrier;
pub mod delivery;
pub mod dock;
pub mod driver;
pub mod parcel;
pub mod route;
pub mod route_stop;
pub mod shipment;
pub mod vehicle;
pub mod warehouse;
