pub mod reindex;
pub mod worker;
