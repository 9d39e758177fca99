//! From bytes on disk to page text: size limits, binary detection, decoding.

use crate::Error;
use chardetng::EncodingDetector;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Limits on what is accepted as a page.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Pages larger than this are refused rather than processed.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Magic numbers of formats that are certainly not pages.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data (decompress it first)"),
];

/// Turns a page's bytes into text, or says why it is not a page.
///
/// The same as [`decode_page_declared`] with no charset from the transport.
pub fn decode_page(bytes: &[u8], limits: &Limits) -> Result<String, Error> {
    decode_page_declared(bytes, limits, None)
}

/// C1 control characters a page must hold before it is read as doubly encoded.
const MIN_C1_CHARS: usize = 3;

/// A page its site encoded twice (UTF-8 read as Latin-1, then written out as UTF-8 again:
/// "Investorâ\u{80}\u{99}s") holds C1 control characters, which no real text does,
/// and nothing above U+00FF. Its characters, taken as bytes, are then the UTF-8 the site
/// meant; any other text is returned as it is.
fn undo_double_encoding(text: String) -> String {
    // A C1 character is 0xC2 then 0x80..=0x9F in UTF-8: a byte search finds them.
    let bytes = text.as_bytes();
    let c1 = memchr::memchr_iter(0xC2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1), Some(0x80..=0x9F)))
        .take(MIN_C1_CHARS)
        .count();
    if c1 < MIN_C1_CHARS {
        return text;
    }
    let meant: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    meant
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or(text)
}

/// Turns a page's bytes into text, given the charset its transport declared (the HTTP
/// `Content-Type` of a WARC record), or says why it is not a page.
///
/// The order is a browser's, with one change: a byte-order mark wins; then bytes that
/// are valid UTF-8 are UTF-8 whatever is declared (non-ASCII bytes that happen to form
/// valid UTF-8 are rare in any other encoding, and mislabelled UTF-8 pages are common);
/// then the transport's charset, then a `<meta charset>` or XML declaration in the first
/// kilobytes; then the guess of `chardetng`, Firefox's detector. UTF-8 that a site
/// encoded twice is undone. UTF-16 without a BOM
/// is told by where its NUL bytes fall. Undecodable bytes become U+FFFD, visibly, rather
/// than vanishing. A page with a known binary signature, or NUL bytes that are not
/// UTF-16, is refused.
pub fn decode_page_declared(
    bytes: &[u8],
    limits: &Limits,
    declared: Option<&str>,
) -> Result<String, Error> {
    decode(Cow::Borrowed(bytes), limits, declared)
}

/// [`decode_page_declared`] for bytes the caller gives up: a page that is UTF-8
/// already becomes the text without a copy.
pub fn decode_page_owned(
    bytes: Vec<u8>,
    limits: &Limits,
    declared: Option<&str>,
) -> Result<String, Error> {
    decode(Cow::Owned(bytes), limits, declared)
}

fn decode(bytes: Cow<[u8]>, limits: &Limits, declared: Option<&str>) -> Result<String, Error> {
    if bytes.len() > limits.max_bytes {
        return Err(Error::too_large(bytes.len(), limits.max_bytes));
    }
    for (magic, what) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::binary(what));
        }
    }
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        return Ok(decode_with(encoding, &bytes[bom..]));
    }
    let head_len = bytes.len().min(8192);
    if bytes[..head_len].contains(&0) {
        return match utf16_without_bom(&bytes[..head_len]) {
            Some(encoding) => Ok(decode_with(encoding, &bytes)),
            None => Err(Error::binary("binary data (NUL bytes)")),
        };
    }
    // Validated once: owned bytes that are not UTF-8 come back for the decoders below.
    let bytes = match bytes {
        Cow::Owned(owned) => match String::from_utf8(owned) {
            Ok(text) => return Ok(undo_double_encoding(text)),
            Err(e) => Cow::Owned(e.into_bytes()),
        },
        Cow::Borrowed(borrowed) => match std::str::from_utf8(borrowed) {
            Ok(text) => return Ok(undo_double_encoding(text.to_string())),
            Err(_) => Cow::Borrowed(borrowed),
        },
    };
    let label = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..head_len]));
    // A page cannot declare UTF-16 in ASCII-compatible bytes (the HTML standard reads
    // such a declaration as UTF-8); a page declared UTF-8 that is not valid UTF-8 is
    // mislabelled, so the detector gets a say.
    let encoding = match label {
        Some(e) if e != UTF_8 && e != UTF_16LE && e != UTF_16BE => e,
        _ if mostly_utf8(&bytes) => UTF_8,
        _ => {
            let (sample, whole) = detector_sample(&bytes);
            let mut detector = EncodingDetector::new();
            detector.feed(&sample, whole);
            detector.guess(None, true)
        }
    };
    Ok(decode_with(encoding, &bytes))
}

/// Characters of more than one byte that bytes which are not valid UTF-8 must hold, at
/// least, to be read as UTF-8 with some broken bytes by [`mostly_utf8`].
const MIN_UTF8_CHARS: usize = 3;

