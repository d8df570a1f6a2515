//! Query latency of a newsdex index (issue 6): p50, p95 and p99 per class of query,
//! warm, through the same library calls the commands make.
//!
//! cargo run --release --example query_bench -- INDEX_DIR [--queries N] [--seed S]
//!
//! The queries come from the index itself: words and two-word phrases from the titles
//! of randomly drawn articles, people from the `people` facets, topic ids from the
//! `topics` facets, speakers from the quotes' speaker counts, date ranges over the
//! years the index covers. Every class runs N (default 200) different draws once to
//! warm up, then again timed. Prints a table on stderr and one JSON object on stdout.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, Duration};
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use newsdex::index::{Archive, first_str, schema};
use newsdex::query::{Filters, SearchRequest, facets, people, search, topics};

/// Words too common to be anyone's search.
const STOP: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "could", "does", "from", "have", "here",
    "into", "just", "like", "more", "most", "much", "only", "over", "said", "says", "some", "than",
    "that", "their", "them", "then", "there", "these", "they", "this", "those", "very", "what",
    "when", "where", "which", "while", "will", "with", "would", "your", "were", "other", "because",
    "should", "through",
];

/// splitmix64: a small deterministic generator, so runs draw the same queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

struct Args {
    index: PathBuf,
    queries: usize,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let usage = "usage: query_bench INDEX_DIR [--queries N] [--seed S]";
    let mut index = None;
    let mut queries = 200;
    let mut seed = 6;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--queries" | "--seed" => {
                let v = args
                    .next()
                    .and_then(|v| v.parse::<u64>().ok())
                    .ok_or_else(|| format!("{a} needs a number"))?;
                if a == "--queries" {
                    queries = (v as usize).max(1);
                } else {
                    seed = v;
                }
            }
            "-h" | "--help" => return Err(usage.to_string()),
            _ if index.is_none() => index = Some(PathBuf::from(a)),
            _ => return Err(usage.to_string()),
        }
    }
    Ok(Args {
        index: index.ok_or(usage)?,
        queries,
        seed,
    })
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("query_bench: {e}");
            ExitCode::from(2)
        }
    }
}

/// One query of a class, ready to run; returns how many documents matched.
type Job<'a> = Box<dyn Fn() -> newsdex::Result<usize> + 'a>;

struct Class<'a> {
    name: &'static str,
    example: String,
    jobs: Vec<Job<'a>>,
    /// Why the class could not run on this index (no quotes, no people, ...).
    skipped: Option<String>,
}

impl<'a> Class<'a> {
    fn new(name: &'static str, draws: Vec<(String, Job<'a>)>) -> Class<'a> {
        Class {
            name,
            example: draws.first().map(|d| d.0.clone()).unwrap_or_default(),
            jobs: draws.into_iter().map(|d| d.1).collect(),
            skipped: None,
        }
    }

    fn skipped(name: &'static str, why: &str) -> Class<'a> {
        Class {
            name,
            example: String::new(),
            jobs: Vec::new(),
            skipped: Some(why.to_string()),
        }
    }
}

/// Titles of up to `n` randomly drawn articles (quote and file documents skipped).
fn sample_titles(archive: &Archive, searcher: &Searcher, rng: &mut Rng, n: usize) -> Vec<String> {
    let f = archive.fields;
    let segments = searcher.segment_readers();
    let total: u32 = segments.iter().map(|s| s.max_doc()).sum();
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < n * 50 && total > 0 {
        tries += 1;
        let mut d = rng.below(total as usize) as u32;
        let mut seg = 0;
        while d >= segments[seg].max_doc() {
            d -= segments[seg].max_doc();
            seg += 1;
        }
        if segments[seg].is_deleted(d) {
            continue;
        }
        let Ok(doc) = searcher.doc::<TantivyDocument>(DocAddress::new(seg as u32, d)) else {
            continue;
        };
        // Articles have an id without `:`, quotes `ARTICLE:N`, files none.
        let is_article = first_str(&doc, f.id).is_some_and(|id| !id.contains(':'));
        if let (true, Some(t)) = (is_article, doc.get_first(f.title).and_then(|v| v.as_str())) {
            out.push(t.to_string());
        }
    }
    out
}

