use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "thread")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub board_id: i32,
    pub author_id: i32,
    pub pinned_post_id: Option<i32>,
    pub title: String,
    pub sticky: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::board::Entity",
        from = "Column::BoardId",
        to = "super::board::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Board,
    #[sea_orm(
        belongs_to = "super::member::Entity",
        from = "Column::AuthorId",
        to = "super::member::Column::Id",
        on_update = "SetNull",
        on_delete = "Cascade"
    )]
    Member,
    #[sea_orm(
        belongs_to = "super::post::Entity",
        from = "Column::PinnedPostId",
        to = "super::post::Column::Id",
        on_delete = "Cascade"
    )]
    PinnedPost,
    #[sea_orm(has_many = "super::post::Entity", via_rel = "Relation::Thread")]
    Post,
    #[sea_orm(has_many = "super::board::Entity", via_rel = "Relation::LastThread")]
    LastThreadOf,
    #[sea_orm(has_many = "super::thread_tag::Entity")]
    ThreadTag,
}

impl Related<super::board::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Board.def()
    }
}

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Member.def()
    }
}

impl Related<super::post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Post.def()
    }
}

impl Related<super::thread_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ThreadTag.def()
    }
}

impl Related<super::tag::Entity> for Entity {
    fn to() -> RelationDef {
        super::thread_tag::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::thread_tag::Relation::Thread.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
