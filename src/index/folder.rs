//! The index folder as tantivy sees it: tantivy's own memory-mapped directory, except
//! that reading a folder nobody may write to (an archive on read-only media, or
//! another user's) does not need a lock file there.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};

/// A memory-mapped index folder.
///
/// Readers take tantivy's meta lock while they open a commit's segments, so that a
/// writer's clean-up does not delete the files under them. The lock is a file, which a
/// read-only folder cannot hold; there, no writer can delete anything either, so a
/// reader goes on without it. Writing still needs every lock.
#[derive(Clone, Debug)]
pub struct Folder {
    inner: MmapDirectory,
}

impl Folder {
    pub fn open(path: &Path) -> Result<Folder, OpenDirectoryError> {
        Ok(Folder {
            inner: MmapDirectory::open(path)?,
        })
    }
}

/// Whether `e` says that the folder cannot be written to.
fn cannot_write(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Whether a failure to take `lock` may be let go: only the readers' meta lock, and
/// only when the folder cannot be written to.
fn may_read_without(lock: &Lock, error: &LockError) -> bool {
    match error {
        LockError::IoError(e) => lock.filepath == META_LOCK.filepath && cannot_write(e),
        LockError::LockBusy => false,
    }
}

impl Directory for Folder {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(e) if may_read_without(lock, &e) => Ok(DirectoryLock::from(Box::new(()))),
            taken => taken,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::directory::INDEX_WRITER_LOCK;

    fn io(kind: io::ErrorKind) -> LockError {
        LockError::IoError(Arc::new(io::Error::from(kind)))
    }

    #[test]
    fn only_the_meta_lock_of_an_unwritable_folder_is_let_go() {
        let cases = [
            (&*META_LOCK, io(io::ErrorKind::ReadOnlyFilesystem), true),
            (&*META_LOCK, io(io::ErrorKind::PermissionDenied), true),
            (&*META_LOCK, io(io::ErrorKind::NotFound), false),
            (&*META_LOCK, LockError::LockBusy, false),
            (
                &*INDEX_WRITER_LOCK,
                io(io::ErrorKind::ReadOnlyFilesystem),
                false,
            ),
            (
                &*INDEX_WRITER_LOCK,
                io(io::ErrorKind::PermissionDenied),
                false,
            ),
            (&*INDEX_WRITER_LOCK, LockError::LockBusy, false),
        ];
        for (lock, error, want) in cases {
            assert_eq!(
                may_read_without(lock, &error),
                want,
                "{:?} {error:?}",
                lock.filepath
            );
        }
    }

    #[test]
    fn locks_of_a_writable_folder_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        let held = folder.acquire_lock(&INDEX_WRITER_LOCK).unwrap();
        assert!(matches!(
            folder.acquire_lock(&INDEX_WRITER_LOCK),
            Err(LockError::LockBusy)
        ));
        drop(held);
        let _meta = folder.acquire_lock(&META_LOCK).unwrap();
    }
}