/// The words of a title, lowercased, with the punctuation around them taken off;
/// `doesn't` stays whole (and is then no good word).
fn words_of(title: &str) -> Vec<String> {
    title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

fn good_word(w: &str) -> bool {
    w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) && !STOP.contains(&w)
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let archive = Archive::open(&args.index)?;
    let searcher = archive.index.reader()?.searcher();
    let mut rng = Rng(args.seed);
    let n = args.queries;

    let titles = sample_titles(&archive, &searcher, &mut rng, 2 * n + 100);
    if titles.is_empty() {
        return Err("the index holds no articles".into());
    }
    let words: Vec<String> = titles
        .iter()
        .flat_map(|t| words_of(t))
        .filter(|w| good_word(w))
        .collect();
    let phrases: Vec<String> = titles
        .iter()
        .flat_map(|t| {
            let w = words_of(t);
            w.windows(2)
                .filter(|p| {
                    p.iter()
                        .all(|w| w.len() >= 3 && w.chars().all(char::is_alphabetic))
                })
                .filter(|p| p.iter().any(|w| good_word(w)))
                .map(|p| format!("\"{} {}\"", p[0], p[1]))
                .collect::<Vec<_>>()
        })
        .collect();
    let all = |limit| SearchRequest {
        limit,
        ..SearchRequest::default()
    };
    let persons: Vec<String> = people::people(&archive, &searcher, &all(500))?
        .into_iter()
        .map(|p| p.name)
        .collect();
    let topic_ids: Vec<String> = topics::topics(&archive, &searcher, &all(500), None)?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let speakers: Vec<String> = facets::term_counts(
        &archive,
        &searcher,
        "speaker",
        schema::KIND_QUOTE,
        None,
        500,
    )?
    .into_iter()
    .map(|(name, _)| name)
    .collect();
    let (first, last, _) = facets::date_range(&searcher)?;
    for (what, v) in [("title words", &words), ("title phrases", &phrases)] {
        if v.is_empty() {
            return Err(format!("the index gave no {what} to query").into());
        }
    }
    let (first, last) = match (first, last) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err("the index holds no dated articles".into()),
    };

    let archive = &archive;
    let searcher = &searcher;
    let hits = move |req: SearchRequest| -> Job {
        Box::new(move || Ok(search::search(archive, searcher, &req)?.total))
    };
    let req = |query: Option<String>, filters: Filters, quotes: bool| SearchRequest {
        query,
        filters,
        quotes,
        limit: 10,
        ..SearchRequest::default()
    };
    let mut classes: Vec<Class> = Vec::new();
    let mut draws = Vec::new();
    for _ in 0..n {
        let w = rng.pick(&words).clone();
        draws.push((w.clone(), hits(req(Some(w), Filters::default(), false))));
    }
    classes.push(Class::new("search: one word", draws));

    let mut draws = Vec::new();
    for _ in 0..n {
        let p = rng.pick(&phrases).clone();
        draws.push((p.clone(), hits(req(Some(p), Filters::default(), false))));
    }
    classes.push(Class::new("search: phrase", draws));

    if persons.is_empty() {
        classes.push(Class::skipped(
            "search --person",
            "the index holds no people",
        ));
    } else {
        let mut draws = Vec::new();
        for _ in 0..n {
            let p = rng.pick(&persons).clone();
            let filters = Filters {
                people: vec![p.clone()],
                ..Filters::default()
            };
            draws.push((format!("--person {p:?}"), hits(req(None, filters, false))));
        }
        classes.push(Class::new("search --person", draws));
    }

    if topic_ids.is_empty() {
        classes.push(Class::skipped(
            "search --topic",
            "the index holds no topics",
        ));
    } else {
        let mut draws = Vec::new();
        for _ in 0..n {
            let t = rng.pick(&topic_ids).clone();
            let filters = Filters {
                topics: vec![t.clone()],
                ..Filters::default()
            };
            draws.push((format!("--topic {t}"), hits(req(None, filters, false))));
        }
        classes.push(Class::new("search --topic", draws));
    }

    let days = (last - first).num_days().max(1) as usize;
    let mut draws = Vec::new();
    for _ in 0..n {
        // From a week to two years, anywhere in the years the index covers.
        let since = first + Duration::days(rng.below(days) as i64);
        let until = (since + Duration::days(7 + rng.below(730) as i64)).min(last);
        let filters = Filters {
            since: Some(since),
            until: Some(until),
            ..Filters::default()
        };
        draws.push((
            format!("--since {since} --until {until}"),
            hits(req(None, filters, false)),
        ));
    }
    classes.push(Class::new("search date range", draws));

    if speakers.is_empty() {
        classes.push(Class::skipped(
            "quotes --speaker",
            "the index holds no quotes with a speaker",
        ));
    } else {
        let mut draws = Vec::new();
        for _ in 0..n {
            let s = rng.pick(&speakers).clone();
            let filters = Filters {
                speakers: vec![s.clone()],
                ..Filters::default()
            };
            draws.push((
                format!("quotes --speaker {s:?}"),
                hits(req(None, filters, true)),
            ));
        }
        classes.push(Class::new("quotes --speaker", draws));
    }

    let mut draws: Vec<(String, Job)> = Vec::new();
    for _ in 0..n {
        let w = rng.pick(&words).clone();
        let r = SearchRequest {
            query: Some(w.clone()),
            limit: 20,
            ..SearchRequest::default()
        };
        draws.push((
            format!("people {w}"),
            Box::new(move || Ok(people::people(archive, searcher, &r)?.len())),
        ));
    }
    classes.push(Class::new("people QUERY", draws));

    let mut draws: Vec<(String, Job)> = Vec::new();
    for _ in 0..n {
        draws.push((
            "people (whole archive)".to_string(),
            Box::new(move || Ok(people::people(archive, searcher, &all(20))?.len())),
        ));
    }
    classes.push(Class::new("people (all)", draws));

    let articles = newsdex::query::stats(archive, searcher)?.articles;
    let mut results = Vec::new();
    eprintln!(
        "{} articles; {} queries per class, warm (each run once before timing)",
        articles, n
    );
    eprintln!(
        "{:<20} {:>8} {:>8} {:>8} {:>8} {:>10}  example",
        "class", "p50 ms", "p95 ms", "p99 ms", "max ms", "hits p50"
    );
    for c in &classes {
        if let Some(why) = &c.skipped {
            eprintln!("{:<20} skipped: {why}", c.name);
            results.push(serde_json::json!({"class": c.name, "skipped": why}));
            continue;
        }
        for job in &c.jobs {
            job()?;
        }
        let mut times = Vec::with_capacity(c.jobs.len());
        let mut counts = Vec::with_capacity(c.jobs.len());
        for job in &c.jobs {
            let t = Instant::now();
            counts.push(job()?);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        counts.sort_unstable();
        let (p50, p95, p99) = (pct(&times, 50.0), pct(&times, 95.0), pct(&times, 99.0));
        let max = times.last().copied().unwrap_or(0.0);
        let hits50 = counts[counts.len() / 2];
        eprintln!(
            "{:<20} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>10}  {}",
            c.name, p50, p95, p99, max, hits50, c.example
        );
        results.push(serde_json::json!({
            "class": c.name,
            "queries": times.len(),
            "p50_ms": p50,
            "p95_ms": p95,
            "p99_ms": p99,
            "max_ms": max,
            "median_hits": hits50,
            "example": c.example,
        }));
    }
    println!(
        "{}",
        serde_json::json!({
            "index": args.index.display().to_string(),
            "articles": articles,
            "years": format!("{}-{}", first.year(), last.year()),
            "queries_per_class": n,
            "classes": results,
        })
    );
    Ok(())
}

/// The nearest-rank percentile of sorted values.
fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
