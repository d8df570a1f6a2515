//! An article's enrichment as the index stores it: postcard (compact binary, variable
//! length integers), with what the article or the gazetteer already holds left out.
//!
//! - A mention's or a quote's text is left out where it is the body's `start..end`
//!   (nearly always), and put back from the body when read.
//! - Mentions keep their distance from the previous mention and their length, which
//!   are mostly one byte each.
//! - A topic's label is left out where it is the gazetteer's label for its id.
//!
//! The JSON this replaced was as large as the article's text before compression, and
//! serialising and compressing it was about 4% of an indexing run's instructions.

use serde::{Deserialize, Serialize};

use crate::extract::{Enriched, Gender, Mention, Person, Quote, QuoteKind, Topic, TopicKind};

#[derive(Serialize, Deserialize)]
struct Record {
    people: Vec<StoredPerson>,
    topics: Vec<StoredTopic>,
    quotes: Vec<StoredQuote>,
}

#[derive(Serialize, Deserialize)]
struct StoredPerson {
    name: String,
    role: Option<String>,
    country: Option<String>,
    gender: Option<Gender>,
    leader: bool,
    mentions: Vec<StoredMention>,
}

#[derive(Serialize, Deserialize)]
struct StoredMention {
    /// Bytes from the previous mention's start (from 0 for the first), wrapping when
    /// mentions are out of order.
    gap: u64,
    len: u64,
    /// `None` when the text is the body's `start..end`.
    text: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredTopic {
    id: String,
    /// `None` when it is the gazetteer's label for `id`.
    label: Option<String>,
    kind: TopicKind,
    score: f32,
}

#[derive(Serialize, Deserialize)]
struct StoredQuote {
    start: u64,
    len: u64,
    /// `None` when the text is `start..end` of the body (or of the title, `in_title`).
    text: Option<String>,
    speaker: Option<String>,
    speaker_mention: Option<String>,
    cue: Option<String>,
    kind: QuoteKind,
    in_title: bool,
}

/// Text kept only where `source[start..end]` is not it.
fn unless_in(source: &str, start: usize, end: usize, text: &str) -> Option<String> {
    (source.get(start..end) != Some(text)).then(|| text.to_string())
}

/// `text`, or `source[start..end]` when it was left out.
fn text_or(source: &str, start: usize, end: usize, text: Option<String>) -> String {
    text.unwrap_or_else(|| source.get(start..end).unwrap_or_default().to_string())
}

fn gazetteer_label(id: &str) -> Option<&'static str> {
    crate::extract::topics::by_id(id).map(|def| def.label)
}

/// The bytes the index stores for `e`, an enrichment of the article with this title
/// and body.
pub fn encode(title: &str, body: &str, e: &Enriched) -> Vec<u8> {
    let people = e
        .people
        .iter()
        .map(|p| {
            let mut previous = 0u64;
            let mentions = p
                .mentions
                .iter()
                .map(|m| {
                    let start = m.start as u64;
                    let gap = start.wrapping_sub(previous);
                    previous = start;
                    StoredMention {
                        gap,
                        len: m.end.saturating_sub(m.start) as u64,
                        text: unless_in(body, m.start, m.end, &m.text),
                    }
                })
                .collect();
            StoredPerson {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.clone(),
                gender: p.gender,
                leader: p.leader,
                mentions,
            }
        })
        .collect();
    let topics = e
        .topics
        .iter()
        .map(|t| StoredTopic {
            id: t.id.clone(),
            label: (gazetteer_label(&t.id) != Some(t.label.as_str())).then(|| t.label.clone()),
            kind: t.kind,
            score: t.score,
        })
        .collect();
    let quotes = e
        .quotes
        .iter()
        .map(|q| {
            let source = if q.in_title { title } else { body };
            StoredQuote {
                start: q.start as u64,
                len: q.end.saturating_sub(q.start) as u64,
                text: unless_in(source, q.start, q.end, &q.text),
                speaker: q.speaker.clone(),
                speaker_mention: q.speaker_mention.clone(),
                cue: q.cue.clone(),
                kind: q.kind,
                in_title: q.in_title,
            }
        })
        .collect();
    let record = Record {
        people,
        topics,
        quotes,
    };
    // Serialising owned values to a Vec cannot fail.
    postcard::to_allocvec(&record).unwrap_or_default()
}

