//! Odometer arithmetic and the km formatting of vehicle DTOs.

use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Serializer;

use crate::api::vehicles::VehicleDto;
use crate::entity::vehicle;
use crate::FleetResult;

/// Serializes a distance in metres as whole kilometres
/// (`#[serde(serialize_with = ..)]` on `VehicleDto::odometer_m`).
pub fn to_km<S: Serializer>(metres: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_i64(metres / 1_000)
}

pub fn fleet_km(vehicles: &[VehicleDto]) -> i64 {
    vehicles.iter().map(|v| v.odometer_m / 1_000).sum()
}

/// The reading the tracker should report once a trip of `distance_km` ends.
pub async fn reading_after<C: ConnectionTrait>(db: &C, vehicle_id: i32, distance_km: i64) -> FleetResult<i64> {
    let found = vehicle::Entity::find_by_id(vehicle_id).one(db).await?;
    let found = crate::error::require(found, "vehicle", vehicle_id)?;
    Ok(found.odometer_km + distance_km)
}
