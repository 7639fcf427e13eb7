use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub last_login_at: Option<DateTimeUtc>,
    #[sea_orm(has_many)]
    pub memberships: HasMany<super::membership::Entity>,
    #[sea_orm(has_many)]
    pub owned_projects: HasMany<super::project::Entity>,
    #[sea_orm(has_many, relation_enum = "AssignedTasks", via_rel = "Assignee")]
    pub assigned_tasks: HasMany<super::task::Entity>,
    #[sea_orm(has_many, relation_enum = "ReportedTasks", via_rel = "Reporter")]
    pub reported_tasks: HasMany<super::task::Entity>,
    #[sea_orm(has_many)]
    pub billed_invoices: HasMany<super::invoice::Entity>,
    #[sea_orm(has_many)]
    pub audit_events: HasMany<super::audit_event::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
