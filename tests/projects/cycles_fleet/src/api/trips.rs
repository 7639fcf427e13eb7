//! Trip endpoints: request a trip, close it.

use sea_orm::prelude::DateTime;
use serde::Serialize;

use crate::planning::roster as rst;
use crate::services::{DispatchService, ServiceContext};
use crate::{FleetError, FleetResult};

#[derive(Clone, Debug)]
pub struct TripRequest {
    pub driver_id: Option<i32>,
    pub load_kg: i32,
    pub pickup_at: DateTime,
}

#[derive(Debug, Serialize)]
pub struct TripCreated {
    pub trip_id: i32,
    pub vehicle_id: i32,
    pub driver_id: i32,
}

pub async fn create(ctx: ServiceContext, req: TripRequest) -> FleetResult<TripCreated> {
    let driver_id = match req.driver_id {
        Some(id) => id,
        None => {
            let roster = rst::Roster::build(&ctx.db, ctx.depot_id, req.pickup_at).await?;
            roster
                .first_free()
                .ok_or_else(|| FleetError::Rejected("every driver on shift is busy".to_owned()))?
        }
    };
    let dispatcher = DispatchService::new(ctx);
    let trip = dispatcher.dispatch(driver_id, req.load_kg, req.pickup_at).await?;
    Ok(TripCreated {
        trip_id: trip.id,
        vehicle_id: trip.vehicle_id,
        driver_id: trip.driver_id,
    })
}

pub async fn close(ctx: ServiceContext, trip_id: i32, distance_km: i64, at: DateTime) -> FleetResult<()> {
    DispatchService::new(ctx).close(trip_id, distance_km, at).await
}
