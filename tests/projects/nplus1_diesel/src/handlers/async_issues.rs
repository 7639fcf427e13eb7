//! Issue endpoints of the new async API (diesel-async).

use diesel::{BelongingToDsl, ExpressionMethods, GroupedBy, QueryDsl, QueryResult, SelectableHelper};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::models::{Comment, Issue, User};
use crate::schema::{comments, issues, users};

#[derive(Debug)]
pub struct IssueThread {
    pub issue: Issue,
    pub comments: Vec<Comment>,
}

async fn open_issues(conn: &mut AsyncPgConnection, project_id: i32) -> QueryResult<Vec<Issue>> {
    issues::table
        .filter(issues::project_id.eq(project_id))
        .filter(issues::status.ne("closed"))
        .select(Issue::as_select())
        .load(conn)
        .await
}

async fn reporter_of(conn: &mut AsyncPgConnection, issue: &Issue) -> QueryResult<User> {
    users::table
        .find(issue.reporter_id)
        .select(User::as_select())
        .first(conn)
        .await
}

/// GET /api/v1/projects/:id/threads
pub async fn threads_v1(conn: &mut AsyncPgConnection, project_id: i32) -> QueryResult<Vec<IssueThread>> {
    let issues = open_issues(conn, project_id).await?;

    let mut threads = Vec::with_capacity(issues.len());
    for issue in issues {
        let comments = Comment::belonging_to(&issue)
            .select(Comment::as_select())
            .order(comments::created_at.asc())
            .load(conn)
            .await?;
        threads.push(IssueThread { issue, comments });
    }
    Ok(threads)
}

/// GET /api/v2/projects/:id/threads
pub async fn threads(conn: &mut AsyncPgConnection, project_id: i32) -> QueryResult<Vec<IssueThread>> {
    let issues = open_issues(conn, project_id).await?;
    let comments = Comment::belonging_to(&issues)
        .select(Comment::as_select())
        .order(comments::created_at.asc())
        .load(conn)
        .await?
        .grouped_by(&issues);

    Ok(issues
        .into_iter()
        .zip(comments)
        .map(|(issue, comments)| IssueThread { issue, comments })
        .collect())
}

/// GET /api/v1/projects/:id/reporters
pub async fn reporters_v1(conn: &mut AsyncPgConnection, project_id: i32) -> QueryResult<Vec<(Issue, User)>> {
    let issues = open_issues(conn, project_id).await?;

    let mut rows = Vec::with_capacity(issues.len());
    for issue in issues {
        let reporter = reporter_of(conn, &issue).await?;
        rows.push((issue, reporter));
    }
    Ok(rows)
}

/// GET /api/v2/projects/:id/reporters
pub async fn reporters(conn: &mut AsyncPgConnection, project_id: i32) -> QueryResult<Vec<(Issue, User)>> {
    issues::table
        .inner_join(users::table)
        .filter(issues::project_id.eq(project_id))
        .filter(issues::status.ne("closed"))
        .select((Issue::as_select(), User::as_select()))
        .load(conn)
        .await
}

/// POST /api/v1/admin/purge-banned
pub async fn purge_banned_v1(conn: &mut AsyncPgConnection, banned: Vec<i32>) -> QueryResult<usize> {
    let users: Vec<User> = users::table
        .filter(users::id.eq_any(&banned))
        .select(User::as_select())
        .load(conn)
        .await?;

    let mut removed = 0;
    for user in &users {
        removed += diesel::delete(comments::table.filter(comments::author_id.eq(user.id)))
            .execute(conn)
            .await?;
    }
    Ok(removed)
}

/// POST /api/v2/admin/purge-banned
pub async fn purge_banned(conn: &mut AsyncPgConnection, banned: Vec<i32>) -> QueryResult<usize> {
    diesel::delete(comments::table.filter(comments::author_id.eq_any(&banned)))
        .execute(conn)
        .await
}

/// GET /api/issues/:id/thread — a single issue, with its reporter.
pub async fn issue_thread(conn: &mut AsyncPgConnection, id: i32) -> QueryResult<(IssueThread, User)> {
    let issue: Issue = issues::table
        .find(id)
        .select(Issue::as_select())
        .first(conn)
        .await?;
    let reporter = reporter_of(conn, &issue).await?;
    let comments = Comment::belonging_to(&issue)
        .select(Comment::as_select())
        .order(comments::created_at.asc())
        .load(conn)
        .await?;
    Ok((IssueThread { issue, comments }, reporter))
}
