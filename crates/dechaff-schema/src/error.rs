use std::fmt;

/// Why a gold file could not be read as an article.
///
/// Opaque on purpose: callers print it (it names the field, or the line and column of a
/// JSON syntax error) and need not match on its cause.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Json(serde_json::Error),
    Shape { field: String, message: String },
}

impl Error {
    pub(crate) fn json(e: serde_json::Error) -> Error {
        Error {
            kind: ErrorKind::Json(e),
        }
    }

    pub(crate) fn shape(field: &str, message: &str) -> Error {
        Error {
            kind: ErrorKind::Shape {
                field: field.to_string(),
                message: message.to_string(),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Json(e) => write!(f, "invalid JSON: {e}"),
            ErrorKind::Shape { field, message } => write!(f, "{field}: {message}"),
        }
    }
}

/// The message already carries the JSON parser's words (with line and column), so no
/// source is chained: printing the chain would say it twice.
impl std::error::Error for Error {}
