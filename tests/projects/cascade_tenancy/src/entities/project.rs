use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organization_id: i32,
    pub owner_id: i32,
    pub name: String,
    pub archived: bool,
    #[sea_orm(belongs_to, from = "organization_id", to = "id", on_delete = "Cascade")]
    pub organization: BelongsTo<super::organization::Entity>,
    #[sea_orm(
        belongs_to,
        from = "owner_id",
        to = "id",
        on_update = "Cascade",
        on_delete = "SetDefault"
    )]
    pub owner: BelongsTo<super::user::Entity>,
    #[sea_orm(has_many, relation_enum = "FeaturedBy", via_rel = "FeaturedProject")]
    pub featured_by: HasMany<super::organization::Entity>,
    #[sea_orm(has_many)]
    pub tasks: HasMany<super::task::Entity>,
    #[sea_orm(has_many)]
    pub invoice_lines: HasMany<super::invoice_line::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
