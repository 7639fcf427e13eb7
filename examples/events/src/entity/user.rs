use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: Option<i32>,
    pub full_name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::event_user::Entity")]
    EventUser,
    // MISTAKE (e), unknown-column: the column is `organization_id`
    // (`Column::OrganizationId`); `Column::OrganisationId` does not exist.
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganisationId",
        to = "super::organization::Column::Id",
        on_update = "NoAction",
        on_delete = "SetNull"
    )]
    Organization,
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
}

impl Related<super::event_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EventUser.def()
    }
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

// MISTAKE (b), mismatched-inverse: this walks the junction backwards. From
// `user`, via() must go user -> event_users (`Relation::User.def().rev()`) and
// to() must go event_users -> event (`Relation::Event.def()`); here the two
// variants are swapped, so both lines point the wrong way.
impl Related<super::event::Entity> for Entity {
    fn to() -> RelationDef {
        super::event_user::Relation::User.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::event_user::Relation::Event.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
