pub use self::inner::Entity;
pub use self::inner::{ActiveModel, Column, Model, PrimaryKey, Relation};

mod inner {
    use sea_orm::entity::prelude::*;

    use super::super::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "account")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub handle: String,
        pub display_name: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(has_many = "Post")]
        Post,
        #[sea_orm(has_many = "Comment")]
        Comment,
        #[sea_orm(has_one = "Profile")]
        Profile,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
