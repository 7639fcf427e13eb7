use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "article"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub author_id: i32,
    pub title: String,
    pub slug: String,
    pub body: String,
    pub status: String,
    pub published_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    AuthorId,
    Title,
    Slug,
    Body,
    Status,
    PublishedAt,
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

#[derive(Copy, Clone, Debug, EnumIter)]
pub enum Relation {
    Author,
    ArticleTag,
    Comment,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::AuthorId => ColumnType::Integer.def(),
            Self::Title => ColumnType::String(StringLen::None).def(),
            Self::Slug => ColumnType::String(StringLen::None).def().unique(),
            Self::Body => ColumnType::Text.def(),
            Self::Status => ColumnType::String(StringLen::N(16)).def(),
            Self::PublishedAt => ColumnType::DateTime.def().null(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Author => Entity::belongs_to(super::author::Entity)
                .from(Column::AuthorId)
                .to(super::author::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
            Self::ArticleTag => Entity::has_many(super::article_tag::Entity).into(),
            Self::Comment => Entity::has_many(super::comment::Entity).into(),
        }
    }
}

impl Related<super::author::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl Related<super::article_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ArticleTag.def()
    }
}

impl Related<super::comment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Comment.def()
    }
}

impl Related<super::tag::Entity> for Entity {
    fn to() -> RelationDef {
        super::article_tag::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::article_tag::Relation::Article.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The editorial status; an unknown value counts as a draft.
    pub fn editorial_status(&self) -> crate::status::Status {
        self.status.parse().unwrap_or(crate::status::Status::Draft)
    }

    pub fn is_live(&self) -> bool {
        self.published_at.is_some() && self.editorial_status().is_visible()
    }
}
