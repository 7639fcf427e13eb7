use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agent")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub team: String,
    pub active: bool,
    pub max_open_tickets: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::ticket::Entity")]
    Ticket,
    #[sea_orm(has_many = "super::ticket_comment::Entity")]
    TicketComment,
}

impl Related<super::ticket::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Ticket.def()
    }
}

impl Related<super::ticket_comment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TicketComment.def()
    }
}

/// agent -> assigned tickets -> their tags
#[derive(Debug)]
pub struct AssignedTags;

impl Linked for AssignedTags {
    type FromEntity = Entity;
    type ToEntity = super::tag::Entity;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            super::ticket::Relation::Agent.def().rev(),
            super::ticket_tag::Relation::Ticket.def().rev(),
            super::ticket_tag::Relation::Tag.def(),
        ]
    }
}

impl ActiveModelBehavior for ActiveModel {}
