//! Walking the folders a user names: every article file under them, once, with what
//! we need to tell later whether it changed (size, modification time).
//!
//! Links are not followed unless asked (a link could lead out of the archive, or in a
//! loop); device files, FIFOs and sockets are never read; hidden files and folders are
//! skipped, as ripgrep and fd do.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use super::format_of;

/// One file to read.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Absolute path, symlinks in the folders given resolved.
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime: i64,
}

/// Whether `entry` is a JSON Lines file over `above` bytes: one that is read a batch
/// of articles at a time (`ingest::read_file_streaming`) rather than whole.
pub fn is_large_jsonl(entry: &FileEntry, above: u64) -> bool {
    entry.size > above && matches!(format_of(&entry.path), Some((super::Format::JsonLines, _)))
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<FileEntry>,
    /// Files and folders that could not be walked, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Files skipped because they are not in an article format.
    pub ignored: usize,
    /// The absolute roots that were walked: files under them that the walk did not find
    /// are gone.
    pub roots: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    pub follow_links: bool,
    pub hidden: bool,
}

/// Walk `paths` (files or folders). `skip` is a folder never to enter (the index).
pub fn walk(paths: &[PathBuf], options: WalkOptions, skip: Option<&Path>) -> Walked {
    let mut out = Walked::default();
    let mut seen = HashSet::new();
    let skip = skip.and_then(|s| s.canonicalize().ok());
    for root in paths {
        let abs = match root.canonicalize() {
            Ok(p) => p,
            Err(e) => {
                out.errors.push((root.clone(), super::io_reason_path(&e)));
                continue;
            }
        };
        out.roots.push(abs.clone());
        let walker = WalkDir::new(&abs)
            .follow_links(options.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                (e.depth() == 0
                    || options.hidden
                    || !e.file_name().to_string_lossy().starts_with('.'))
                    && skip.as_deref() != Some(e.path())
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| abs.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else if let Some(io) = e.io_error() {
                        super::io_reason_path(io)
                    } else {
                        e.to_string()
                    };
                    out.errors.push((path, reason));
                    continue;
                }
            };
            let ft = entry.file_type();
            if ft.is_dir() {
                continue;
            }
            if ft.is_symlink() {
                // Not followed: say so only for links that look like articles.
                if format_of(entry.path()).is_some() {
                    out.errors.push((
                        entry.path().to_path_buf(),
                        "symbolic link, not followed (use --follow)".to_string(),
                    ));
                }
                continue;
            }
            if format_of(entry.path()).is_none() {
                out.ignored += 1;
                continue;
            }
            if !ft.is_file() {
                out.errors.push((
                    entry.path().to_path_buf(),
                    "not a regular file (device, FIFO or socket), skipped".to_string(),
                ));
                continue;
            }
            let meta = match entry.metadata() {
                Ok(m) => m,
                Err(e) => {
                    out.errors.push((entry.path().to_path_buf(), e.to_string()));
                    continue;
                }
            };
            let path = if options.follow_links {
                entry
                    .path()
                    .canonicalize()
                    .unwrap_or_else(|_| entry.path().to_path_buf())
            } else {
                entry.path().to_path_buf()
            };
            if !seen.insert(path.clone()) {
                continue;
            }
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64);
            out.files.push(FileEntry {
                path,
                size: meta.len(),
                mtime,
            });
        }
    }
    out
}
