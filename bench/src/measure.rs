//! `run` and its hidden `baseline` child: wall time and peak RSS of the
//! parse-only floor and of `ormlint check`, each in its own process so one's
//! memory never counts against the other. Linux only (`wait4` rusage).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// What the baseline read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub lines: usize,
    pub bytes: usize,
    pub parse_errors: usize,
}

/// The `.rs` files ormlint reads under `root`: its own discovery (hidden
/// files and ignore files respected, `target/` skipped), so both sides of the
/// benchmark see the same files.
pub fn rust_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    if !root.is_dir() {
        return Err(format!("{}: not a directory", root.display()));
    }
    let found = ormlint::discover::discover(&[root.to_path_buf()], &Default::default(), None).map_err(|e| e.0)?;
    Ok(found.sources.into_iter().map(|source| source.path).collect())
}

/// The floor: walk, read every file and `syn::parse_file` it on a pool of
/// `threads` (0: one per core); nothing is kept.
pub fn baseline(root: &Path, threads: usize) -> Result<Counts, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    pool.install(|| {
        let files = rust_files(root)?;
        let per_file: Vec<Result<Counts, String>> = files
            .par_iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let parse_errors = usize::from(syn::parse_file(&text).is_err());
                Ok(Counts { files: 1, lines: text.lines().count(), bytes: text.len(), parse_errors })
            })
            .collect();
        per_file.into_iter().try_fold(Counts::default(), |acc, c| {
            let c = c?;
            Ok(Counts {
                files: acc.files + c.files,
                lines: acc.lines + c.lines,
                bytes: acc.bytes + c.bytes,
                parse_errors: acc.parse_errors + c.parse_errors,
            })
        })
    })
}

/// One child process run: wall time from spawn to exit, peak RSS, output.
pub struct ChildRun {
    pub wall: Duration,
    pub max_rss_kb: u64,
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Run `cmd` and reap it with `wait4`, whose rusage gives the child's own
/// peak RSS (`ru_maxrss`, KiB on Linux).
pub fn run_child(mut cmd: Command) -> Result<ChildRun, String> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    // stderr on its own thread, so a child that fills it cannot block while we read stdout.
    let err_pipe = child.stderr.take();
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = err_pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    });
    if let Some(mut pipe) = child.stdout.take() {
        pipe.read_to_end(&mut stdout).map_err(|e| format!("cannot read child output: {e}"))?;
    }
    let pid = libc::pid_t::try_from(child.id()).map_err(|_| "child pid out of range".to_owned())?;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own unreaped child; both pointers are valid for the call.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if reaped != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()));
    }
    stderr.extend(err_thread.join().unwrap_or_default());
    let status = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
    Ok(ChildRun { wall, max_rss_kb: u64::try_from(usage.ru_maxrss).unwrap_or(0), status, stdout, stderr })
}

/// Options of `run`.
pub struct RunOptions {
    pub dir: PathBuf,
    pub repeat: usize,
    /// 0: one per core (both tools' default).
    pub threads: usize,
    pub ormlint: PathBuf,
}

struct Series {
    walls: Vec<Duration>,
    rss_kb: u64,
}

impl Series {
    fn median(&self) -> Duration {
        let mut w = self.walls.clone();
        w.sort();
        w[w.len() / 2]
    }
}

