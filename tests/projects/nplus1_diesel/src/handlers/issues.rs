//! Issue endpoints (sync Diesel).

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::PgConnection;

use crate::models::{Issue, IssueLabel, User};
use crate::schema::{comments, issue_labels, issues, labels, settings, users};

#[derive(Debug)]
pub struct TriageRow {
    pub issue: Issue,
    pub reporter: User,
    pub comments: i64,
}

#[derive(Debug)]
pub struct IssuePage {
    pub issue: Issue,
    pub assignee: Option<User>,
}

fn open_issues(project_id: i32) -> issues::BoxedQuery<'static, diesel::pg::Pg> {
    issues::table
        .filter(issues::project_id.eq(project_id))
        .filter(issues::status.ne("closed"))
        .order(issues::created_at.asc())
        .into_boxed()
}

fn label_names(conn: &mut PgConnection, issue_id: i32) -> QueryResult<Vec<String>> {
    issue_labels::table
        .inner_join(labels::table)
        .filter(issue_labels::issue_id.eq(issue_id))
        .select(labels::name)
        .load(conn)
}

/// GET /api/v1/projects/:id/triage
pub fn triage_v1(conn: &mut PgConnection, project_id: i32) -> QueryResult<Vec<TriageRow>> {
    let issues: Vec<Issue> = open_issues(project_id)
        .select(Issue::as_select())
        .load(conn)?;

    let mut rows = Vec::with_capacity(issues.len());
    for issue in issues {
        let reporter = users::table
            .find(issue.reporter_id)
            .select(User::as_select())
            .first(conn)?;
        let comments: i64 = comments::table
            .filter(comments::issue_id.eq(issue.id))
            .count()
            .get_result(conn)?;
        rows.push(TriageRow { issue, reporter, comments });
    }
    Ok(rows)
}

/// GET /api/v2/projects/:id/triage — reporter joined, comment counts grouped.
pub fn triage(conn: &mut PgConnection, project_id: i32) -> QueryResult<Vec<TriageRow>> {
    let rows: Vec<(Issue, User)> = open_issues(project_id)
        .inner_join(users::table)
        .select((Issue::as_select(), User::as_select()))
        .load(conn)?;

    let ids: Vec<i32> = rows.iter().map(|(issue, _)| issue.id).collect();
    let counts: HashMap<i32, i64> = comments::table
        .filter(comments::issue_id.eq_any(&ids))
        .group_by(comments::issue_id)
        .select((comments::issue_id, count_star()))
        .load::<(i32, i64)>(conn)?
        .into_iter()
        .collect();

    Ok(rows
        .into_iter()
        .map(|(issue, reporter)| TriageRow {
            comments: counts.get(&issue.id).copied().unwrap_or(0),
            issue,
            reporter,
        })
        .collect())
}

/// POST /api/v1/projects/:id/close-resolved
pub fn close_resolved_v1(conn: &mut PgConnection, project_id: i32) -> QueryResult<usize> {
    let resolved: Vec<Issue> = issues::table
        .filter(issues::project_id.eq(project_id))
        .filter(issues::status.eq("resolved"))
        .select(Issue::as_select())
        .load(conn)?;

    let mut closed = 0;
    for issue in &resolved {
        closed += diesel::update(issues::table.find(issue.id))
            .set(issues::status.eq("closed"))
            .execute(conn)?;
    }
    Ok(closed)
}

/// POST /api/v2/projects/:id/close-resolved
pub fn close_resolved(conn: &mut PgConnection, project_id: i32) -> QueryResult<usize> {
    let ids: Vec<i32> = issues::table
        .filter(issues::project_id.eq(project_id))
        .filter(issues::status.eq("resolved"))
        .select(issues::id)
        .load(conn)?;

    diesel::update(issues::table.filter(issues::id.eq_any(&ids)))
        .set(issues::status.eq("closed"))
        .execute(conn)
}

/// GET /api/v1/projects/:id/export.csv
pub fn export_v1(conn: &mut PgConnection, project_id: i32) -> QueryResult<String> {
    let issues: Vec<Issue> = open_issues(project_id)
        .select(Issue::as_select())
        .load(conn)?;

    let mut csv = String::from("id,title,labels,link\n");
    for issue in &issues {
        let labels = label_names(conn, issue.id)?;
        let base_url: String = settings::table
            .find("base_url")
            .select(settings::value)
            .first(conn)?;
        csv.push_str(&format!(
            "{},{:?},{},{}/issues/{}\n",
            issue.id,
            issue.title,
            labels.join(";"),
            base_url,
            issue.id
        ));
    }
    Ok(csv)
}

/// GET /api/v2/projects/:id/export.csv
pub fn export(conn: &mut PgConnection, project_id: i32) -> QueryResult<String> {
    let issues: Vec<Issue> = open_issues(project_id)
        .select(Issue::as_select())
        .load(conn)?;
    let labels = IssueLabel::belonging_to(&issues)
        .inner_join(labels::table)
        .select((IssueLabel::as_select(), labels::name))
        .load::<(IssueLabel, String)>(conn)?
        .grouped_by(&issues);
    let base_url: String = settings::table
        .find("base_url")
        .select(settings::value)
        .first(conn)?;

    let mut csv = String::from("id,title,labels,link\n");
    for (issue, labels) in issues.iter().zip(labels) {
        let names: Vec<String> = labels.into_iter().map(|(_, name)| name).collect();
        csv.push_str(&format!(
            "{},{:?},{},{}/issues/{}\n",
            issue.id,
            issue.title,
            names.join(";"),
            base_url,
            issue.id
        ));
    }
    Ok(csv)
}

/// POST /api/issues/lookup — ids pasted by a user, possibly thousands.
pub fn issues_by_ids(conn: &mut PgConnection, ids: &[i32]) -> QueryResult<Vec<Issue>> {
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let batch = issues::table
            .filter(issues::id.eq_any(chunk))
            .select(Issue::as_select())
            .load(conn)?;
        found.extend(batch);
    }
    Ok(found)
}

/// GET /api/issues/:id
pub fn issue_page(conn: &mut PgConnection, id: i32) -> QueryResult<IssuePage> {
    let issue: Issue = issues::table
        .find(id)
        .select(Issue::as_select())
        .first(conn)?;
    let assignee = issue
        .assignee_id
        .map(|uid| users::table.find(uid).select(User::as_select()).first(conn))
        .transpose()?;
    Ok(IssuePage { issue, assignee })
}
