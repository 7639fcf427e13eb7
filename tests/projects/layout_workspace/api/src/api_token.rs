use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    #[sea_orm(unique)]
    pub token: String,
    pub revoked: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "::entity::user::Entity",
        from = "Column::UserId",
        to = "::entity::user::Column::Id"
    )]
    Owner,
    #[sea_orm(has_many = "crate::audit_event::Entity")]
    AuditEvent,
}

impl Related<crate::audit_event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AuditEvent.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

/// token -> owner -> the owner's posts (two hops across the crate boundary)
pub struct TokenToPosts;

impl Linked for TokenToPosts {
    type FromEntity = Entity;
    type ToEntity = entity::prelude::Post;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            Relation::Owner.def(),
            entity::post::Relation::User.def().rev(),
        ]
    }
}
