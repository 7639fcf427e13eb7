//! Settings read from the environment at startup.

use std::env;

#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: String,
    pub max_renewals: i32,
    pub daily_fine_cents: i64,
}

impl Settings {
    pub fn from_env() -> Result<Self, crate::AppError> {
        let database_url = env::var("DATABASE_URL")
            .map_err(|_| crate::AppError::Config("DATABASE_URL is not set".to_owned()))?;
        let max_renewals = read_number("LIBRARY_MAX_RENEWALS", 2)?;
        let daily_fine_cents = read_number("LIBRARY_DAILY_FINE_CENTS", 25)?;
        Ok(Settings {
            database_url,
            max_renewals: max_renewals as i32,
            daily_fine_cents,
        })
    }
}

fn read_number(name: &str, default: i64) -> Result<i64, crate::AppError> {
    match env::var(name) {
        Ok(raw) => raw
            .parse()
            .map_err(|_| crate::AppError::Config(format!("{name} is not a number"))),
        Err(_) => Ok(default),
    }
}
