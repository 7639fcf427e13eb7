//! Small helpers shared by handlers and services.

/// Turns a missing row into `AppError::NotFound`:
/// `found_or_404!("book", id, Book::find_by_id(id).one(db).await?)?`.
#[macro_export]
macro_rules! found_or_404 {
    ($what:literal, $id:expr, $row:expr) => {
        $row.ok_or($crate::AppError::NotFound($what, $id))
    };
}

/// Returns early with `AccountError::Suspended` when the member is not active.
#[macro_export]
macro_rules! ensure_active {
    ($member:expr) => {
        if !$member.active {
            return Err($crate::services::accounts::AccountError::Suspended($member.id));
        }
    };
}

/// Page number (1-based) and page size to `(offset, limit)`, size capped at 100.
pub fn clamp_page(page: u64, per_page: u64) -> (u64, u64) {
    let per_page = per_page.clamp(1, 100);
    (page.saturating_sub(1) * per_page, per_page)
}
