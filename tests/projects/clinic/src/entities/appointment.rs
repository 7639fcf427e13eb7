use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appointment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub patient_id: i32,
    pub attending_doctor_id: i32,
    pub referring_doctor_id: Option<i32>,
    pub room_id: Option<i32>,
    pub scheduled_at: DateTimeUtc,
    pub duration_minutes: i16,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    #[sea_orm(belongs_to, from = "patient_id", to = "id")]
    pub patient: BelongsTo<super::patient::Entity>,
    #[sea_orm(belongs_to, relation_enum = "AttendingDoctor", from = "attending_doctor_id", to = "id")]
    pub attending_doctor: BelongsTo<super::doctor::Entity>,
    #[sea_orm(belongs_to, relation_enum = "ReferringDoctor", from = "referring_doctor_id", to = "id")]
    pub referring_doctor: BelongsTo<Option<super::doctor::Entity>>,
    #[sea_orm(belongs_to, from = "room_id", to = "id", on_delete = "SetNull")]
    pub room: BelongsTo<Option<super::room::Entity>>,
    #[sea_orm(has_many, via = "prescription")]
    pub medications: HasMany<super::medication::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
