use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    #[sea_orm(default_value = 1)]
    pub plan_id: i32,
    pub featured_project_id: Option<i32>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "plan_id", to = "id", on_delete = "SetDefault")]
    pub plan: BelongsTo<super::plan::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "FeaturedProject",
        from = "featured_project_id",
        to = "id",
        on_delete = "Cascade"
    )]
    pub featured_project: HasOne<super::project::Entity>,
    #[sea_orm(has_many, relation_enum = "Projects", via_rel = "Organization")]
    pub projects: HasMany<super::project::Entity>,
    #[sea_orm(has_many)]
    pub memberships: HasMany<super::membership::Entity>,
    #[sea_orm(has_many)]
    pub invoices: HasMany<super::invoice::Entity>,
    #[sea_orm(has_many)]
    pub audit_events: HasMany<super::audit_event::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
