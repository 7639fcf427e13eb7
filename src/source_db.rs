//! The one place that knows file names, texts and line/column arithmetic.
//!
//! Every output format (full, concise, json) asks this database, so a column
//! means the same thing everywhere: 1-based, counted in characters.

use codespan_reporting::files::{self, Files};
use std::ops::Range;
use std::path::PathBuf;

pub type FileId = usize;

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

pub struct SourceFile {
    /// The path as shown to the user: as given on the command line, `/`-separated.
    pub display: String,
    /// The path on disk.
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

#[derive(Default)]
pub struct SourceDb {
    files: Vec<SourceFile>,
}

impl SourceDb {
    pub fn add(&mut self, display: String, path: PathBuf, text: String) -> FileId {
        let line_starts = files::line_starts(&text).collect();
        self.files.push(SourceFile { display, path, text, line_starts });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Line and character column of a byte offset (clamped to the file).
    pub fn line_col(&self, id: FileId, byte: usize) -> LineCol {
        let file = &self.files[id];
        let byte = floor_char_boundary(&file.text, byte.min(file.text.len()));
        let line = file.line_starts.partition_point(|&start| start <= byte).saturating_sub(1);
        let mut column = file.text[file.line_starts[line]..byte].chars().count();
        // A byte order mark is not a character any editor counts.
        if line == 0 && byte > 0 && file.text.starts_with('\u{feff}') {
            column -= 1;
        }
        LineCol { line: line + 1, column: column + 1 }
    }

    /// Start and end positions of a byte range.
    pub fn range_positions(&self, id: FileId, range: &Range<usize>) -> (LineCol, LineCol) {
        (self.line_col(id, range.start), self.line_col(id, range.end))
    }
}

fn floor_char_boundary(text: &str, mut byte: usize) -> usize {
    while byte > 0 && !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

impl<'a> Files<'a> for SourceDb {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id).map(|f| f.display.as_str()).ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, files::Error> {
        self.files.get(id).map(|f| f.text.as_str()).ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, files::Error> {
        let file = self.files.get(id).ok_or(files::Error::FileMissing)?;
        Ok(file.line_starts.partition_point(|&start| start <= byte_index).saturating_sub(1))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let file = self.files.get(id).ok_or(files::Error::FileMissing)?;
        let start = *file
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge { given: line_index, max: file.line_starts.len() - 1 })?;
        let end = file.line_starts.get(line_index + 1).copied().unwrap_or(file.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_survive_crlf() {
        let mut db = SourceDb::default();
        let id = db.add("a.rs".into(), "a.rs".into(), "é\tx\r\nfn ü() {}\n".into());
        assert_eq!(db.line_col(id, 0), LineCol { line: 1, column: 1 });
        // 'x' is after 'é' (2 bytes) and a tab: third character.
        assert_eq!(db.line_col(id, 3), LineCol { line: 1, column: 3 });
        // 'ü' on line 2: after "fn ".
        let second = "é\tx\r\n".len();
        assert_eq!(db.line_col(id, second + 3), LineCol { line: 2, column: 4 });
        // A byte in the middle of 'ü' clamps to its start.
        assert_eq!(db.line_col(id, second + 4), LineCol { line: 2, column: 4 });
        // A byte order mark takes no column.
        let bom = db.add("b.rs".into(), "b.rs".into(), "\u{feff}struct A;\n".into());
        assert_eq!(db.line_col(bom, 3), LineCol { line: 1, column: 1 });
        assert_eq!(db.line_col(bom, 3 + "struct ".len()), LineCol { line: 1, column: 8 });
    }
}
