//! The library's one error type. The binary wraps it in anyhow with file context.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("index is busy: another newsdex is writing to {0} (wait for it to finish)")]
    Busy(PathBuf),
    #[error(
        "{path} holds an index made by another version of newsdex or by another program; \
         run `newsdex index --rebuild DIR...` to rebuild it ({reason})"
    )]
    Incompatible { path: PathBuf, reason: String },
    #[error("no index at {0}: run `newsdex index DIR...` first")]
    NoIndex(PathBuf),
    #[error("invalid query: {0}")]
    Query(String),
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Date(String),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
