//! The one error type of extraction.

use std::fmt;

/// Why an article could not be extracted.
///
/// Extraction itself cannot fail on any text; the only error is running out of the
/// time a caller allowed ([`crate::Extractor::extract_until`]). Opaque, so that other
/// reasons can join without breaking callers, who print it next to the page's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    pub(crate) fn timed_out(stage: &str, elapsed: std::time::Duration) -> Error {
        Error {
            message: format!(
                "timed out while {stage}, after {} ms (see --timeout-ms)",
                elapsed.as_millis()
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
