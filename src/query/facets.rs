//! Counting what matching documents hold: people, sources, speakers, topics, and
//! documents per month, all from keyword fast fields.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{ExistsQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Executor, Order, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::Result;
use crate::index::{Archive, from_tantivy_date};

/// `query` (built by `search::build_query`, which keeps to one kind), or every
/// document of `kind`.
fn with_kind(archive: &Archive, kind: &str, query: Option<Box<dyn Query>>) -> Box<dyn Query> {
    query.unwrap_or_else(|| {
        Box::new(TermQuery::new(
            Term::from_field_text(archive.fields.kind, kind),
            IndexRecordOption::Basic,
        ))
    })
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
    let collector = TermCounts {
        field: field.to_string(),
        every: query.is_none(),
    };
    let query = with_kind(archive, kind, query);
    // Counting visits every matching document, segment by segment: with more than one
    // segment, the segments are shared among the CPUs.
    let counts = match &*COUNTING {
        Some(executor) if searcher.segment_readers().len() > 1 => searcher.search_with_executor(
            &*query,
            &collector,
            executor,
            tantivy::query::EnableScoring::disabled_from_searcher(searcher),
        )?,
        _ => searcher.search(&*query, &collector)?,
    };
    let order = |a: &(String, u64), b: &(String, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    let mut out = counts;
    if out.len() > limit {
        out.select_nth_unstable_by(limit, order);
        out.truncate(limit);
    }
    out.sort_unstable_by(order);
    Ok(out)
}

/// Threads for counting, one per CPU; none on a single CPU (or if they can't start).
static COUNTING: LazyLock<Option<Executor>> = LazyLock::new(|| {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cpus > 1)
        .then(|| Executor::multi_thread(cpus.min(8), "newsdex-count").ok())
        .flatten()
});

/// Counts the values of a keyword fast field: per segment, one counter per term
/// ordinal, turned into names once at the end. (tantivy's terms aggregation does the
/// same with more bookkeeping, and took 86 ms at p50 over 1,000,000 articles.)
struct TermCounts {
    field: String,
    /// Counting over every document of the kind: every value of the column counts,
    /// since a keyword fast field is only ever on documents of one kind (people and
    /// sources on articles, speakers on quotes). In a segment without deletes the
    /// column's values are then read straight through, without looking up rows
    /// document by document (`people` over 1,000,000 articles: ~8,000,000 values).
    every: bool,
}

struct SegmentTermCounts {
    column: Option<StrColumn>,
    counts: Vec<u32>,
}

impl Collector for TermCounts {
    type Fruit = Vec<(String, u64)>;
    type Child = SegmentTermCounts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTermCounts> {
        let column = reader.fast_fields().str(&self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentTermCounts {
            column,
            counts: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<(String, u64)>> {
        let mut counts = self.for_segment(segment, reader)?;
        match reader.alive_bitset() {
            None if self.every => counts.count_every_value(),
            None => weight.for_each_no_score(reader, &mut |docs| counts.collect_block(docs))?,
            Some(alive) => weight.for_each_no_score(reader, &mut |docs| {
                for &doc in docs {
                    if alive.is_alive(doc) {
                        counts.collect(doc, 0.0);
                    }
                }
            })?,
        }
        Ok(counts.harvest())
    }

    fn merge_fruits(&self, mut fruits: Vec<Vec<(String, u64)>>) -> tantivy::Result<Self::Fruit> {
        if fruits.len() <= 1 {
            return Ok(fruits.pop().unwrap_or_default());
        }
        // Sized once: growing the table was most of the cost over many segments.
        let most: usize = fruits.iter().map(Vec::len).sum();
        let mut all: HashMap<String, u64> =
            HashMap::with_capacity_and_hasher(most, Default::default());
        for fruit in fruits {
            for (term, n) in fruit {
                *all.entry(term).or_default() += n;
            }
        }
        Ok(all.into_iter().collect())
    }
}

impl SegmentTermCounts {
    /// Count every value of the column, whatever document holds it.
    fn count_every_value(&mut self) {
        let Some(column) = &self.column else {
            return;
        };
        let values = &column.ords().values;
        let total = values.num_vals();
        let mut block = [0u64; 1024];
        let mut start = 0u32;
        while start < total {
            let n = (total - start).min(block.len() as u32) as usize;
            values.get_range(u64::from(start), &mut block[..n]);
            for &ord in &block[..n] {
                self.counts[ord as usize] += 1;
            }
            start += n as u32;
        }
    }
}

impl SegmentCollector for SegmentTermCounts {
    type Fruit = Vec<(String, u64)>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Vec<(String, u64)> {
        let Some(column) = self.column else {
            return Vec::new();
        };
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&o| self.counts[o as usize] > 0)
            .collect();
        let mut out = Vec::with_capacity(ords.len());
        let mut ords_iter = ords.iter();
        // Ordinals in order, so the dictionary is read once from front to back.
        let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            if let Some(&ord) = ords_iter.next() {
                let term = String::from_utf8_lossy(bytes).into_owned();
                out.push((term, u64::from(self.counts[ord as usize])));
            }
        });
        out
    }
}

/// The first and last article dates, and how many articles have a date.
pub fn date_range(searcher: &Searcher) -> Result<(Option<NaiveDate>, Option<NaiveDate>, usize)> {
    // Only articles have a date.
    let dated = ExistsQuery::new("date".to_string(), false);
    let first = searcher.search(
        &dated,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", Order::Asc),
    )?;
    let last = searcher.search(
        &dated,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
    )?;
    let n = searcher.search(&dated, &Count)?;
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
        let key = crate::index::month_key(d);
        out.push((key.clone(), counts.get(&key).copied().unwrap_or(0)));
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(next) => d = next,
            None => break,
        }
    }
    Ok(out)
}
