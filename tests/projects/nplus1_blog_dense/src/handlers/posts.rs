//! `/posts` endpoints.

use futures::future::{join_all, try_join_all};
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder, QuerySelect};

use crate::entities::{category, comment, post, post_tag, site_setting, tag, user};

#[derive(Debug, Clone)]
pub struct PostCard {
    pub id: i32,
    pub title: String,
    pub author: String,
    pub excerpt: String,
    pub comment_count: usize,
}

#[derive(Debug)]
pub struct Thread {
    pub post: post::Model,
    pub comments: Vec<comment::Model>,
}

const DEFAULT_EXCERPT_LEN: usize = 280;

fn excerpt(body: &str, max_chars: usize) -> String {
    let mut out: String = body.chars().take(max_chars).collect();
    if body.chars().count() > max_chars {
        out.push('…');
    }
    out
}

fn published() -> Select<post::Entity> {
    post::Entity::find()
        .filter(post::Column::Published.eq(true))
        .order_by_desc(post::Column::CreatedAt)
}

/// GET /api/v1/posts — still served to the old mobile app.
pub async fn list_posts_v1(db: &DatabaseConnection) -> Result<Vec<PostCard>, DbErr> {
    let posts = published().limit(50).all(db).await?;

    let mut cards = Vec::with_capacity(posts.len());
    for post in posts {
        let author = user::Entity::find_by_id(post.author_id).one(db).await?;
        cards.push(PostCard {
            id: post.id,
            excerpt: excerpt(&post.body, DEFAULT_EXCERPT_LEN),
            title: post.title,
            author: author.map(|a| a.display_name).unwrap_or_default(),
            comment_count: 0,
        });
    }
    Ok(cards)
}

/// GET /api/v2/posts — author joined in, comments batch-loaded.
pub async fn list_posts(db: &DatabaseConnection) -> Result<Vec<PostCard>, DbErr> {
    let rows = published()
        .limit(50)
        .find_also_related(user::Entity)
        .all(db)
        .await?;
    let posts: Vec<post::Model> = rows.iter().map(|(p, _)| p.clone()).collect();
    let comments = posts.load_many(comment::Entity, db).await?;

    let mut cards = Vec::with_capacity(rows.len());
    for ((post, author), comments) in rows.into_iter().zip(comments) {
        let excerpt_len = site_setting::Entity::find_by_id("excerpt_length")
            .one(db)
            .await?
            .and_then(|s| s.value.parse().ok())
            .unwrap_or(DEFAULT_EXCERPT_LEN);
        cards.push(PostCard {
            id: post.id,
            excerpt: excerpt(&post.body, excerpt_len),
            title: post.title,
            author: author.map(|a| a.display_name).unwrap_or_default(),
            comment_count: comments.len(),
        });
    }
    Ok(cards)
}

/// GET /api/v1/threads?ids=1,2,3
pub async fn threads_v1(db: &DatabaseConnection, ids: Vec<i32>) -> Result<Vec<Thread>, DbErr> {
    let posts = post::Entity::find()
        .filter(post::Column::Id.is_in(ids))
        .all(db)
        .await?;

    try_join_all(posts.into_iter().map(|post| async move {
        let comments = post
            .find_related(comment::Entity)
            .order_by_asc(comment::Column::CreatedAt)
            .all(db)
            .await?;
        Ok::<_, DbErr>(Thread { post, comments })
    }))
    .await
}

/// GET /api/v2/threads?ids=1,2,3
pub async fn threads(db: &DatabaseConnection, ids: Vec<i32>) -> Result<Vec<Thread>, DbErr> {
    let rows = post::Entity::find()
        .filter(post::Column::Id.is_in(ids))
        .find_with_related(comment::Entity)
        .order_by_asc(comment::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(post, comments)| Thread { post, comments })
        .collect())
}

/// GET /api/v1/posts/tags — tag chips under each card.
pub async fn post_tags_v1(db: &DatabaseConnection) -> Result<Vec<(i32, Vec<String>)>, DbErr> {
    let posts = published().limit(50).all(db).await?;
    let tag_lists = join_all(posts.iter().map(|p| p.find_related(tag::Entity).all(db))).await;

    let mut out = Vec::with_capacity(posts.len());
    for (post, tags) in posts.iter().zip(tag_lists) {
        out.push((post.id, tags?.into_iter().map(|t| t.name).collect()));
    }
    Ok(out)
}

/// GET /api/v2/posts/tags
pub async fn post_tags(db: &DatabaseConnection) -> Result<Vec<(i32, Vec<String>)>, DbErr> {
    let posts = published().limit(50).all(db).await?;
    let tag_lists = posts
        .load_many_to_many(tag::Entity, post_tag::Entity, db)
        .await?;

    Ok(posts
        .iter()
        .zip(tag_lists)
        .map(|(post, tags)| (post.id, tags.into_iter().map(|t| t.name).collect()))
        .collect())
}

/// GET /feed.xml
pub async fn rss(db: &DatabaseConnection) -> Result<String, DbErr> {
    let posts = published().limit(20).all(db).await?;

    let mut xml = String::from("<rss version=\"2.0\"><channel>");
    for post in &posts {
        let author = post.author(db).await?;
        xml.push_str(&format!(
            "<item><title>{}</title><author>{} ({})</author><description>{}</description></item>",
            post.title,
            author.email,
            author.display_name,
            excerpt(&post.body, DEFAULT_EXCERPT_LEN),
        ));
    }
    xml.push_str("</channel></rss>");
    Ok(xml)
}

/// GET /api/nav — the fixed top-level sections shown in the header.
pub async fn nav_sections(db: &DatabaseConnection) -> Result<Vec<category::Model>, DbErr> {
    let mut sections = Vec::new();
    for slug in ["news", "releases", "engineering"] {
        if let Some(section) = category::Entity::find()
            .filter(category::Column::Slug.eq(slug))
            .one(db)
            .await?
        {
            sections.push(section);
        }
    }
    Ok(sections)
}

/// GET /api/posts/:slug — one post with the people who commented on it.
pub async fn post_page(
    db: &DatabaseConnection,
    slug: &str,
) -> Result<Option<(post::Model, Vec<user::Model>)>, DbErr> {
    let Some(post) = post::Entity::find()
        .filter(post::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let commenters = post
        .find_linked(post::CommentAuthors)
        .distinct()
        .all(db)
        .await?;
    Ok(Some((post, commenters)))
}
