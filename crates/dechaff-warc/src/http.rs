//! The HTTP message inside a `response` record: status, headers, and the payload with
//! transfer and content codings undone.

use crate::Error;
use std::io::Read;

/// A decoded payload may not grow past this: a gzip bomb costs one record, not the
/// machine's memory.
const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// An HTTP response as a crawler received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code (200, 301, 404, ...).
    pub status: u16,
    /// Header names (as written) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The payload: chunked transfer coding and gzip/deflate content coding undone.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type, lowercased, without parameters (`text/html`).
    pub fn media_type(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        Some(ct.split(';').next()?.trim().to_ascii_lowercase())
    }

    /// The `charset` parameter of `Content-Type`, as written, unquoted.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.header("content-type")?;
        ct.split(';').skip(1).find_map(|param| {
            let (k, v) = param.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(['"', '\'']))
                .filter(|v| !v.is_empty())
        })
    }

    /// A page worth stripping: HTML or XHTML, or a response that names no type (many
    /// servers omit it, and the stripper detects markup from the content).
    pub fn is_html(&self) -> bool {
        match self.media_type() {
            None => true,
            Some(t) => t == "text/html" || t == "application/xhtml+xml" || t.is_empty(),
        }
    }
}

/// Splits an HTTP message into status, headers and payload.
pub(crate) fn parse(message: &[u8]) -> Result<HttpResponse, Error> {
    let bad = |what: &str| Error::record(format!("HTTP response: {what}"), None);
    let (head, body) = split_head(message).ok_or_else(|| bad("no blank line after the headers"))?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| bad(&format!("bad status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut response = HttpResponse {
        status,
        headers,
        body: Vec::new(),
    };
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    // Some crawlers store the payload already de-chunked but keep the header; take
    // the bytes as they are when they do not parse as chunks.
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    let coding = response
        .header("content-encoding")
        .map(|v| v.trim().to_ascii_lowercase());
    response.body = match coding.as_deref() {
        Some("gzip") | Some("x-gzip") if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(flate2::read::MultiGzDecoder::new(&body[..]), "gzip")?
        }
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]), "deflate")
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]), "deflate"))?,
        _ => body,
    };
    Ok(response)
}

fn split_head(message: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(message, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(message, b"\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&message[..at], &message[at + len..]))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes chunked transfer coding; `None` when the bytes are not chunks.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?.trim();
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            // A cut final chunk: keep what arrived.
            out.extend_from_slice(body);
            return Some(out);
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        if body.is_empty() {
            return Some(out);
        }
    }
}

fn inflate(decoder: impl Read, coding: &str) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    decoder
        .take(MAX_DECODED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::record(format!("HTTP payload: bad {coding} coding: {e}"), None))?;
    if out.len() as u64 > MAX_DECODED_BYTES {
        return Err(Error::record(
            format!("HTTP payload: {coding} payload decodes to over {MAX_DECODED_BYTES} bytes"),
            None,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn headers_charset_and_type() {
        let r = parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1251\"\r\nX: y\r\n\r\nbody").unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.charset(), Some("windows-1251"));
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert!(r.is_html());
        assert_eq!(r.body, b"body");
        let pdf = parse(b"HTTP/1.0 200 OK\nContent-Type: application/pdf\n\n%PDF").unwrap();
        assert!(!pdf.is_html());
        assert!(parse(b"HTTP/1.1 abc\r\n\r\n").is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nno end").is_err());
    }

    #[test]
    fn chunked_and_gzip_are_undone() {
        let r = parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap();
        assert_eq!(r.body, b"Wikipedia");
        // Stored de-chunked despite the header: bytes kept as they are.
        let r = parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>").unwrap();
        assert_eq!(r.body, b"<html>");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>packed</p>").unwrap();
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        msg.extend(gz.finish().unwrap());
        assert_eq!(parse(&msg).unwrap().body, b"<p>packed</p>");
        let mut broken =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00".to_vec();
        broken.extend([0u8; 3]);
        assert!(parse(&broken).is_err());
    }
}
