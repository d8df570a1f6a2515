//! What the articles matching a search are about, and how coverage changed by month.

use serde::Serialize;
use tantivy::Searcher;

use super::SearchRequest;
use super::search::build_query;
use crate::Result;
use crate::extract::TopicKind;
use crate::index::{Archive, schema};

#[derive(Debug, Clone, Serialize)]
pub struct TopicCount {
    pub id: String,
    pub label: String,
    pub kind: Option<TopicKind>,
    pub articles: u64,
}

/// Topics of the articles matching `req`, most frequent first. Every level of the
/// tree is counted; `kind` keeps one kind.
pub fn topics(
    archive: &Archive,
    searcher: &Searcher,
    req: &SearchRequest,
    kind: Option<TopicKind>,
) -> Result<Vec<TopicCount>> {
    let query = build_query(archive, req)?;
    let counts = super::facets::topic_counts(archive, searcher, Some(query))?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, articles)| {
            let described = crate::extract::topics::describe_topic(&id);
            let topic_kind = described.as_ref().map(|d| d.1);
            if kind.is_some() && topic_kind != kind {
                return None;
            }
            // Bare tree levels with no topic of their own ("place") are not topics.
            let (label, _) = described?;
            Some(TopicCount {
                id,
                label,
                kind: topic_kind,
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
    let query = build_query(archive, req)?;
    Ok(
        super::facets::months(archive, searcher, schema::KIND_ARTICLE, Some(query))?
            .into_iter()
            .map(|(month, articles)| Month { month, articles })
            .collect(),
    )
}
