//! From bytes on disk to page text: size limits, binary detection, decoding.

use crate::Error;

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
/// UTF-8 (with or without BOM) is taken as is. Bytes that are not UTF-8 are decoded as
/// Windows-1252, the web's de-facto default for undeclared Western pages, so no byte is
/// dropped; a page with NUL bytes in its first kilobytes, or with a known binary
/// signature, is refused.
pub fn decode_page(bytes: &[u8], limits: &Limits) -> Result<String, Error> {
    if bytes.len() > limits.max_bytes {
        return Err(Error::too_large(bytes.len(), limits.max_bytes));
    }
    for (magic, what) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::binary(what));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        let is_utf16 = head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]);
        if !is_utf16 {
            return Err(Error::binary("binary data (NUL bytes)"));
        }
        return decode_utf16(bytes);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(bytes
            .iter()
            .map(|&b| crate::entities::windows_1252(b))
            .collect()),
    }
}

fn decode_utf16(bytes: &[u8]) -> Result<String, Error> {
    let little = bytes.starts_with(&[0xff, 0xfe]);
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Ok(char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect())
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
}
