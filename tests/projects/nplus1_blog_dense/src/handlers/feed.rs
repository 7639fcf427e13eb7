//! Home feed, "latest comments" widget, tag cloud and the weekly digest.

use futures::{stream, StreamExt, TryStreamExt};
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder, QuerySelect};

use crate::entities::{category, comment, post, post_tag, tag, user};

#[derive(Debug)]
pub struct DigestEntry {
    pub title: String,
    pub author: String,
    pub comments: usize,
}

/// Only posts whose category still exists make it to the home feed.
pub async fn categorized_v1(
    db: &DatabaseConnection,
    posts: Vec<post::Model>,
) -> Vec<(post::Model, category::Model)> {
    stream::iter(posts)
        .filter_map(|post| async move {
            let category = post.find_related(category::Entity).one(db).await.ok().flatten()?;
            Some((post, category))
        })
        .collect()
        .await
}

pub async fn categorized(
    db: &DatabaseConnection,
    posts: Vec<post::Model>,
) -> Result<Vec<(post::Model, category::Model)>, DbErr> {
    let categories = posts.load_one(category::Entity, db).await?;
    Ok(posts
        .into_iter()
        .zip(categories)
        .filter_map(|(post, category)| category.map(|c| (post, c)))
        .collect())
}

/// "Latest comments" sidebar widget.
pub async fn latest_comments_v1(
    db: &DatabaseConnection,
) -> Result<Vec<(comment::Model, Option<user::Model>)>, DbErr> {
    let comments = comment::Entity::find()
        .order_by_desc(comment::Column::CreatedAt)
        .limit(10)
        .all(db)
        .await?;

    stream::iter(comments)
        .then(|comment| async move {
            let author = comment.find_related(user::Entity).one(db).await?;
            Ok::<_, DbErr>((comment, author))
        })
        .try_collect()
        .await
}

pub async fn latest_comments(
    db: &DatabaseConnection,
) -> Result<Vec<(comment::Model, Option<user::Model>)>, DbErr> {
    comment::Entity::find()
        .order_by_desc(comment::Column::CreatedAt)
        .limit(10)
        .find_also_related(user::Entity)
        .all(db)
        .await
}

/// Tag cloud weights, first version: one COUNT per tag.
pub async fn tag_cloud_v1(db: &DatabaseConnection) -> Result<Vec<(String, u64)>, DbErr> {
    let cloud = std::sync::Mutex::new(Vec::new());
    tag::Entity::find()
        .stream(db)
        .await?
        .try_for_each(|tag| {
            let cloud = &cloud;
            async move {
                let uses = post_tag::Entity::find()
                    .filter(post_tag::Column::TagId.eq(tag.id))
                    .count(db)
                    .await?;
                cloud.lock().unwrap().push((tag.name, uses));
                Ok(())
            }
        })
        .await?;
    Ok(cloud.into_inner().unwrap())
}

/// Tag cloud weights with a single GROUP BY.
pub async fn tag_cloud(db: &DatabaseConnection) -> Result<Vec<(String, i64)>, DbErr> {
    post_tag::Entity::find()
        .select_only()
        .column(tag::Column::Name)
        .column_as(post_tag::Column::PostId.count(), "uses")
        .inner_join(tag::Entity)
        .group_by(tag::Column::Name)
        .into_tuple()
        .all(db)
        .await
}

/// Weekly digest e-mail: walk every published post a page at a time and
/// batch-load each page's authors and comments.
pub async fn weekly_digest(db: &DatabaseConnection) -> Result<Vec<DigestEntry>, DbErr> {
    let mut pages = post::Entity::find()
        .filter(post::Column::Published.eq(true))
        .order_by_asc(post::Column::Id)
        .paginate(db, 100);

    let mut entries = Vec::new();
    while let Some(page) = pages.fetch_and_next().await? {
        let authors = page.load_one(user::Entity, db).await?;
        let comments = page.load_many(comment::Entity, db).await?;
        for ((post, author), comments) in page.into_iter().zip(authors).zip(comments) {
            entries.push(DigestEntry {
                title: post.title,
                author: author.map(|a| a.display_name).unwrap_or_default(),
                comments: comments.len(),
            });
        }
    }
    Ok(entries)
}
