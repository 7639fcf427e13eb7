use sea_orm::entity::prelude::*;

use super::project::Entity as Project;
use super::team::Entity as Team;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub email: String,
    #[sea_orm(belongs_to, from = "team_id", to = "id", on_delete = "Cascade")]
    pub team: BelongsTo<super::team::Entity>,
    #[sea_orm(has_many, relation_enum = "ReportedTasks", via_rel = "Reporter")]
    pub reported_tasks: HasMany<super::task::Entity>,
    #[sea_orm(has_many)]
    pub assigned_tasks: HasMany<super::task::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}

/// Projects a member has filed tasks against.
pub struct ReportedProjects;

impl Linked for ReportedProjects {
    type FromEntity = Entity;
    type ToEntity = Project;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            super::task::Relation::Reporter.def().rev(),
            super::task::Relation::Project.def(),
        ]
    }
}

/// Member -> team -> every project of that team.
pub struct TeamProjects;

impl Linked for TeamProjects {
    type FromEntity = Entity;
    type ToEntity = Project;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            Relation::Team.def(),
            <Team as Related<Project>>::to(),
        ]
    }
}
