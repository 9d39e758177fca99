//! What the user pointed at, as a stream of pages: files, directories walked
//! recursively in a stable order, `-` for standard input, and the HTML responses
//! inside WARC files. Gzip'd pages are unpacked on read.

use anyhow::{Context, Result};
use dechaff_warc::Reader;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One argument's worth of input.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    /// A page on its own (`.html`, `.txt`, gzip'd or not).
    File(PathBuf),
    /// A WARC file (`.warc`, `.warc.gz`): one page per HTML response record.
    Warc(PathBuf),
}

/// Extensions taken when walking a directory (a named file is always taken).
const PAGE_EXTENSIONS: [&str; 9] = [
    "html", "htm", "xhtml", "txt", "html.gz", "htm.gz", "txt.gz", "warc", "warc.gz",
];

fn lower_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_page(path: &Path) -> bool {
    let name = lower_name(path);
    PAGE_EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

fn source_of(path: PathBuf) -> Source {
    let name = lower_name(&path);
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        Source::Warc(path)
    } else {
        Source::File(path)
    }
}

/// Expands the arguments into sources, in argument order; directories contribute their
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
            out.extend(found.into_iter().map(source_of));
        } else if arg.exists() {
            out.push(source_of(arg.clone()));
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

/// Where a page inside a WARC file came from.
#[derive(Clone, Debug, Default)]
pub struct WarcOrigin {
    pub record_id: Option<String>,
    pub uri: Option<String>,
}

/// One page to process: who it is, and its content.
pub struct Page {
    pub id: PageId,
    pub content: Content,
}

/// What names a page in output records and messages.
#[derive(Clone, Debug)]
pub struct PageId {
    /// The file (or `-`) the page came from.
    pub source: String,
    /// Set for pages out of WARC files.
    pub origin: Option<WarcOrigin>,
}

/// A page's bytes, or how to get them, or why there are none.
pub enum Content {
    /// Read (and gunzip) in the worker, so reading runs in parallel.
    Load(Source),
    /// Already read, with the charset the transport declared.
    Payload {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    /// The reader could not produce this page; reported as a failed page.
    Failed(String),
}

impl PageId {
    /// How records and messages name the page: the file, and for a WARC record its
    /// target URI (or record id).
    pub fn name(&self) -> String {
        match &self.origin {
            None => self.source.clone(),
            Some(o) => match (&o.uri, &o.record_id) {
                (Some(uri), _) => format!("{} {uri}", self.source),
                (None, Some(id)) => format!("{} {id}", self.source),
                (None, None) => self.source.clone(),
            },
        }
    }
}

impl Content {
    /// The page's bytes and declared charset.
    pub fn load(self, max_bytes: usize) -> Result<(Vec<u8>, Option<String>)> {
        match self {
            Content::Load(source) => Ok((read(&source, max_bytes)?, None)),
            Content::Payload { bytes, charset } => Ok((bytes, charset)),
            Content::Failed(reason) => Err(anyhow::anyhow!(reason)),
        }
    }
}

/// WARC records that were not pages, for the summary line.
#[derive(Default)]
pub struct Skipped {
    /// Requests, metadata, warcinfo, non-HTML payloads, redirects and error statuses.
    pub records: usize,
}

/// The pages of a list of sources, in order, one WARC record at a time: memory holds
/// what the batch has in flight, never a whole WARC file.
pub struct Pages {
    sources: std::vec::IntoIter<Source>,
    warc: Option<(String, Reader<Box<dyn Read + Send>>)>,
    max_bytes: usize,
    pub skipped: Skipped,
}

impl Pages {
    pub fn new(sources: Vec<Source>, max_bytes: usize) -> Pages {
        Pages {
            sources: sources.into_iter(),
            warc: None,
            max_bytes,
            skipped: Skipped::default(),
        }
    }

    /// The next page of the open WARC file; `None` when it is exhausted.
    fn next_from_warc(&mut self) -> Option<Page> {
        let (name, reader) = self.warc.as_mut()?;
        let name = name.clone();
        loop {
            let record = match reader.next() {
                None => {
                    self.warc = None;
                    return None;
                }
                Some(Err(e)) => {
                    let origin = WarcOrigin {
                        record_id: e.record_id().map(str::to_string),
                        uri: None,
                    };
                    return Some(Page {
                        id: PageId {
                            source: name,
                            origin: Some(origin),
                        },
                        content: Content::Failed(format!("WARC: {e}")),
                    });
                }
                Some(Ok(r)) => r,
            };
            let origin = WarcOrigin {
                record_id: record.id.clone(),
                uri: record.target_uri.clone(),
            };
            match record.http_response() {
                None => self.skipped.records += 1,
                Some(Err(e)) => {
                    return Some(Page {
                        id: PageId {
                            source: name,
                            origin: Some(origin),
                        },
                        content: Content::Failed(format!("WARC: {e}")),
                    })
                }
                Some(Ok(http)) if !(200..300).contains(&http.status) || !http.is_html() => {
                    self.skipped.records += 1
                }
                Some(Ok(http)) => {
                    let charset = http.charset().map(str::to_string);
                    return Some(Page {
                        id: PageId {
                            source: name,
                            origin: Some(origin),
                        },
                        content: Content::Payload {
                            bytes: http.body,
                            charset,
                        },
                    });
                }
            }
        }
    }
}

impl Iterator for Pages {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        loop {
            if let Some(page) = self.next_from_warc() {
                return Some(page);
            }
            let source = self.sources.next()?;
            match source {
                Source::Warc(path) => {
                    let name = path.display().to_string();
                    match Reader::open(&path) {
                        Ok(reader) => {
                            self.warc = Some((name, reader.max_record_bytes(self.max_bytes)))
                        }
                        Err(e) => {
                            return Some(Page {
                                id: PageId {
                                    source: name,
                                    origin: None,
                                },
                                content: Content::Failed(format!("WARC: {e}")),
                            })
                        }
                    }
                }
                Source::Stdin => {
                    return Some(Page {
                        id: PageId {
                            source: "-".to_string(),
                            origin: None,
                        },
                        content: Content::Load(Source::Stdin),
                    })
                }
                Source::File(path) => {
                    return Some(Page {
                        id: PageId {
                            source: path.display().to_string(),
                            origin: None,
                        },
                        content: Content::Load(Source::File(path)),
                    })
                }
            }
        }
    }
}

/// A one-member gzip file whose stated size is right and under `limit`, unpacked in one
/// call by libdeflate (twice as fast as a streaming inflate, and it checks the CRC and
/// the size); `None` for anything else (several members, a wrong or wrapped size, a
/// corrupt stream), which the streaming decoder then reads or reports.
fn gunzip_whole(raw: &[u8], stated: u64, limit: u64) -> Option<Vec<u8>> {
    if stated == 0 || stated >= limit {
        return None;
    }
    let mut out = vec![0; usize::try_from(stated).ok()?];
    let written = libdeflater::Decompressor::new()
        .gzip_decompress(raw, &mut out)
        .ok()?;
    (written == out.len()).then_some(out)
}

/// Reads a page's bytes, unpacking gzip (by magic number, whatever the name says) and
/// refusing more than `max_bytes` after unpacking.
fn read(source: &Source, max_bytes: usize) -> Result<Vec<u8>> {
    let raw = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            buf
        }
        Source::File(p) | Source::Warc(p) => std::fs::read(p)?,
    };
    unpack(raw, max_bytes)
}

