//! Driver shift windows.

use sea_orm::prelude::DateTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShiftWindow {
    pub start_hour: u32,
    pub end_hour: u32,
}

impl ShiftWindow {
    /// Drivers alternate between an early and a late shift by id.
    pub fn for_driver(driver_id: i32) -> Self {
        if driver_id % 2 == 0 {
            ShiftWindow { start_hour: 5, end_hour: 14 }
        } else {
            ShiftWindow { start_hour: 13, end_hour: 22 }
        }
    }

    pub fn contains(&self, at: DateTime) -> bool {
        use chrono::Timelike;
        let hour = at.hour();
        self.start_hour <= hour && hour < self.end_hour
    }
}

/// The window a requested pickup falls in, if it falls in a shift at all.
pub fn window_for_request(req: &crate::api::trips::TripRequest) -> Option<ShiftWindow> {
    [ShiftWindow::for_driver(0), ShiftWindow::for_driver(1)]
        .into_iter()
        .find(|w| w.contains(req.pickup_at))
}
