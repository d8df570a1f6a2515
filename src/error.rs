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
    #[error(
        "{path} holds an index made by {} newsdex (schema {found}; this one {} schema \
         {ours}); run `newsdex index --rebuild DIR...` to rebuild it{}",
        if found < ours { "an older" } else { "a newer" },
        if found < ours { "writes" } else { "reads" },
        if found < ours { "" } else { ", or use the newer newsdex" }
    )]
    Outdated {
        path: PathBuf,
        found: u32,
        ours: u32,
    },
    #[error(
        "{path} holds a damaged index ({reason}); run `newsdex index --rebuild DIR...` to \
         rebuild it"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{path}: the disk is full or a file size limit was reached ({reason}); the index \
         keeps its last commit: make room and run `newsdex index` again"
    )]
    DiskFull { path: PathBuf, reason: String },
    #[error(
        "{path}: the index folder is read-only or not writable ({reason}); the index is \
         unchanged: fix its permissions or choose another folder with --index"
    )]
    ReadOnly { path: PathBuf, reason: String },
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

/// The I/O error behind a tantivy error, if there is one.
fn io_source(e: &tantivy::TantivyError) -> Option<&std::io::Error> {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::{LockError, OpenWriteError};
    match e {
        T::IoError(io) => Some(io),
        T::LockFailure(LockError::IoError(io), _) => Some(io),
        T::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => Some(io_error),
        _ => None,
    }
}

impl Error {
    /// A tantivy error from writing the index at `path`, told apart when it is a full
    /// disk or a folder we may not write to, so the message can say what to do.
    pub fn writing(path: &std::path::Path, e: tantivy::TantivyError) -> Error {
        use std::io::ErrorKind::*;
        let text = e.to_string();
        let kind = io_source(&e).map(std::io::Error::kind);
        let os = io_source(&e).and_then(std::io::Error::raw_os_error);
        // Errors from tantivy's indexing threads come as text only.
        let says = |what: &str| text.contains(what);
        let path = path.to_path_buf();
        if matches!(kind, Some(StorageFull | FileTooLarge | QuotaExceeded))
            || matches!(os, Some(27 | 28 | 122))
            || says("No space left on device")
            || says("File too large")
            || says("Disk quota exceeded")
        {
            Error::DiskFull { path, reason: text }
        } else if matches!(kind, Some(PermissionDenied | ReadOnlyFilesystem))
            || says("Permission denied")
            || says("Read-only file system")
        {
            Error::ReadOnly { path, reason: text }
        } else if let tantivy::TantivyError::LockFailure(..) = e {
            Error::Busy(path)
        } else {
            Error::Tantivy(e)
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
