//! Reader comment moderation.

use sea_orm::DatabaseConnection;

use crate::error::{ApiError, ApiResult};
use crate::store::comments;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    Reject,
    Hold,
}

impl Verdict {
    pub fn as_state(self) -> &'static str {
        match self {
            Verdict::Approve => "approved",
            Verdict::Reject => "rejected",
            Verdict::Hold => "pending",
        }
    }
}

const BANNED: &[&str] = &["viagra", "casino", "crypto giveaway"];

/// What the filter decides before a human looks at a comment.
pub fn auto_verdict(body: &str) -> Verdict {
    let lower = body.to_lowercase();
    if BANNED.iter().any(|w| lower.contains(w)) {
        Verdict::Reject
    } else if lower.matches("http").count() > 2 {
        Verdict::Hold
    } else {
        Verdict::Approve
    }
}

pub async fn moderate(db: &DatabaseConnection, comment_id: i32, verdict: Verdict) -> ApiResult<()> {
    let changed = comments::set_state(db, vec![comment_id], verdict).await?;
    if changed == 0 {
        return Err(ApiError::NotFound("comment", comment_id));
    }
    Ok(())
}

/// Applies the automatic filter to the oldest pending comments, one update per verdict.
pub async fn sweep(db: &DatabaseConnection) -> ApiResult<u64> {
    let pending = comments::pending(db, 200).await?;
    let (approve, reject): (Vec<_>, Vec<_>) = pending
        .iter()
        .map(|c| (c.id, auto_verdict(&c.body)))
        .filter(|(_, v)| *v != Verdict::Hold)
        .partition(|(_, v)| *v == Verdict::Approve);
    let approved = comments::set_state(db, approve.into_iter().map(|(id, _)| id).collect(), Verdict::Approve).await?;
    let rejected = comments::set_state(db, reject.into_iter().map(|(id, _)| id).collect(), Verdict::Reject).await?;
    Ok(approved + rejected)
}
