//! Business rules without I/O.

pub mod capacity;
pub mod money;
pub mod shifts;

pub use self::capacity::Load;
pub use self::money::Cents;
pub use self::shifts::ShiftWindow;
