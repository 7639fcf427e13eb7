use super::sea_orm_active_enums::{Priority, TicketStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub customer_id: i32,
    pub agent_id: Option<i32>,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub channel: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub first_response_at: Option<DateTimeUtc>,
    pub solved_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::agent::Entity",
        from = "Column::AgentId",
        to = "super::agent::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Agent,
    #[sea_orm(has_many = "super::ticket_comment::Entity")]
    TicketComment,
    #[sea_orm(has_many = "super::ticket_tag::Entity")]
    TicketTag,
}

impl Related<super::agent::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agent.def()
    }
}

impl Related<super::ticket_comment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TicketComment.def()
    }
}

impl Related<super::ticket_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TicketTag.def()
    }
}

impl Related<super::tag::Entity> for Entity {
    fn to() -> RelationDef {
        super::ticket_tag::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::ticket_tag::Relation::Ticket.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
