//! Project board endpoints (sync Diesel, run inside `spawn_blocking`).

use diesel::prelude::*;
use diesel::PgConnection;

use crate::models::{Issue, Project, User};
use crate::schema::{issues, projects, users};

#[derive(Debug)]
pub struct Column {
    pub project: Project,
    pub issues: Vec<Issue>,
}

fn active_projects(conn: &mut PgConnection) -> QueryResult<Vec<Project>> {
    projects::table
        .filter(projects::archived.eq(false))
        .order(projects::name.asc())
        .select(Project::as_select())
        .load(conn)
}

/// GET /api/v1/board
pub fn board_v1(conn: &mut PgConnection) -> QueryResult<Vec<Column>> {
    let projects = active_projects(conn)?;

    let mut columns = Vec::with_capacity(projects.len());
    for project in projects {
        let issues = Issue::belonging_to(&project)
            .select(Issue::as_select())
            .order(issues::created_at.desc())
            .load(conn)?;
        columns.push(Column { project, issues });
    }
    Ok(columns)
}

/// GET /api/v2/board — one query for all issues, grouped in memory.
pub fn board(conn: &mut PgConnection) -> QueryResult<Vec<Column>> {
    let projects = active_projects(conn)?;
    let issues = Issue::belonging_to(&projects)
        .select(Issue::as_select())
        .order(issues::created_at.desc())
        .load(conn)?
        .grouped_by(&projects);

    Ok(projects
        .into_iter()
        .zip(issues)
        .map(|(project, issues)| Column { project, issues })
        .collect())
}

/// GET /api/v1/projects/owners
pub fn owners_v1(conn: &mut PgConnection) -> QueryResult<Vec<(Project, User)>> {
    let projects = active_projects(conn)?;
    let owners = projects
        .iter()
        .map(|p| users::table.find(p.owner_id).select(User::as_select()).first(conn))
        .collect::<QueryResult<Vec<User>>>()?;
    Ok(projects.into_iter().zip(owners).collect())
}

/// GET /api/v2/projects/owners
pub fn owners(conn: &mut PgConnection) -> QueryResult<Vec<(Project, User)>> {
    projects::table
        .inner_join(users::table)
        .filter(projects::archived.eq(false))
        .order(projects::name.asc())
        .select((Project::as_select(), User::as_select()))
        .load(conn)
}

/// GET /api/projects/:id/stats — one counter per workflow column.
pub fn status_counts(conn: &mut PgConnection, project_id: i32) -> QueryResult<Vec<(&'static str, i64)>> {
    let mut counts = Vec::new();
    for status in ["open", "in_progress", "review", "closed"] {
        let n = issues::table
            .filter(issues::project_id.eq(project_id))
            .filter(issues::status.eq(status))
            .count()
            .get_result(conn)?;
        counts.push((status, n));
    }
    Ok(counts)
}