/// The enrichment stored as `bytes` for the article with this title and body; `None`
/// when the bytes are not a record.
pub fn decode(title: &str, body: &str, bytes: &[u8]) -> Option<Enriched> {
    let record: Record = postcard::from_bytes(bytes).ok()?;
    let people = record
        .people
        .into_iter()
        .map(|p| {
            let mut previous = 0u64;
            let mentions = p
                .mentions
                .into_iter()
                .map(|m| {
                    let start = previous.wrapping_add(m.gap);
                    previous = start;
                    let start = start as usize;
                    let end = start.saturating_add(m.len as usize);
                    Mention {
                        start,
                        end,
                        text: text_or(body, start, end, m.text),
                    }
                })
                .collect();
            Person {
                name: p.name,
                role: p.role,
                country: p.country,
                gender: p.gender,
                leader: p.leader,
                mentions,
            }
        })
        .collect();
    let topics = record
        .topics
        .into_iter()
        .map(|t| Topic {
            label: t
                .label
                .or_else(|| gazetteer_label(&t.id).map(str::to_string))
                .unwrap_or_else(|| t.id.clone()),
            id: t.id,
            kind: t.kind,
            score: t.score,
        })
        .collect();
    let quotes = record
        .quotes
        .into_iter()
        .map(|q| {
            let start = q.start as usize;
            let end = start.saturating_add(q.len as usize);
            let source = if q.in_title { title } else { body };
            Quote {
                text: text_or(source, start, end, q.text),
                start,
                end,
                speaker: q.speaker,
                speaker_mention: q.speaker_mention,
                cue: q.cue,
                kind: q.kind,
                in_title: q.in_title,
            }
        })
        .collect();
    Some(Enriched {
        people,
        topics,
        quotes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(body: &str, word: &str, from: usize) -> Mention {
        let start = from + body[from..].find(word).unwrap();
        Mention {
            start,
            end: start + word.len(),
            text: word.to_string(),
        }
    }

    #[test]
    fn round_trips_with_texts_left_out_and_kept() {
        let title = "Vale says \"no deal\" on the budget";
        let body = "Dana Vale spoke in Oslo. Vale said the budget was \"not ready\". \
                    Later, Ms. Vale said more.";
        let later = body.find("Ms. Vale").unwrap();
        let e = Enriched {
            people: vec![Person {
                name: "Dana Vale".into(),
                role: Some("a spokeswoman".into()),
                country: None,
                gender: Some(Gender::Female),
                leader: false,
                mentions: vec![
                    mention(body, "Dana Vale", 0),
                    mention(body, "Vale", 20),
                    // A mention whose text is not the body's (as a normalised form
                    // would be), and one out of order.
                    Mention {
                        start: later,
                        end: later + 8,
                        text: "Ms Vale".into(),
                    },
                    mention(body, "Vale", 5),
                ],
            }],
            topics: vec![
                Topic {
                    id: "place/europe/norway".into(),
                    label: "Norway".into(),
                    kind: TopicKind::Place,
                    score: 0.75,
                },
                Topic {
                    id: "subject/not-in-the-gazetteer".into(),
                    label: "Something else".into(),
                    kind: TopicKind::Subject,
                    score: 0.5,
                },
            ],
            quotes: vec![
                Quote {
                    text: "not ready".into(),
                    start: body.find("not ready").unwrap(),
                    end: body.find("not ready").unwrap() + 9,
                    speaker: Some("Dana Vale".into()),
                    speaker_mention: Some("Vale".into()),
                    cue: Some("said".into()),
                    kind: QuoteKind::Partial,
                    in_title: false,
                },
                Quote {
                    text: "no deal".into(),
                    start: title.find("no deal").unwrap(),
                    end: title.find("no deal").unwrap() + 7,
                    speaker: Some("Dana Vale".into()),
                    speaker_mention: Some("Vale".into()),
                    cue: Some("says".into()),
                    kind: QuoteKind::Direct,
                    in_title: true,
                },
                Quote {
                    text: "a text that is not at its offsets".into(),
                    start: 3,
                    end: 9,
                    speaker: None,
                    speaker_mention: None,
                    cue: None,
                    kind: QuoteKind::Indirect,
                    in_title: false,
                },
            ],
        };
        let bytes = encode(title, body, &e);
        assert_eq!(decode(title, body, &bytes), Some(e.clone()));
        // Texts equal to the body's are not stored: the record is much smaller than
        // the texts and names it gives back.
        let json = serde_json::to_vec(&e).unwrap();
        assert!(
            bytes.len() * 2 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
    }

    #[test]
    fn the_empty_enrichment_and_garbage() {
        let e = Enriched::default();
        assert_eq!(decode("", "", &encode("", "", &e)), Some(e));
        assert_eq!(decode("", "", &[0xff, 0xff, 0xff]), None);
    }
}
