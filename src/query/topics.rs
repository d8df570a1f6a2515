//! What the articles matching a search are about, and how coverage changed by month.

use serde::Serialize;
use tantivy::Searcher;

use super::SearchRequest;
use super::search::build_query_unless_everything;
use crate::Result;
use crate::extract::TopicKind;
use crate::index::{Archive, schema};

#[derive(Debug, Clone, Serialize)]
pub struct TopicCount {
    pub id: String,
    pub label: String,
    pub kind: TopicKind,
    pub articles: u64,
}

/// Topics of the articles matching `req`, most frequent first; `kind` keeps one kind.
pub fn topics(
    archive: &Archive,
    searcher: &Searcher,
    req: &SearchRequest,
    kind: Option<TopicKind>,
) -> Result<Vec<TopicCount>> {
    let query = build_query_unless_everything(archive, req)?;
    let counts = super::facets::term_counts(
        archive,
        searcher,
        "topic_id",
        schema::KIND_ARTICLE,
        query,
        100_000,
    )?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, articles)| {
            let def = crate::extract::topics::by_id(&id)?;
            if kind.is_some_and(|k| k != def.kind) {
                return None;
            }
            Some(TopicCount {
                id,
                label: def.label.to_string(),
                kind: def.kind,
                articles,
            })
        })
        .take(req.limit.max(1))
        .collect())
}

#[derive(Debug, Clone, Serialize)]
pub struct Month {
    pub month: String,
    pub articles: u64,
}

/// Articles matching `req` per month, quiet months included.
pub fn timeline(archive: &Archive, searcher: &Searcher, req: &SearchRequest) -> Result<Vec<Month>> {
    let query = build_query_unless_everything(archive, req)?;
    Ok(
        super::facets::months(archive, searcher, schema::KIND_ARTICLE, query)?
            .into_iter()
            .map(|(month, articles)| Month { month, articles })
            .collect(),
    )
}
