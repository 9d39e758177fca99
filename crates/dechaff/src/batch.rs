//! Many pages at once: parallel, in input order, streaming, and never losing a page.
//!
//! Pages are processed in chunks on a rayon pool and written in input order, so output
//! is deterministic whatever `--jobs` says and memory holds one chunk, not the batch.
//! A page that fails becomes a failure record (JSON Lines) or a message (text), and
//! the batch goes on.

use crate::inputs::{Page, PageId, Pages};
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

/// The work done on one page: its bytes and the charset its transport declared, to
/// the formatted output.
pub type Work<'a> = dyn Fn(&PageId, Vec<u8>, Option<&str>) -> Result<String> + Sync + 'a;

/// Where outcomes go, in input order: [`jsonl_writer`] or [`text_writer`].
pub type Writer<'a> = dyn FnMut(&PageId, Outcome) -> Result<()> + 'a;

/// Runs `work` over every page and writes each outcome with `write`, in input order.
///
/// `files` is the number of pages when known in advance (no WARC files), for the
/// progress bar's length.
pub fn run(
    mut pages: Pages,
    files: Option<usize>,
    jobs: usize,
    max_bytes: usize,
    work: &Work,
    write: &mut Writer,
    startup: std::time::Duration,
) -> Result<Totals> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let progress = progress_bar(files);
    let started = Instant::now();
    let (mut total, mut failed) = (0, 0);
    // Reading (and gunzipping WARC files) runs on its own thread, one chunk ahead of
    // the workers, so a WARC file is unpacked while the previous chunk is processed.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Page>(CHUNK);
    let reader = std::thread::spawn(move || {
        for page in pages.by_ref() {
            if sender.send(page).is_err() {
                break;
            }
        }
        pages.skipped
    });
    loop {
        let chunk: Vec<Page> = receiver.iter().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<(PageId, Outcome)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|page| {
                    let Page { id, content } = page;
                    let outcome = guarded(|| {
                        content
                            .load(max_bytes)
                            .and_then(|(bytes, charset)| work(&id, bytes, charset.as_deref()))
                    });
                    progress.inc(1);
                    (id, outcome)
                })
                .collect()
        });
        for (id, outcome) in outcomes {
            total += 1;
            if matches!(outcome, Outcome::Failed(_)) {
                failed += 1;
            }
            write(&id, outcome)?;
        }
    }
    progress.finish_and_clear();
    // The reader stops when the receiver is dropped; a panic there is a bug, reported
    // as an error rather than a hang.
    drop(receiver);
    let skipped = reader
        .join()
        .map_err(|_| anyhow::anyhow!("the input reader thread panicked"))?;
    let totals = Totals {
        pages: total,
        failed,
    };
    let skipped = skipped.records;
    if total > 1 || failed > 0 || skipped > 0 {
        let secs = started.elapsed().as_secs_f64();
        let skipped = if skipped > 0 {
            format!(" ({skipped} WARC records skipped: not an HTML page with status 2xx)")
        } else {
            String::new()
        };
        eprintln!(
            "dechaff: {} pages, {} ok, {} failed in {:.2} s ({:.0} pages/s; start-up {:.2} s before){skipped}",
            totals.pages,
            totals.pages - failed,
            failed,
            secs,
            totals.pages as f64 / secs.max(1e-9),
            startup.as_secs_f64()
        );
    }
    Ok(totals)
}

/// A bar on a terminal, nothing in a pipe or for a single page.
/// A WARC file's page count is not known until it is read, so a batch with WARC files
/// gets a counter instead of a bar.
/// One page's work as its outcome, a panic included: a bug met on one page of a day's
/// crawl becomes that page's failure record, and the other pages still come out.
fn guarded(work: impl FnOnce() -> Result<String>) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(Ok(out)) => Outcome::Done(out),
        Ok(Err(e)) => Outcome::Failed(format!("{e:#}")),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            Outcome::Failed(format!(
                "internal error, a bug in dechaff (please report it with this page): {message}"
            ))
        }
    }
}

