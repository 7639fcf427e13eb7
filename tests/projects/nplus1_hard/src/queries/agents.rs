use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::agent;

/// Works with a connection or inside a transaction.
pub async fn load_agent<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<Option<agent::Model>, DbErr> {
    agent::Entity::find_by_id(id).one(conn).await
}

pub async fn active_agents<C>(conn: &C, team: &str) -> Result<Vec<agent::Model>, DbErr>
where
    C: ConnectionTrait,
{
    agent::Entity::find()
        .filter(agent::Column::Active.eq(true))
        .filter(agent::Column::Team.eq(team))
        .order_by_asc(agent::Column::Name)
        .all(conn)
        .await
}
