//! Whether a load fits a vehicle, with a safety margin.

use super::Cents;

/// Loads are kept under this share of the rated capacity (percent).
pub const SAFETY_MARGIN_PCT: i32 = 90;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Load {
    pub kg: i32,
}

impl Load {
    pub fn kg(kg: i32) -> Self {
        Load { kg }
    }

    /// Surcharge for loads above half of the usable capacity.
    pub fn surcharge(&self, capacity_kg: i32, per_tonne: Cents) -> Cents {
        let usable = capacity_kg * SAFETY_MARGIN_PCT / 100;
        if self.kg * 2 > usable {
            per_tonne.times(i64::from(self.kg) / 1_000)
        } else {
            Cents(0)
        }
    }
}

pub fn fits(load: &Load, capacity_kg: i32) -> bool {
    load.kg <= capacity_kg * SAFETY_MARGIN_PCT / 100
}
