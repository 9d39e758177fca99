use std::fmt;

/// Why bytes could not be taken as a page.
///
/// Opaque: callers print it next to the page's path. The message says what the input
/// was taken for and which limit it broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    pub(crate) fn too_large(size: usize, limit: usize) -> Error {
        Error {
            message: format!("page is {size} bytes, over the limit of {limit} bytes"),
        }
    }

    pub(crate) fn timed_out(stage: &str, elapsed: std::time::Duration) -> Error {
        Error {
            message: format!(
                "timed out while {stage}, after {} ms (see --timeout-ms)",
                elapsed.as_millis()
            ),
        }
    }

    pub(crate) fn binary(what: &str) -> Error {
        Error {
            message: format!("not a page: looks like {what}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
