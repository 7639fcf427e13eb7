//! Query helpers over the shared entity crate, one inline module per table.

use sea_orm::{ConnectionTrait, DbErr};

/// Counts shown on the editors' dashboard: live articles, comments awaiting moderation.
pub async fn dashboard<C: ConnectionTrait>(db: &C) -> Result<(u64, u64), DbErr> {
    let live = self::articles::count_live(db).await?;
    let pending = self::comments::count_pending(db).await?;
    Ok((live, pending))
}

pub mod articles {
    use newsroom_entity::{article, author, status};
    use sea_orm::{
        ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, PaginatorTrait,
        QueryFilter, QueryOrder,
    };

    pub(in crate::store) async fn count_live<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
        article::Entity::find().filter(status::visible()).count(db).await
    }

    pub async fn published_page<C: ConnectionTrait>(
        db: &C,
        page: u64,
        page_size: u64,
    ) -> Result<Vec<(article::Model, Option<author::Model>)>, DbErr> {
        article::Entity::find()
            .filter(status::visible())
            .find_also_related(author::Entity)
            .order_by_desc(article::Column::PublishedAt)
            .paginate(db, page_size)
            .fetch_page(page)
            .await
    }

    pub async fn by_id<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<article::Model>, DbErr> {
        article::Entity::find_by_id(id).one(db).await
    }

    pub async fn mark_published<C: ConnectionTrait>(
        db: &C,
        found: article::Model,
        at: sea_orm::prelude::DateTime,
    ) -> Result<article::Model, DbErr> {
        let mut active = found.into_active_model();
        active.status = Set(status::Status::Published.as_str().to_owned());
        active.published_at = Set(Some(at));
        active.update(db).await
    }
}

pub mod comments {
    use newsroom_entity::comment;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

    use crate::services::Verdict;

    pub async fn count_pending<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
        comment::Entity::find()
            .filter(comment::Column::State.eq(Verdict::Hold.as_state()))
            .count(db)
            .await
    }

    pub async fn pending<C: ConnectionTrait>(db: &C, limit: u64) -> Result<Vec<comment::Model>, DbErr> {
        comment::Entity::find()
            .filter(comment::Column::State.eq(Verdict::Hold.as_state()))
            .order_by_asc(comment::Column::CreatedAt)
            .limit(limit)
            .all(db)
            .await
    }

    pub async fn approved_for_article<C: ConnectionTrait>(db: &C, article_id: i32) -> Result<Vec<comment::Model>, DbErr> {
        comment::Entity::find()
            .filter(comment::Column::ArticleId.eq(article_id))
            .filter(comment::Column::State.eq(Verdict::Approve.as_state()))
            .order_by_asc(comment::Column::CreatedAt)
            .all(db)
            .await
    }

    /// Sets the state of every comment of `ids` at once; returns how many changed.
    pub async fn set_state<C: ConnectionTrait>(db: &C, ids: Vec<i32>, verdict: Verdict) -> Result<u64, DbErr> {
        if ids.is_empty() {
            return Ok(0);
        }
        let result = comment::Entity::update_many()
            .col_expr(comment::Column::State, Expr::value(verdict.as_state()))
            .filter(comment::Column::Id.is_in(ids))
            .exec(db)
            .await?;
        Ok(result.rows_affected)
    }
}
