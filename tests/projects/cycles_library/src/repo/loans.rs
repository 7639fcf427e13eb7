//! Loan queries used by the lending service and the nightly fine run.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, PaginatorTrait, QueryFilter};

#[allow(unused_imports)]
use crate::services::lending::*;

use crate::entity::loan;

pub async fn open_for_member<C: ConnectionTrait>(db: &C, member_id: i32) -> Result<Vec<loan::Model>, DbErr> {
    loan::Entity::find_open()
        .filter(loan::Column::MemberId.eq(member_id))
        .all(db)
        .await
}

pub async fn count_open<C: ConnectionTrait>(db: &C, member_id: i32) -> Result<u64, DbErr> {
    loan::Entity::find_open()
        .filter(loan::Column::MemberId.eq(member_id))
        .count(db)
        .await
}

pub async fn overdue_on<C: ConnectionTrait>(db: &C, day: NaiveDate) -> Result<Vec<loan::Model>, DbErr> {
    loan::Entity::find_open()
        .filter(loan::Column::DueOn.lt(day))
        .all(db)
        .await
}

pub async fn open_for_copy<C: ConnectionTrait>(db: &C, copy_id: i32) -> Result<Option<loan::Model>, DbErr> {
    loan::Entity::find_open()
        .filter(loan::Column::CopyId.eq(copy_id))
        .one(db)
        .await
}