fn progress_bar(total: Option<usize>) -> ProgressBar {
    if total.is_some_and(|t| t < 2) || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total.map(|t| t as u64), ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{spinner} {pos}/{len} pages [{bar:30}] {per_sec} eta {eta}"
    } else {
        "{spinner} {pos} pages {per_sec} {elapsed}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Writes outcomes as text: the body (or error) of each page, with a `==> name <==`
/// header when there are several pages, as `head` and `tail` do.
pub fn text_writer<'a>(
    out: &'a mut dyn Write,
    several: bool,
) -> impl FnMut(&PageId, Outcome) -> Result<()> + 'a {
    move |id, outcome| {
        match outcome {
            Outcome::Done(text) => {
                if several {
                    writeln!(out, "==> {} <==", id.name())?;
                }
                out.write_all(text.as_bytes())?;
            }
            Outcome::Failed(reason) => eprintln!("dechaff: {}: {reason}", id.name()),
        }
        Ok(())
    }
}

/// Writes outcomes as JSON Lines: the record built by the work function, or a failure
/// record `{"source": ..., "error": ...}` (with `record_id` and `uri` for WARC pages).
pub fn jsonl_writer<'a>(out: &'a mut dyn Write) -> impl FnMut(&PageId, Outcome) -> Result<()> + 'a {
    move |id, outcome| {
        match outcome {
            Outcome::Done(line) => out.write_all(line.as_bytes())?,
            Outcome::Failed(reason) => {
                eprintln!("dechaff: {}: {reason}", id.name());
                out.write_all(record(id, "error", &reason)?.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// One JSON Lines record: where the page came from first, so that a reader of the file
/// sees which page a line is about before its contents, then `key: value`.
pub fn record(id: &PageId, key: &str, value: &impl serde::Serialize) -> Result<String> {
    // Written in place into one buffer sized for a typical article, rather than each
    // part serialised into a string of its own, grown, and copied into the line.
    let mut line = Vec::with_capacity(RECORD_CAPACITY);
    line.extend_from_slice(b"{\"source\":");
    serde_json::to_writer(&mut line, &id.source)?;
    if let Some(origin) = &id.origin {
        line.extend_from_slice(b",\"record_id\":");
        serde_json::to_writer(&mut line, &origin.record_id)?;
        line.extend_from_slice(b",\"uri\":");
        serde_json::to_writer(&mut line, &origin.uri)?;
    }
    line.extend_from_slice(b",\"");
    line.extend_from_slice(key.as_bytes());
    line.extend_from_slice(b"\":");
    serde_json::to_writer(&mut line, value)?;
    line.extend_from_slice(b"}\n");
    // serde_json writes UTF-8; the check is the price of no unsafe code.
    Ok(String::from_utf8(line)?)
}

/// Bytes reserved for one JSON Lines record: an article with its entities.
const RECORD_CAPACITY: usize = 16 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_that_panics_becomes_its_own_failure() {
        let failed = |outcome: Outcome| match outcome {
            Outcome::Failed(reason) => reason,
            Outcome::Done(out) => panic!("done: {out}"),
        };
        let reason = failed(guarded(|| panic!("byte index 100 is not a char boundary")));
        assert!(reason.starts_with("internal error"), "{reason}");
        assert!(
            reason.ends_with("byte index 100 is not a char boundary"),
            "{reason}"
        );
        let n = 7;
        let reason = failed(guarded(|| panic!("formatted {n}")));
        assert!(reason.ends_with("formatted 7"), "{reason}");
        let reason = failed(guarded(|| Err(anyhow::anyhow!("too big"))));
        assert_eq!(reason, "too big");
        assert!(matches!(guarded(|| Ok("x".into())), Outcome::Done(_)));
    }
}
