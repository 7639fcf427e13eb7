use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "leave_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub employee_id: i32,
    pub approved_by_id: Option<i32>,
    pub kind: String,
    pub starts_on: Date,
    pub ends_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::employee::Entity",
        from = "Column::EmployeeId",
        to = "super::employee::Column::Id",
        on_delete = "Cascade"
    )]
    Employee,
    #[sea_orm(
        belongs_to = "super::employee::Entity",
        from = "Column::ApprovedById",
        to = "super::employee::Column::Id",
        on_delete = "SetNull"
    )]
    ApprovedBy,
}

impl Related<super::employee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Employee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
