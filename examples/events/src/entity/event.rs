use sea_orm::entity::prelude::*;

/// An event run by an organization, possibly hosted at another organization's venue.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub venue_organization_id: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// The organization that runs the event.
    #[sea_orm(belongs_to, from = "organization_id", to = "id", on_delete = "Cascade")]
    pub organization: BelongsTo<super::organization::Entity>,
    /// The organization whose premises host the event, if not the organizer's own.
    #[sea_orm(belongs_to, relation_enum = "VenueOrganization", from = "venue_organization_id", to = "id", on_delete = "SetNull")]
    pub venue_organization: BelongsTo<Option<super::organization::Entity>>,
    // MISTAKE (a), missing-inverse: `session` has an `event_id` column but no
    // belongs_to relation (and no `impl Related`) back to `event`, so this
    // has_many has nothing to pair with. Fix: add to session.rs a `Relation::Event`
    // variant built with `Entity::belongs_to(super::event::Entity)
    // .from(Column::EventId).to(super::event::Column::Id)` and an
    // `impl Related<super::event::Entity>`.
    #[sea_orm(has_many)]
    pub sessions: HasMany<super::session::Entity>,
    /// Registrations, each with the user's role.
    #[sea_orm(has_many)]
    pub event_users: HasMany<super::event_user::Entity>,
    /// Everyone registered, through the `event_users` junction table.
    #[sea_orm(has_many, via = "event_user")]
    pub users: HasMany<super::user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
