//! Assigning a vehicle to a new trip.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::ServiceContext;
use crate::domain::capacity::{fits, Load};
use crate::entity::{trip, vehicle};
use crate::repo::vehicles as vehicle_repo;
use crate::FleetResult;

pub struct DispatchService {
    ctx: ServiceContext,
}

impl DispatchService {
    pub fn new(ctx: ServiceContext) -> Self {
        DispatchService { ctx }
    }

    /// Picks the smallest in-service vehicle of the depot that takes `load_kg`
    /// and opens a trip for it with `driver_id`.
    pub async fn dispatch(&self, driver_id: i32, load_kg: i32, at: sea_orm::prelude::DateTime) -> FleetResult<trip::Model> {
        let today = trip::Entity::find()
            .filter(trip::Column::StartedAt.gte(at.date().and_hms_opt(0, 0, 0).unwrap_or(at)))
            .count(&self.ctx.db)
            .await?;
        self.ctx.has_capacity(today as u32)?;
        let candidates = vehicle_repo::in_service(&self.ctx.db, self.ctx.depot_id).await?;
        let load = Load::kg(load_kg);
        let chosen: Option<&vehicle::Model> = candidates
            .iter()
            .filter(|v| fits(&load, v.capacity_kg))
            .min_by_key(|v| v.capacity_kg);
        let chosen = crate::error::require(chosen, "vehicle for load", load_kg)?;
        let opened = trip::ActiveModel {
            vehicle_id: Set(chosen.id),
            driver_id: Set(driver_id),
            started_at: Set(at),
            ended_at: Set(None),
            distance_km: Set(0),
            load_kg: Set(load_kg),
            ..Default::default()
        }
        .insert(&self.ctx.db)
        .await?;
        Ok(opened)
    }

    pub async fn close(&self, trip_id: i32, distance_km: i64, at: sea_orm::prelude::DateTime) -> FleetResult<()> {
        let found = trip::Entity::find_by_id(trip_id).one(&self.ctx.db).await?;
        let found = crate::error::require(found, "trip", trip_id)?;
        let reported = super::odometer::reading_after(&self.ctx.db, found.vehicle_id, distance_km).await?;
        super::telemetry::record_odometer(&self.ctx.db, found.vehicle_id, reported).await?;
        trip::ActiveModel {
            id: Set(found.id),
            ended_at: Set(Some(at)),
            distance_km: Set(distance_km),
            ..Default::default()
        }
        .update(&self.ctx.db)
        .await?;
        Ok(())
    }
}
