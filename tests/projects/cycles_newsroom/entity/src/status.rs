//! Editorial status of an article, stored as text in `article.status`.

use std::fmt;
use std::str::FromStr;

use sea_orm::{ColumnTrait, Condition};

use crate::error::ParseStatusError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Draft,
    InReview,
    Published,
    Retracted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Published => "published",
            Status::Retracted => "retracted",
        }
    }

    pub fn is_visible(self) -> bool {
        self == Status::Published
    }
}

impl FromStr for Status {
    type Err = ParseStatusError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        match raw {
            "draft" => Ok(Status::Draft),
            "in_review" => Ok(Status::InReview),
            "published" => Ok(Status::Published),
            "retracted" => Ok(Status::Retracted),
            other => Err(ParseStatusError(other.to_owned())),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Articles readers may see: published and with a publication time.
pub fn visible() -> Condition {
    Condition::all()
        .add(super::article::Column::Status.eq(Status::Published.as_str()))
        .add(super::article::Column::PublishedAt.is_not_null())
}
