//! Odometer readings pushed by the vehicles' trackers.

use std::fmt;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};

use crate::entity::vehicle;
use crate::FleetError;

#[derive(Debug)]
pub enum TelemetryError {
    Rollback { vehicle_id: i32, stored_km: i64, reported_km: i64 },
    Implausible { vehicle_id: i32, delta_km: i64 },
}

impl fmt::Display for TelemetryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TelemetryError::Rollback { vehicle_id, stored_km, reported_km } => {
                write!(f, "vehicle {vehicle_id}: odometer went back from {stored_km} to {reported_km} km")
            }
            TelemetryError::Implausible { vehicle_id, delta_km } => {
                write!(f, "vehicle {vehicle_id}: {delta_km} km since the last reading")
            }
        }
    }
}

/// Readings further apart than this are treated as tracker glitches.
const MAX_DELTA_KM: i64 = 2_000;

pub fn validate(vehicle_id: i32, stored_km: i64, reported_km: i64) -> Result<i64, TelemetryError> {
    if reported_km < stored_km {
        return Err(TelemetryError::Rollback { vehicle_id, stored_km, reported_km });
    }
    let delta_km = reported_km - stored_km;
    if delta_km > MAX_DELTA_KM {
        return Err(TelemetryError::Implausible { vehicle_id, delta_km });
    }
    Ok(delta_km)
}

pub async fn record_odometer<C: ConnectionTrait>(db: &C, vehicle_id: i32, reported_km: i64) -> Result<i64, FleetError> {
    let found = vehicle::Entity::find_by_id(vehicle_id)
        .one(db)
        .await?
        .ok_or(FleetError::NotFound("vehicle", vehicle_id))?;
    let delta = validate(vehicle_id, found.odometer_km, reported_km)?;
    let mut active = found.into_active_model();
    active.odometer_km = Set(reported_km);
    active.update(db).await?;
    Ok(delta)
}
