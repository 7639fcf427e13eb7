//! `parse-error`: a file ormlint could not read as Rust. The rest of the
//! project is still analyzed.

use super::{Context, Findings, Rule};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    name: "parse-error",
    family: "input",
    default_severity: Severity::Error,
    summary: "a file that could not be read or parsed as Rust",
    doc: include_str!("../../rules/parse-error.md"),
    options: &[],
    check: Some(check),
};

fn check(ctx: &Context, out: &mut Findings) {
    for failure in &ctx.project.input_failures {
        out.report(&failure.span, failure.message.clone()).with_primary_label("here").with_note(
            "this file's entities are not analyzed; relations that point into it are not reported as unresolved",
        );
    }
}
