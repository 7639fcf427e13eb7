use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub plan: String,
    pub created_at: DateTimeUtc,
    #[sea_orm(has_many)]
    pub sla_policies: HasMany<super::sla_policy::Entity>,
    #[sea_orm(has_many)]
    pub customers: HasMany<super::customer::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
