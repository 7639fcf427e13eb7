//! Vehicle queries.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::vehicle;

/// Vehicles of a depot that can take a trip, smallest first. Used by
/// [`crate::api::vehicles::list`] and by the dispatcher.
pub async fn in_service<C: ConnectionTrait>(db: &C, depot_id: i32) -> Result<Vec<vehicle::Model>, DbErr> {
    vehicle::Entity::find()
        .filter(vehicle::Column::DepotId.eq(depot_id))
        .filter(vehicle::Column::InService.eq(true))
        .order_by_asc(vehicle::Column::CapacityKg)
        .all(db)
        .await
}

pub async fn by_plate<C: ConnectionTrait>(db: &C, plate: &str) -> Result<Option<vehicle::Model>, DbErr> {
    vehicle::Entity::find()
        .filter(vehicle::Column::Plate.eq(plate.to_uppercase()))
        .one(db)
        .await
}
