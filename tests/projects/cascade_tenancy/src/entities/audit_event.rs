use sea_orm::entity::prelude::*;

/// Append-only audit trail. The actor is kept as a bare id (no FK constraint)
/// so that events survive the deletion of the user who caused them.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organization_id: i32,
    pub actor_id: Option<i32>,
    pub action: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub payload: Option<String>,
    pub occurred_at: DateTimeUtc,
    #[sea_orm(
        belongs_to,
        from = "organization_id",
        to = "id",
        on_update = "Cascade"
    )]
    pub organization: BelongsTo<super::organization::Entity>,
    #[sea_orm(belongs_to, from = "actor_id", to = "id", skip_fk)]
    pub actor: HasOne<super::user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
