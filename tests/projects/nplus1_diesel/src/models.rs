use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::schema::{comments, issue_labels, issues, labels, projects, users};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: i32,
    pub username: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Associations)]
#[diesel(table_name = projects)]
#[diesel(belongs_to(User, foreign_key = owner_id))]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Project {
    pub id: i32,
    pub owner_id: i32,
    pub name: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Associations)]
#[diesel(table_name = issues)]
#[diesel(belongs_to(Project))]
#[diesel(belongs_to(User, foreign_key = reporter_id))]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Issue {
    pub id: i32,
    pub project_id: i32,
    pub reporter_id: i32,
    pub assignee_id: Option<i32>,
    pub title: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Associations)]
#[diesel(table_name = comments)]
#[diesel(belongs_to(Issue))]
#[diesel(belongs_to(User, foreign_key = author_id))]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Comment {
    pub id: i32,
    pub issue_id: i32,
    pub author_id: i32,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable)]
#[diesel(table_name = labels)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Label {
    pub id: i32,
    pub name: String,
    pub color: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Associations)]
#[diesel(table_name = issue_labels)]
#[diesel(primary_key(issue_id, label_id))]
#[diesel(belongs_to(Issue))]
#[diesel(belongs_to(Label))]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct IssueLabel {
    pub issue_id: i32,
    pub label_id: i32,
}
