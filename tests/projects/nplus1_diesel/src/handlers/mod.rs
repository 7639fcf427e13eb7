pub mod async_issues;
pub mod issues;
pub mod projects;
