//! `cargo xtask`: the project's automation (rust-analyzer style: a workspace member,
//! aliased in `.cargo/config.toml`, so it needs nothing but cargo).

mod bench;
mod check;
mod corpus;
mod eval;
mod stats;

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
        after_help = "Examples:\n  cargo xtask eval\n  cargo xtask eval --check\n  cargo xtask eval --bless\n  cargo xtask eval --json report.json --csv pages.csv"
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
        /// Write the tables as Markdown (for a CI job summary).
        #[arg(long)]
        markdown: Option<PathBuf>,
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
    },
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
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "corpus".into());
            Corpus::open(&dir, &name)
        }
    }
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
        Command::Bench { criterion } => {
            bench::bench(criterion)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { corpus } => {
            let corpus = open_corpus(corpus)?;
            print!("{}", stats::stats(&corpus)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            corpus,
            json,
            csv,
            markdown,
            check,
            bless,
            baseline,
            favor,
        } => {
            let corpus = open_corpus(corpus)?;
            eval::require_clean(&corpus)?;
            let favor = match favor {
                FavorArg::Precision => Favor::Precision,
                FavorArg::Balanced => Favor::Balanced,
                FavorArg::Recall => Favor::Recall,
            };
            let report = eval::evaluate(&corpus, favor)?;
            let table = report.render();
            print!("{table}");
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
            if bless {
                let previous = eval::Baseline::load(&baseline_path)?;
                let b = eval::Baseline::bless(previous, &report);
                std::fs::write(&baseline_path, serde_json::to_string_pretty(&b)? + "\n")?;
                println!("blessed {}", baseline_path.display());
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