/// A page's bytes as read, gunzipped when they are gzip (by magic number).
fn unpack(raw: Vec<u8>, max_bytes: usize) -> Result<Vec<u8>> {
    if raw.starts_with(&[0x1f, 0x8b]) {
        // Read one byte past the limit so an oversized page is detected, not cut.
        let limit = u64::try_from(max_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        // The gzip trailer states the size (mod 2^32) of the last member: sizing the
        // buffer once saves the copies of a growing one. Only a hint; never past the limit.
        let stated = raw
            .last_chunk::<4>()
            .map_or(0, |size| u64::from(u32::from_le_bytes(*size)));
        if let Some(out) = gunzip_whole(&raw, stated, limit) {
            return Ok(out);
        }
        let mut out = Vec::with_capacity(usize::try_from(stated.min(limit)).unwrap_or(0));
        flate2::read::MultiGzDecoder::new(&raw[..])
            .take(limit)
            .read_to_end(&mut out)
            .context("not valid gzip")?;
        return Ok(out);
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_is_unpacked_whole_or_streamed_and_never_cut() {
        let page = "<p>The frigate returned to port.</p>".repeat(50);
        // One member: the one-call path.
        assert_eq!(
            unpack(gzip(page.as_bytes()), 1 << 20).unwrap(),
            page.as_bytes()
        );
        // Two members: the stated size is the last member's, so the stream reads both.
        let mut two = gzip(b"first member, ");
        two.extend(gzip(page.as_bytes()));
        let both = unpack(two, 1 << 20).unwrap();
        assert_eq!(
            both,
            [b"first member, ".as_slice(), page.as_bytes()].concat()
        );
        // A wrong stated size is a corrupt trailer: the stream reports it.
        let mut wrong = gzip(page.as_bytes());
        let n = wrong.len();
        wrong[n - 4..].copy_from_slice(&7u32.to_le_bytes());
        assert!(unpack(wrong, 1 << 20).is_err());
        // Corrupt data is an error, not a short page.
        let mut corrupt = gzip(page.as_bytes());
        corrupt[20] ^= 0xff;
        corrupt[21] ^= 0xff;
        assert!(unpack(corrupt, 1 << 20).is_err());
        // Over the limit: one byte past it is read, so that the caller sees the page
        // is too big rather than a page cut short.
        assert_eq!(unpack(gzip(page.as_bytes()), 100).unwrap().len(), 101);
    }
}
