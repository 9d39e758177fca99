//! What the user pointed at, as a list of pages: files, directories walked recursively
//! in a stable order, and `-` for standard input. Gzip'd pages are unpacked on read.

use anyhow::{Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One page to process.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// How records and messages name the page.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Extensions taken when walking a directory (a named file is always taken).
const PAGE_EXTENSIONS: [&str; 7] = ["html", "htm", "xhtml", "txt", "html.gz", "htm.gz", "txt.gz"];

fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    PAGE_EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

/// Expands the arguments into pages, in argument order; directories contribute their
/// pages sorted by path so that output is the same from run to run.
pub fn collect(args: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == Path::new("-") {
            out.push(Source::Stdin);
        } else if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, &mut found)?;
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else if arg.exists() {
            out.push(Source::File(arg.clone()));
        } else {
            anyhow::bail!("{}: no such file or directory", arg.display());
        }
    }
    Ok(out)
}

/// Depth-first walk with an explicit stack: no recursion, so no depth limit.
fn walk(root: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).with_context(|| dir.display().to_string())?;
        for entry in entries {
            let entry = entry.with_context(|| dir.display().to_string())?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && is_page(&path) {
                found.push(path);
            }
        }
    }
    Ok(())
}

/// Reads a page's bytes, unpacking gzip (by magic number, whatever the name says) and
/// refusing more than `max_bytes` after unpacking.
pub fn read(source: &Source, max_bytes: usize) -> Result<Vec<u8>> {
    let raw = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            buf
        }
        Source::File(p) => std::fs::read(p)?,
    };
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // Read one byte past the limit so an oversized page is detected, not cut.
        let limit = u64::try_from(max_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(limit)
            .read_to_end(&mut out)
            .context("not valid gzip")?;
        return Ok(out);
    }
    Ok(raw)
}
