//! Bringing the index up to date with the folders: read what is new or changed (in
//! parallel, enriching each article), delete what disappeared, and commit.
//!
//! The state of every indexed file (size, modification time, content hash, article
//! count) is a `file` document in the index itself, committed together with the
//! file's articles. A run killed at any moment leaves the last commit intact, and the
//! next run carries on from there: files committed before the kill are unchanged, the
//! rest are read again. Deleting a file's `path` term before adding its articles means
//! a file is never indexed twice.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::indexer::{LogMergePolicy, UserOperation};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::{Archive, Fields, article_docs, first_str, schema};
use crate::extract::enrich;
use crate::ingest::walk::{FileEntry, Walked};
use crate::ingest::{self, Limits};
use crate::{Error, Result};

/// How to run an update.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// Indexing threads for tantivy's writer.
    pub threads: usize,
    /// Memory for tantivy's writer, in bytes, split among its threads.
    pub memory: usize,
    pub limits: Limits,
    /// Commit at least this often, so a killed run loses little.
    pub commit_every: Duration,
    /// JSON Lines files larger than this are indexed as they are read, a few
    /// hundred articles at a time, rather than read whole first.
    pub stream_above: u64,
}

impl Default for UpdateOptions {
    fn default() -> UpdateOptions {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        UpdateOptions {
            threads,
            memory: 256 << 20,
            limits: Limits::default(),
            commit_every: Duration::from_secs(30),
            stream_above: 32 << 20,
        }
    }
}

/// What happened to one file, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is classified: this many files will be read.
    Start { to_read: usize, bytes: u64 },
    /// A file was read (or found unchanged by its hash); `bytes` is its size.
    Read {
        path: &'a str,
        bytes: u64,
        articles: usize,
    },
    /// Something to know about a file that was read.
    Note { path: &'a str, note: &'a str },
    /// A file that could not be read at all.
    Failed { path: &'a str, reason: &'a str },
}

/// What an update did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Files found by the walk.
    pub files: usize,
    /// Files read (new or changed).
    pub read: usize,
    /// Files skipped because they did not change.
    pub unchanged: usize,
    pub bytes_read: u64,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    /// Records that could not become articles (no body, broken JSON line, …).
    pub skipped: usize,
    /// Files that could not be read, with the reason.
    pub failures: Vec<(PathBuf, String)>,
    pub elapsed: Duration,
}

#[derive(Debug, Clone)]
struct FileState {
    size: u64,
    mtime: i64,
    hash: String,
    articles: u64,
}

