use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "shipment"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i64,
    pub tracking_no: String,
    pub carrier_id: i32,
    pub origin_warehouse_id: i32,
    pub declared_value_cents: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    TrackingNo,
    CarrierId,
    OriginWarehouseId,
    DeclaredValueCents,
    CreatedAt,
}

#[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]
pub enum PrimaryKey {
    Id,
}

impl PrimaryKeyTrait for PrimaryKey {
    type ValueType = i64;
    fn auto_increment() -> bool {
        true
    }
}

#[derive(Copy, Clone, Debug, EnumIter)]
pub enum Relation {
    Carrier,
    OriginWarehouse,
    Parcel,
    Delivery,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::BigInteger.def(),
            Self::TrackingNo => ColumnType::String(StringLen::N(32)).def().unique(),
            Self::CarrierId => ColumnType::Integer.def(),
            Self::OriginWarehouseId => ColumnType::Integer.def(),
            Self::DeclaredValueCents => ColumnType::BigInteger.def().default(0),
            Self::CreatedAt => ColumnType::TimestampWithTimeZone.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Carrier => Entity::belongs_to(super::carrier::Entity)
                .from(Column::CarrierId)
                .to(super::carrier::Column::Id)
                .on_delete(ForeignKeyAction::Restrict)
                .into(),
            Self::OriginWarehouse => Entity::belongs_to(super::warehouse::Entity)
                .from(Column::OriginWarehouseId)
                .to(super::warehouse::Column::Id)
                .on_update(ForeignKeyAction::Cascade)
                .on_delete(ForeignKeyAction::SetDefault)
                .into(),
            Self::Parcel => Entity::has_many(super::parcel::Entity).into(),
            Self::Delivery => Entity::has_many(super::delivery::Entity).into(),
        }
    }
}

impl Related<super::carrier::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Carrier.def()
    }
}

impl Related<super::warehouse::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OriginWarehouse.def()
    }
}

impl Related<super::parcel::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Parcel.def()
    }
}

impl Related<super::delivery::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Delivery.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
