//! Request handlers of the events app (framework glue left out: each handler
//! takes the connection and its path parameters).

use crate::entity::{event, event_user, session, user};
use futures::future::try_join_all;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

/// One line of an event's printed program.
pub struct ProgramSlot {
    pub title: String,
    pub room: Option<String>,
    pub speaker: Option<String>,
}

/// `GET /events/:id/program`: the sessions of an event, in order, with their speakers.
pub async fn event_program(db: &DatabaseConnection, event_id: i32) -> Result<Vec<ProgramSlot>, DbErr> {
    let sessions = session::Entity::find()
        .filter(session::Column::EventId.eq(event_id))
        .order_by_asc(session::Column::StartsAt)
        .all(db)
        .await?;
    let mut program = Vec::with_capacity(sessions.len());
    for slot in sessions {
        // MISTAKE (i), n-plus-one: one `SELECT .. FROM users` per session. Fix:
        // `sessions.load_one(user::Entity, db)` before the loop, or
        // `find_also_related(user::Entity)` on the query above.
        let speaker = match slot.speaker_id {
            Some(id) => user::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        program.push(ProgramSlot { title: slot.title, room: slot.room, speaker: speaker.map(|u| u.full_name) });
    }
    Ok(program)
}

/// `GET /organizations/:id/events`: each event of an organization with its head count.
pub async fn organization_events(db: &DatabaseConnection, organization_id: i32) -> Result<Vec<(String, usize)>, DbErr> {
    let events = event::Entity::find().filter(event::Column::OrganizationId.eq(organization_id)).all(db).await?;
    // MISTAKE (j), n-plus-one through two helpers: `head_count` calls
    // `registrations`, which queries once per event. `try_join_all` overlaps
    // the queries but still sends one per event. Fix: load every registration
    // with `events.load_many(event_user::Entity, db)` and count per event.
    let counts = try_join_all(events.iter().map(|event| head_count(db, event))).await?;
    Ok(events.into_iter().map(|e| e.title).zip(counts).collect())
}

async fn head_count(db: &DatabaseConnection, event: &event::Model) -> Result<usize, DbErr> {
    Ok(registrations(db, event.id).await?.len())
}

async fn registrations(db: &DatabaseConnection, event_id: i32) -> Result<Vec<event_user::Model>, DbErr> {
    event_user::Entity::find().filter(event_user::Column::EventId.eq(event_id)).all(db).await
}

/// `GET /events/:id/program.txt`: the printable program.
pub async fn event_program_text(db: &DatabaseConnection, event_id: i32) -> Result<String, DbErr> {
    let program = event_program(db, event_id).await?;
    // MISTAKE (k), import-cycle: `handlers` calls into `reports`, and
    // `reports` takes `ProgramSlot` from `handlers`. Fix: move `ProgramSlot`
    // into a module of its own (`src/program.rs`) that both import.
    Ok(crate::reports::program_text(&program))
}