fn path_key(p: &std::path::Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Bring the index at `archive` up to date with `walked`.
pub fn update(
    archive: &Archive,
    walked: &Walked,
    options: &UpdateOptions,
    on_event: &(dyn Fn(Event) + Sync),
) -> Result<Summary> {
    let started = Instant::now();
    let f = archive.fields;
    let mut writer: IndexWriter<TantivyDocument> = archive
        .index
        .writer_with_num_threads(options.threads.max(1), options.memory.max(15 << 20))
        .map_err(|e| Error::writing(&archive.path, e))?;
    writer.set_merge_policy(Box::new(merge_policy(options.memory)));
    let state = load_state(archive)?;
    let mut summary = Summary {
        files: walked.files.len(),
        failures: walked.errors.clone(),
        ..Summary::default()
    };

    // Files that were indexed under the folders walked, and are gone now.
    let found: HashSet<String> = walked.files.iter().map(|e| path_key(&e.path)).collect();
    for (path, st) in &state {
        let under_root = walked
            .roots
            .iter()
            .any(|r| std::path::Path::new(path).starts_with(r));
        if under_root && !found.contains(path) {
            delete_file(&writer, f, path);
            summary.removed += st.articles as usize;
        }
    }

    let todo: Vec<&FileEntry> = walked
        .files
        .iter()
        .filter(|e| {
            state
                .get(&path_key(&e.path))
                .is_none_or(|s| s.size != e.size || s.mtime != e.mtime)
        })
        .collect();
    summary.unchanged = walked.files.len() - todo.len();
    on_event(Event::Start {
        to_read: todo.len(),
        bytes: todo.iter().map(|e| e.size).sum(),
    });

    let counts = Counters::default();
    let mut last_commit = Instant::now();
    // Batches bound the work lost to a kill and give commits a place to happen.
    for batch in todo.chunks(256) {
        batch.par_iter().for_each(|entry| {
            let path = path_key(&entry.path);
            let prev = state.get(&path);
            if ingest::walk::is_large_jsonl(entry, options.stream_above) {
                stream_file(&writer, f, entry, &path, prev, options, &counts, on_event);
                return;
            }
            let outcome = ingest::read_file(&entry.path, options.limits);
            for note in &outcome.notes {
                on_event(Event::Note { path: &path, note });
            }
            counts.skipped.fetch_add(outcome.skipped, Ordering::Relaxed);
            if let Some(reason) = &outcome.failure {
                // What was indexed from this file before stays until the file is
                // readable again or gone.
                on_event(Event::Failed {
                    path: &path,
                    reason,
                });
                counts.failed(&entry.path, reason);
                return;
            }
            // Record the file as it was read: it may have changed since the walk.
            let read_as = outcome.stat.map(|s| FileEntry {
                path: entry.path.clone(),
                size: s.size,
                mtime: s.mtime,
            });
            let entry = read_as.as_ref().unwrap_or(entry);
            counts.read.fetch_add(1, Ordering::Relaxed);
            counts
                .bytes
                .fetch_add(entry.size as usize, Ordering::Relaxed);
            let n = outcome.articles.len();
            if let Some(prev) = prev
                && prev.hash == outcome.hash
            {
                // Touched, not changed: only the file's state moves on.
                let _ = writer.delete_term(Term::from_field_text(f.file, &path));
                let _ = writer.add_document(file_doc(f, &path, entry, &outcome.hash, n));
                counts.touched.fetch_add(1, Ordering::Relaxed);
                on_event(Event::Read {
                    path: &path,
                    bytes: entry.size,
                    articles: 0,
                });
                return;
            }
            delete_file(&writer, f, &path);
            for article in &outcome.articles {
                add_article(&writer, &f, article);
            }
            let _ = writer.add_document(file_doc(f, &path, entry, &outcome.hash, n));
            counts.indexed(prev, n);
            on_event(Event::Read {
                path: &path,
                bytes: entry.size,
                articles: n,
            });
        });
        if last_commit.elapsed() >= options.commit_every {
            writer
                .commit()
                .map_err(|e| Error::writing(&archive.path, e))?;
            last_commit = Instant::now();
        }
    }
    writer
        .commit()
        .map_err(|e| Error::writing(&archive.path, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::writing(&archive.path, e))?;

    summary.read = counts.read.into_inner() - counts.touched.load(Ordering::Relaxed);
    summary.unchanged += counts.touched.into_inner();
    summary.bytes_read = counts.bytes.into_inner() as u64;
    summary.added = counts.added.into_inner();
    summary.updated = counts.updated.into_inner();
    summary.removed += counts.removed.into_inner();
    summary.skipped = counts.skipped.into_inner();
    let mut failed = counts
        .failures
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    failed.sort();
    summary.failures.extend(failed);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// tantivy's log merge policy, with segments that stop growing at a size the memory
/// budget can hold: a merge maps its input segments, and a merge of multi-gigabyte
/// segments would take that much memory (RSS) however small the budget.
fn merge_policy(memory: usize) -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge((memory / BYTES_PER_DOC_IN_MERGE).max(50_000));
    policy
}

/// Bytes of memory budget per document a segment may hold and still be merged.
/// Documents take ~380 bytes on disk on average since quote documents store nothing
/// (6,000 articles with 131,000 quote documents made a 52 MB index), so with the
/// default 256 MB a segment stops being merged at ~190,000 documents (~73 MB), and a
/// merge of up to eight of them maps ~580 MB at most.
const BYTES_PER_DOC_IN_MERGE: usize = 1400;

/// Index a large JSON Lines file while reading it. Its old documents are deleted
/// first (unless its hash shows it did not change), so if it turns out unreadable,
/// what it gave before is gone too; its state is gone with them, so the next run
/// tries it again.
#[allow(clippy::too_many_arguments)]
fn stream_file(
    writer: &IndexWriter<TantivyDocument>,
    f: Fields,
    entry: &FileEntry,
    path: &str,
    prev: Option<&FileState>,
    options: &UpdateOptions,
    counts: &Counters,
    on_event: &(dyn Fn(Event) + Sync),
) {
    if let Some(prev) = prev
        && ingest::hash_file(&entry.path).is_ok_and(|h| h == prev.hash)
    {
        let _ = writer.delete_term(Term::from_field_text(f.file, path));
        let _ = writer.add_document(file_doc(f, path, entry, &prev.hash, prev.articles as usize));
        counts.read.fetch_add(1, Ordering::Relaxed);
        counts.touched.fetch_add(1, Ordering::Relaxed);
        on_event(Event::Read {
            path,
            bytes: entry.size,
            articles: 0,
        });
        return;
    }
    delete_file(writer, f, path);
    let mut sink = |articles: Vec<crate::Article>| {
        articles.par_iter().for_each(|a| add_article(writer, &f, a));
    };
    let outcome = ingest::read_file_streaming(&entry.path, options.limits, Some(&mut sink));
    for note in &outcome.notes {
        on_event(Event::Note { path, note });
    }
    counts.skipped.fetch_add(outcome.skipped, Ordering::Relaxed);
    if let Some(reason) = &outcome.failure {
        // Whatever was added before the failure goes too.
        delete_file(writer, f, path);
        on_event(Event::Failed { path, reason });
        counts.failed(&entry.path, reason);
        return;
    }
    let n = outcome.streamed;
    let _ = writer.add_document(file_doc(f, path, entry, &outcome.hash, n));
    counts.read.fetch_add(1, Ordering::Relaxed);
    counts
        .bytes
        .fetch_add(entry.size as usize, Ordering::Relaxed);
    counts.indexed(prev, n);
    on_event(Event::Read {
        path,
        bytes: entry.size,
        articles: n,
    });
}

#[derive(Default)]
struct Counters {
    read: AtomicUsize,
    touched: AtomicUsize,
    bytes: AtomicUsize,
    added: AtomicUsize,
    updated: AtomicUsize,
    removed: AtomicUsize,
    skipped: AtomicUsize,
    failures: Mutex<Vec<(PathBuf, String)>>,
}

impl Counters {
    /// A file that could not be read at all.
    fn failed(&self, path: &std::path::Path, reason: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_path_buf(), reason.to_string()));
    }

    /// A file's `n` articles went in, in place of what `prev` had.
    fn indexed(&self, prev: Option<&FileState>, n: usize) {
        match prev {
            Some(prev) => {
                self.updated.fetch_add(n, Ordering::Relaxed);
                self.removed.fetch_add(
                    (prev.articles as usize).saturating_sub(n),
                    Ordering::Relaxed,
                );
            }
            None => {
                self.added.fetch_add(n, Ordering::Relaxed);
            }
        }
    }
}

