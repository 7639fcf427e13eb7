//! Every `tests/fixtures/<rule>/pass*` case must be real, compiling SeaORM code.
//!
//! The cases are discovered at run time, so new rule folders are picked up with no
//! code change. One `cargo check` over a generated workspace (see
//! `ormlint_oracle::fixtures`) compiles them all against the real sea-orm; the
//! failure message lists every fixture that does not compile, with the compiler's
//! output. Fixtures that must not be compiled are listed, with reasons, in
//! `oracle/excluded.toml`.

use std::path::{Path, PathBuf};

use ormlint_oracle::fixtures::{self, Config};

#[test]
fn every_pass_fixture_compiles_against_real_sea_orm() {
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = oracle.parent().expect("the oracle lives in the repository root");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fixtures-compile");

    let all = fixtures::discover(&repo.join("tests").join("fixtures"));
    assert!(!all.is_empty(), "no pass fixtures found under {}", repo.join("tests/fixtures").display());
    let excluded = fixtures::load_exclusions(&oracle.join("excluded.toml"), &all);

    let config = Config {
        cargo: std::env::var_os("CARGO").map_or_else(|| "cargo".into(), PathBuf::from),
        workspace: scratch.join("workspace"),
        // Not the outer target dir: the running `cargo test` holds its build lock.
        target_dir: scratch.join("target"),
        lockfile: repo.join("Cargo.lock"),
        supplied: fixtures::supplied_dependencies(&oracle.join("Cargo.toml")),
    };
    let report = fixtures::check(&config, &all, &excluded);
    println!("{}", report.summary());
    assert!(report.all_compiled(), "some pass fixtures do not compile (see the summary above)");
}
