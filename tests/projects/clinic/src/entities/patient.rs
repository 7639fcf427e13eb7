use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "patient")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub mrn: String,
    pub full_name: String,
    pub date_of_birth: Date,
    pub phone: Option<String>,
    #[sea_orm(has_one)]
    pub medical_record: HasOne<super::medical_record::Entity>,
    #[sea_orm(has_one)]
    pub bed: HasOne<super::bed::Entity>,
    #[sea_orm(has_many)]
    pub appointments: HasMany<super::appointment::Entity>,
    #[sea_orm(has_many)]
    pub transfers: HasMany<super::transfer::Entity>,
    #[sea_orm(has_many, via = "prescription")]
    pub medications: HasMany<super::medication::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
