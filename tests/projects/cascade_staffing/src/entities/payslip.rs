use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "payslip"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i64,
    pub employee_id: i32,
    pub period_start: Date,
    pub period_end: Date,
    pub gross_cents: i64,
    pub net_cents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    EmployeeId,
    PeriodStart,
    PeriodEnd,
    GrossCents,
    NetCents,
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
    Employee,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::BigInteger.def(),
            Self::EmployeeId => ColumnType::Integer.def(),
            Self::PeriodStart => ColumnType::Date.def(),
            Self::PeriodEnd => ColumnType::Date.def(),
            Self::GrossCents => ColumnType::BigInteger.def(),
            Self::NetCents => ColumnType::BigInteger.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Employee => Entity::belongs_to(super::employee::Entity)
                .from(Column::EmployeeId)
                .to(super::employee::Column::Id)
                .into(),
        }
    }
}

impl Related<super::employee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Employee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
