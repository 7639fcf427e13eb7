use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &str {
        "bin"
    }
}

#[derive(Clone, Debug, PartialEq, DeriveModel, DeriveActiveModel, Eq)]
pub struct Model {
    pub id: i32,
    pub warehouse_id: super::warehouse::WarehouseId,
    pub label: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    WarehouseId,
    Label,
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
    Warehouse,
    StockMove,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::WarehouseId => ColumnType::Integer.def(),
            Self::Label => ColumnType::String(StringLen::N(32u32)).def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Warehouse => Entity::belongs_to(super::warehouse::Entity)
                .from(Column::WarehouseId)
                .to(super::warehouse::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::StockMove => Entity::has_many(super::stock_move::Entity).into(),
        }
    }
}

impl Related<super::warehouse::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Warehouse.def()
    }
}

impl Related<super::stock_move::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StockMove.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
