//! Fine lines of a member account, computed from late returns.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::domain;
use crate::entity::loan;

/// `(loan id, fine in cents)` for every loan returned late, newest first.
pub(in crate::services::accounts) async fn late_returns<C: ConnectionTrait>(
    db: &C,
    member_id: i32,
    offset: u64,
    limit: u64,
    daily_cents: i64,
) -> Result<Vec<(i32, i64)>, DbErr> {
    let returned = loan::Entity::find()
        .filter(loan::Column::MemberId.eq(member_id))
        .filter(loan::Column::ReturnedOn.is_not_null())
        .order_by_desc(loan::Column::DueOn)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok(returned
        .iter()
        .filter_map(|l| {
            let back = l.returned_on?;
            let late = domain::days_late(l.due_on, back);
            (late > 0).then(|| (l.id, domain::fine_cents(late, daily_cents)))
        })
        .collect())
}
