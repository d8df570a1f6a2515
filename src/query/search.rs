//! Full-text search over articles (or quotes), with filters, BM25 or date order, and
//! highlighted snippets.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Order, Score, Searcher, SegmentReader, TantivyDocument, Term};

use super::Filters;
use crate::extract::Quote;
use crate::index::{Archive, StoredArticle, article_of, quote_id, schema, stored_article};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Best match first (BM25); with no words to match, in index order.
    // (Not newest first by default: that reads every match's date, 1-2 ms more for
    // a date range or a busy speaker at 1M articles.)
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search over articles or quotes.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query-parser syntax: words, "phrases", AND/OR/NOT, -word, title:word.
    pub query: Option<String>,
    pub filters: Filters,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Search quote documents instead of articles.
    pub quotes: bool,
    /// Only quotes of this kind (direct, partial, indirect).
    pub quote_kind: Option<String>,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub article: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub path: String,
    pub url: Option<String>,
    pub score: f32,
    /// The best passage of the body (for quotes, the quote itself).
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Range<usize>>,
    /// For quotes: the quote record (speaker, cue, kind, offsets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

/// The results and how many documents matched in all.
#[derive(Debug)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// `req`'s query, or `None` when it asks for every document of its kind (no words, no
/// quote kind, no filters), which counting can do without a query.
pub fn build_query_unless_everything(
    archive: &Archive,
    req: &SearchRequest,
) -> Result<Option<Box<dyn Query>>> {
    let no_words = req.query.as_deref().is_none_or(|q| q.trim().is_empty());
    let everything = no_words
        && req.quote_kind.is_none()
        && req.filters.speakers.is_empty()
        && !req.filters.restricts_to_articles();
    if everything {
        Ok(None)
    } else {
        build_query(archive, req).map(Some)
    }
}

/// Build the whole query: the user's text (or everything), the kind, the filters.
pub fn build_query(archive: &Archive, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &archive.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // Whether the clauses below can only match documents of the kind asked for. Then
    // the kind clause is left out: intersecting with every article (or quote) cost
    // half of a one-word search over 1,000,000 articles.
    let mut of_kind_only = false;
    match req.query.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            let fields = if req.quotes {
                vec![f.quote]
            } else {
                vec![f.title, f.body]
            };
            let mut parser = QueryParser::for_index(&archive.index, fields.clone());
            parser.set_conjunction_by_default();
            if !req.quotes {
                parser.set_field_boost(f.title, 2.0);
            }
            let q = parser
                .parse_query(text)
                .map_err(|e| Error::Query(format!("{text:?}: {e}")))?;
            // Plain words and phrases search only the default fields, which one kind
            // alone has; a field name (`kind:…`) or `*` may reach any document.
            if !text.contains([':', '*']) {
                let mut terms = 0;
                let mut own = true;
                q.query_terms(&mut |term, _| {
                    terms += 1;
                    own &= fields.contains(&term.field());
                });
                of_kind_only = terms > 0 && own;
            }
            clauses.push((Occur::Must, q));
        }
        // No words: every document the other clauses allow.
        _ => {}
    }
    if let Some(k) = &req.quote_kind {
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.quote_kind, k),
                IndexRecordOption::Basic,
            )),
        ));
        of_kind_only |= req.quotes;
    }
    // Filters are on fields of articles only, but for speakers, which only quotes
    // have; on quotes, the article filters go through the join to their quotes.
    let filters = req.filters.clauses(&archive.index, f, req.quotes)?;
    of_kind_only |= if req.quotes {
        !filters.is_empty()
    } else {
        req.filters.restricts_to_articles()
    };
    clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
    if !of_kind_only {
        let kind = if req.quotes {
            schema::KIND_QUOTE
        } else {
            schema::KIND_ARTICLE
        };
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, kind),
                IndexRecordOption::Basic,
            )),
        ));
    }
    if clauses.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

