use sea_orm::entity::prelude::*;

/// A company or community that runs events.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub created_at: DateTimeUtc,
    /// The event shown at the top of the organization's page.
    pub featured_event_id: Option<i32>,
    /// Staff accounts of this organization.
    #[sea_orm(has_many)]
    pub users: HasMany<super::user::Entity>,
    // MISTAKE (d), ambiguous-relation: `event` has two belongs_to relations to
    // this entity (`organization_id` -> `Organization`, `venue_organization_id`
    // -> `VenueOrganization`), so it has no `impl Related<organization::Entity>`
    // and this has_many does not say which foreign key it follows.
    // Fix: `#[sea_orm(has_many, via_rel = "Organization")]` here, plus e.g.
    // `#[sea_orm(has_many, relation_enum = "HostedEvents", via_rel = "VenueOrganization")]
    // pub hosted_events: HasMany<super::event::Entity>` for the other one.
    #[sea_orm(has_many)]
    pub events: HasMany<super::event::Entity>,
    // MISTAKE (h), cascade-cycle: deleting an event deletes the organization
    // that features it, which deletes all of that organization's events
    // (`event.organization_id` cascades), and so on around the ring.
    // Fix: `on_delete = "SetNull"`: the page just loses its featured event.
    #[sea_orm(belongs_to, relation_enum = "FeaturedEvent", from = "featured_event_id", to = "id", on_delete = "Cascade")]
    pub featured_event: HasOne<super::event::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
