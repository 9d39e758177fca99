//! The one error type of the WARC reader.

use std::fmt;

/// Why a WARC file or one of its records could not be read.
///
/// Opaque on purpose: callers print it (it names the record and the problem) and ask
/// [`Error::is_fatal`] whether the stream can go on, rather than matching on variants
/// that would freeze the reader's internals into its API.
#[derive(Debug)]
pub struct Error {
    message: String,
    fatal: bool,
    record_id: Option<String>,
}

impl Error {
    pub(crate) fn fatal(message: String) -> Error {
        Error {
            message,
            fatal: true,
            record_id: None,
        }
    }

    pub(crate) fn record(message: String, record_id: Option<String>) -> Error {
        Error {
            message,
            fatal: false,
            record_id,
        }
    }

    pub(crate) fn with_record(mut self, record_id: Option<String>) -> Error {
        if self.record_id.is_none() {
            self.record_id = record_id;
        }
        self
    }

    /// True when the stream cannot be read past this error (truncated or malformed
    /// file); false when only this record is lost and the next one can be read.
    pub fn is_fatal(&self) -> bool {
        self.fatal
    }

    /// The `WARC-Record-ID` of the record the error is about, when it was read.
    pub fn record_id(&self) -> Option<&str> {
        self.record_id.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record_id {
            Some(id) => write!(f, "record {id}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
