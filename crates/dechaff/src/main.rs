//! The `dechaff` command: a thin layer over `dechaff-strip` and `dechaff-extract`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dechaff_extract::Extractor;
use dechaff_strip::{decode_page, strip, Favor, Format, Limits, Options, Stripped};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dechaff",
    version,
    about = "Turn scraped news pages into clean articles and typed defence entities.",
    long_about = "Turn scraped news pages into clean articles and typed defence entities.\n\n\
A page is raw HTML or a text dump (one block per line, as scrapers and HTML-to-text \
converters hand pages over); dechaff tells which from the content.",
    after_help = "Examples:\n  dechaff strip corpus/defblog-01.txt\n  dechaff strip --explain page.html | less\n  dechaff extract page.html > article.json\n  dechaff extract --no-strip report.txt"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a page's body, one paragraph per line.
    #[command(
        after_help = "Examples:\n  dechaff strip corpus/defblog-01.txt\n  dechaff strip --favor recall page.html\n  dechaff strip --explain page.html\n  cat page.html | dechaff strip -"
    )]
    Strip {
        #[command(flatten)]
        page: PageArgs,
        /// Show every block, kept or dropped, with the rule that decided.
        #[arg(long)]
        explain: bool,
    },
    /// Print a page's article as JSON: fields, body, and entities with offsets.
    #[command(
        after_help = "Examples:\n  dechaff extract corpus/wire-01.html\n  dechaff extract --no-strip --format text notes.txt"
    )]
    Extract {
        #[command(flatten)]
        page: PageArgs,
        /// Take the whole file as the body: `text` is the file verbatim and entity
        /// offsets point into it. No fields are read.
        #[arg(long)]
        no_strip: bool,
    },
}

#[derive(clap::Args)]
struct PageArgs {
    /// The page: a file, or - for standard input.
    page: PathBuf,
    /// Override format detection.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Which error to prefer on doubtful blocks.
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    favor: FavorArg,
    /// Refuse pages larger than this many bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    max_bytes: usize,
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

impl PageArgs {
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

    fn read(&self) -> Result<String> {
        let bytes = if self.page == Path::new("-") {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            buf
        } else {
            std::fs::read(&self.page).with_context(|| format!("{}", self.page.display()))?
        };
        let limits = Limits {
            max_bytes: self.max_bytes,
        };
        decode_page(&bytes, &limits).with_context(|| format!("{}", self.page.display()))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
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

fn run(cli: Cli) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Strip { page, explain } => {
            let text = page.read()?;
            let stripped = strip(&text, &page.options());
            if explain {
                write_explanation(&mut out, &stripped)?;
            } else {
                for p in stripped.paragraphs() {
                    writeln!(out, "{p}")?;
                }
            }
        }
        Command::Extract { page, no_strip } => {
            let text = page.read()?;
            let extractor = Extractor::new();
            let article = if no_strip {
                extractor.extract_text(&text)
            } else {
                extractor.extract(&strip(&text, &page.options()))
            };
            serde_json::to_writer_pretty(&mut out, &article)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_explanation(out: &mut impl Write, s: &Stripped) -> Result<()> {
    let doc = &s.document;
    writeln!(
        out,
        "format: {}, language: {:?}, {} blocks, {} kept",
        doc.format.as_str(),
        doc.language,
        doc.blocks.len(),
        s.decisions.iter().filter(|d| d.body).count()
    )?;
    for (i, (b, d)) in doc.blocks.iter().zip(&s.decisions).enumerate() {
        let mark = if d.body { "KEEP" } else { "drop" };
        let mut preview: String = b.text.chars().take(70).collect();
        if b.text.chars().count() > 70 {
            preview.push('…');
        }
        let tag = if b.tag.is_empty() { "-" } else { b.tag };
        writeln!(
            out,
            "{i:>4} {mark} {:<9} <{tag}> {preview}\n            {}",
            d.class.as_str(),
            d.reason
        )?;
    }
    Ok(())
}
