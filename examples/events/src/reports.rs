//! Printable reports built from what the handlers load.

// The other half of MISTAKE (k): this `use` closes the cycle with `handlers`.
use crate::handlers::ProgramSlot;

/// The program as plain text, one line per session: `title (room) - speaker`.
pub fn program_text(slots: &[ProgramSlot]) -> String {
    let lines: Vec<String> = slots
        .iter()
        .map(|slot| {
            let room = slot.room.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
            let speaker = slot.speaker.as_deref().map(|s| format!(" - {s}")).unwrap_or_default();
            format!("{}{room}{speaker}", slot.title)
        })
        .collect();
    lines.join("\n")
}
