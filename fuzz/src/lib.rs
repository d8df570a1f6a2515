//! What every fuzz target checks beyond "no panic": the invariants a reader's or an
//! extractor's output must keep whatever the input.

use newsdex::Article;
use newsdex::extract::{Person, Quote, Topic};
use newsdex::ingest::FileOutcome;

/// An article from arbitrary bytes: the first line is the title, the rest the body;
/// the first byte picks whether it has a date (roles of leaders depend on it).
pub fn article(data: &[u8]) -> Article {
    let text = String::from_utf8_lossy(data);
    let (title, body) = text.split_once('\n').unwrap_or(("", &text));
    Article {
        id: "0000000000000000".to_string(),
        path: "fuzz.txt".to_string(),
        title: title.to_string(),
        body: body.to_string(),
        date: match data.first() {
            Some(b) if b % 2 == 0 => {
                chrono::NaiveDate::from_ymd_opt(2000 + i32::from(b % 30), 6, 1)
            }
            _ => None,
        },
        ..Article::default()
    }
}

/// A file's outcome: articles or a reason, never both empty.
pub fn check_outcome(out: &FileOutcome) {
    if out.failure.is_some() {
        assert!(out.articles.is_empty(), "failed file with articles");
    } else {
        assert!(!out.articles.is_empty(), "no articles and no reason");
    }
    for a in &out.articles {
        assert!(!a.body.trim().is_empty(), "article with empty body");
        assert_eq!(a.id.len(), 16);
        assert!(!a.title.contains('\n'), "title spans lines: {:?}", a.title);
    }
}

fn check_span(body: &str, start: usize, end: usize, text: &str, what: &str) {
    assert!(start <= end, "{what}: start {start} > end {end}");
    assert_eq!(
        body.get(start..end),
        Some(text),
        "{what}: offsets {start}..{end} do not give its text"
    );
}

pub fn check_people(a: &Article, people: &[Person]) {
    for p in people {
        assert!(!p.name.trim().is_empty(), "person without a name");
        for m in &p.mentions {
            check_span(&a.body, m.start, m.end, &m.text, "mention");
        }
    }
}

pub fn check_quotes(a: &Article, quotes: &[Quote]) {
    for q in quotes {
        check_span(&a.body, q.start, q.end, &q.text, "quote");
    }
    assert!(
        quotes.windows(2).all(|w| w[0].start <= w[1].start),
        "quotes not sorted by start"
    );
}

pub fn check_topics(topics: &[Topic]) {
    for t in topics {
        assert!(
            !t.id.is_empty() && !t.id.starts_with('/'),
            "topic id {:?}",
            t.id
        );
        assert!(t.score.is_finite(), "topic score {}", t.score);
    }
}
