use sea_orm::entity::prelude::*;

/// A recurring outbound run that leaves from one dock.
#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "route"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub code: String,
    pub start_dock_id: i32,
    pub departs_at: Time,
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    Code,
    StartDockId,
    DepartsAt,
    Active,
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
    StartDock,
    RouteStop,
    Warehouse,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::Code => ColumnType::String(StringLen::N(12)).def().unique(),
            Self::StartDockId => ColumnType::Integer.def(),
            Self::DepartsAt => ColumnType::Time.def(),
            Self::Active => ColumnType::Boolean.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::StartDock => Entity::belongs_to(super::dock::Entity)
                .from(Column::StartDockId)
                .to(super::dock::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::RouteStop => Entity::has_many(super::route_stop::Entity).into(),
            Self::Warehouse => Entity::has_many(super::warehouse::Entity).into(),
        }
    }
}

impl Related<super::dock::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StartDock.def()
    }
}

impl Related<super::route_stop::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::RouteStop.def()
    }
}

impl Related<super::warehouse::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Warehouse.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
