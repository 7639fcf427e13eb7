use sea_orm::entity::prelude::*;

/// A delivery attempt, optionally planned onto a stop of a route.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "delivery")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub shipment_id: i64,
    pub route_id: Option<i32>,
    pub stop_no: i32,
    pub attempted_at: Option<DateTimeUtc>,
    pub signed_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::shipment::Entity",
        from = "Column::ShipmentId",
        to = "super::shipment::Column::Id",
        on_delete = "Cascade"
    )]
    Shipment,
    #[sea_orm(
        belongs_to = "super::route_stop::Entity",
        from = "(Column::RouteId, Column::StopNo)",
        to = "(super::route_stop::Column::RouteId, super::route_stop::Column::StopNo)",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    RouteStop,
}

impl Related<super::shipment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Shipment.def()
    }
}

impl Related<super::route_stop::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::RouteStop.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
