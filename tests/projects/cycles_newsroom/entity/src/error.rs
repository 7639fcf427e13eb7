//! Errors of the entity crate's own helpers.

use std::fmt;

/// A value of `article.status` that is not one of the known states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseStatusError(pub String);

impl fmt::Display for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown article status `{}`", self.0)
    }
}

impl std::error::Error for ParseStatusError {}
