//! The entities, in three SeaORM styles on purpose:
//! - `organization`, `event`: 2.0 dense (`#[sea_orm::model]`)
//! - `user`, `event_user`: 1.x compact (`DeriveEntityModel` + `DeriveRelation`)
//! - `session`: expanded (`impl RelationTrait` with builder chains)

pub mod prelude;

pub mod event;
pub mod event_user;
pub mod organization;
pub mod sea_orm_active_enums;
pub mod session;
pub mod user;
