use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "doctor")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub department_id: i32,
    pub supervisor_id: Option<i32>,
    #[sea_orm(unique)]
    pub license_no: String,
    pub full_name: String,
    pub specialty: String,
    pub on_call: bool,
    #[sea_orm(belongs_to, from = "department_id", to = "id")]
    pub department: BelongsTo<super::department::Entity>,
    #[sea_orm(self_ref, relation_enum = "Supervisor", relation_reverse = "Supervisees", from = "supervisor_id", to = "id")]
    pub supervisor: BelongsTo<Option<Entity>>,
    #[sea_orm(self_ref, relation_enum = "Supervisees", relation_reverse = "Supervisor")]
    pub supervisees: HasMany<Entity>,
    #[sea_orm(has_many, relation_enum = "AttendedAppointments", via_rel = "AttendingDoctor")]
    pub attended_appointments: HasMany<super::appointment::Entity>,
    #[sea_orm(has_many, relation_enum = "ReferredAppointments", via_rel = "Patient")]
    pub referred_appointments: HasMany<super::appointment::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
