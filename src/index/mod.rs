//! The index on disk: opening it (and telling a foreign or outdated one from ours),
//! turning enriched articles into documents, and reading them back.

mod folder;
mod prose;
mod record;
pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, Index, TantivyDocument};

use crate::extract::{Enriched, Quote};
use crate::{Article, Error, Result};
pub use schema::Fields;

/// The folder the index lives in when neither `--index` nor `NEWSDEX_INDEX` says.
pub const DEFAULT_DIR: &str = ".newsdex";

/// An open index and its fields.
pub struct Archive {
    pub index: Index,
    pub fields: Fields,
    pub path: PathBuf,
}

impl Archive {
    /// Open an existing index for reading.
    pub fn open(path: &Path) -> Result<Archive> {
        if !path.join("meta.json").exists() {
            // A run killed as it created the index may leave its marker and lock files.
            if path.is_dir()
                && std::fs::read_dir(path).is_ok_and(|mut d| {
                    d.any(|e| e.is_ok_and(|e| !is_ours_before_meta(&e.file_name())))
                })
            {
                return Err(Error::Incompatible {
                    path: path.to_path_buf(),
                    reason: "the folder is not empty but holds no index".to_string(),
                });
            }
            return Err(Error::NoIndex(path.to_path_buf()));
        }
        let version = read_marker(path)?;
        if version.is_some_and(|v| v != schema::VERSION) {
            return Err(Error::Outdated {
                path: path.to_path_buf(),
                found: version.unwrap_or(0),
                ours: schema::VERSION,
            });
        }
        let opened = folder::Folder::open(path)
            .map_err(tantivy::TantivyError::from)
            .and_then(Index::open);
        let index = opened.map_err(|e| {
            let meta = std::fs::read(path.join("meta.json")).unwrap_or_default();
            match serde_json::from_slice::<serde_json::Value>(&meta) {
                Ok(v) if v.get("segments").is_some() => Error::Incompatible {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                },
                Ok(_) => Error::Incompatible {
                    path: path.to_path_buf(),
                    reason: "its meta.json is not a tantivy index's".to_string(),
                },
                Err(_) => Error::Damaged {
                    path: path.to_path_buf(),
                    reason: "meta.json is not readable JSON".to_string(),
                },
            }
        })?;
        Archive::check(index, path)
    }

    /// Open the index at `path`, creating it if there is none. With `rebuild`, an
    /// index that is foreign or outdated is replaced by an empty one.
    pub fn open_or_create(path: &Path, rebuild: bool) -> Result<Archive> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let has_meta = path.join("meta.json").exists();
        if has_meta {
            match Archive::open(path) {
                Ok(a) if rebuild => {
                    // Damage that opening cannot see (a file overwritten in the middle)
                    // is repaired by rebuilding too, unless another newsdex is writing.
                    let writer: tantivy::IndexWriter = a
                        .index
                        .writer_with_num_threads(1, 15 << 20)
                        .map_err(|e| Error::writing(path, e))?;
                    drop(writer);
                    drop(a);
                    clear_dir(path)?;
                }
                Ok(a) => {
                    if read_marker(path)?.is_none() {
                        // Made before versions were kept: say which it is from now on.
                        write_marker(path)?;
                    }
                    return Ok(a);
                }
                Err(
                    Error::Incompatible { .. } | Error::Outdated { .. } | Error::Damaged { .. },
                ) if rebuild => clear_dir(path)?,
                Err(e) => return Err(e),
            }
        } else if std::fs::read_dir(path)
            .map_err(|e| Error::io(path, e))?
            .any(|e| e.is_ok_and(|e| !is_ours_before_meta(&e.file_name())))
        {
            return Err(Error::Other(format!(
                "{} is not empty and holds no index; choose another folder with --index",
                path.display()
            )));
        }
        let (schema, fields) = schema::build();
        write_marker(path)?;
        let index = Index::builder()
            .schema(schema)
            .settings(schema::settings())
            .create_in_dir(path)
            .map_err(|e| Error::writing(path, e))?;
        schema::register_analyzers(&index);
        Ok(Archive {
            index,
            fields,
            path: path.to_path_buf(),
        })
    }

    fn check(mut index: Index, path: &Path) -> Result<Archive> {
        let (schema, fields) = schema::build();
        if index.schema() != schema {
            return Err(Error::Incompatible {
                path: path.to_path_buf(),
                reason: "its schema differs from this version's".to_string(),
            });
        }
        // A file of the last commit that is gone (deleted by hand, a copy cut short)
        // would otherwise fail every search with tantivy's own words.
        let damaged = |reason: String| Error::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        // A writer may commit meanwhile and delete the files of merged segments: a
        // file is missing for real only if the commit that lists it is still the last.
        let mut segments = index
            .searchable_segment_metas()
            .map_err(|e| damaged(e.to_string()))?;
        for _ in 0..10 {
            match missing_file(path, &segments) {
                None => break,
                Some(file) => {
                    let now = index
                        .searchable_segment_metas()
                        .map_err(|e| damaged(e.to_string()))?;
                    let ids = |s: &[tantivy::index::SegmentMeta]| {
                        s.iter()
                            .map(|m| (m.id(), m.delete_opstamp()))
                            .collect::<Vec<_>>()
                    };
                    if ids(&now) == ids(&segments) {
                        return Err(damaged(format!("{} is missing", file.display())));
                    }
                    segments = now;
                }
            }
        }
        schema::register_analyzers(&index);
        // Searches read the segments in parallel: the slow queries (a phrase of common
        // words, facets over a query) are the ones with many matches in every segment.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if cores > 1 {
            // Without its threads the index still searches, one segment at a time.
            let _ = index.set_multithread_executor(cores);
        }
        Ok(Archive {
            index,
            fields,
            path: path.to_path_buf(),
        })
    }
}

