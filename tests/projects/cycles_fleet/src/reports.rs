//! Monthly utilisation and revenue per vehicle.

use std::collections::BTreeMap;

use sea_orm::prelude::DateTime;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::Cents;
use crate::entity::{trip, vehicle};
use crate::services::pricing::*;

#[derive(Clone, Debug, Default)]
pub struct UtilisationRow {
    pub vehicle_id: i32,
    pub plate: String,
    pub trips: u32,
    pub distance_km: i64,
    pub load_kg: i32,
}

/// One row per vehicle with the trips it finished in `[from, to)`.
pub async fn utilisation<C: ConnectionTrait>(db: &C, from: DateTime, to: DateTime) -> Result<Vec<UtilisationRow>, DbErr> {
    let pairs = vehicle::Entity::find()
        .find_with_related(trip::Entity)
        .filter(trip::Column::StartedAt.gte(from))
        .filter(trip::Column::StartedAt.lt(to))
        .all(db)
        .await?;
    let mut rows = BTreeMap::new();
    for (v, trips) in pairs {
        let row = rows.entry(v.id).or_insert_with(|| UtilisationRow {
            vehicle_id: v.id,
            plate: v.plate.clone(),
            ..Default::default()
        });
        row.trips += trips.len() as u32;
        row.distance_km += trips.iter().map(|t| t.distance_km).sum::<i64>();
        row.load_kg += trips.iter().map(|t| t.load_kg).sum::<i32>();
    }
    Ok(rows.into_values().collect())
}

/// Revenue of each vehicle under the standard tariff, or a negotiated one.
pub fn revenue(rows: &[UtilisationRow], negotiated: Option<Tariff>) -> Vec<(String, Cents)> {
    let tariff = negotiated.unwrap_or_else(|| crate::tariff_table!(per_km => 95, per_tonne => 1_200, minimum => 4_500));
    rows.iter()
        .map(|r| (r.plate.clone(), price_trip(&tariff, r.distance_km, r.load_kg)))
        .collect()
}
