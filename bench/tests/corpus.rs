//! The generated corpus: planted bugs are found and nothing else is, output
//! does not depend on the thread count, and a seed means one corpus.

use std::path::{Path, PathBuf};

use ormlint::config::Config;
use ormlint::emit::{self, ColorMode, Format, Summary};
use ormlint_bench::gen::{generate, Options, PLANTED_RULES};

fn write(opts: &Options) -> (tempfile::TempDir, ormlint_bench::gen::Corpus) {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = generate(opts);
    corpus.write(dir.path()).expect("write corpus");
    (dir, corpus)
}

/// `check` in a pool of `threads`, rendered in `format`.
fn render(dir: &Path, threads: usize, format: Format) -> String {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
    let output = pool.install(|| ormlint::check(&[dir.to_path_buf()], &Config::default())).expect("check");
    let mut buf = Vec::new();
    let summary = Summary::of(output.db.len(), &output.diagnostics);
    emit::emit(&mut buf, format, ColorMode::Never, &output.db, &output.diagnostics, summary).expect("emit");
    String::from_utf8(buf).expect("utf-8")
}

#[test]
fn every_planted_bug_is_found_and_nothing_else() {
    let (dir, corpus) = write(&Options { entities: 60, seed: 7, bug_every: 10 });
    let prefix = format!("{}/", dir.path().display());
    let concise = render(dir.path(), 2, Format::Concise);
    // `path:line:col: severity: message [rule]` -> `path:line rule`
    let mut found: Vec<String> = concise
        .lines()
        .map(|l| {
            let l = l.strip_prefix(&prefix).unwrap_or(l);
            let mut parts = l.splitn(3, ':');
            let (path, line) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let rule = l.rsplit_once('[').map_or("", |(_, r)| r.trim_end_matches(']'));
            format!("{path}:{line} {rule}")
        })
        .collect();
    found.sort();
    let mut expected: Vec<String> = corpus.expected_text().lines().map(str::to_owned).collect();
    expected.sort();
    assert!(!found.iter().any(|f| f.ends_with(" parse-error")), "parse errors:\n{concise}");
    for rule in PLANTED_RULES {
        assert!(expected.iter().any(|e| e.ends_with(&format!(" {rule}"))), "no planted {rule}");
    }
    let missed: Vec<&String> = expected.iter().filter(|e| !found.contains(e)).collect();
    let extra: Vec<&String> = found.iter().filter(|f| !expected.contains(f)).collect();
    assert!(missed.is_empty() && extra.is_empty(), "missed: {missed:#?}\nunexpected: {extra:#?}\nall:\n{concise}");
}

#[test]
fn output_is_identical_with_1_and_8_threads() {
    let (dir, corpus) = write(&Options { entities: 500, seed: 11, bug_every: 50 });
    assert!(corpus.expected.len() >= 5);
    for format in [Format::Json, Format::Concise] {
        let one = render(dir.path(), 1, format);
        let eight = render(dir.path(), 8, format);
        assert!(one == eight, "{format:?} output differs between 1 and 8 threads");
        assert!(!one.is_empty());
    }
}

#[test]
fn a_seed_means_one_corpus() {
    let opts = Options { entities: 120, seed: 3, bug_every: 50 };
    let (a, b) = (generate(&opts), generate(&opts));
    assert_eq!(a.files, b.files);
    assert_eq!(a.expected_text(), b.expected_text());
    let other = generate(&Options { seed: 4, ..opts });
    assert_ne!(a.files, other.files);
    // And the bytes on disk are the bytes in memory.
    let (dir, corpus) = write(&opts);
    for (rel, text) in &corpus.files {
        let on_disk = std::fs::read_to_string(dir.path().join(rel)).expect("read back");
        assert_eq!(&on_disk, text, "{}", PathBuf::from(rel).display());
    }
}
