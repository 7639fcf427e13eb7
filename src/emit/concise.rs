//! `path:line:col: severity: message [rule]`, the shape of gcc's messages that
//! VS Code's `$gcc` matcher, Vim's `errorformat` and Emacs' compile mode read.

use crate::diagnostic::Diagnostic;
use crate::source_db::SourceDb;
use std::io::{self, Write};

pub fn emit(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        let pos = db.line_col(d.primary.file, d.primary.range.start);
        // One finding is one line, whatever the message holds.
        let message = d.message.replace(['\r', '\n'], " ");
        writeln!(
            out,
            "{}:{}:{}: {}: {} [{}]",
            db.get(d.primary.file).display,
            pos.line,
            pos.column,
            d.severity.as_str(),
            message,
            d.rule
        )?;
    }
    Ok(())
}
