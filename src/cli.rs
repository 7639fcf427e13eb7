//! The command line: `ormlint [check] [PATHS]`, `ormlint graph`, `ormlint rules`, `ormlint explain <RULE>`.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::diagram::{self, DiagramFormat};
use crate::emit::{self, ColorMode, Format, Summary};
use crate::model::Project;
use crate::source_db::SourceDb;
use crate::{discover, graph, parse, resolve, rules};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// Exit codes (DESIGN.md 2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No error-level finding.
    Clean = 0,
    /// At least one error (or a warning with `--deny-warnings`).
    Findings = 1,
    /// ormlint could not do its job.
    Failure = 2,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}

#[derive(Parser, Debug)]
#[command(name = "ormlint", version, about = "Static analyzer for ORM relationship definitions (SeaORM)")]
// `check` is the default subcommand: `ormlint src/` means `ormlint check src/`.
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyze Rust sources (the default command).
    Check(CheckArgs),
    /// Print the entity-relationship diagram, with the relations that have findings marked.
    Graph(GraphArgs),
    /// List every rule with its default level and summary.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// A rule name, as `ormlint rules` lists it.
        rule: String,
    },
    /// Write an `ormlint.toml` listing every rule at its default level, with its options.
    Init {
        /// Where to write it.
        #[arg(default_value = "ormlint.toml")]
        path: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files or directories to analyze.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: full, concise, json, jsonl, github, gitlab or sarif. `FMT=PATH` writes
    /// that format to a file; repeat to get several (`--format github
    /// --format json=report.json`). At most one goes to standard output.
    #[arg(long, value_name = "FMT[=PATH]", value_parser = Format::parse_output, default_value = "full")]
    format: Vec<(Format, Option<PathBuf>)>,
    /// When to colour the full format.
    #[arg(long, value_enum, default_value_t = ColorMode::Auto)]
    color: ColorMode,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Exit with 0 even when there are findings (2 still means ormlint failed).
    #[arg(long, conflicts_with = "deny_warnings")]
    exit_zero: bool,
    /// Print how many findings each rule has on standard output, instead of
    /// the findings; `--format FMT=PATH` reports are still written.
    #[arg(long)]
    statistics: bool,
    /// Allow a rule, a family (`cascade`, `queries`, ...) or `all`: not reported.
    /// `-A`, `-W` and `-D` apply left to right, after the configuration file.
    #[arg(short = 'A', long = "allow", value_name = "RULE|FAMILY|all")]
    allow: Vec<String>,
    /// Report a rule, a family or `all` as warnings.
    #[arg(short = 'W', long = "warn", value_name = "RULE|FAMILY|all")]
    warn: Vec<String>,
    /// Report a rule, a family or `all` as errors.
    #[arg(short = 'D', long = "deny", value_name = "RULE|FAMILY|all")]
    deny: Vec<String>,
    /// `-A`/`-W`/`-D` in command-line order (filled from the parse).
    #[arg(skip)]
    levels: Vec<(crate::config::Level, String)>,
    /// Read one file's text from standard input, as if it were at PATH (an
    /// editor's unsaved buffer); the rest of its crate is read from disk and
    /// only this file's findings are reported.
    #[arg(long, value_name = "PATH", conflicts_with = "paths")]
    stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

/// How a run reads the project, shared by `check` and `graph`.
#[derive(clap::Args, Debug)]
struct InputArgs {
    /// Read rule levels and options from this file instead of the nearest
    /// `ormlint.toml` / `.ormlint.toml` above the current directory.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every configuration file: default levels and options.
    #[arg(long)]
    isolated: bool,
    /// Parser threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: Option<u16>,
    /// Follow symbolic links while walking directories, wherever they point
    /// (by default they are skipped, so nothing outside the given paths is read).
    #[arg(long)]
    follow_links: bool,
}

#[derive(clap::Args, Debug)]
struct GraphArgs {
    /// Files or directories to analyze.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Diagram format.
    #[arg(long, value_enum, default_value_t = DiagramFormat::Mermaid)]
    format: DiagramFormat,
    #[command(flatten)]
    input: InputArgs,
}

/// Everything a check produced, for the CLI and for tests.
pub struct CheckOutput {
    pub db: SourceDb,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems that did not stop the run (unreadable directories, bad manifests).
    pub warnings: Vec<String>,
}

/// A check's output with the project model its findings are about.
pub struct Analysis {
    pub project: Project,
    pub output: CheckOutput,
}

/// Run the pipeline on `paths` and keep only its findings.
pub fn check(paths: &[PathBuf], config: &Config) -> Result<CheckOutput, String> {
    analyze(paths, config, None).map(|analysis| analysis.output)
}

/// Run the pipeline on `paths`: discover, parse, resolve, graph, rules, sort.
/// `buffer` is `--stdin-filename`'s file, given as text instead of read from
/// disk: only its findings are reported.
pub fn analyze(
    paths: &[PathBuf],
    config: &Config,
    buffer: Option<(&std::path::Path, Vec<u8>)>,
) -> Result<Analysis, String> {
    let found = discover::discover(paths, &config.files, buffer).map_err(|e| e.0)?;
    let (packages, mut warnings) = discover::find_packages(&found.manifests);
    warnings.extend(found.warnings);
    let crates: parse::Crates = packages.iter().map(|p| p.crate_name.clone()).collect();
    let mut parsed = parse::parse_all(&found.sources, &crates);
    let functions = resolve::take_functions(&mut parsed);
    let tree = resolve::ModuleTree::build(&parsed, &packages, paths);
    let mut project = resolve::build_project(&tree, &parsed);
    project.functions = functions;
    // The module graph serves only `import-cycle`: not built when it is off.
    if !config.allowed_everywhere("import-cycle") {
        let options = &config.options.import_cycle;
        project.modules = resolve::module_graph(&tree, options.include_relation_refs, options.include_reexport_hubs);
    }
    drop(tree);
    // The rules read the project only: the per-file facts go before they run,
    // which lowers the peak. Texts and suppression comments stay for the output.
    let mut db = SourceDb::default();
    let mut suppressions = Vec::with_capacity(parsed.len());
    for file in parsed {
        let parsed = file.failure.is_none();
        suppressions.push(rules::FileSuppressions { comments: file.facts.suppressions, parsed });
        db.add(file.display, file.path, file.text);
    }
    let relation_graph = graph::RelationGraph::build(&project);
    let mut diagnostics =
        rules::run_all(&rules::Context { project: &project, graph: &relation_graph, options: &config.options });
    config.apply_levels(&mut diagnostics, &db);
    rules::apply_suppressions(&suppressions, &db, config, &mut diagnostics);
    if let Some(filter) = &found.report_only {
        diagnostics.retain(|d| filter.includes(&db.get(d.primary.file).path));
    }
    emit::sort(&db, &mut diagnostics);
    diagnostics.dedup();
    Ok(Analysis { project, output: CheckOutput { db, diagnostics, warnings } })
}

/// `--statistics`: findings per rule, most first.
fn statistics(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, Severity), usize> = std::collections::BTreeMap::new();
    for d in diagnostics {
        *counts.entry((d.rule, d.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|((rule_a, _), a), ((rule_b, _), b)| b.cmp(a).then(rule_a.cmp(rule_b)));
    let width = rows.iter().map(|((rule, _), _)| rule.len()).max().unwrap_or(0);
    for ((rule, severity), count) in rows {
        writeln!(out, "{count:>5}  {rule:width$}  {}", severity.as_str())?;
    }
    Ok(())
}

/// `-A`, `-W` and `-D` values in the order they were given.
fn levels_in_order(matches: &clap::ArgMatches) -> Vec<(crate::config::Level, String)> {
    use crate::config::Level;
    let mut given = Vec::new();
    for (id, level) in [("allow", Level::Allow), ("warn", Level::Warn), ("deny", Level::Deny)] {
        if let (Some(indices), Some(values)) = (matches.indices_of(id), matches.get_many::<String>(id)) {
            given.extend(indices.zip(values).map(|(i, v)| (i, level, v.clone())));
        }
    }
    given.sort_by_key(|(i, _, _)| *i);
    given.into_iter().map(|(_, level, target)| (level, target)).collect()
}

/// One `--format FMT=PATH` report, written whole (never coloured).
fn write_report(path: &std::path::Path, format: Format, output: &CheckOutput, summary: Summary) -> std::io::Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    emit::emit(&mut file, format, ColorMode::Never, &output.db, &output.diagnostics, summary)?;
    file.flush()
}

/// Parse `args` (including the program name) and run; never panics on user input.
pub fn run(args: Vec<OsString>) -> ExitStatus {
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command().try_get_matches_from(&args).and_then(|m| Ok((Cli::from_arg_matches(&m)?, m)));
    let cli = match parsed {
        Ok((mut cli, matches)) => {
            let check = match (&mut cli.command, matches.subcommand()) {
                (Some(Command::Check(args)), Some((_, sub))) => Some((args, sub)),
                (None, _) => Some((&mut cli.check, &matches)),
                _ => None,
            };
            if let Some((args, matches)) = check {
                args.levels = levels_in_order(matches);
            }
            cli
        }
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { ExitStatus::Failure } else { ExitStatus::Clean };
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let status = match cli.command {
        Some(Command::Rules) => list_rules(&mut out),
        Some(Command::Explain { rule }) => explain(&mut out, &rule),
        Some(Command::Init { path, force }) => init(&path, force),
        Some(Command::Check(args)) => run_check(&mut out, args),
        Some(Command::Graph(args)) => run_graph(&mut out, args),
        None => run_check(&mut out, cli.check),
    };
    let _ = out.flush();
    status
}

fn list_rules(out: &mut dyn Write) -> ExitStatus {
    let width = rules::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let family_width = rules::RULES.iter().map(|r| r.family.len()).max().unwrap_or(0);
    for rule in rules::RULES {
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {:family_width$}  {}",
            rule.name,
            rule.default_severity.as_str(),
            rule.family,
            rule.summary
        );
    }
    ExitStatus::Clean
}

fn explain(out: &mut dyn Write, name: &str) -> ExitStatus {
    match rules::find(name) {
        Some(rule) => {
            let _ = out.write_all(rule.doc.as_bytes());
            ExitStatus::Clean
        }
        None => {
            let names: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
            let suggestion =
                crate::config::closest(name, &names).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
            eprintln!("error: unknown rule `{name}`{suggestion}; `ormlint rules` lists them");
            ExitStatus::Failure
        }
    }
}

fn init(path: &std::path::Path, force: bool) -> ExitStatus {
    if path.exists() && !force {
        eprintln!("error: `{}` already exists; `--force` replaces it", path.display());
        return ExitStatus::Failure;
    }
    match std::fs::write(path, crate::config::template()) {
        Ok(()) => {
            println!(
                "wrote `{}`: every rule at its default level; edit the levels and options you want",
                path.display()
            );
            ExitStatus::Clean
        }
        Err(err) => {
            eprintln!("error: cannot write `{}`: {err}", path.display());
            ExitStatus::Failure
        }
    }
}

/// Say why an output could not be written; `true` if it failed. A closed
/// pipe (`ormlint .. | head`) is the reader's choice, not a failure.
fn report_write(written: std::io::Result<()>, path: Option<&std::path::Path>) -> bool {
    match written {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            let target = path.map_or_else(|| "output".to_string(), |p| format!("`{}`", p.display()));
            eprintln!("error: cannot write {target}: {err}");
            true
        }
        _ => false,
    }
}

