use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "medical_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub patient_id: i32,
    pub blood_type: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub allergies: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub chronic_conditions: Option<String>,
    pub updated_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "patient_id", to = "id", on_delete = "Cascade")]
    pub patient: BelongsTo<super::patient::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
