//! The finding type every rule produces and every output format renders.

use crate::source_db::FileId;
use std::ops::Range;

/// How serious a finding is. Ordered so that `Error > Warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A byte range inside one source file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub range: Range<usize>,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// A secondary place a finding points at, with what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding: a rule, where it is, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The declaration that is wrong.
    pub primary: Span,
    /// What to say at the primary span (may be empty).
    pub primary_label: String,
    /// The other places involved (the other side of a relation, ...).
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(rule: &'static str, severity: Severity, primary: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            primary,
            primary_label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    pub fn with_primary_label(&mut self, text: impl Into<String>) -> &mut Self {
        self.primary_label = text.into();
        self
    }

    pub fn with_label(&mut self, span: Span, text: impl Into<String>) -> &mut Self {
        self.labels.push(Label { span, message: text.into() });
        self
    }

    pub fn with_note(&mut self, text: impl Into<String>) -> &mut Self {
        self.notes.push(text.into());
        self
    }

    pub fn with_help(&mut self, text: impl Into<String>) -> &mut Self {
        self.help = Some(text.into());
        self
    }
}
