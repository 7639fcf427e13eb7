use sea_orm::entity::prelude::*;

/// Drivers fall back to the in-house fleet (carrier 1) when their carrier is removed.
#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "driver"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub carrier_id: i32,
    pub vehicle_id: Option<i32>,
    pub full_name: String,
    pub license_no: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    CarrierId,
    VehicleId,
    FullName,
    LicenseNo,
}

#[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]
pub enum PrimaryKey {
    Id,
}

impl PrimaryKeyTrait for PrimaryKey {
    type ValueType = i32;
    fn auto_increment() -> bool {
        true
    }
}

#[derive(Copy, Clone, Debug, EnumIter)]
pub enum Relation {
    Carrier,
    Vehicle,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::CarrierId => ColumnType::Integer.def().default(1),
            Self::VehicleId => ColumnType::Integer.def().null(),
            Self::FullName => ColumnType::String(StringLen::None).def(),
            Self::LicenseNo => ColumnType::String(StringLen::N(20)).def().unique(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Carrier => Entity::belongs_to(super::carrier::Entity)
                .from(Column::CarrierId)
                .to(super::carrier::Column::Id)
                .on_delete(ForeignKeyAction::SetDefault)
                .into(),
            Self::Vehicle => Entity::belongs_to(super::vehicle::Entity)
                .from(Column::VehicleId)
                .to(super::vehicle::Column::Id)
                .on_delete(ForeignKeyAction::SetNull)
                .into(),
        }
    }
}

impl Related<super::carrier::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Carrier.def()
    }
}

impl Related<super::vehicle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vehicle.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
