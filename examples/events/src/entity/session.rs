use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &str {
        "sessions"
    }
}

/// One talk or workshop slot of an event.
#[derive(Clone, Debug, PartialEq, DeriveModel, DeriveActiveModel, Eq)]
pub struct Model {
    pub id: i32,
    pub event_id: i32,
    pub speaker_id: Option<i32>,
    pub title: String,
    pub room: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    EventId,
    SpeakerId,
    Title,
    Room,
    StartsAt,
    EndsAt,
}

#[derive(Copy, Clone, Debug, EnumIter, DerivePrimaryKey)]
pub enum PrimaryKey {
    Id,
}

impl PrimaryKeyTrait for PrimaryKey {
    type ValueType = i32;
    fn auto_increment() -> bool {
        true
    }
}

// Only the speaker relation is declared: the `event_id` foreign key has no
// relation here (mistake (a), reported on `event.rs`).
#[derive(Copy, Clone, Debug, EnumIter)]
pub enum Relation {
    Speaker,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::EventId => ColumnType::Integer.def(),
            Self::SpeakerId => ColumnType::Integer.def().null(),
            Self::Title => ColumnType::String(StringLen::None).def(),
            Self::Room => ColumnType::String(StringLen::N(64u32)).def().null(),
            Self::StartsAt => ColumnType::TimestampWithTimeZone.def(),
            Self::EndsAt => ColumnType::TimestampWithTimeZone.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            // MISTAKE (f), missing-cascade: no `on_delete`, so deleting a user
            // who is still a session's speaker fails with a foreign key error.
            // Fix: `.on_delete(ForeignKeyAction::SetNull)` before `.into()`.
            Self::Speaker => Entity::belongs_to(super::user::Entity)
                .from(Column::SpeakerId)
                .to(super::user::Column::Id)
                .into(),
        }
    }
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Speaker.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
