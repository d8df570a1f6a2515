//! What the index holds: articles, quotes, files, sources, date range, size on disk.

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::Result;
use crate::index::{Archive, schema};

#[derive(Debug, Serialize)]
pub struct Stats {
    pub index: String,
    pub articles: usize,
    pub quotes: usize,
    pub files: usize,
    pub sources: usize,
    /// The most frequent sources, with article counts.
    pub top_sources: Vec<(String, u64)>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub undated: usize,
    pub size_bytes: u64,
}

fn count_kind(archive: &Archive, searcher: &Searcher, kind: &str) -> Result<usize> {
    let q = TermQuery::new(
        Term::from_field_text(archive.fields.kind, kind),
        IndexRecordOption::Basic,
    );
    Ok(searcher.search(&q, &Count)?)
}

pub fn stats(archive: &Archive, searcher: &Searcher) -> Result<Stats> {
    let articles = count_kind(archive, searcher, schema::KIND_ARTICLE)?;
    let quotes = count_kind(archive, searcher, schema::KIND_QUOTE)?;
    let files = count_kind(archive, searcher, schema::KIND_FILE)?;
    let sources = super::facets::term_counts(
        archive,
        searcher,
        "source",
        schema::KIND_ARTICLE,
        None,
        usize::MAX,
    )?;
    let (first_date, last_date, dated) = super::facets::date_range(searcher)?;
    let size_bytes = dir_size(&archive.path);
    Ok(Stats {
        index: archive.path.display().to_string(),
        articles,
        quotes,
        files,
        sources: sources.len(),
        top_sources: sources.into_iter().take(10).collect(),
        first_date,
        last_date,
        undated: articles.saturating_sub(dated),
        size_bytes,
    })
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
