//! Amounts in cents.

use std::ops::Add;

/// Builds a `Tariff` from `key => cents` pairs:
/// `tariff_table!(per_km => 95, minimum => 4_500)`.
#[macro_export]
macro_rules! tariff_table {
    ($($key:ident => $cents:expr),* $(,)?) => {
        $crate::services::pricing::Tariff::from_pairs(&[$((stringify!($key), $cents)),*])
    };
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cents(pub i64);

impl Cents {
    pub fn times(self, n: i64) -> Cents {
        Cents(self.0 * n)
    }

    pub fn euros(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl Add for Cents {
    type Output = Cents;

    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0 + rhs.0)
    }
}
