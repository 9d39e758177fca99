//! A streaming reader for WARC files (ISO 28500), the format crawlers such as Common
//! Crawl, Heritrix and wget write a day's crawl in.
//!
//! [`Reader`] yields one [`Record`] at a time from any [`Read`]: memory holds one
//! record, never the file. [`Reader::open`] reads `.warc` and `.warc.gz` (one gzip
//! member per record, as the standard recommends, or one member for the whole file).
//! [`Record::http_response`] splits a `response` record's block into the HTTP status,
//! headers and payload, undoing chunked transfer coding and gzip/deflate content coding,
//! so the payload is the page as a browser would have received it.
//!
//! Errors come in two kinds: a record that cannot be used (over the size limit, an
//! HTTP message that does not parse) costs only that record, and the next one is read;
//! a file that stops making sense (not WARC, a header that does not parse, a body cut
//! short) ends the stream after one error. Either way the caller is told, with the
//! record id when there is one: nothing is dropped silently.
//!
//! ```
//! let warc = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//! WARC-Target-URI: http://example.com/\r\nContent-Type: application/http; msgtype=response\r\n\
//! Content-Length: 64\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello world</p>\r\n\r\n\r\n";
//! let mut reader = dechaff_warc::Reader::new(&warc[..]);
//! let record = reader.next().unwrap().unwrap();
//! assert_eq!(record.target_uri.as_deref(), Some("http://example.com/"));
//! let http = record.http_response().unwrap().unwrap();
//! assert_eq!(http.status, 200);
//! assert!(http.is_html());
//! assert_eq!(http.body, b"<p>Hello world</p>\r\n");
//! ```

mod error;
mod http;

