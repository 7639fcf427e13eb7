//! `Related` impls for every entity, kept in one place.

use sea_orm::entity::prelude::*;

type Account = super::account::Entity;

impl Related<super::post::Entity> for super::account::Entity {
    fn to() -> RelationDef {
        super::account::Relation::Post.def()
    }
}

impl Related<super::comment::Entity> for super::account::Entity {
    fn to() -> RelationDef {
        super::account::Relation::Comment.def()
    }
}

impl Related<super::profile::Entity> for super::account::Entity {
    fn to() -> RelationDef {
        super::account::Relation::Profile.def()
    }
}

impl Related<super::account::Entity> for super::profile::Entity {
    fn to() -> RelationDef {
        super::profile::Relation::Account.def()
    }
}

impl Related<Account> for super::post::Entity {
    fn to() -> RelationDef {
        super::post::Relation::Account.def()
    }
}

impl Related<super::comment::Entity> for super::post::Entity {
    fn to() -> RelationDef {
        super::post::Relation::Comment.def()
    }
}

impl Related<super::post_tag::Entity> for super::post::Entity {
    fn to() -> RelationDef {
        super::post::Relation::PostTag.def()
    }
}

impl Related<super::tag::Entity> for super::post::Entity {
    fn to() -> RelationDef {
        super::post_tag::Relation::Tag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::post_tag::Relation::Post.def().rev())
    }
}

impl Related<super::post::Entity> for super::comment::Entity {
    fn to() -> RelationDef {
        super::comment::Relation::Post.def()
    }
}

impl Related<Account> for super::comment::Entity {
    fn to() -> RelationDef {
        super::comment::Relation::Post.def()
    }
}

impl Related<super::post::Entity> for super::post_tag::Entity {
    fn to() -> RelationDef {
        super::post_tag::Relation::Post.def()
    }
}

impl Related<super::tag::Entity> for super::post_tag::Entity {
    fn to() -> RelationDef {
        super::post_tag::Relation::Tag.def()
    }
}

impl Related<super::post_tag::Entity> for super::tag::Entity {
    fn to() -> RelationDef {
        super::tag::Relation::PostTag.def()
    }
}

impl Related<super::post::Entity> for super::tag::Entity {
    fn to() -> RelationDef {
        super::post_tag::Relation::Post.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::post_tag::Relation::Tag.def().rev())
    }
}
