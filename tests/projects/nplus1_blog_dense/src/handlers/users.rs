//! `/users` and moderation endpoints.

use futures::TryStreamExt;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder};

use crate::entities::{comment, post, user};

#[derive(Debug)]
pub struct AuthorEntry {
    pub username: String,
    pub display_name: String,
    pub post_titles: Vec<String>,
}

#[derive(Debug)]
pub struct UserCard {
    pub user: user::Model,
    pub latest_post: Option<post::Model>,
}

/// GET /api/v1/authors
pub async fn authors_v1(db: &DatabaseConnection) -> Result<Vec<AuthorEntry>, DbErr> {
    let authors = user::Entity::find()
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;

    let mut entries = Vec::new();
    for author in authors {
        let posts = author
            .find_related(post::Entity)
            .filter(post::Column::Published.eq(true))
            .all(db)
            .await?;
        if posts.is_empty() {
            continue;
        }
        entries.push(AuthorEntry {
            username: author.username,
            display_name: author.display_name,
            post_titles: posts.into_iter().map(|p| p.title).collect(),
        });
    }
    Ok(entries)
}

/// GET /api/v2/authors — one entity-loader query instead of one per author.
pub async fn authors(db: &DatabaseConnection) -> Result<Vec<AuthorEntry>, DbErr> {
    let authors = user::Entity::load()
        .with(post::Entity)
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;

    Ok(authors
        .into_iter()
        .filter(|a| !a.posts.is_empty())
        .map(|a| AuthorEntry {
            username: a.username,
            display_name: a.display_name,
            post_titles: a
                .posts
                .into_iter()
                .filter(|p| p.published)
                .map(|p| p.title)
                .collect(),
        })
        .collect())
}

/// Nightly CSV export: `username,published_posts`.
pub async fn export_author_stats(db: &DatabaseConnection) -> Result<String, DbErr> {
    let mut csv = String::from("username,published_posts\n");
    let mut authors = user::Entity::find()
        .order_by_asc(user::Column::Id)
        .stream(db)
        .await?;
    while let Some(author) = authors.try_next().await? {
        let published = post::Entity::find()
            .filter(post::Column::AuthorId.eq(author.id))
            .filter(post::Column::Published.eq(true))
            .count(db)
            .await?;
        csv.push_str(&format!("{},{}\n", author.username, published));
    }
    Ok(csv)
}

/// POST /admin/users/:id/purge-comments (first version, kept behind a flag
/// because it runs the per-row delete hooks).
pub async fn purge_comments_one_by_one(db: &DatabaseConnection, user_id: i32) -> Result<u64, DbErr> {
    let comments = comment::Entity::find()
        .filter(comment::Column::AuthorId.eq(user_id))
        .all(db)
        .await?;

    let mut removed = 0;
    for comment in comments {
        comment.delete(db).await?;
        removed += 1;
    }
    Ok(removed)
}

/// POST /admin/users/:id/purge-comments
pub async fn purge_comments(db: &DatabaseConnection, user_id: i32) -> Result<u64, DbErr> {
    let res = comment::Entity::delete_many()
        .filter(comment::Column::AuthorId.eq(user_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// GET /api/users/:username/card
pub async fn user_card(db: &DatabaseConnection, username: &str) -> Result<Option<UserCard>, DbErr> {
    let user = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?;

    let pending = user.as_ref().map(|u| {
        u.find_related(post::Entity)
            .filter(post::Column::Published.eq(true))
            .order_by_desc(post::Column::CreatedAt)
            .one(db)
    });
    let latest_post = match pending {
        Some(query) => query.await?,
        None => None,
    };

    Ok(user.map(|user| UserCard { user, latest_post }))
}

/// POST /admin/users/lookup — resolve the ids pasted from a CSV import.
pub async fn users_by_ids(db: &DatabaseConnection, ids: &[i32]) -> Result<Vec<user::Model>, DbErr> {
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let batch = user::Entity::find()
            .filter(user::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        found.extend(batch);
    }
    Ok(found)
}
