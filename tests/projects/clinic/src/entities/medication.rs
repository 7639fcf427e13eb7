use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "medication")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub ndc_code: String,
    pub name: String,
    pub form: String,
    pub controlled: bool,
    #[sea_orm(has_many, via = "prescription")]
    pub appointments: HasMany<super::appointment::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
