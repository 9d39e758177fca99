//! The `dechaff` command: a thin layer over `dechaff-strip` and `dechaff-extract`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod explain;
mod inputs;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dechaff_extract::{Extractor, Style};
use dechaff_strip::{
    decode_page_declared, decode_page_owned, strip, strip_until, Document, Favor, Format, Limits,
    Options, SiteMemories, SiteMemory, Stripped,
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
        /// Show every block, kept or dropped, with the rule that decided and its
        /// features; with --jsonl, as one JSON record per page.
        #[arg(long)]
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
        /// Entity convention: dechaff's (names) or re3d's (mentions: determiners and
        /// titles in spans, pronouns, countries acting as organisations, bare counts).
        #[arg(long, value_enum, default_value_t = StyleArg::Dechaff)]
        style: StyleArg,
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
    /// Keep the comment section (readers' comments, forum replies) as part of the
    /// body instead of ending the article there.
    #[arg(long)]
    comments: bool,
    /// Learn the lines that repeat across the pages of one site from the pages in DIR
    /// (files or WARC), and drop them from every page: site memory. Give it pages of
    /// the same site as the inputs.
    #[arg(long, value_name = "DIR")]
    site_corpus: Option<PathBuf>,
    /// Learn site memory from the inputs themselves: a first pass reads every page,
    /// groups the pages by the host of their canonical address, and learns what
    /// repeats within each site; the second pass drops it. Pages reach the output in
    /// the same order; every input is read twice.
    #[arg(long, conflicts_with = "site_corpus")]
    site_memory: bool,
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
enum StyleArg {
    Dechaff,
    Re3d,
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
            comments: self.comments,
            explain: false,
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
    let process_started = Instant::now();
    let cli = Cli::parse();
    match run(cli, process_started) {
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

fn run(cli: Cli, process_started: Instant) -> Result<ExitCode> {
    let style = match &cli.command {
        Command::Extract {
            style: StyleArg::Re3d,
            ..
        } => Style::Re3d,
        _ => Style::Dechaff,
    };
    let (common, mode) = match &cli.command {
        Command::Strip { common, explain } => {
            (common, if *explain { Mode::Explain } else { Mode::Strip })
        }
        Command::Extract {
            common, no_strip, ..
        } => (
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
    let options = Options {
        // Reasons cost a string per block: written only for --explain.
        explain: matches!(mode, Mode::Explain),
        ..common.options()
    };
    let limits = common.limits();
    let timeout = (common.timeout_ms > 0).then(|| Duration::from_millis(common.timeout_ms));
    let memory = common
        .site_corpus
        .as_deref()
        .map(|dir| learn_site(dir, &limits, &options))
        .transpose()?;
    let memories = common
        .site_memory
        .then(|| learn_sites(&common.inputs, &limits, &options))
        .transpose()?;
    let pipeline = Pipeline {
        mode,
        jsonl,
        style,
        options: &options,
        memory: match (&memory, &memories) {
            (Some(one), _) => Memory::One(one),
            (_, Some(by_site)) => Memory::BySite(by_site),
            _ => Memory::None,
        },
    };
    let work = |id: &inputs::PageId, bytes: Vec<u8>, charset: Option<&str>| -> Result<String> {
        // A page's clock starts when its work does, not when the batch did.
        let deadline = timeout.map(|t| Instant::now() + t);
        let text = decode_page_owned(bytes, &limits, charset)?;
        pipeline.render(id, &text, deadline)
    };
    // Compile everything before the first page: its clock (and the batch's) then
    // measures its work only; the summary line reports the start-up apart.
    dechaff_strip::warm_up();
    if matches!(mode, Mode::Extract | Mode::ExtractWhole) {
        Extractor::shared();
    }
    let startup = process_started.elapsed();
    let pages = inputs::Pages::new(sources, common.max_bytes);
    let mut out = common.open_output()?;
    let mut write: Box<batch::Writer> = if jsonl {
        Box::new(batch::jsonl_writer(&mut out))
    } else {
        Box::new(batch::text_writer(&mut out, several))
    };
    let totals = batch::run(
        pages,
        files,
        common.jobs(),
        common.max_bytes,
        &work,
        &mut *write,
        startup,
    )?;
    drop(write);
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

/// Parses every page under `inputs` for site memory, in input order, and hands each
/// document to `learn`; a page that cannot be read goes to `unreadable` with its name.
fn learn_from(
    inputs: &[PathBuf],
    limits: &Limits,
    options: &Options,
    mut learn: impl FnMut(&Document),
    mut unreadable: impl FnMut(&str, anyhow::Error),
) -> Result<()> {
    let sources = inputs::collect(inputs)?;
    for page in inputs::Pages::new(sources, limits.max_bytes) {
        let loaded = page
            .content
            .load(limits.max_bytes)
            .and_then(|(bytes, charset)| {
                Ok(decode_page_declared(&bytes, limits, charset.as_deref())?)
            });
        match loaded {
            Ok(text) => learn(&Document::parse(&text, options.format)),
            Err(e) => unreadable(&page.id.name(), e),
        }
    }
    Ok(())
}

/// Learns site memory from every page under `dir`; a page that cannot be read is
/// reported and left out, as in a batch.
fn learn_site(dir: &std::path::Path, limits: &Limits, options: &Options) -> Result<SiteMemory> {
    let mut memory = SiteMemory::new();
    learn_from(
        &[dir.to_path_buf()],
        limits,
        options,
        |document| memory.learn(document),
        |name, e| eprintln!("dechaff: --site-corpus: {name}: {e:#}"),
    )?;
    if memory.pages() < 3 {
        eprintln!(
            "dechaff: --site-corpus {}: {} distinct page(s); site memory needs at least 3 and does nothing",
            dir.display(),
            memory.pages()
        );
    }
    Ok(memory)
}

/// Learns the site memory of every site among the inputs (`--site-memory`); a page
/// that cannot be read is left out here and reported by the batch itself.
fn learn_sites(inputs: &[PathBuf], limits: &Limits, options: &Options) -> Result<SiteMemories> {
    let mut memories = SiteMemories::new();
    learn_from(
        inputs,
        limits,
        options,
        |document| memories.learn(document),
        |_, _| {},
    )?;
    if memories.sites() == 0 {
        eprintln!(
            "dechaff: --site-memory: no site has 3 distinct pages among the inputs (pages are grouped by their canonical address); site memory does nothing"
        );
    }
    Ok(memories)
}

/// Which site memory a batch applies.
enum Memory<'a> {
    None,
    /// `--site-corpus`: one site's memory, for every page.
    One(&'a SiteMemory),
    /// `--site-memory`: each page's own site's, learnt from the batch.
    BySite(&'a SiteMemories),
}

/// What is done to each page.
struct Pipeline<'a> {
    mode: Mode,
    jsonl: bool,
    style: Style,
    options: &'a Options,
    memory: Memory<'a>,
}

impl Pipeline<'_> {
    /// One page's output, formatted for the chosen mode.
    fn render(&self, id: &inputs::PageId, text: &str, deadline: Option<Instant>) -> Result<String> {
        let mut out = String::new();
        match self.mode {
            Mode::Strip | Mode::Explain => {
                let stripped = self.strip(text, deadline)?;
                if matches!(self.mode, Mode::Explain) {
                    out = if self.jsonl {
                        batch::record(id, "explain", &explain::Explanation::of(&stripped))?
                    } else {
                        explain::render(&stripped)
                    };
                } else if self.jsonl {
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
                let mut article = if matches!(self.mode, Mode::ExtractWhole) {
                    extractor.extract_text(text)
                } else {
                    let stripped = self.strip(text, deadline)?;
                    match deadline {
                        Some(d) => extractor.extract_until(&stripped, d)?,
                        None => extractor.extract(&stripped),
                    }
                };
                let entities = std::mem::take(&mut article.entities);
                article.entities = extractor.restyle(&article.text, entities, self.style);
                if self.jsonl {
                    out = batch::record(id, "article", &article)?;
                } else {
                    out = serde_json::to_string_pretty(&article)?;
                    out.push('\n');
                }
            }
        }
        Ok(out)
    }

    fn strip(&self, text: &str, deadline: Option<Instant>) -> Result<Stripped> {
        let mut stripped = match deadline {
            Some(d) => strip_until(text, self.options, d)?,
            None => strip(text, self.options),
        };
        match self.memory {
            Memory::None => 0,
            Memory::One(memory) => memory.apply(&mut stripped),
            Memory::BySite(memories) => memories.apply(&mut stripped),
        };
        Ok(stripped)
    }
}