/// Measure both, `repeat` times each, alternating, and print the table.
pub fn run(opts: &RunOptions) -> Result<(), String> {
    let me = std::env::current_exe().map_err(|e| format!("cannot find the bench binary: {e}"))?;
    if !opts.ormlint.is_file() {
        return Err(format!(
            "{}: no ormlint binary; build it with `cargo build --release` or pass --ormlint PATH",
            opts.ormlint.display()
        ));
    }
    if !opts.dir.is_dir() {
        return Err(format!("{}: not a directory", opts.dir.display()));
    }
    let repeat = opts.repeat.max(1);
    let mut base = Series { walls: Vec::new(), rss_kb: 0 };
    let mut lint = Series { walls: Vec::new(), rss_kb: 0 };
    let mut counts = Counts::default();
    let mut lint_files = 0u64;
    let mut findings = 0usize;
    for _ in 0..repeat {
        let mut cmd = Command::new(&me);
        cmd.arg("baseline").arg(&opts.dir).arg("--threads").arg(opts.threads.to_string());
        let b = run_child(cmd)?;
        if b.status != 0 {
            return Err(format!("baseline failed: {}", String::from_utf8_lossy(&b.stderr).trim()));
        }
        counts = parse_counts(&b.stdout)?;
        base.walls.push(b.wall);
        base.rss_kb = base.rss_kb.max(b.max_rss_kb);

        let mut cmd = Command::new(&opts.ormlint);
        cmd.arg("check").arg(&opts.dir).args(["--format", "json", "--isolated"]);
        if opts.threads > 0 {
            cmd.arg("--threads").arg(opts.threads.to_string());
        }
        let o = run_child(cmd)?;
        if o.status != 0 && o.status != 1 {
            return Err(format!("ormlint exited {}: {}", o.status, String::from_utf8_lossy(&o.stderr).trim()));
        }
        let report: serde_json::Value =
            serde_json::from_slice(&o.stdout).map_err(|e| format!("ormlint printed no JSON report: {e}"))?;
        lint_files = report["summary"]["files"].as_u64().unwrap_or(0);
        findings = report["diagnostics"].as_array().map_or(0, Vec::len);
        lint.walls.push(o.wall);
        lint.rss_kb = lint.rss_kb.max(o.max_rss_kb);
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = if opts.threads == 0 { format!("all ({cores})") } else { opts.threads.to_string() };
    println!("corpus   {}", opts.dir.display());
    println!(
        "input    {} files, {} lines, {:.1} MB ({} parse errors)",
        counts.files,
        counts.lines,
        counts.bytes as f64 / 1e6,
        counts.parse_errors
    );
    println!("threads  {threads}, median of {repeat} run(s), peak RSS = max over runs\n");
    println!("{:<44} {:>10} {:>12}", "", "wall", "peak RSS");
    let row = |name: &str, s: &Series| {
        println!("{name:<44} {:>8.3} s {:>9.1} MB", s.median().as_secs_f64(), s.rss_kb as f64 / 1024.0);
    };
    row("(a) baseline: walk + read + syn::parse_file", &base);
    row("(b) ormlint check --format json", &lint);
    let ratio = lint.median().as_secs_f64() / base.median().as_secs_f64().max(1e-9);
    let rss_ratio = lint.rss_kb as f64 / (base.rss_kb.max(1)) as f64;
    println!("{:<44} {:>8.2} x {:>9.2} x", "ratio (b)/(a)", ratio, rss_ratio);
    let expected = std::fs::read_to_string(opts.dir.join("expected.txt")).map(|t| t.lines().count()).ok();
    println!(
        "\normlint  {lint_files} files, {findings} findings{}",
        expected.map(|n| format!(" ({n} planted in expected.txt)")).unwrap_or_default()
    );
    Ok(())
}

/// The hidden child's one-line report.
pub fn counts_json(c: &Counts) -> String {
    serde_json::json!({"files": c.files, "lines": c.lines, "bytes": c.bytes, "parse_errors": c.parse_errors})
        .to_string()
}

fn parse_counts(stdout: &[u8]) -> Result<Counts, String> {
    let v: serde_json::Value =
        serde_json::from_slice(stdout).map_err(|e| format!("baseline printed no report: {e}"))?;
    let get = |k: &str| v[k].as_u64().map(|n| n as usize).ok_or_else(|| format!("baseline report lacks {k}"));
    Ok(Counts { files: get("files")?, lines: get("lines")?, bytes: get("bytes")?, parse_errors: get("parse_errors")? })
}
