//! Newsroom API: articles, authors and reader comments over the shared
//! `newsroom-entity` crate. One request per run: `newsroom-api articles 2`.

mod config;
mod error;
mod handlers;
mod server;
mod services;
mod status;
mod store;

use sea_orm::{Database, DatabaseConnection};

use crate::config::Config;

/// Everything a request needs.
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Config,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env();
    let db = Database::connect(config.database_url.as_str()).await?;
    let state = AppState { db, config };
    let request = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let response = server::serve(&state, &request).await;
    println!("{response}");
    Ok(())
}
