use sea_orm::entity::prelude::*;

#[derive(Copy, Clone, Default, Debug, DeriveEntity)]
pub struct Entity;

impl EntityName for Entity {
    fn table_name(&self) -> &'static str {
        "comment"
    }
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveModel, DeriveActiveModel)]
pub struct Model {
    pub id: i32,
    pub article_id: i32,
    pub reader_name: String,
    pub body: String,
    pub state: String,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveColumn)]
pub enum Column {
    Id,
    ArticleId,
    ReaderName,
    Body,
    State,
    CreatedAt,
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
    Article,
}

impl ColumnTrait for Column {
    type EntityName = Entity;
    fn def(&self) -> ColumnDef {
        match self {
            Self::Id => ColumnType::Integer.def(),
            Self::ArticleId => ColumnType::Integer.def(),
            Self::ReaderName => ColumnType::String(StringLen::None).def(),
            Self::Body => ColumnType::Text.def(),
            Self::State => ColumnType::String(StringLen::N(16)).def(),
            Self::CreatedAt => ColumnType::DateTime.def(),
        }
    }
}

impl RelationTrait for Relation {
    fn def(&self) -> RelationDef {
        match self {
            Self::Article => Entity::belongs_to(super::article::Entity)
                .from(Column::ArticleId)
                .to(super::article::Column::Id)
                .on_delete(ForeignKeyAction::Cascade)
                .into(),
        }
    }
}

impl Related<super::article::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Article.def()
    }
}

/// From a comment to the author of the commented article.
#[derive(Debug)]
pub struct CommentToArticleAuthor;

impl Linked for CommentToArticleAuthor {
    type FromEntity = Entity;
    type ToEntity = super::author::Entity;

    fn link(&self) -> Vec<RelationDef> {
        vec![Relation::Article.def(), super::article::Relation::Author.def()]
    }
}

impl ActiveModelBehavior for ActiveModel {}
