use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "department")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub floor: i16,
    #[sea_orm(has_many)]
    pub doctors: HasMany<super::doctor::Entity>,
    #[sea_orm(has_many)]
    pub beds: HasMany<super::bed::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
