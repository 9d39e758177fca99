//! Many pages at once: parallel, in input order, streaming, and never losing a page.
//!
//! Pages are processed in chunks on a rayon pool and written in input order, so output
//! is deterministic whatever `--jobs` says and memory holds one chunk, not the batch.
//! A page that fails becomes a failure record (JSON Lines) or a message (text), and
//! the batch goes on.

use crate::inputs::{self, Source};
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::time::Instant;

/// Pages in flight at once: enough to keep every core busy, few enough that memory
/// does not grow with the batch.
const CHUNK: usize = 256;

/// What became of one page.
pub enum Outcome {
    /// The page's output, ready to write (already formatted).
    Done(String),
    /// Why the page produced nothing.
    Failed(String),
}

/// Totals for the summary line.
pub struct Totals {
    pub pages: usize,
    pub failed: usize,
}

/// Runs `work` over every page and writes each outcome with `write`, in input order.
pub fn run(
    sources: &[Source],
    jobs: usize,
    max_bytes: usize,
    work: &(dyn Fn(&Source, Vec<u8>) -> Result<String> + Sync),
    write: &mut dyn FnMut(&Source, Outcome) -> Result<()>,
) -> Result<Totals> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let progress = progress_bar(sources.len());
    let started = Instant::now();
    let mut failed = 0;
    for chunk in sources.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|source| {
                    let outcome = match inputs::read(source, max_bytes)
                        .and_then(|bytes| work(source, bytes))
                    {
                        Ok(out) => Outcome::Done(out),
                        Err(e) => Outcome::Failed(format!("{e:#}")),
                    };
                    progress.inc(1);
                    outcome
                })
                .collect()
        });
        for (source, outcome) in chunk.iter().zip(outcomes) {
            if matches!(outcome, Outcome::Failed(_)) {
                failed += 1;
            }
            write(source, outcome)?;
        }
    }
    progress.finish_and_clear();
    let totals = Totals {
        pages: sources.len(),
        failed,
    };
    if sources.len() > 1 || failed > 0 {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "dechaff: {} pages, {} ok, {} failed in {:.1} s ({:.0} pages/s)",
            totals.pages,
            totals.pages - failed,
            failed,
            secs,
            totals.pages as f64 / secs.max(1e-9)
        );
    }
    Ok(totals)
}

/// A bar on a terminal, nothing in a pipe or for a single page.
fn progress_bar(total: usize) -> ProgressBar {
    if total < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos}/{len} pages [{bar:30}] {per_sec} eta {eta}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Writes outcomes as text: the body (or error) of each page, with a `==> name <==`
/// header when there are several pages, as `head` and `tail` do.
pub fn text_writer<'a>(
    out: &'a mut dyn Write,
    several: bool,
) -> impl FnMut(&Source, Outcome) -> Result<()> + 'a {
    move |source, outcome| {
        match outcome {
            Outcome::Done(text) => {
                if several {
                    writeln!(out, "==> {} <==", source.name())?;
                }
                out.write_all(text.as_bytes())?;
            }
            Outcome::Failed(reason) => eprintln!("dechaff: {}: {reason}", source.name()),
        }
        Ok(())
    }
}

/// Writes outcomes as JSON Lines: the record built by the work function, or a failure
/// record `{"source": ..., "error": ...}`.
pub fn jsonl_writer<'a>(out: &'a mut dyn Write) -> impl FnMut(&Source, Outcome) -> Result<()> + 'a {
    move |source, outcome| {
        match outcome {
            Outcome::Done(line) => out.write_all(line.as_bytes())?,
            Outcome::Failed(reason) => {
                eprintln!("dechaff: {}: {reason}", source.name());
                writeln!(
                    out,
                    "{{\"source\":{},\"error\":{}}}",
                    serde_json::to_string(&source.name())?,
                    serde_json::to_string(&reason)?
                )?;
            }
        }
        Ok(())
    }
}
