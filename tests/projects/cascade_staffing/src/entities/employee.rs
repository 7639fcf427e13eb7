use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employee")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    #[sea_orm(unique)]
    pub badge_no: String,
    pub full_name: String,
    pub hired_on: Date,
    pub terminated_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::team::Entity",
        from = "Column::TeamId",
        to = "super::team::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Team,
    #[sea_orm(has_many = "super::department::Entity")]
    ManagedDepartment,
    #[sea_orm(has_many = "super::employee_skill::Entity")]
    EmployeeSkill,
    #[sea_orm(has_many = "super::payslip::Entity")]
    Payslip,
    #[sea_orm(has_many = "super::candidate::Entity")]
    Referral,
    #[sea_orm(has_many = "super::leave_request::Entity", via_rel = "Relation::Employee")]
    LeaveRequest,
    #[sea_orm(has_many = "super::leave_request::Entity", via_rel = "Relation::ApprovedBy")]
    ApprovedLeave,
}

impl Related<super::team::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<super::department::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ManagedDepartment.def()
    }
}

impl Related<super::employee_skill::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EmployeeSkill.def()
    }
}

impl Related<super::payslip::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Payslip.def()
    }
}

impl Related<super::candidate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Referral.def()
    }
}

impl Related<super::leave_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LeaveRequest.def()
    }
}

impl Related<super::skill::Entity> for Entity {
    fn to() -> RelationDef {
        super::employee_skill::Relation::Skill.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::employee_skill::Relation::Employee.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
