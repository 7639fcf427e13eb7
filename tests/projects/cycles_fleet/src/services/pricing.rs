//! What a depot charges its customers.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::money::Cents;
use crate::entity::trip;

#[derive(Clone, Copy, Debug)]
pub struct Tariff {
    pub per_km: Cents,
    pub per_tonne: Cents,
    pub minimum: Cents,
}

impl Tariff {
    pub fn from_pairs(pairs: &[(&str, i64)]) -> Self {
        let mut tariff = Tariff::standard();
        for (key, cents) in pairs {
            match *key {
                "per_km" => tariff.per_km = Cents(*cents),
                "per_tonne" => tariff.per_tonne = Cents(*cents),
                "minimum" => tariff.minimum = Cents(*cents),
                _ => {}
            }
        }
        tariff
    }

    pub fn standard() -> Self {
        Tariff {
            per_km: Cents(95),
            per_tonne: Cents(1_200),
            minimum: Cents(4_500),
        }
    }
}

pub fn price_trip(tariff: &Tariff, distance_km: i64, load_kg: i32) -> Cents {
    let raw = tariff.per_km.times(distance_km) + tariff.per_tonne.times(i64::from(load_kg) / 1_000);
    raw.max(tariff.minimum)
}

pub fn monthly_invoice(rows: &[crate::reports::UtilisationRow], tariff: &Tariff) -> Cents {
    rows.iter()
        .map(|r| price_trip(tariff, r.distance_km, r.load_kg))
        .fold(Cents(0), |acc, c| acc + c)
}

pub async fn priced_trips<C: ConnectionTrait>(db: &C, vehicle_id: i32, tariff: &Tariff) -> Result<Vec<(i32, Cents)>, DbErr> {
    let trips = trip::Entity::find()
        .filter(trip::Column::VehicleId.eq(vehicle_id))
        .filter(trip::Column::EndedAt.is_not_null())
        .all(db)
        .await?;
    Ok(trips
        .iter()
        .map(|t| (t.id, price_trip(tariff, t.distance_km, t.load_kg)))
        .collect())
}
