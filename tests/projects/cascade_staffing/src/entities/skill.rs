use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "skill"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub department_id: i32,
    pub name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    DepartmentId,
    Name,
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
    Department,
    EmployeeSkill,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::DepartmentId => ColumnType::Integer.def(),
            Self::Name => ColumnType::String(StringLen::N(64)).def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Department => Entity::belongs_to(super::department::Entity)
                .from(Column::DepartmentId)
                .to(super::department::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::EmployeeSkill => Entity::has_many(super::employee_skill::Entity).into(),
        }
    }
}

impl Related<super::department::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Department.def()
    }
}

impl Related<super::employee_skill::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EmployeeSkill.def()
    }
}

impl Related<super::employee::Entity> for Entity {
    fn to() -> RelationDef {
        super::employee_skill::Relation::Employee.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::employee_skill::Relation::Skill.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
