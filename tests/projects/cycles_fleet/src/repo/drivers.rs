//! Driver queries.

use sea_orm::prelude::DateTime;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, QueryFilter, QueryOrder};

use crate::entity::driver;
use crate::entity::prelude::Driver;

#[derive(Clone, Debug)]
pub struct DriverRow {
    pub driver_id: i32,
    pub name: String,
    pub licence_no: String,
}

pub async fn active_in_depot<C: ConnectionTrait>(db: &C, depot_id: i32) -> Result<Vec<DriverRow>, DbErr> {
    let rows = Driver::find_active()
        .filter(driver::Column::DepotId.eq(depot_id))
        .order_by_asc(driver::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|d| DriverRow {
            driver_id: d.id,
            name: d.name,
            licence_no: d.licence_no,
        })
        .collect())
}

/// The drivers of `rows` whose shift covers `at`.
pub fn on_shift(rows: &[DriverRow], at: DateTime) -> Vec<&DriverRow> {
    use crate::domain::shifts::ShiftWindow;

    rows.iter()
        .filter(|r| ShiftWindow::for_driver(r.driver_id).contains(at))
        .collect()
}
