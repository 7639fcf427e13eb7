use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "vehicle"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub carrier_id: i32,
    pub home_warehouse_id: i32,
    pub plate: String,
    pub capacity_kg: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    CarrierId,
    HomeWarehouseId,
    Plate,
    CapacityKg,
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
    HomeWarehouse,
    Driver,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::CarrierId => ColumnType::Integer.def(),
            Self::HomeWarehouseId => ColumnType::Integer.def(),
            Self::Plate => ColumnType::String(StringLen::N(16)).def().unique(),
            Self::CapacityKg => ColumnType::Integer.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Carrier => Entity::belongs_to(super::carrier::Entity)
                .from(Column::CarrierId)
                .to(super::carrier::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::HomeWarehouse => Entity::belongs_to(super::warehouse::Entity)
                .from(Column::HomeWarehouseId)
                .to(super::warehouse::Column::Id)
                .on_delete(ForeignKeyAction::SetNull)
                .into(),
            Self::Driver => Entity::has_many(super::driver::Entity).into(),
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
        Relation::HomeWarehouse.def()
    }
}

impl Related<super::driver::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Driver.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
