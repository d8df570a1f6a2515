//! Who is mentioned in the articles matching a search, with article counts.

use serde::Serialize;
use tantivy::Searcher;

use super::SearchRequest;
use super::search::build_query_unless_everything;
use crate::Result;
use crate::index::{Archive, schema};

#[derive(Debug, Clone, Serialize)]
pub struct PersonCount {
    pub name: String,
    pub articles: u64,
    pub role: Option<String>,
    pub country: Option<String>,
}

/// People in the articles matching `req` (its query and filters), most mentioned
/// first. The people the filters name are left out: the question is who else.
pub fn people(
    archive: &Archive,
    searcher: &Searcher,
    req: &SearchRequest,
) -> Result<Vec<PersonCount>> {
    let query = build_query_unless_everything(archive, req)?;
    let counts = super::facets::term_counts(
        archive,
        searcher,
        "person",
        schema::KIND_ARTICLE,
        query,
        100_000,
    )?;
    let filtered: Vec<String> = req
        .filters
        .people
        .iter()
        .map(|p| super::filters::canonical_person(p).to_lowercase())
        .collect();
    Ok(counts
        .into_iter()
        .filter(|(name, _)| !filtered.contains(&name.to_lowercase()))
        .take(req.limit.max(1))
        .map(|(name, articles)| {
            let leader = crate::extract::gazetteer::resolve(&name).filter(|l| l.name == name);
            let role = leader
                .and_then(|l| crate::extract::gazetteer::role_at(l, None).map(str::to_string));
            let country = leader.map(|l| l.country.clone());
            PersonCount {
                name,
                articles,
                role,
                country,
            }
        })
        .collect())
}
