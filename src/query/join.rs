//! Quotes by what their article holds. A quote document does not repeat its
//! article's people and topics (twenty quotes would hold twenty copies); instead
//! every article is written with its quotes right after it, in one batch, so they sit
//! together in one segment, and each quote document keeps in its `parent` fast field
//! how many documents back its article is. [`QuotesOf`] matches the quotes whose
//! article matches a query, the way a block join does.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Quote documents whose article matches `articles` (a query on article documents).
#[derive(Debug)]
pub struct QuotesOf {
    articles: Box<dyn Query>,
}

impl QuotesOf {
    pub fn new(articles: Box<dyn Query>) -> QuotesOf {
        QuotesOf { articles }
    }
}

impl Clone for QuotesOf {
    fn clone(&self) -> QuotesOf {
        QuotesOf {
            articles: self.articles.box_clone(),
        }
    }
}

impl Query for QuotesOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let articles = self
            .articles
            .weight(EnableScoring::disabled_from_schema(scoring.schema()))?;
        Ok(Box::new(QuotesOfWeight { articles }))
    }
}

struct QuotesOfWeight {
    articles: Box<dyn Weight>,
}

impl Weight for QuotesOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let max_doc = reader.max_doc();
        let parent = reader.fast_fields().u64(crate::index::schema::PARENT)?;
        let mut articles = self.articles.scorer(reader, 1.0)?;
        let mut quotes = BitSet::with_max_value(max_doc);
        let mut any = false;
        let mut doc = articles.doc();
        while doc != TERMINATED {
            // The article's quotes follow it, each one further back from it.
            let mut q = doc + 1;
            while q < max_doc && parent.first(q) == Some(u64::from(q - doc)) {
                quotes.insert(q);
                any = true;
                q += 1;
            }
            doc = articles.advance();
        }
        if !any {
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(ConstScorer::new(
            BitSetDocSet::from(quotes),
            boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not a quote of a matching article"
            )));
        }
        Ok(Explanation::new("QuotesOf", 1.0))
    }
}
