//! Post-related business logic shared by the web handlers and the scheduler.

use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder, Set};

use crate::entities::post;
use crate::entities::user;

#[derive(Debug)]
pub struct PostDetail {
    pub post: post::Model,
    pub author_name: String,
}

#[derive(Clone)]
pub struct PostService {
    db: DatabaseConnection,
}

impl PostService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn author_name(&self, author_id: i32) -> Result<String, DbErr> {
        let author = user::Entity::find_by_id(author_id).one(&self.db).await?;
        Ok(author
            .map(|a| a.display_name)
            .unwrap_or_else(|| "[deleted]".to_owned()))
    }

    pub async fn detail(&self, slug: &str) -> Result<Option<PostDetail>, DbErr> {
        let Some(post) = post::Entity::find()
            .filter(post::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let author_name = self.author_name(post.author_id).await?;
        Ok(Some(PostDetail { post, author_name }))
    }

    /// Archive page: every post of a category with its author's name.
    pub async fn archive(&self, category_id: i32) -> Result<Vec<(String, String)>, DbErr> {
        let posts = post::Entity::find()
            .filter(post::Column::CategoryId.eq(category_id))
            .filter(post::Column::Published.eq(true))
            .order_by_desc(post::Column::CreatedAt)
            .all(&self.db)
            .await?;

        let mut rows = Vec::with_capacity(posts.len());
        for post in posts {
            let author = self.author_name(post.author_id).await?;
            rows.push((post.title, author));
        }
        Ok(rows)
    }

    /// Archive page, eager: authors come back with the posts.
    pub async fn archive_joined(&self, category_id: i32) -> Result<Vec<(String, String)>, DbErr> {
        let rows = post::Entity::find()
            .filter(post::Column::CategoryId.eq(category_id))
            .filter(post::Column::Published.eq(true))
            .order_by_desc(post::Column::CreatedAt)
            .find_also_related(user::Entity)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(post, author)| {
                let name = author.map(|a| a.display_name).unwrap_or_else(|| "[deleted]".to_owned());
                (post.title, name)
            })
            .collect())
    }

    /// Scheduler tick: publish drafts whose publication time has come.
    pub async fn publish_due(&self, now: DateTimeUtc) -> Result<usize, DbErr> {
        let due = post::Entity::find()
            .filter(post::Column::Published.eq(false))
            .filter(post::Column::CreatedAt.lte(now))
            .all(&self.db)
            .await?;

        let count = due.len();
        for draft in due {
            let mut draft: post::ActiveModel = draft.into();
            draft.published = Set(true);
            draft.update(&self.db).await?;
        }
        Ok(count)
    }

    /// Admin bulk action: unpublish the selected posts in one statement.
    pub async fn unpublish(&self, ids: Vec<i32>) -> Result<u64, DbErr> {
        let res = post::Entity::update_many()
            .col_expr(post::Column::Published, Expr::value(false))
            .filter(post::Column::Id.is_in(ids))
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected)
    }
}