pub fn search(archive: &Archive, searcher: &Searcher, req: &SearchRequest) -> Result<Results> {
    let f = &archive.fields;
    let query = build_query(archive, req)?;
    let limit = req.limit.max(1);
    let (addresses, total): (Vec<(f32, DocAddress)>, usize) = match req.sort {
        Sort::Relevance => searcher.search(
            &query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(req.offset)
                    .order_by_score(),
                Count,
            ),
        )?,
        Sort::Date if req.quotes => {
            // Quotes are dated by their article, `parent` documents back.
            let by_date = TopDocs::with_limit(limit)
                .and_offset(req.offset)
                .tweak_score(|reader: &SegmentReader| {
                    let columns = reader.fast_fields();
                    let parent = columns.u64(schema::PARENT).ok();
                    let date = columns.date("date").ok();
                    move |doc: DocId, _score: Score| -> Option<i64> {
                        let back = parent.as_ref()?.first(doc)?;
                        let article = doc.checked_sub(u32::try_from(back).ok()?)?;
                        date.as_ref()?
                            .first(article)
                            .map(|d| d.into_timestamp_secs())
                    }
                });
            let (docs, total) = searcher.search(&query, &(by_date, Count))?;
            (docs.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
        }
        Sort::Date => {
            let (docs, total) = searcher.search(
                &query,
                &(
                    TopDocs::with_limit(limit)
                        .and_offset(req.offset)
                        .order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
                    Count,
                ),
            )?;
            (docs.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
        }
    };
    let has_text = req.query.as_deref().is_some_and(|q| !q.trim().is_empty());
    let text_field = if req.quotes { f.quote } else { f.body };
    let mut snippets = if has_text {
        let mut g = SnippetGenerator::create(searcher, &*query, text_field)?;
        g.set_max_num_chars(if req.quotes { 400 } else { 220 });
        Some(g)
    } else {
        None
    };
    // A quote document holds no stored field: its record and everything shown with
    // it are its article's, `parent` documents back, which is also its number there.
    let mut articles: HashMap<DocAddress, StoredArticle> = HashMap::new();
    let mut hits = Vec::with_capacity(addresses.len());
    for (score, addr) in addresses {
        let (id, article, quote) = if req.quotes {
            let number = searcher
                .segment_reader(addr.segment_ord)
                .fast_fields()
                .u64(schema::PARENT)?
                .first(addr.doc_id)
                .unwrap_or(0);
            let at = DocAddress::new(
                addr.segment_ord,
                addr.doc_id.saturating_sub(number as DocId),
            );
            let stored = match articles.entry(at) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(stored_article(f, &searcher.doc(at)?)),
            };
            let quote = usize::try_from(number)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| stored.enriched.quotes.get(n).cloned());
            let id = quote_id(&stored.article.id, number);
            (id, stored.article.clone(), quote)
        } else {
            let article = article_of(f, &searcher.doc(addr)?);
            (article.id.clone(), article, None)
        };
        let (snippet, highlights) = match (snippets.as_mut(), &quote) {
            (Some(g), None) => {
                let s = g.snippet(&article.body);
                if s.is_empty() {
                    (lead(&article.body, 220), Vec::new())
                } else {
                    (s.fragment().to_string(), s.highlighted().to_vec())
                }
            }
            (None, None) => (lead(&article.body, 220), Vec::new()),
            (Some(g), Some(q)) => {
                g.set_max_num_chars(q.text.len().max(1));
                let s = g.snippet(&q.text);
                let highlights = if s.fragment() == q.text {
                    s.highlighted().to_vec()
                } else {
                    Vec::new()
                };
                (q.text.clone(), highlights)
            }
            (None, Some(q)) => (q.text.clone(), Vec::new()),
        };
        hits.push(Hit {
            id,
            article: article.id,
            title: article.title,
            date: article.date,
            source: article.source,
            path: article.path,
            url: article.url,
            score,
            snippet,
            highlights,
            quote,
        });
    }
    Ok(Results { hits, total })
}

/// The first `max` bytes of the body, cut at a word boundary.
fn lead(body: &str, max: usize) -> String {
    let first = body.split("\n\n").next().unwrap_or(body);
    if first.len() <= max {
        return first.to_string();
    }
    let mut end = max;
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    let cut = first[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &first[..cut])
}

/// One article by id (a unique prefix of at least 6 characters is enough, and a
/// quote's id names its article).
pub fn show(archive: &Archive, searcher: &Searcher, id: &str) -> Result<Option<StoredArticle>> {
    let f = &archive.fields;
    let id = id.trim();
    let exact = TermQuery::new(Term::from_field_text(f.id, id), IndexRecordOption::Basic);
    let found = searcher.search(&exact, &TopDocs::with_limit(1).order_by_score())?;
    if let Some((_, addr)) = found.first() {
        // Only articles have an id.
        let doc: TantivyDocument = searcher.doc(*addr)?;
        return Ok(Some(stored_article(f, &doc)));
    }
    // A quote's id (`ARTICLE:N`) shows its article.
    if let Some((article, n)) = id.rsplit_once(':')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return show(archive, searcher, article);
    }
    if id.len() < 6 {
        return Ok(None);
    }
    // A prefix: scan the id terms that start with it.
    let mut matches = Vec::new();
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(f.id)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(id.as_bytes())
            .into_stream()
            .map_err(|e| Error::Other(format!("reading ids: {e}")))?;
        while stream.advance() {
            let term = String::from_utf8_lossy(stream.key()).into_owned();
            if !term.starts_with(id) {
                break;
            }
            if !term.contains(':') && !matches.contains(&term) {
                matches.push(term);
            }
        }
    }
    match matches.as_slice() {
        [one] => show(archive, searcher, &one.clone()),
        [] => Ok(None),
        _ => Err(Error::Query(format!(
            "{id:?} matches {} articles; give more of the id",
            matches.len()
        ))),
    }
}
