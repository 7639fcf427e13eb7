use sea_orm::entity::prelude::*;

use super::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub name: String,
    #[sea_orm(has_many)]
    pub members: HasMany<super::member::Entity>,
    #[sea_orm(has_many)]
    pub projects: HasMany<crate::entities::project::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}

/// All tasks of all projects owned by a team.
pub struct TeamToTasks;

impl Linked for TeamToTasks {
    type FromEntity = Entity;
    type ToEntity = Task;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            super::project::Relation::Team.def().rev(),
            super::task::Relation::Reporter.def().rev(),
        ]
    }
}