/// Files an index folder holds before its first `meta.json`: tantivy's locks, our
/// schema marker, and the temporary file (`.tmpXXXXXX`) tantivy writes `meta.json`
/// through, which a run killed in that moment leaves behind.
fn is_ours_before_meta(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with(".tantivy") || name.starts_with(".tmp") || name == schema::MARKER
}

/// The first file of the segments given that is not in the index folder.
fn missing_file(path: &Path, segments: &[tantivy::index::SegmentMeta]) -> Option<PathBuf> {
    for segment in segments {
        use tantivy::index::SegmentComponent as C;
        let mut parts = vec![C::Postings, C::Positions, C::Terms, C::Store, C::FastFields];
        parts.push(C::FieldNorms);
        if segment.has_deletes() {
            parts.push(C::Delete);
        }
        for part in parts {
            let file = segment.relative_path(part);
            if !path.join(&file).is_file() {
                return Some(file);
            }
        }
    }
    None
}

/// The schema version an index was made with, from its marker; `None` for an index
/// made before markers were kept.
fn read_marker(path: &Path) -> Result<Option<u32>> {
    let text = match std::fs::read(path.join(schema::MARKER)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path.join(schema::MARKER), e)),
    };
    serde_json::from_slice::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("schema")?.as_u64())
        .map(|v| Some(v as u32))
        .ok_or_else(|| Error::Damaged {
            path: path.to_path_buf(),
            reason: format!("{} is not readable", schema::MARKER),
        })
}

fn write_marker(path: &Path) -> Result<()> {
    let marker = path.join(schema::MARKER);
    let text = format!(
        "{{\"schema\": {}, \"newsdex\": \"{}\"}}\n",
        schema::VERSION,
        env!("CARGO_PKG_VERSION")
    );
    std::fs::write(&marker, text).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::ReadOnly {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        }
        _ => Error::io(marker.clone(), e),
    })
}

/// Remove the files of a foreign or outdated index, never anything else.
fn clear_dir(path: &Path) -> Result<()> {
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name == schema::MARKER
            || name.starts_with(".tantivy")
            || [
                ".idx",
                ".pos",
                ".term",
                ".store",
                ".fast",
                ".fieldnorm",
                ".del",
            ]
            .iter()
            .any(|ext| name.ends_with(ext));
        if ours {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

pub fn to_tantivy_date(d: NaiveDate) -> DateTime {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp());
    DateTime::from_timestamp_secs(secs)
}

pub fn from_tantivy_date(d: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0).map(|t| t.date_naive())
}

