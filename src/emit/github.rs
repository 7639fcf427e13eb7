//! GitHub Actions workflow commands: `::error file=..,line=..::message`. The
//! runner turns each line into an annotation on the pull request's diff.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source_db::SourceDb;
use std::io::{self, Write};

pub fn emit(out: &mut dyn Write, db: &SourceDb, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        let (start, end) = db.range_positions(d.primary.file, &d.primary.range);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = super::message_with_notes(d);
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&db.get(d.primary.file).display),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("ormlint ({})", d.rule)),
            data(&message),
        )?;
    }
    Ok(())
}

/// The escaping the runner undoes in a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// The escaping the runner undoes in a property value, where `:` and `,` end it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_unescapes() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(property("C:\\a,b.rs"), "C%3A\\a%2Cb.rs");
    }
}