/// Enrich an article and add it with its quotes, in one batch so that they stay
/// together (see `query::join`).
fn add_article(writer: &IndexWriter<TantivyDocument>, f: &Fields, article: &crate::Article) {
    let docs = article_docs(f, article, &enrich(article));
    let _ = writer.run(docs.into_iter().map(UserOperation::Add));
}

/// Delete everything that came from the file at `path`: articles, quotes, state.
fn delete_file(writer: &IndexWriter<TantivyDocument>, f: Fields, path: &str) {
    let _ = writer.delete_term(Term::from_field_text(f.path, path));
    let _ = writer.delete_term(Term::from_field_text(f.quote_path, path));
    let _ = writer.delete_term(Term::from_field_text(f.file, path));
}

fn file_doc(
    f: Fields,
    path: &str,
    entry: &FileEntry,
    hash: &str,
    articles: usize,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.kind, schema::KIND_FILE);
    doc.add_text(f.file, path);
    doc.add_u64(f.size, entry.size);
    doc.add_i64(f.mtime, entry.mtime);
    doc.add_text(f.hash, hash);
    doc.add_u64(f.articles, articles as u64);
    doc
}

/// The state of every indexed file, from the `file` documents of the last commit.
fn load_state(archive: &Archive) -> Result<HashMap<String, FileState>> {
    let f = archive.fields;
    let reader = archive.index.reader()?;
    let searcher = reader.searcher();
    let query = TermQuery::new(
        Term::from_field_text(f.kind, schema::KIND_FILE),
        IndexRecordOption::Basic,
    );
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut state = HashMap::with_capacity(addresses.len());
    for addr in addresses {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let Some(path) = first_str(&doc, f.file) else {
            continue;
        };
        state.insert(
            path,
            FileState {
                size: doc.get_first(f.size).and_then(|v| v.as_u64()).unwrap_or(0),
                mtime: doc.get_first(f.mtime).and_then(|v| v.as_i64()).unwrap_or(0),
                hash: first_str(&doc, f.hash).unwrap_or_default(),
                articles: doc
                    .get_first(f.articles)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
            },
        );
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::walk::{WalkOptions, walk};

    fn count(archive: &Archive, kind: &str) -> usize {
        let searcher = archive.index.reader().unwrap().searcher();
        let q = TermQuery::new(
            Term::from_field_text(archive.fields.kind, kind),
            IndexRecordOption::Basic,
        );
        searcher.search(&q, &tantivy::collector::Count).unwrap()
    }

    /// A JSON Lines file over the streaming size is indexed chunk by chunk, with the
    /// same articles as a whole read gives, and a second run finds it unchanged.
    #[test]
    fn large_json_lines_files_are_streamed_with_the_same_result() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let mut lines = String::new();
        let records = ingest::STREAM_CHUNK * 2 + 7;
        for i in 0..records {
            lines.push_str(&format!(
                "{{\"title\": \"Report {i}\", \"body\": \"Mayor Ilse Brandt said the harbour plan number {i} was ready.\", \"date\": \"2019-03-04\"}}\n"
            ));
        }
        lines.push_str("{broken\n");
        std::fs::write(data.join("big.jsonl"), &lines).unwrap();
        let walked = walk(std::slice::from_ref(&data), WalkOptions::default(), None);
        let mut results = Vec::new();
        for stream_above in [0, u64::MAX] {
            let ix = dir.path().join(format!("ix-{stream_above}"));
            let archive = Archive::open_or_create(&ix, false).unwrap();
            let options = UpdateOptions {
                stream_above,
                ..UpdateOptions::default()
            };
            let s = update(&archive, &walked, &options, &|_| {}).unwrap();
            assert_eq!((s.added, s.skipped, s.read), (records, 1, 1));
            let again = update(&archive, &walked, &options, &|_| {}).unwrap();
            assert_eq!((again.added, again.unchanged), (0, 1));
            results.push((
                count(&archive, schema::KIND_ARTICLE),
                count(&archive, schema::KIND_QUOTE),
            ));
        }
        assert_eq!(results[0], results[1]);
        assert_eq!(results[0].0, records);
        assert!(results[0].1 >= records, "{results:?}");
    }

    /// Quotes found through their article's people stay right when files are
    /// indexed in parallel, changed and indexed again (the quotes must stay right
    /// after their article; see `query::join`).
    #[test]
    fn quotes_follow_their_article_through_updates() {
        use crate::query::search::{SearchRequest, search};
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let record = |who: &str, n: usize| {
            format!(
                "{{\"title\": \"Harbour report {n}\", \"body\": \"\\\"The harbour will open on time,\\\" said Mayor {who} of Kelby. She spoke at the port.\", \"date\": \"2019-03-0{}\"}}\n",
                1 + n % 9
            )
        };
        let write = |name: &str, who: &str, n: usize| {
            let text: String = (0..n).map(|i| record(who, i)).collect();
            std::fs::write(data.join(name), text).unwrap();
        };
        for i in 0..12 {
            write(&format!("f{i}.jsonl"), "Tessa Morland", 5);
        }
        write("ilse.jsonl", "Ilse Brandt", 4);
        let ix = dir.path().join("ix");
        let archive = Archive::open_or_create(&ix, false).unwrap();
        let quotes_of = |who: &str| {
            let searcher = archive.index.reader().unwrap().searcher();
            let req = SearchRequest {
                quotes: true,
                limit: 100,
                filters: crate::query::Filters {
                    people: vec![who.to_string()],
                    ..Default::default()
                },
                ..Default::default()
            };
            let results = search(&archive, &searcher, &req).unwrap();
            for hit in &results.hits {
                assert!(hit.title.starts_with("Harbour report"), "{hit:?}");
            }
            results.total
        };
        let walked = || walk(std::slice::from_ref(&data), WalkOptions::default(), None);
        update(&archive, &walked(), &UpdateOptions::default(), &|_| {}).unwrap();
        assert_eq!(
            (quotes_of("Ilse Brandt"), quotes_of("Tessa Morland")),
            (4, 60)
        );
        write("ilse.jsonl", "Ilse Brandt", 2);
        write("f3.jsonl", "Ilse Brandt", 1);
        update(&archive, &walked(), &UpdateOptions::default(), &|_| {}).unwrap();
        assert_eq!(
            (quotes_of("Ilse Brandt"), quotes_of("Tessa Morland")),
            (3, 55)
        );
    }
}
