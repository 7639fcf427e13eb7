//! Settings, read once at startup by [`crate::main`] and kept in
//! [`crate::AppState`].

use std::env;

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub page_size: u64,
    pub front_page_size: usize,
}

impl Config {
    pub fn from_env() -> Self {
        Config {
            database_url: env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite::memory:".to_owned()),
            page_size: number("NEWSROOM_PAGE_SIZE", 20),
            front_page_size: number("NEWSROOM_FRONT_PAGE", 12) as usize,
        }
    }
}

fn number(name: &str, default: u64) -> u64 {
    env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