/// Whether bytes that are not valid UTF-8 are UTF-8 with a few broken bytes: more
/// characters of two to four bytes than bytes that break the encoding. A site that
/// pastes a stray Windows-1252 quote or a half-escaped one (`&acirc;\x80\x99`) into
/// its UTF-8 pages makes such pages; read as Windows-1252, every one of their real
/// accents and quotes would turn to mojibake. Text in a legacy encoding is the
/// other way round: nearly every non-ASCII byte of it breaks UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut chars, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // A lead byte starts each character of more than one byte.
        chars += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        broken += chunk.invalid().len();
    }
    chars >= MIN_UTF8_CHARS && chars > broken
}

/// Bytes the detector reads: enough to tell the scripts of a page apart, bounded so a
/// huge page costs no more than a normal one.
const DETECTOR_SAMPLE: usize = 256 * 1024;

/// ASCII bytes kept on each side of a run of non-ASCII bytes in [`detector_sample`]
/// when no space or tag edge comes sooner.
const DETECTOR_CONTEXT: usize = 24;

/// What the detector reads of a page: each word that holds non-ASCII bytes, with the
/// ASCII letters around it up to a space or tag edge, joined by spaces; and whether
/// that is all the page has to tell.
///
/// The detector scores non-ASCII bytes and the letters next to them, but it reads
/// every byte after the first non-ASCII one through all its candidates: on the six
/// Dragnet pages that needed it, a twentieth of the whole set's instructions, spent on
/// markup and English prose that tell it nothing. On the WCXB pages and the bundled
/// corpus transcoded into twenty legacy encodings (6,016 pages), this sample let it
/// guess a decoding right 5,429 times against 5,240 for the page's first 256 KB, a
/// hundred times faster: it also reaches accents deep in a long page.
fn detector_sample(bytes: &[u8]) -> (Vec<u8>, bool) {
    let is_edge = |b: u8| b.is_ascii_whitespace() || b == b'<' || b == b'>';
    let mut sample = Vec::new();
    let mut at = 0;
    loop {
        let first = at + Encoding::ascii_valid_up_to(&bytes[at..]);
        if first == bytes.len() {
            return (sample, true);
        }
        let floor = first.saturating_sub(DETECTOR_CONTEXT).max(at);
        let start = bytes[floor..first]
            .iter()
            .rposition(|&b| is_edge(b))
            .map_or(floor, |i| floor + i + 1);
        let mut end = first;
        let mut last_non_ascii = first;
        while end < bytes.len() {
            let b = bytes[end];
            if !b.is_ascii() {
                last_non_ascii = end;
            } else if is_edge(b) || end - last_non_ascii > DETECTOR_CONTEXT {
                break;
            }
            end += 1;
        }
        if !sample.is_empty() {
            sample.push(b' ');
        }
        sample.extend_from_slice(&bytes[start..end]);
        if sample.len() >= DETECTOR_SAMPLE {
            return (sample, false);
        }
        at = end;
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// UTF-16 without a byte-order mark: mostly-Latin text puts a NUL in every other byte,
/// on the odd side for little-endian and the even side for big-endian.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    // Too short to tell: a NUL among a handful of bytes is more likely binary.
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let dominant = |a: usize, b: usize| a * 10 >= pairs * 3 && b * 20 <= pairs;
    if dominant(odd, even) {
        Some(UTF_16LE)
    } else if dominant(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding named by `<meta charset=...>`, `<meta http-equiv=... content="...;
/// charset=...">` or `<?xml ... encoding="..."?>` near the start of the page.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let scan = &head[..head.len().min(4096)];
    let lower = scan.to_ascii_lowercase();
    for key in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(at) = find(&lower[from..], key) {
            let mut i = from + at + key.len();
            from = i;
            while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
                i += 1;
            }
            if lower.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
                i += 1;
            }
            let end = lower[i..]
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .map_or(lower.len(), |n| i + n);
            if let Some(e) = Encoding::for_label(&lower[i..end]) {
                return Some(e);
            }
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_oversized() {
        let l = Limits::default();
        assert!(decode_page(b"\x89PNG\r\n", &l)
            .unwrap_err()
            .to_string()
            .contains("PNG"));
        assert!(decode_page(b"ab\0cd", &l)
            .unwrap_err()
            .to_string()
            .contains("NUL"));
        let small = Limits { max_bytes: 3 };
        assert!(decode_page(b"abcd", &small)
            .unwrap_err()
            .to_string()
            .contains("4 bytes"));
    }

    #[test]
    fn decodes_utf8_bom_cp1252_and_utf16() {
        let l = Limits::default();
        assert_eq!(
            decode_page("\u{feff}Kyiv’s".as_bytes(), &l).unwrap(),
            "Kyiv’s"
        );
        assert_eq!(decode_page(b"caf\xe9 \x93q\x94", &l).unwrap(), "café “q”");
        assert_eq!(decode_page(b"\xff\xfeh\0i\0", &l).unwrap(), "hi");
    }

    #[test]
    fn double_encoded_utf8_is_undone() {
        let l = Limits::default();
        // "Investor’s guide — 2025 €", encoded as UTF-8, read as Latin-1, encoded again.
        let meant = "<p>Investor’s guide — 2025 €</p>";
        let twice: String = meant.bytes().map(char::from).collect();
        assert_eq!(decode_page(twice.as_bytes(), &l).unwrap(), meant);
        // A page with one such character, or with text beyond Latin-1, is left alone.
        let one = "<p>x\u{85}y</p>";
        assert_eq!(decode_page(one.as_bytes(), &l).unwrap(), one);
        let mixed = format!("{twice}<p>Київ</p>");
        assert_eq!(decode_page(mixed.as_bytes(), &l).unwrap(), mixed);
    }

    #[test]
    fn legacy_charsets_decode_right() {
        let l = Limits::default();
        // Windows-1251 Cyrillic, declared in a meta tag.
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("<meta charset=\"windows-1251\"><p>Министерство обороны</p>");
        assert!(decode_page(&cp1251, &l)
            .unwrap()
            .contains("Министерство обороны"));
        // The same bytes undeclared: the detector tells Cyrillic from Latin.
        let (bare, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Министерство обороны России сообщило о перехвате беспилотников над Белгородской областью</p>");
        assert!(decode_page(&bare, &l)
            .unwrap()
            .contains("Министерство обороны"));
        // ISO-8859-2 declared by the transport.
        let (latin2, _, _) =
            encoding_rs::ISO_8859_2.encode("<p>Ministerstwo Obrony Narodowej: śmigłowce</p>");
        assert!(decode_page_declared(&latin2, &l, Some("iso-8859-2"))
            .unwrap()
            .contains("śmigłowce"));
        // German in Windows-1252 with an XML declaration.
        let (de, _, _) = encoding_rs::WINDOWS_1252.encode("<?xml version=\"1.0\" encoding=\"windows-1252\"?><p>Bundeswehr übt für den Ernstfall</p>");
        assert!(decode_page(&de, &l).unwrap().contains("übt für"));
        // Valid UTF-8 wins over a wrong declaration.
        assert!(
            decode_page_declared("<p>Київ</p>".as_bytes(), &l, Some("windows-1252"))
                .unwrap()
                .contains("Київ")
        );
        // UTF-16 without a BOM, both byte orders.
        let le: Vec<u8> = "<p>Kyiv</p>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "<p>Kyiv</p>"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode_page(&le, &l).unwrap(), "<p>Kyiv</p>");
        assert_eq!(decode_page(&be, &l).unwrap(), "<p>Kyiv</p>");
    }

    #[test]
    fn detector_reads_the_words_with_non_ascii_bytes_and_their_neighbours() {
        let page =
            b"<p>The caf\xe9 is open.</p><div class=\"x\">Lots of plain text</div><b>na\xefve</b>";
        assert_eq!(detector_sample(page), (b"caf\xe9 na\xefve".to_vec(), true));
        // ASCII letters run on to a space or tag edge, or for a bounded stretch.
        let long = [&b"x\xe9"[..], &[b'y'; 100]].concat();
        let (sample, whole) = detector_sample(&long);
        assert_eq!(sample.len(), 2 + DETECTOR_CONTEXT);
        assert!(whole);
        assert_eq!(detector_sample(b"all ascii"), (Vec::new(), true));
        // A sample at its bound says the page held more.
        let big = b"\xe9 ".repeat(DETECTOR_SAMPLE);
        let (sample, whole) = detector_sample(&big);
        assert!(sample.len() >= DETECTOR_SAMPLE && !whole);
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        let l = Limits::default();
        // Real curly quotes and accents in UTF-8, and one Windows-1252 quote pasted in.
        let mut page = "<meta charset=\"utf-8\"><p>Don’t say “never”, señor</p><p>cuts"
            .as_bytes()
            .to_vec();
        page.extend_from_slice(b"\x97to the bone</p>");
        let text = decode_page(&page, &l).unwrap();
        assert!(text.contains("Don’t say “never”, señor"), "{text}");
        assert!(text.contains("cuts\u{FFFD}to"), "{text}");
        // Windows-1252 with a pair of bytes that happens to be valid UTF-8 is not.
        assert!(!mostly_utf8(
            b"caf\xe9 na\xefve d\xe9j\xe0 \xc3\xa9 \xc3\xa9 \xc3\xa9"
        ));
        assert!(mostly_utf8("café naïve déjà".as_bytes()));
    }

    #[test]
    fn accented_words_far_apart_in_a_long_page_are_still_found() {
        // Two megabytes of ASCII markup with Cyrillic in a few places: the detector
        // sees the Cyrillic wherever it is, not only in the first part of the page.
        let filler = "<div class=\"nav\"><a href=\"/x\">Home</a></div>\n".repeat(40_000);
        let text = format!("{filler}<p>Министерство обороны России</p>{filler}<p>сообщило о перехвате беспилотников</p>");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let decoded = decode_page(&cp1251, &Limits::default()).unwrap();
        assert!(decoded.contains("Министерство обороны России"));
        assert!(decoded.contains("перехвате беспилотников"));
    }
}