/// A topic id as a facet: `place/asia/syria` → `/place/asia/syria`.
pub fn topic_facet(id: &str) -> Facet {
    Facet::from_text(&format!("/{}", id.trim_matches('/'))).unwrap_or_else(|_| Facet::root())
}

/// The documents of one article: the article itself and one per quote, in this
/// order; they must be added in one batch (`IndexWriter::run`), so that the quotes
/// follow their article in one segment (see `query::join`).
///
/// A quote document holds only what quotes are searched by: its text, speaker and
/// kind, and in `parent` how far back its article is, which is also its number
/// there. Everything else a quote shows (its record, title, date, source) is read
/// from the article.
pub fn article_docs(f: &Fields, article: &Article, enriched: &Enriched) -> Vec<TantivyDocument> {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.kind, schema::KIND_ARTICLE);
    doc.add_text(f.id, &article.id);
    doc.add_text(f.path, &article.path);
    if let Some(d) = article.date {
        doc.add_date(f.date, to_tantivy_date(d));
        doc.add_text(f.month, month_key(d));
    }
    if let Some(s) = &article.source {
        doc.add_text(f.source, s);
    }
    for p in &enriched.people {
        doc.add_text(f.person, &p.name);
        doc.add_text(f.person_text, &p.name);
    }
    for t in &enriched.topics {
        doc.add_facet(f.topic, topic_facet(&t.id));
        doc.add_text(f.topic_id, &t.id);
    }
    doc.add_text(f.title, &article.title);
    doc.add_text(f.body, &article.body);
    for a in &article.authors {
        doc.add_text(f.authors, a);
    }
    if let Some(url) = &article.url {
        doc.add_text(f.url, url);
    }
    doc.add_bytes(
        f.record,
        &record::encode(&article.title, &article.body, enriched),
    );
    let mut docs = vec![doc];
    for (n, q) in enriched.quotes.iter().enumerate() {
        let mut doc = TantivyDocument::new();
        doc.add_text(f.kind, schema::KIND_QUOTE);
        doc.add_u64(f.parent, n as u64 + 1);
        doc.add_text(f.quote_path, &article.path);
        doc.add_text(f.quote, &q.text);
        if let Some(s) = &q.speaker {
            doc.add_text(f.speaker, s);
            doc.add_text(f.speaker_text, s);
        }
        doc.add_text(f.quote_kind, quote_kind_str(q));
        docs.push(doc);
    }
    docs
}

/// The `month` term of a date: `2017-03`.
pub fn month_key(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The id a quote is shown with: its article's id and its number there.
pub fn quote_id(article: &str, number: u64) -> String {
    format!("{article}:{number}")
}

fn quote_kind_str(q: &Quote) -> &'static str {
    match q.kind {
        crate::extract::QuoteKind::Direct => "direct",
        crate::extract::QuoteKind::Partial => "partial",
        crate::extract::QuoteKind::Indirect => "indirect",
    }
}

/// An article as stored in the index.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredArticle {
    #[serde(flatten)]
    pub article: Article,
    #[serde(flatten)]
    pub enriched: Enriched,
}

pub fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Read an article document back into an `Article` and its enrichment.
pub fn stored_article(f: &Fields, doc: &TantivyDocument) -> StoredArticle {
    let article = article_of(f, doc);
    let enriched = doc
        .get_first(f.record)
        .and_then(|v| v.as_bytes())
        .and_then(|bytes| record::decode(&article.title, &article.body, bytes))
        .unwrap_or_default();
    StoredArticle { article, enriched }
}

/// Read an article document back into an `Article`, without its enrichment.
pub fn article_of(f: &Fields, doc: &TantivyDocument) -> Article {
    Article {
        id: first_str(doc, f.id).unwrap_or_default(),
        path: first_str(doc, f.path).unwrap_or_default(),
        title: first_str(doc, f.title).unwrap_or_default(),
        body: first_str(doc, f.body).unwrap_or_default(),
        date: doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(from_tantivy_date),
        source: first_str(doc, f.source),
        authors: doc
            .get_all(f.authors)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        url: first_str(doc, f.url),
    }
}
