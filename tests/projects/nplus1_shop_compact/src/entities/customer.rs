use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub full_name: String,
    pub marketing_opt_in: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::order::Entity")]
    Order,
    #[sea_orm(has_many = "super::review::Entity")]
    Review,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::review::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Review.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

/// Products a customer has bought (customer -> orders -> order lines -> product).
#[derive(Debug)]
pub struct PurchasedProducts;

impl Linked for PurchasedProducts {
    type FromEntity = Entity;
    type ToEntity = super::product::Entity;

    fn link(&self) -> Vec<RelationDef> {
        vec![
            Relation::Order.def(),
            super::order::Relation::OrderLine.def(),
            super::order_line::Relation::Product.def(),
        ]
    }
}
