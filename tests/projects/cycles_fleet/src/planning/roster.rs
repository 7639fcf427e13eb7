//! The roster of a depot at a given time.

use sea_orm::prelude::DateTime;
use sea_orm::ConnectionTrait;

use super::PlanningError;
use crate::repo::{
    drivers::{active_in_depot, DriverRow},
    vehicles,
};

#[derive(Clone, Debug)]
pub struct RosterEntry {
    pub driver_id: i32,
    pub name: String,
    pub vehicle_id: Option<i32>,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub entries: Vec<RosterEntry>,
}

impl Roster {
    /// Drivers on shift at `at`, each paired with a free vehicle while any is left.
    pub async fn build<C: ConnectionTrait>(db: &C, depot_id: i32, at: DateTime) -> Result<Roster, PlanningError> {
        let drivers: Vec<DriverRow> = active_in_depot(db, depot_id).await?;
        let on_shift = crate::repo::drivers::on_shift(&drivers, at);
        if on_shift.is_empty() {
            return Err(PlanningError::NoDriverOnShift { depot_id });
        }
        let free = vehicles::in_service(db, depot_id).await?;
        let mut free = free.into_iter().map(|v| v.id);
        let entries = on_shift
            .into_iter()
            .map(|d| RosterEntry {
                driver_id: d.driver_id,
                name: d.name.clone(),
                vehicle_id: free.next(),
            })
            .collect();
        Ok(Roster { entries })
    }

    pub fn first_free(&self) -> Option<i32> {
        self.entries.iter().find(|e| e.vehicle_id.is_some()).map(|e| e.driver_id)
    }
}
