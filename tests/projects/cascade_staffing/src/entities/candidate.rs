use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub full_name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub referred_by_employee_id: Option<i32>,
    pub accepted_offer_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Referral bonuses are paid from this id even after the employee leaves,
    /// so it is deliberately not a database foreign key.
    #[sea_orm(
        belongs_to = "super::employee::Entity",
        from = "Column::ReferredByEmployeeId",
        to = "super::employee::Column::Id",
        skip_fk
    )]
    ReferredBy,
    #[sea_orm(
        belongs_to = "super::offer::Entity",
        from = "Column::AcceptedOfferId",
        to = "super::offer::Column::Id",
        on_delete = "Cascade"
    )]
    AcceptedOffer,
    #[sea_orm(has_many = "super::application::Entity")]
    Application,
}

impl Related<super::employee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReferredBy.def()
    }
}

impl Related<super::offer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AcceptedOffer.def()
    }
}

impl Related<super::application::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Application.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
