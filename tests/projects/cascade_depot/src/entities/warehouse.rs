use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "warehouse"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub code: String,
    pub name: String,
    pub city: String,
    pub default_route_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    Code,
    Name,
    City,
    DefaultRouteId,
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
    DefaultRoute,
    Dock,
    RouteStop,
    Vehicle,
    Shipment,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::Code => ColumnType::String(StringLen::N(16)).def().unique(),
            Self::Name => ColumnType::String(StringLen::None).def(),
            Self::City => ColumnType::String(StringLen::None).def(),
            Self::DefaultRouteId => ColumnType::Integer.def().null(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::DefaultRoute => Entity::belongs_to(super::route::Entity)
                .from(Column::DefaultRouteId)
                .to(super::route::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::Dock => Entity::has_many(super::dock::Entity).into(),
            Self::RouteStop => Entity::has_many(super::route_stop::Entity).into(),
            Self::Vehicle => Entity::has_many(super::vehicle::Entity).into(),
            Self::Shipment => Entity::has_many(super::shipment::Entity).into(),
        }
    }
}

impl Related<super::route::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DefaultRoute.def()
    }
}

impl Related<super::dock::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Dock.def()
    }
}

impl Related<super::route_stop::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::RouteStop.def()
    }
}

impl Related<super::vehicle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vehicle.def()
    }
}

impl Related<super::shipment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Shipment.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
