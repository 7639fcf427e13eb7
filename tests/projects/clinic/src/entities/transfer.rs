use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transfer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub patient_id: i32,
    pub from_bed_id: i32,
    pub to_bed_id: i32,
    pub reason: Option<String>,
    pub transferred_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "patient_id", to = "id")]
    pub patient: BelongsTo<super::patient::Entity>,
    #[sea_orm(belongs_to, relation_enum = "FromBed", from = "from_bed_id", to = "id")]
    pub from_bed: BelongsTo<super::bed::Entity>,
    #[sea_orm(belongs_to, relation_enum = "ToBed", from = "to_bed_id", to = "id")]
    pub to_bed: BelongsTo<super::bed::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
