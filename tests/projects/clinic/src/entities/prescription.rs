use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "prescription")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub appointment_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub medication_id: i32,
    pub dosage: String,
    pub frequency: String,
    pub days: i16,
    pub refills: i16,
    #[sea_orm(belongs_to, from = "appointment_id", to = "id", on_delete = "Cascade")]
    pub appointment: BelongsTo<super::appointment::Entity>,
    #[sea_orm(belongs_to, from = "medication_id", to = "id", on_delete = "Restrict")]
    pub medication: BelongsTo<super::medication::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
