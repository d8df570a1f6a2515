//! Counting what matching documents hold: people, sources, speakers, topics, and
//! documents per month, all from keyword fast fields.

use chrono::{Datelike, NaiveDate};
use tantivy::aggregation::AggregationCollector;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Order, Searcher, Term};

use crate::index::{Archive, from_tantivy_date, schema};
use crate::{Error, Result};

fn with_kind(archive: &Archive, kind: &str, query: Option<Box<dyn Query>>) -> Box<dyn Query> {
    let kind_q: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(archive.fields.kind, kind),
        IndexRecordOption::Basic,
    ));
    match query {
        Some(q) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, kind_q),
            (Occur::Must, q),
        ])),
        None => kind_q,
    }
}

/// The values of a keyword field (`person`, `source`, `speaker`) among documents of
/// `kind` matching `query`, with document counts, most frequent first.
pub fn term_counts(
    archive: &Archive,
    searcher: &Searcher,
    field: &str,
    kind: &str,
    query: Option<Box<dyn Query>>,
    limit: usize,
) -> Result<Vec<(String, u64)>> {
    let size = limit.min(1_000_000);
    let req: Aggregations = serde_json::from_value(serde_json::json!({
        "counts": {"terms": {"field": field, "size": size, "segment_size": size}}
    }))
    .map_err(|e| Error::Other(format!("aggregation request: {e}")))?;
    let collector = AggregationCollector::from_aggs(req, Default::default());
    let query = with_kind(archive, kind, query);
    let result = searcher.search(&*query, &collector)?;
    let value = serde_json::to_value(result).map_err(|e| Error::Other(e.to_string()))?;
    let mut out = Vec::new();
    if let Some(buckets) = value["counts"]["buckets"].as_array() {
        for b in buckets {
            if let (Some(k), Some(n)) = (b["key"].as_str(), b["doc_count"].as_u64()) {
                out.push((k.to_string(), n));
            }
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// The first and last article dates, and how many articles have a date.
pub fn date_range(
    archive: &Archive,
    searcher: &Searcher,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>, usize)> {
    let dated = with_kind(
        archive,
        schema::KIND_ARTICLE,
        Some(Box::new(ExistsQuery::new("date".to_string(), false))),
    );
    let first = searcher.search(
        &*dated,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", Order::Asc),
    )?;
    let last = searcher.search(
        &*dated,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
    )?;
    let n = searcher.search(&*dated, &Count)?;
    let day = |v: &Vec<(Option<tantivy::DateTime>, tantivy::DocAddress)>| {
        v.first().and_then(|(d, _)| *d).and_then(from_tantivy_date)
    };
    Ok((day(&first), day(&last), n))
}

/// Documents per month among those matching `query`, every month from the first to
/// the last, quiet months included.
pub fn months(
    archive: &Archive,
    searcher: &Searcher,
    kind: &str,
    query: Option<Box<dyn Query>>,
) -> Result<Vec<(String, u64)>> {
    let counts: std::collections::BTreeMap<String, u64> =
        term_counts(archive, searcher, "month", kind, query, 100_000)?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Ok(out);
    };
    let parse = |k: &str| NaiveDate::parse_from_str(&format!("{k}-01"), "%Y-%m-%d").ok();
    let (Some(mut d), Some(end)) = (parse(first), parse(last)) else {
        return Ok(counts.into_iter().collect());
    };
    while d <= end {
        let key = format!("{:04}-{:02}", d.year(), d.month());
        out.push((key.clone(), counts.get(&key).copied().unwrap_or(0)));
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(next) => d = next,
            None => break,
        }
    }
    Ok(out)
}
