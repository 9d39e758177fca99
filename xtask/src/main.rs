//! `cargo xtask`: the project's automation (rust-analyzer style: a workspace member,
//! aliased in `.cargo/config.toml`, so it needs nothing but cargo).

mod bench;
mod check;
mod corpus;
mod diff;
mod eval;
mod history;
mod page_baseline;
mod report;
mod stats;
mod summary_md;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use corpus::{repo_root, Corpus};
use dechaff_strip::Favor;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "dechaff's corpus checks, statistics and evaluation harness"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Strip and extract every corpus page, score against the gold, print the tables.
    #[command(
        after_help = "Examples:\n  cargo xtask eval\n  cargo xtask eval --check\n  cargo xtask eval --bless\n  cargo xtask eval --json report.json --csv pages.csv\n  cargo xtask eval --diff\n  cargo xtask eval --page forum-03\n  cargo xtask eval --check --summary-md summary.md"
    )]
    Eval {
        /// A corpus directory in dechaff's layout (default: the repo's own).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Write the full report (summaries and every page) as JSON.
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write one CSV row per page.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write the tables as Markdown (a plain code block).
        #[arg(long)]
        markdown: Option<PathBuf>,
        /// Write the pull-request summary as Markdown: headline figures against the
        /// baseline, the pages that got better or worse, the body diffs folded.
        #[arg(long, value_name = "FILE")]
        summary_md: Option<PathBuf>,
        /// Print, instead of the tables, the body diff of every page that differs
        /// from its gold (`-` lost body, `+` kept chaff) and its entity errors.
        #[arg(long)]
        diff: bool,
        /// Print the diff of this page only (its file stem, as the listings name it).
        #[arg(long, value_name = "ID")]
        page: Option<String>,
        /// Fail, naming the metric, when a figure falls below the baseline.
        #[arg(long, conflicts_with = "bless")]
        check: bool,
        /// Rewrite the baseline with this run's figures.
        #[arg(long)]
        bless: bool,
        /// The baseline file.
        #[arg(long)]
        baseline: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
        favor: FavorArg,
        /// Learn each site's repeated lines from all its pages (the template of a
        /// bundled page, the host of a benchmark page) and drop them: the gain of site
        /// memory. Figures differ from the baseline's, which is made without it.
        #[arg(long, conflicts_with_all = ["check", "bless"])]
        site_memory: bool,
        /// Keep comment sections as body (`dechaff --comments`): for sets whose gold
        /// counts readers' comments and forum replies as content. Figures differ from
        /// the baseline's, which is made without it.
        #[arg(long, conflicts_with_all = ["check", "bless"])]
        comments: bool,
        /// Entity convention: dechaff's or re3d's (mentions: determiners, pronouns,
        /// countries acting as organisations). Default: the corpus's own (re3d for a
        /// re3d layout).
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Score another tool's output instead of dechaff's: DIR/<page id>.txt, one
        /// paragraph per line (a missing file is an empty body). Only the body figures
        /// mean anything then; `xtask/peers/peers.py --write DIR` writes them for
        /// resiliparse and trafilatura.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["check", "bless", "site_memory"])]
        predicted: Option<PathBuf>,
    },
    /// Write a self-contained HTML report: figures per set and page type, precision
    /// and recall per page, the history of blessed runs, every body diff.
    #[command(
        after_help = "Examples:\n  cargo xtask report\n  cargo xtask report --corpus . --corpus ../shared/data/wcxb-dev -o wcxb.html"
    )]
    Report {
        /// A corpus directory (repeatable; default: the repo's own). `.` is the repo's.
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// Where the report goes.
        #[arg(short, long, default_value = "target/dechaff-report/index.html")]
        output: PathBuf,
        /// The baseline the figures are compared with.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// The history of blessed runs.
        #[arg(long)]
        history: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
        favor: FavorArg,
    },
    /// Validate every annotation file against the schema and its page.
    Check {
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Count pages per template and format, paragraphs, chaff blocks, entity mentions.
    Stats {
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Time whole batches (pages/s, MB/s; one thread and all cores) on the bundled
    /// corpus and the real pages in ../shared/data.
    Bench {
        /// Also run the per-page criterion benches.
        #[arg(long)]
        criterion: bool,
        /// Also time resiliparse and trafilatura on the same real pages (installed
        /// into target/peers-venv by pip; skipped with a message without Python).
        #[arg(long)]
        peers: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum StyleArg {
    Dechaff,
    Re3d,
}

#[derive(Clone, Copy, ValueEnum)]
enum FavorArg {
    Precision,
    Balanced,
    Recall,
}

fn open_corpus(dir: Option<PathBuf>) -> Result<Corpus> {
    match dir {
        None => Corpus::open(&repo_root(), "bundled"),
        Some(dir) => {
            if !dir.exists() {
                bail!("{}: no such corpus directory", dir.display());
            }
            let canonical = dir.canonicalize().ok();
            // The repo's own corpus keeps its name however it is reached.
            if canonical.is_some() && canonical == repo_root().canonicalize().ok() {
                return Corpus::open(&repo_root(), "bundled");
            }
            let name = canonical
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "corpus".into());
            Corpus::open(&dir, &name)
        }
    }
}

fn favor(arg: FavorArg) -> Favor {
    match arg {
        FavorArg::Precision => Favor::Precision,
        FavorArg::Balanced => Favor::Balanced,
        FavorArg::Recall => Favor::Recall,
    }
}

/// `path` relative to the repository root when it lies under it, for messages.
fn shown(path: &std::path::Path) -> String {
    path.strip_prefix(repo_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `eval --diff` and `eval --page`: the diffs, coloured on a terminal.
fn print_diffs(report: &eval::Report, only: Option<&str>) -> Result<()> {
    use std::io::{IsTerminal, Write};
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = std::io::stdout().lock();
    let mut differing = 0;
    for page in &report.pages {
        let wanted = match only {
            Some(id) => page.id() == id,
            None => page.body_differs(),
        };
        differing += usize::from(page.body_differs());
        if wanted {
            let d = diff::page_diff(page);
            // A closed pipe (`| head`) ends the listing quietly.
            if writeln!(out, "{}", diff::render_terminal(page, &d, color)).is_err() {
                return Ok(());
            }
        }
    }
    if only.is_none() {
        let _ = writeln!(
            out,
            "{differing} of {} pages differ from the gold ({})",
            report.pages.len(),
            report.corpus
        );
    }
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check { corpus } => {
            let corpus = open_corpus(corpus)?;
            let findings = check::check(&corpus)?;
            for f in &findings {
                println!("{f}");
            }
            if findings.is_empty() {
                println!("{} pages, all annotations check", corpus.pages.len());
                Ok(ExitCode::SUCCESS)
            } else {
                println!(
                    "{} problem(s) in {} pages",
                    findings.len(),
                    corpus.pages.len()
                );
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Bench { criterion, peers } => {
            bench::bench(criterion, peers)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { corpus } => {
            let corpus = open_corpus(corpus)?;
            print!("{}", stats::stats(&corpus)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            corpus,
            output,
            baseline,
            history,
            favor: favor_arg,
        } => {
            let dirs: Vec<Option<PathBuf>> = if corpus.is_empty() {
                vec![None]
            } else {
                corpus.into_iter().map(Some).collect()
            };
            let mut reports = Vec::new();
            for dir in dirs {
                let corpus = open_corpus(dir)?;
                eval::require_clean(&corpus)?;
                if reports
                    .iter()
                    .any(|r: &eval::Report| r.corpus == corpus.name)
                {
                    bail!("corpus {} given twice", corpus.name);
                }
                reports.push(eval::evaluate(
                    &corpus,
                    &eval::EvalOptions {
                        favor: favor(favor_arg),
                        ..Default::default()
                    },
                )?);
            }
            let baseline_path =
                baseline.unwrap_or_else(|| repo_root().join("annotations/baseline.json"));
            let baseline = eval::Baseline::load(&baseline_path)?;
            let history_path = history.unwrap_or_else(|| repo_root().join("eval/history.csv"));
            let history = match history::load(&history_path)? {
                Some(rows) => report::History::Rows(rows),
                None => report::History::Missing,
            };
            let html = report::build(&report::Inputs {
                reports: &reports,
                baseline: baseline.as_ref(),
                history: &history,
                history_name: &shown(&history_path),
                generated: &history::utc_now(),
                commit: &history::current_commit(&repo_root()),
            });
            if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
            }
            std::fs::write(&output, html).with_context(|| output.display().to_string())?;
            if matches!(history, report::History::Missing) {
                eprintln!(
                    "note: {} is absent; the report has no history chart",
                    shown(&history_path)
                );
            }
            println!("wrote {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            corpus,
            json,
            csv,
            markdown,
            summary_md,
            diff,
            page,
            check,
            bless,
            baseline,
            favor: favor_arg,
            site_memory,
            comments,
            style,
            predicted,
        } => {
            let corpus = open_corpus(corpus)?;
            if let Some(id) = &page {
                diff::require_page(id, &corpus.name, corpus.pages.iter().map(|p| p.id.as_str()))?;
            }
            eval::require_clean(&corpus)?;
            let report = eval::evaluate(
                &corpus,
                &eval::EvalOptions {
                    favor: favor(favor_arg),
                    comments,
                    style: style.map(|s| match s {
                        StyleArg::Dechaff => dechaff_extract::Style::Dechaff,
                        StyleArg::Re3d => dechaff_extract::Style::Re3d,
                    }),
                    site_memory,
                    predicted,
                },
            )?;
            let table = report.render();
            if diff || page.is_some() {
                print_diffs(&report, page.as_deref())?;
            } else {
                print!("{table}");
            }
            if let Some(path) = json {
                let text = serde_json::to_string_pretty(&report)?;
                std::fs::write(&path, text).with_context(|| path.display().to_string())?;
            }
            if let Some(path) = csv {
                report.write_csv(&path)?;
            }
            if let Some(path) = markdown {
                let md = format!("### dechaff eval: {}\n\n```\n{table}```\n", report.corpus);
                std::fs::write(&path, md).with_context(|| path.display().to_string())?;
            }
            let baseline_path =
                baseline.unwrap_or_else(|| repo_root().join("annotations/baseline.json"));
            let eval_dir = repo_root().join("eval");
            let pages_path = page_baseline::path_for(&eval_dir, &report.corpus);
            if let Some(path) = summary_md {
                let baseline = eval::Baseline::load(&baseline_path)?;
                let blessed = page_baseline::load(&pages_path)?;
                let md = summary_md::render(&summary_md::Inputs {
                    report: &report,
                    baseline: baseline.as_ref(),
                    baseline_name: &shown(&baseline_path),
                    blessed_pages: blessed.as_ref(),
                    pages_name: &shown(&pages_path),
                    diff_budget: summary_md::DIFF_BUDGET,
                });
                std::fs::write(&path, md).with_context(|| path.display().to_string())?;
            }
            if bless {
                let previous = eval::Baseline::load(&baseline_path)?;
                let b = eval::Baseline::bless(previous, &report);
                // Read the history first: a malformed file stops the bless before
                // anything is written.
                let history_path = eval_dir.join("history.csv");
                history::load(&history_path)?;
                std::fs::write(&baseline_path, serde_json::to_string_pretty(&b)? + "\n")?;
                println!("blessed {}", baseline_path.display());
                page_baseline::write(&pages_path, &report)?;
                println!("blessed {}", shown(&pages_path));
                let rows = history::rows_for(
                    &report,
                    &history::utc_now(),
                    &history::current_commit(&repo_root()),
                );
                history::append(&history_path, &rows)?;
                println!("appended {} row(s) to {}", rows.len(), shown(&history_path));
            }
            if check {
                let Some(b) = eval::Baseline::load(&baseline_path)? else {
                    bail!(
                        "{}: no baseline to check against (run `cargo xtask eval --bless`)",
                        baseline_path.display()
                    );
                };
                let regressions = b.regressions(&report);
                if !regressions.is_empty() {
                    for r in &regressions {
                        eprintln!("regression: {r}");
                    }
                    eprintln!(
                        "{} figure(s) fell below {}",
                        regressions.len(),
                        baseline_path.display()
                    );
                    return Ok(ExitCode::FAILURE);
                }
                println!(
                    "no figure fell below {} (tolerance {})",
                    baseline_path.display(),
                    b.tolerance
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
