//! `ormlint-bench gen` and `ormlint-bench run`: see the README's Benchmark section.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ormlint_bench::{gen, measure};

// The same allocator as ormlint: the baseline is the floor a syn-based tool
// can reach, and allocation inside `syn` is most of a parse.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "ormlint-bench", about = "Corpus generator and benchmark for ormlint")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write a SeaORM project of N entities (three formats, handlers, planted bugs in expected.txt).
    Gen {
        #[arg(long)]
        entities: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// One planted bug every this many entities (0: none).
        #[arg(long, default_value_t = 50)]
        bug_every: usize,
    },
    /// Measure the parse-only baseline and `ormlint check` on DIR (Linux).
    Run {
        dir: PathBuf,
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Threads for both (default: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// The ormlint binary (default: `ormlint` next to this binary).
        #[arg(long)]
        ormlint: Option<PathBuf>,
    },
    /// The measured baseline child: walk, read, parse; prints its counts as JSON.
    #[command(hide = true)]
    Baseline {
        dir: PathBuf,
        #[arg(long, default_value_t = 0)]
        threads: usize,
    },
}

fn main() -> ExitCode {
    // The same memory settings as ormlint, so the two differ only in their work.
    ormlint::memory::disable_transparent_huge_pages();
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cmd: Cmd) -> Result<(), String> {
    match cmd {
        Cmd::Gen { entities, out, seed, bug_every } => {
            let corpus = gen::generate(&gen::Options { entities, seed, bug_every });
            corpus.write(&out)?;
            eprintln!(
                "wrote {} files, {} lines, {} planted bugs to {}",
                corpus.files.len(),
                corpus.lines(),
                corpus.expected.len(),
                out.display()
            );
            Ok(())
        }
        Cmd::Run { dir, repeat, threads, ormlint } => {
            let ormlint = match ormlint {
                Some(path) => path,
                None => std::env::current_exe()
                    .map_err(|e| format!("cannot find the bench binary: {e}"))?
                    .with_file_name("ormlint"),
            };
            measure::run(&measure::RunOptions { dir, repeat, threads, ormlint })
        }
        Cmd::Baseline { dir, threads } => {
            let counts = measure::baseline(&dir, threads)?;
            println!("{}", measure::counts_json(&counts));
            Ok(())
        }
    }
}