/// `--stdin-filename`: the buffer, at most as large as a file ormlint reads.
fn read_stdin() -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(parse::MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > parse::MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!("more than {} MiB", parse::MAX_FILE_BYTES >> 20)));
    }
    Ok(bytes)
}

/// The configuration `--config`, `--isolated` or the nearest file asks for.
fn load_config(args: &InputArgs) -> Result<Config, String> {
    let path = match &args.config {
        _ if args.isolated => None,
        Some(path) => Some(path.clone()),
        None => std::env::current_dir().ok().and_then(|dir| Config::discover(&dir)),
    };
    let mut config = path.map_or_else(|| Ok(Config::default()), |p| Config::load(&p))?;
    config.files.follow_links |= args.follow_links;
    Ok(config)
}

fn run_check(out: &mut dyn Write, args: CheckArgs) -> ExitStatus {
    if args.format.iter().filter(|(_, path)| path.is_none()).count() > 1 {
        eprintln!("error: only one `--format` can write to standard output; give the others a file: `--format json=report.json`");
        return ExitStatus::Failure;
    }
    let mut reports: Vec<PathBuf> =
        args.format.iter().filter_map(|(_, path)| path.as_deref()).map(discover::identity).collect();
    reports.sort();
    if let Some(pair) = reports.windows(2).find(|pair| pair[0] == pair[1]) {
        eprintln!("error: two `--format` outputs write to `{}`", pair[0].display());
        return ExitStatus::Failure;
    }
    let config = load_config(&args.input).and_then(|mut config| {
        for (level, target) in &args.levels {
            config.set_level(target, *level)?;
        }
        Ok(config)
    });
    let config = match config {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitStatus::Failure;
        }
    };
    let (paths, buffer) = match &args.stdin_filename {
        Some(path) => match read_stdin() {
            Ok(bytes) => (Vec::new(), Some((path.as_path(), bytes))),
            Err(err) => {
                eprintln!("error: cannot read standard input: {err}");
                return ExitStatus::Failure;
            }
        },
        None => (args.paths.clone(), None),
    };
    let output = match in_pool(args.input.threads, || analyze(&paths, &config, buffer).map(|a| a.output)) {
        Ok(output) => output,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitStatus::Failure;
        }
    };
    for warning in &output.warnings {
        eprintln!("warning: {warning}");
    }
    let summary = Summary::of(output.db.len(), &output.diagnostics);
    // Every output that can be written is, whatever the order; one that
    // cannot makes the run fail (exit 2) after the others.
    let mut write_failed = false;
    if args.statistics {
        write_failed |= report_write(statistics(out, &output.diagnostics), None);
    }
    for (format, path) in &args.format {
        let written = match path {
            None if args.statistics => continue,
            None => emit::emit(out, *format, args.color, &output.db, &output.diagnostics, summary),
            Some(path) => write_report(path, *format, &output, summary),
        };
        write_failed |= report_write(written, path.as_deref());
    }
    if write_failed {
        return ExitStatus::Failure;
    }
    let failing = output
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning));
    if failing && !args.exit_zero {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// Run `job` on a worker pool of `threads` (default: one per core); a panic
/// becomes an error message, since it is a bug in ormlint, never the user's fault.
fn in_pool<T: Send>(threads: Option<u16>, job: impl FnOnce() -> Result<T, String> + Send) -> Result<T, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        // syn recurses once per nesting level; give deep (but accepted) files room.
        .stack_size(256 << 20)
        .build()
        .map_err(|err| format!("cannot start worker threads: {err}"))?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool.install(job))).unwrap_or_else(|_| {
        Err("internal error: ormlint crashed; please report this with the file that caused it".to_string())
    })
}

/// `ormlint graph`: the diagram on standard output. Findings only mark
/// relations, they do not fail the command: 0 unless ormlint could not run.
fn run_graph(out: &mut dyn Write, args: GraphArgs) -> ExitStatus {
    let analysis =
        load_config(&args.input).and_then(|config| in_pool(args.input.threads, || analyze(&args.paths, &config, None)));
    let analysis = match analysis {
        Ok(analysis) => analysis,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitStatus::Failure;
        }
    };
    for warning in &analysis.output.warnings {
        eprintln!("warning: {warning}");
    }
    let diagram = diagram::Diagram::build(&analysis.project, &analysis.output.db, &analysis.output.diagnostics);
    match diagram::emit(out, args.format, &diagram) {
        Ok(()) => ExitStatus::Clean,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(err) => {
            eprintln!("error: cannot write output: {err}");
            ExitStatus::Failure
        }
    }
}
