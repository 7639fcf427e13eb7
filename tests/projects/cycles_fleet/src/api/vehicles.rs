//! Vehicle endpoints.

use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::repo::vehicles::{by_plate, in_service};
use crate::FleetResult;

#[derive(Debug, Serialize)]
pub struct VehicleDto {
    pub id: i32,
    pub plate: String,
    pub capacity_kg: i32,
    #[serde(rename = "odometer_km", serialize_with = "crate::services::odometer::to_km")]
    pub odometer_m: i64,
}

impl From<crate::entity::vehicle::Model> for VehicleDto {
    fn from(v: crate::entity::vehicle::Model) -> Self {
        VehicleDto {
            id: v.id,
            plate: v.plate,
            capacity_kg: v.capacity_kg,
            odometer_m: v.odometer_km * 1_000,
        }
    }
}

pub async fn list(db: &DatabaseConnection, depot_id: i32) -> FleetResult<Vec<VehicleDto>> {
    let rows = in_service(db, depot_id).await?;
    Ok(rows.into_iter().map(VehicleDto::from).collect())
}

pub async fn lookup(db: &DatabaseConnection, plate: &str) -> FleetResult<VehicleDto> {
    let found = by_plate(db, plate).await?;
    crate::error::require(found.map(VehicleDto::from), "vehicle", 0)
}
