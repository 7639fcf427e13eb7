//! Services share a `ServiceContext`; the handlers reach the dispatcher and the
//! tariff through the re-exports at the bottom.

pub mod dispatch;
pub mod odometer;
pub mod pricing;
pub mod quota;
pub mod telemetry;

use sea_orm::DatabaseConnection;

/// What every service needs: the pool, the depot it acts for, and its daily quota.
#[derive(Clone)]
pub struct ServiceContext {
    pub db: DatabaseConnection,
    pub depot_id: i32,
    pub max_trips_per_day: u32,
}

impl ServiceContext {
    pub fn new(db: DatabaseConnection, depot_id: i32) -> Self {
        ServiceContext {
            db,
            depot_id,
            max_trips_per_day: 40,
        }
    }

    /// Whether `already_today` trips leave room for one more.
    pub fn has_capacity(&self, already_today: u32) -> crate::FleetResult<()> {
        self::quota::check_quota(already_today, self.max_trips_per_day)
    }
}

pub use self::dispatch::DispatchService;
pub use self::pricing::Tariff;
