//! Freight network: carriers, fleet, warehouses and shipment tracking.

pub mod entities;
