//! Enrichment: from an `Article` to the people, topics and quotes it holds.
//!
//! Pure functions: no I/O, no global mutable state, deterministic. The data they need
//! (gazetteers, topic rules) are files under `data/`, compiled in and parsed once.
//! Offsets are UTF-8 byte offsets into `Article::body`.

pub mod gazetteer;
pub mod people;
pub mod quotes;
pub mod text;
pub mod topics;

use serde::{Deserialize, Serialize};

use crate::Article;

/// A span of the body that names something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// The index stores mentions without it (it is the body's `start..end`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "m")]
    Male,
    #[serde(rename = "f")]
    Female,
}

/// One person the article mentions, under one canonical name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The canonical name: the gazetteer's for leaders, else the fullest form the
    /// article uses ("Oksana Petrenko").
    pub name: String,
    /// The role at the article's date for leaders ("President of Russia"), else what
    /// the article says ("a spokeswoman for the ministry"), if anything.
    pub role: Option<String>,
    pub country: Option<String>,
    pub gender: Option<Gender>,
    /// Whether the person is in the leaders gazetteer.
    pub leader: bool,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    Place,
    Org,
    Subject,
}

/// A topic the article is really about (not a passing mention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Hierarchical id: `place/asia/north-korea`, `org/un/security-council`,
    /// `subject/conflict/terrorism`.
    pub id: String,
    pub label: String,
    pub kind: TopicKind,
    /// Salience, from where and how often the topic appears; higher is more central.
    pub score: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quote marks.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech with no quote marks.
    Indirect,
}

/// Something someone said, and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The index stores quotes without it when it is the body's `start..end`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Canonical name of the speaker (a person or a body), `None` when the text does
    /// not say.
    pub speaker: Option<String>,
    /// The words that named the speaker: "Trump", "he", "the readout".
    pub speaker_mention: Option<String>,
    /// The reporting verb or phrase: "said", "told reporters", "according to".
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// The quote is in the article's title, not its body: `start` and `end` are
    /// offsets into `title`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// Everything extraction finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enriched {
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    pub quotes: Vec<Quote>,
}

/// Enrich one article.
pub fn enrich(article: &Article) -> Enriched {
    let people = people::extract_people(article);
    let topics = topics::extract_topics(article);
    let quotes = quotes::extract_quotes(article, &people);
    Enriched {
        people,
        topics,
        quotes,
    }
}
