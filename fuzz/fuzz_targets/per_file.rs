//! The per-file stage on any bytes: decode, `syn` parse, fact extraction,
//! suppression comments. Whatever comes in, nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = data.to_vec();
    // As `ormlint check` does: on a thread with a large stack, since syn recurses.
    let parsed = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let crates = ["entity".to_string()].into_iter().collect();
            let (text, facts, failure) = ormlint::parse::parse_bytes(bytes, &crates);
            // Spans must lie inside the text the diagnostics will quote.
            if let Some(failure) = &failure {
                assert!(failure.range.start <= failure.range.end && failure.range.end <= text.len());
            }
            for suppression in &facts.suppressions {
                assert!(suppression.span.end <= text.len());
                assert!(text.is_char_boundary(suppression.span.start) && text.is_char_boundary(suppression.span.end));
            }
        })
        .expect("a parser thread starts");
    parsed.join().expect("the per-file stage does not panic");
});
