use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "post")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub author_id: i32,
    pub category_id: Option<i32>,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub published: bool,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "author_id", to = "id", on_delete = "Cascade")]
    pub author: BelongsTo<super::user::Entity>,
    #[sea_orm(belongs_to, from = "category_id", to = "id", on_delete = "SetNull")]
    pub category: BelongsTo<Option<super::category::Entity>>,
    #[sea_orm(has_many)]
    pub comments: HasMany<super::comment::Entity>,
    #[sea_orm(has_many, via = "post_tag")]
    pub tags: HasMany<super::tag::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// Convenience for templates: the post's author.
    pub async fn author<C: ConnectionTrait>(&self, db: &C) -> Result<super::user::Model, DbErr> {
        self.find_related(super::user::Entity)
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("user {}", self.author_id)))
    }
}

/// Users who commented on a post (post -> comment -> user).
#[derive(Debug)]
pub struct CommentAuthors;

impl Linked for CommentAuthors {
    type FromEntity = Entity;
    type ToEntity = super::user::Entity;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            Relation::Comment.def(),
            super::comment::Relation::User.def(),
        ]
    }
}