pub use error::Error;
pub use http::HttpResponse;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Bytes allowed in one record's header block: real headers are well under 4 KiB, and a
/// cap keeps a file without line breaks from filling memory.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// Records larger than this are skipped with an error, by default (the CLI's
/// `--max-bytes` sets it).
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// One WARC record: its named headers and its block (for a `response`, the HTTP
/// message as it came over the wire).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `WARC-Type`: `warcinfo`, `request`, `response`, `resource`, `metadata`, ...
    pub kind: String,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:...>`.
    pub id: Option<String>,
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub target_uri: Option<String>,
    /// `WARC-Date`, as written (ISO 8601).
    pub date: Option<String>,
    /// `Content-Type` of the block (`application/http; msgtype=response` for responses).
    pub content_type: Option<String>,
    /// The record's block, `Content-Length` bytes.
    pub block: Vec<u8>,
}

impl Record {
    /// The HTTP response in a `response` record, `None` for other records and for
    /// blocks that are not HTTP (`resource` records hold the payload directly).
    pub fn http_response(&self) -> Option<Result<HttpResponse, Error>> {
        if self.kind != "response" || !self.block.starts_with(b"HTTP/") {
            return None;
        }
        Some(http::parse(&self.block).map_err(|e| e.with_record(self.id.clone())))
    }
}

/// Reads WARC records one by one; see the crate documentation.
pub struct Reader<R> {
    input: BufReader<R>,
    max_record_bytes: usize,
    records: u64,
    finished: bool,
}

impl Reader<Box<dyn Read + Send>> {
    /// Opens a `.warc` or `.warc.gz` file; gzip is recognised by its magic number,
    /// whatever the name says.
    pub fn open(path: &Path) -> Result<Reader<Box<dyn Read + Send>>, Error> {
        let mut file = BufReader::new(
            File::open(path).map_err(|e| Error::fatal(format!("{}: {e}", path.display())))?,
        );
        let gzip = file
            .fill_buf()
            .map_err(|e| Error::fatal(format!("{}: {e}", path.display())))?
            .starts_with(&[0x1f, 0x8b]);
        let input: Box<dyn Read + Send> = if gzip {
            Box::new(flate2::bufread::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        Ok(Reader::new(input))
    }
}

impl<R: Read> Reader<R> {
    /// Reads records from uncompressed WARC bytes (wrap a gzip'd stream in
    /// `flate2::read::MultiGzDecoder` first, or use [`Reader::open`]).
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input: BufReader::with_capacity(64 * 1024, input),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            records: 0,
            finished: false,
        }
    }

    /// Records whose block is larger are skipped (read past, not kept) with an error.
    pub fn max_record_bytes(mut self, limit: usize) -> Reader<R> {
        self.max_record_bytes = limit;
        self
    }

    /// Reads one line of the header block, without its line ending; `None` at the end
    /// of the input.
    fn header_line(&mut self, budget: &mut u64) -> Result<Option<String>, Error> {
        let mut line = Vec::new();
        let n = (&mut self.input)
            .take(*budget)
            .read_until(b'\n', &mut line)
            .map_err(|e| self.io_error(e))?;
        if n == 0 {
            return Ok(None);
        }
        *budget -= n as u64;
        // A last line without a line ending is returned as is: the caller knows
        // whether a header block may end there.
        if !line.ends_with(b"\n") && *budget == 0 {
            return Err(Error::fatal(format!(
                "record {}: header block over {MAX_HEADER_BYTES} bytes",
                self.records + 1
            )));
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        // Header values are UTF-8 by the standard; anything else is kept, not refused.
        Ok(Some(String::from_utf8_lossy(&line).into_owned()))
    }

    fn io_error(&self, e: std::io::Error) -> Error {
        Error::fatal(format!(
            "after {} records: cannot read the input: {e}",
            self.records
        ))
    }

    fn read_record(&mut self) -> Result<Option<Record>, Error> {
        let mut budget = MAX_HEADER_BYTES;
        // Records are separated by two line endings; tolerate any number.
        let version = loop {
            match self.header_line(&mut budget)? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        if !version.starts_with("WARC/") {
            let shown: String = version.chars().take(40).collect();
            return Err(Error::fatal(format!(
                "record {}: not a WARC record: it starts with {shown:?}, not \"WARC/\"",
                self.records + 1
            )));
        }
        let mut record = Record {
            kind: String::new(),
            id: None,
            target_uri: None,
            date: None,
            content_type: None,
            block: Vec::new(),
        };
        let mut length: Option<u64> = None;
        loop {
            let Some(line) = self.header_line(&mut budget)? else {
                return Err(Error::fatal(format!(
                    "record {}: file ends inside the header block",
                    self.records + 1
                )));
            };
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else {
                // Continuation lines (leading white space) are allowed by the grammar.
                if line.starts_with([' ', '\t']) {
                    continue;
                }
                return Err(Error::fatal(format!(
                    "record {}: header line without a colon: {:?}",
                    self.records + 1,
                    line.chars().take(60).collect::<String>()
                ))
                .with_record(record.id.clone()));
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.kind = value,
                "warc-record-id" => record.id = Some(value),
                "warc-target-uri" => record.target_uri = Some(value),
                "warc-date" => record.date = Some(value),
                "content-type" => record.content_type = Some(value),
                "content-length" => {
                    length = Some(value.parse().map_err(|_| {
                        Error::fatal(format!("Content-Length is not a number: {value:?}"))
                            .with_record(record.id.clone())
                    })?)
                }
                _ => {}
            }
        }
        let Some(length) = length else {
            return Err(
                Error::fatal("no Content-Length header".to_string()).with_record(record.id.clone())
            );
        };
        self.records += 1;
        if length > self.max_record_bytes as u64 {
            let skipped = std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink())
                .map_err(|e| self.io_error(e))?;
            if skipped < length {
                return Err(truncated(&record, length, skipped));
            }
            return Err(Error::record(
                format!(
                    "block is {length} bytes, over the limit of {} bytes; skipped",
                    self.max_record_bytes
                ),
                record.id,
            ));
        }
        // Grow as bytes arrive rather than trusting the header with one allocation.
        let got = (&mut self.input)
            .take(length)
            .read_to_end(&mut record.block)
            .map_err(|e| self.io_error(e).with_record(record.id.clone()))?;
        if (got as u64) < length {
            return Err(truncated(&record, length, got as u64));
        }
        Ok(Some(record))
    }
}

fn truncated(record: &Record, expected: u64, got: u64) -> Error {
    Error::fatal(format!(
        "truncated: Content-Length says {expected} bytes, the file ends after {got}"
    ))
    .with_record(record.id.clone())
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Result<Record, Error>> {
        if self.finished {
            return None;
        }
        match self.read_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => {
                self.finished = true;
                None
            }
            Err(e) => {
                self.finished = e.is_fatal();
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(id: &str, uri: &str, html: &str) -> Vec<u8> {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend_from_slice(http.as_bytes());
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn reads_records_in_order() {
        let mut warc =
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".to_vec();
        warc.extend(response("<a>", "http://a/", "<p>A</p>"));
        warc.extend(response("<b>", "http://b/", "<p>B</p>"));
        let records: Vec<Record> = Reader::new(&warc[..]).map(|r| r.unwrap()).collect();
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].kind, "warcinfo");
        assert!(records[0].http_response().is_none());
        assert_eq!(records[2].id.as_deref(), Some("<b>"));
        let http = records[1].http_response().unwrap().unwrap();
        assert_eq!(http.body, b"<p>A</p>");
        assert_eq!(http.charset(), Some("utf-8"));
    }

    #[test]
    fn truncated_body_is_one_error_naming_the_record() {
        let mut warc = response("<a>", "http://a/", "<p>A</p>");
        warc.extend(response("<b>", "http://b/", "<p>Bravo bravo</p>"));
        warc.truncate(warc.len() - 12);
        let results: Vec<_> = Reader::new(&warc[..]).collect();
        assert_eq!(results.len(), 2);
        assert!(results[0].is_ok());
        let err = results[1].as_ref().unwrap_err();
        assert!(err.is_fatal());
        assert_eq!(err.record_id(), Some("<b>"));
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn oversized_record_is_skipped_and_the_next_one_read() {
        let mut warc = response("<big>", "http://a/", &"x".repeat(5000));
        warc.extend(response("<small>", "http://b/", "<p>B</p>"));
        let results: Vec<_> = Reader::new(&warc[..]).max_record_bytes(1000).collect();
        assert_eq!(results.len(), 2);
        let err = results[0].as_ref().unwrap_err();
        assert!(!err.is_fatal());
        assert!(err.to_string().contains("over the limit"), "{err}");
        assert_eq!(results[1].as_ref().unwrap().id.as_deref(), Some("<small>"));
    }

    #[test]
    fn garbage_is_one_clear_error() {
        let results: Vec<_> = Reader::new(&b"<html>not a warc</html>"[..]).collect();
        assert_eq!(results.len(), 1);
        assert!(results[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("not a WARC record"));
        let no_length: Vec<_> =
            Reader::new(&b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"[..]).collect();
        assert!(no_length[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Content-Length"));
        let endless = vec![b'W'; 200_000];
        let mut r = Reader::new(&endless[..]);
        assert!(r.next().unwrap().is_err());
        assert!(r.next().is_none());
        assert_eq!(Reader::new(&b""[..]).count(), 0);
    }
}
