//! The `dechaff` command: a thin layer over `dechaff-strip` and `dechaff-extract`.

mod batch;
mod inputs;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dechaff_extract::Extractor;
use dechaff_strip::{
    decode_page_declared, strip, strip_until, Favor, Format, Limits, Options, Stripped,
};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(
    name = "dechaff",
    version,
    about = "Turn scraped news pages into clean articles and typed defence entities.",
    long_about = "Turn scraped news pages into clean articles and typed defence entities.\n\n\
A page is raw HTML or a text dump (one block per line, as scrapers and HTML-to-text \
converters hand pages over); dechaff tells which from the content. Pages may be gzip'd. \
Give files, directories (walked recursively, in path order) or - for standard input.",
    after_help = "Examples:\n  dechaff strip corpus/defblog-01.txt\n  dechaff strip --explain page.html | less\n  dechaff extract page.html > article.json\n  dechaff extract --jsonl crawl/ -o articles.jsonl\n  dechaff extract --jsonl CC-MAIN-00001.warc.gz > articles.jsonl\n  dechaff extract --no-strip report.txt\n\nExit status: 0 when every page was processed, 2 when a page or an argument failed \
(failed pages are reported and the batch goes on)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print each page's body, one paragraph per line.
    #[command(
        after_help = "Examples:\n  dechaff strip corpus/defblog-01.txt\n  dechaff strip --favor recall page.html\n  dechaff strip --explain page.html\n  cat page.html | dechaff strip -\n  dechaff strip --jsonl crawl/ > bodies.jsonl"
    )]
    Strip {
        #[command(flatten)]
        common: CommonArgs,
        /// Show every block, kept or dropped, with the rule that decided.
        #[arg(long, conflicts_with = "jsonl")]
        explain: bool,
    },
    /// Print each page's article as JSON: fields, body, and entities with offsets.
    #[command(
        after_help = "Examples:\n  dechaff extract corpus/wire-01.html\n  dechaff extract --jsonl --jobs 8 crawl/ -o articles.jsonl\n  dechaff extract --no-strip --format text notes.txt\n\nOne page prints one pretty JSON object; several pages print JSON Lines, one \
record per page: {\"source\": PATH, \"article\": {...}} or {\"source\": PATH, \"error\": REASON}."
    )]
    Extract {
        #[command(flatten)]
        common: CommonArgs,
        /// Take each file whole as the body: `text` is the file verbatim and entity
        /// offsets point into it. No fields are read.
        #[arg(long)]
        no_strip: bool,
    },
}

#[derive(clap::Args)]
struct CommonArgs {
    /// Pages: files, directories (recursive), WARC files (.warc, .warc.gz), or - for
    /// standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Override format detection.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Which error to prefer on doubtful blocks.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// Refuse pages (and WARC records) larger than this many bytes (after gunzip).
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    max_bytes: usize,
    /// Give up on a page after this many milliseconds of work and report it as failed
    /// (0: no limit). Every stage is linear in the page's size; this guards a batch
    /// against pages that are merely huge.
    #[arg(long, default_value_t = 10_000)]
    timeout_ms: u64,
    /// Write JSON Lines: one record per page, with its source path.
    #[arg(long)]
    jsonl: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Pages processed in parallel (default: all cores). Output order does not change.
    #[arg(short, long)]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Html,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum FavorArg {
    Precision,
    Balanced,
    Recall,
}

impl CommonArgs {
    fn options(&self) -> Options {
        Options {
            format: self.format.map(|f| match f {
                FormatArg::Html => Format::Html,
                FormatArg::Text => Format::Text,
            }),
            favor: match self.favor {
                FavorArg::Precision => Favor::Precision,
                FavorArg::Balanced => Favor::Balanced,
                FavorArg::Recall => Favor::Recall,
            },
        }
    }

    fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.max_bytes,
        }
    }

    fn jobs(&self) -> usize {
        self.jobs
            .filter(|j| *j > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    fn open_output(&self) -> Result<Box<dyn Write>> {
        Ok(match &self.output {
            Some(path) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(path).with_context(|| path.display().to_string())?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`dechaff strip x | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dechaff: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let (common, mode) = match &cli.command {
        Command::Strip { common, explain } => {
            (common, if *explain { Mode::Explain } else { Mode::Strip })
        }
        Command::Extract { common, no_strip } => (
            common,
            if *no_strip {
                Mode::ExtractWhole
            } else {
                Mode::Extract
            },
        ),
    };
    let sources = inputs::collect(&common.inputs)?;
    let has_warc = sources.iter().any(|s| matches!(s, inputs::Source::Warc(_)));
    let files = (!has_warc).then_some(sources.len());
    let several = has_warc || sources.len() > 1;
    // Several articles are JSON Lines whether asked or not: pretty objects one after
    // another would not be valid JSON.
    let jsonl = common.jsonl || (several && matches!(mode, Mode::Extract | Mode::ExtractWhole));
    let options = common.options();
    let limits = common.limits();
    let timeout = (common.timeout_ms > 0).then(|| Duration::from_millis(common.timeout_ms));
    let work = |id: &inputs::PageId, bytes: Vec<u8>, charset: Option<&str>| -> Result<String> {
        // A page's clock starts when its work does, not when the batch did.
        let deadline = timeout.map(|t| Instant::now() + t);
        let text = decode_page_declared(&bytes, &limits, charset)?;
        render(mode, jsonl, id, &text, &options, deadline)
    };
    let pages = inputs::Pages::new(sources, common.max_bytes);
    let mut out = common.open_output()?;
    let totals = if jsonl {
        let mut write = batch::jsonl_writer(&mut out);
        batch::run(
            pages,
            files,
            common.jobs(),
            common.max_bytes,
            &work,
            &mut write,
        )?
    } else {
        let mut write = batch::text_writer(&mut out, several);
        batch::run(
            pages,
            files,
            common.jobs(),
            common.max_bytes,
            &work,
            &mut write,
        )?
    };
    out.flush()?;
    Ok(if totals.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Clone, Copy)]
enum Mode {
    Strip,
    Explain,
    Extract,
    ExtractWhole,
}

/// One page's output, formatted for the chosen mode.
fn render(
    mode: Mode,
    jsonl: bool,
    id: &inputs::PageId,
    text: &str,
    options: &Options,
    deadline: Option<Instant>,
) -> Result<String> {
    let mut out = String::new();
    match mode {
        Mode::Strip | Mode::Explain => {
            let stripped = strip_page(text, options, deadline)?;
            if matches!(mode, Mode::Explain) {
                out = explanation(&stripped);
            } else if jsonl {
                out = batch::record(id, "paragraphs", &stripped.paragraphs())?;
            } else {
                for p in stripped.paragraphs() {
                    out.push_str(&p);
                    out.push('\n');
                }
            }
        }
        Mode::Extract | Mode::ExtractWhole => {
            // Built on first use only: stripping alone needs no gazetteer.
            let extractor = Extractor::shared();
            let article = if matches!(mode, Mode::ExtractWhole) {
                extractor.extract_text(text)
            } else {
                let stripped = strip_page(text, options, deadline)?;
                match deadline {
                    Some(d) => extractor.extract_until(&stripped, d)?,
                    None => extractor.extract(&stripped),
                }
            };
            if jsonl {
                out = batch::record(id, "article", &article)?;
            } else {
                out = serde_json::to_string_pretty(&article)?;
                out.push('\n');
            }
        }
    }
    Ok(out)
}

fn strip_page(text: &str, options: &Options, deadline: Option<Instant>) -> Result<Stripped> {
    Ok(match deadline {
        Some(d) => strip_until(text, options, d)?,
        None => strip(text, options),
    })
}

fn explanation(s: &Stripped) -> String {
    use std::fmt::Write as _;
    let doc = &s.document;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "format: {}, language: {:?}, {} blocks, {} kept",
        doc.format.as_str(),
        doc.language,
        doc.blocks.len(),
        s.decisions.iter().filter(|d| d.body).count()
    );
    for (i, (b, d)) in doc.blocks.iter().zip(&s.decisions).enumerate() {
        let mark = if d.body { "KEEP" } else { "drop" };
        let mut preview: String = b.text.chars().take(70).collect();
        if b.text.chars().count() > 70 {
            preview.push('…');
        }
        let tag = if b.tag.is_empty() { "-" } else { b.tag };
        let _ = writeln!(
            out,
            "{i:>4} {mark} {:<9} <{tag}> {preview}\n            {}",
            d.class.as_str(),
            d.reason
        );
    }
    out
}
