//! Category tree helpers.

use std::collections::{HashMap, VecDeque};

use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseConnection, DbErr, QueryOrder};

use crate::entities::{category, post};

pub struct CategoryService {
    db: DatabaseConnection,
}

impl CategoryService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Ids of `root` and all of its descendants, breadth-first
    /// (one query per visited category).
    pub async fn subtree_ids_v1(&self, root: i32) -> Result<Vec<i32>, DbErr> {
        let mut queue = VecDeque::from([root]);
        let mut seen = Vec::new();
        loop {
            let Some(id) = queue.pop_front() else {
                break;
            };
            seen.push(id);
            let children = category::Entity::find()
                .filter(category::Column::ParentId.eq(id))
                .all(&self.db)
                .await?;
            queue.extend(children.into_iter().map(|c| c.id));
        }
        Ok(seen)
    }

    /// Same walk over the whole (small) category table loaded once.
    pub async fn subtree_ids(&self, root: i32) -> Result<Vec<i32>, DbErr> {
        let all = category::Entity::find().all(&self.db).await?;
        let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
        for c in &all {
            if let Some(parent) = c.parent_id {
                children.entry(parent).or_default().push(c.id);
            }
        }

        let mut queue = VecDeque::from([root]);
        let mut seen = Vec::new();
        while let Some(id) = queue.pop_front() {
            seen.push(id);
            if let Some(kids) = children.get(&id) {
                queue.extend(kids.iter().copied());
            }
        }
        Ok(seen)
    }

    /// Category page: posts of the category and all its sub-categories.
    pub async fn posts_in_tree(&self, root: i32) -> Result<Vec<post::Model>, DbErr> {
        let ids = self.subtree_ids(root).await?;
        post::Entity::find()
            .filter(post::Column::CategoryId.is_in(ids))
            .filter(post::Column::Published.eq(true))
            .order_by_desc(post::Column::CreatedAt)
            .all(&self.db)
            .await
    }
}
