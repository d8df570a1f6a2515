//! Topics: the places, organisations and subjects an article is about.
//!
//! The data (gazetteers and the subject taxonomy) is in `extract/data/`; see
//! `gazetteer` for its format. Extraction finds every alias, subject word and cue in
//! the title and body, settles names that two topics share ("Georgia", "Turkey",
//! "Washington") by the cues around them, drops place names that are part of a
//! person's name ("Michael Jordan"), and scores each topic by where it appears: the
//! title counts most, then the lead, then the rest of the body, which counts less the
//! longer the article. Only topics above a threshold are kept, so a passing mention
//! does not make a topic.

mod gazetteer;
mod matcher;
mod trie;

use rustc_hash::FxHashMap as HashMap;

use super::{Topic, TopicKind};
use crate::Article;
use gazetteer::{GAZETTEER, Role};
pub use gazetteer::{TopicDef, all_topics, by_id, lookup};
use matcher::{Hit, Layer};

/// How much one mention counts by where it is.
const TITLE_WEIGHT: f32 = 2.5;
const LEAD_WEIGHT: f32 = 1.5;
const BODY_WEIGHT: f32 = 1.0;
/// Body mentions count fully up to this many words of body, then less.
const BODY_WORDS: f32 = 500.0;
/// The evidence a place or organisation needs: one name in the lead, or one in the
/// body of a short article.
const ENTITY_THRESHOLD: f32 = 1.0;
/// The evidence a subject needs, from a `key` word or from `SUBJECT_WORDS`
/// different words.
const SUBJECT_THRESHOLD: f32 = 2.0;
const SUBJECT_WORDS: usize = 3;
/// The share of the main subject's evidence another subject needs: little when a
/// key phrase names it, more when only common words speak for it.
const KEY_SHARE: f32 = 0.05;
const WORDS_SHARE: f32 = 0.3;
/// Scores are `1 - exp(-evidence / scale)`: 0..1, comparable across articles.
/// Subjects gather more evidence (many words speak for each) than names do.
fn scale_of(kind: TopicKind) -> f32 {
    match kind {
        TopicKind::Place | TopicKind::Org => 4.0,
        TopicKind::Subject => 10.0,
    }
}
/// At most this many places or organisations, and subjects: past that, the rest
/// are background.
const MAX_PER_KIND: usize = 12;
const MAX_SUBJECTS: usize = 6;
/// The lead: the first paragraphs, until this many words.
const LEAD_WORDS: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Title,
    Lead,
    Body,
}

/// What an article says about one topic.
#[derive(Debug, Clone)]
struct Evidence {
    title: f32,
    lead: f32,
    body: f32,
    /// How many different patterns spoke for it, and where the list of them starts
    /// and ends in `Ledger::spoke`.
    patterns: usize,
    first: u32,
    last: u32,
    /// A subject's `key` word was among them.
    key: bool,
}

impl Evidence {
    fn total(&self, body_words: usize) -> f32 {
        let length = (body_words as f32 / BODY_WORDS).max(1.0);
        let total =
            TITLE_WEIGHT * self.title + LEAD_WEIGHT * self.lead + BODY_WEIGHT * self.body / length;
        total.max(0.0)
    }
}

/// The end of a list in `Ledger::spoke`.
const NONE: u32 = u32::MAX;

/// The evidence for each topic an article speaks for, in the order they came: one
/// table as long as the data's entries finds each, where a map would hash, and the
/// patterns that spoke for them are lists linked through one vector, where each
/// would need a vector of its own.
struct Ledger {
    /// Per entry of the data, where its evidence is in `evidence`, or `NONE`.
    slot: Vec<u32>,
    evidence: Vec<(usize, Evidence)>,
    /// `(pattern, next)`: the lists of `Evidence::first`.
    spoke: Vec<(usize, u32)>,
}

impl Ledger {
    fn new(entries: usize) -> Ledger {
        Ledger {
            slot: vec![NONE; entries],
            evidence: Vec::new(),
            spoke: Vec::new(),
        }
    }

    /// Where the evidence for `entry` is in `evidence`, none yet or not.
    fn slot(&mut self, entry: usize) -> usize {
        let slot = &mut self.slot[entry];
        if *slot == NONE {
            *slot = self.evidence.len() as u32;
            self.evidence.push((
                entry,
                Evidence {
                    title: 0.0,
                    lead: 0.0,
                    body: 0.0,
                    patterns: 0,
                    first: NONE,
                    last: NONE,
                    key: false,
                },
            ));
        }
        *slot as usize
    }

    /// Counts one mention of `entry` by `pattern`.
    fn add(&mut self, entry: usize, place: Place, weight: f32, pattern: usize) -> &mut Evidence {
        let at = self.slot(entry);
        let new = (weight > 0.0 && !self.patterns(&self.evidence[at].1).any(|p| p == pattern))
            .then(|| {
                let new = self.spoke.len() as u32;
                self.spoke.push((pattern, NONE));
                match self.evidence[at].1.last {
                    NONE => self.evidence[at].1.first = new,
                    last => self.spoke[last as usize].1 = new,
                }
                new
            });
        let ev = &mut self.evidence[at].1;
        match place {
            Place::Title => ev.title = ev.title.max(weight),
            Place::Lead => ev.lead += weight,
            Place::Body => ev.body += weight,
        }
        if let Some(new) = new {
            ev.last = new;
            ev.patterns += 1;
        }
        ev
    }

    /// The patterns that spoke for `ev`, in the order they did.
    fn patterns(&self, ev: &Evidence) -> impl Iterator<Item = usize> + '_ {
        let mut at = ev.first;
        std::iter::from_fn(move || {
            let &(pattern, next) = self.spoke.get(at as usize)?;
            at = next;
            Some(pattern)
        })
    }
}

/// One topic with the evidence for it, kept or not: what `explain_topics` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub topic: Topic,
    /// Whether `extract_topics` keeps it.
    pub kept: bool,
    /// The evidence before it is scaled to a score.
    pub evidence: f32,
    /// The words that spoke for it, as the data writes them.
    pub matched: Vec<&'static str>,
}

/// The topics `article` is about, most central first, each with a score in 0..1.
pub fn extract_topics(article: &Article) -> Vec<Topic> {
    explain_topics(article)
        .into_iter()
        .filter(|e| e.kept)
        .map(|e| e.topic)
        .collect()
}

/// Every topic the text speaks for, with its evidence and whether it passes: for
/// tuning the data and answering "why is this topic here?".
pub fn explain_topics(article: &Article) -> Vec<Explanation> {
    let g = &*GAZETTEER;
    let lead_end = lead_end(&article.body);
    let (title_found, body_found) = (matcher::find(&article.title), matcher::find(&article.body));
    let body_words = body_found.words;
    // Every hit with where it is and the text it is in, the title's first.
    let place_of = |h: &Hit| {
        if h.start < lead_end {
            Place::Lead
        } else {
            Place::Body
        }
    };
    let (title, body) = (article.title.as_str(), article.body.as_str());
    let hits = || {
        let in_title = title_found.hits.iter().map(|&h| (Place::Title, title, h));
        in_title.chain(body_found.hits.iter().map(|&h| (place_of(&h), body, h)))
    };

    // Names that are part of a person's name anywhere in the text ("Jim Jordan")
    // name that person everywhere else too ("Jordan said").
    let title_case = is_title_case(&article.title);
    let mut personal: Vec<usize> = Vec::new();
    for (place, text, h) in hits() {
        if h.layer == Layer::Names
            && g.patterns[h.pattern].may_be_person
            && !(place == Place::Title && title_case)
            && matcher::in_person_name(text, h.start, h.end)
            && !personal.contains(&h.pattern)
        {
            personal.push(h.pattern);
        }
    }

    // Support for each entry: the different cues and unshared names found for it,
    // as `(entry, pattern)` pairs, in order.
    let mut support: Vec<(usize, usize)> = Vec::new();
    for (_, _, h) in hits() {
        let p = &g.patterns[h.pattern];
        match h.layer {
            Layer::Cues => {
                for r in &p.roles {
                    if let Role::Cue { entry } = *r {
                        support.push((entry, h.pattern));
                    }
                }
            }
            Layer::Names => {
                if let [(entry, _)] = p.aliases(personal.contains(&h.pattern)) {
                    support.push((*entry, h.pattern));
                }
            }
            Layer::Terms => {}
        }
    }
    support.sort_unstable();
    support.dedup();
    let support_of = |entry: usize| {
        let from = support.partition_point(|&(e, _)| e < entry);
        support[from..].partition_point(|&(e, _)| e == entry)
    };

    // Names count once per sentence and topic, at their strongest: "Des Moines,
    // Iowa" is one mention of Iowa, not two.
    let sentence_starts: Vec<usize> = super::text::sentences(&article.body)
        .into_iter()
        .map(|r| r.start)
        .collect();
    let sentence_of = |place: Place, at: usize| match place {
        Place::Title => usize::MAX,
        _ => sentence_starts.partition_point(|&s| s <= at),
    };
    // `(sentence, entry, place, weight, pattern)` of every name.
    let mut names: Vec<(usize, usize, Place, f32, usize)> = Vec::new();
    let mut ledger = Ledger::new(g.entries.len());
    for (place, _, h) in hits() {
        let p = &g.patterns[h.pattern];
        match h.layer {
            Layer::Names => {
                let aliases = p.aliases(personal.contains(&h.pattern));
                // A shared name goes to the topic with the most support; the first
                // listed wins a tie.
                let chosen = aliases
                    .iter()
                    .copied()
                    .enumerate()
                    .max_by_key(|&(i, (entry, _))| (support_of(entry), std::cmp::Reverse(i)))
                    .map(|(_, a)| a);
                if let Some((entry, weight)) = chosen {
                    let sentence = sentence_of(place, h.start);
                    let implied = g.entries[entry]
                        .implies
                        .iter()
                        .map(|&(e, f)| (e, weight * f));
                    for (e, w) in std::iter::once((entry, weight)).chain(implied) {
                        names.push((sentence, e, place, w, h.pattern));
                    }
                }
            }
            Layer::Terms => {
                for r in &p.roles {
                    if let Role::Term { entry, weight } = *r {
                        let ev = ledger.add(entry, place, weight, h.pattern);
                        ev.key |= weight >= gazetteer::KEY;
                    }
                }
            }
            Layer::Cues => {}
        }
    }
    // In text order, so that the words an explanation lists come in order; of the
    // names of one topic in one sentence, the first of the strongest.
    names.sort_by_key(|&(sentence, entry, ..)| (sentence, entry));
    for group in names.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let mut best = &group[0];
        for name in &group[1..] {
            if name.3 > best.3 {
                best = name;
            }
        }
        let &(_, entry, place, weight, pattern) = best;
        ledger.add(entry, place, weight, pattern);
    }

    let top_subject = ledger
        .evidence
        .iter()
        .filter(|(e, _)| {
            g.entries[*e]
                .def
                .is_some_and(|d| g.defs[d].kind == TopicKind::Subject)
        })
        .map(|(e, ev)| ev.total(body_words) * g.entries[*e].scale)
        .fold(0.0f32, f32::max);
    let mut out: Vec<Explanation> = Vec::new();
    for (entry, ev) in &ledger.evidence {
        let Some(d) = g.entries[*entry].def else {
            continue;
        };
        let def = &g.defs[d];
        let total = ev.total(body_words) * g.entries[*entry].scale;
        let kept = match def.kind {
            TopicKind::Place | TopicKind::Org => total >= ENTITY_THRESHOLD,
            TopicKind::Subject => {
                // A subject named by one of its key phrases stands on its own; one
                // made of common words must also hold its own beside the article's
                // main subject.
                total >= SUBJECT_THRESHOLD
                    && if ev.key {
                        total >= KEY_SHARE * top_subject
                    } else {
                        ev.patterns >= SUBJECT_WORDS && total >= WORDS_SHARE * top_subject
                    }
            }
        };
        let mut matched: Vec<&'static str> = Vec::with_capacity(ev.patterns);
        matched.extend(ledger.patterns(ev).map(|p| g.patterns[p].text.as_str()));
        matched.dedup();
        out.push(Explanation {
            topic: Topic {
                id: def.id.to_string(),
                label: def.label.to_string(),
                kind: def.kind,
                score: 1.0 - (-total / scale_of(def.kind)).exp(),
            },
            kept,
            evidence: total,
            matched,
        });
    }
    out.sort_by(|a, b| {
        b.topic
            .score
            .total_cmp(&a.topic.score)
            .then_with(|| a.topic.id.cmp(&b.topic.id))
    });
    // A parent that says no more than its child adds nothing: the child's id
    // already finds the article under the parent ("United Nations" beside "United
    // Nations Security Council").
    let kept_children: Vec<(String, f32)> = out
        .iter()
        .filter(|e| e.kept)
        .map(|e| (e.topic.id.clone(), e.evidence))
        .collect();
    for e in out
        .iter_mut()
        .filter(|e| e.kept && e.topic.kind != TopicKind::Subject)
    {
        let parent = e.topic.id.as_str();
        let is_child = |id: &str| id.strip_prefix(parent).is_some_and(|r| r.starts_with('/'));
        if kept_children
            .iter()
            .any(|(id, ev)| is_child(id) && *ev >= e.evidence)
        {
            e.kept = false;
        }
    }
    let mut per_kind: HashMap<TopicKind, usize> = HashMap::default();
    for e in out.iter_mut().filter(|e| e.kept) {
        let n = per_kind.entry(e.topic.kind).or_default();
        *n += 1;
        let max = match e.topic.kind {
            TopicKind::Subject => MAX_SUBJECTS,
            _ => MAX_PER_KIND,
        };
        e.kept = *n <= max;
    }
    out
}

/// Where the lead ends: after the first paragraphs that hold `LEAD_WORDS` words
/// (at least one, at most two paragraphs unless they are very short).
fn lead_end(body: &str) -> usize {
    let mut words = 0;
    let mut end = 0;
    for (n, p) in super::text::paragraphs(body).into_iter().enumerate() {
        if n >= 2 && words >= LEAD_WORDS / 2 {
            break;
        }
        words += count_words(&body[p.clone()]);
        end = p.end;
        if words >= LEAD_WORDS && n >= 1 {
            break;
        }
    }
    end
}

/// `text.split_whitespace().count()`: eight bytes at a time where they are ASCII,
/// decoding only what is not.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(&eight) = bytes[i..].first_chunk::<8>()
            && let Some(spaces) = ascii_spaces(u64::from_le_bytes(eight))
        {
            // A word starts at each byte that is no space after one that is: the
            // flags moved on a byte, with the byte before these eight at the bottom.
            let after_space = (spaces << 8) | (u64::from(!in_word) << 7);
            // Each byte of the starts, moved down, is 0 or 1: a multiplication
            // by `ONES` adds them all up in the top byte.
            let starts = (!spaces & after_space & TOPS) >> 7;
            words += (starts.wrapping_mul(ONES) >> 56) as usize;
            in_word = spaces >> 63 == 0;
            i += 8;
            continue;
        }
        let (space, len) = match bytes[i] {
            b @ 0..0x80 => (is_space(b), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            }
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    words
}

/// `char::is_whitespace` for an ASCII byte (U+000B included, unlike
/// `u8::is_ascii_whitespace`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The low bit, and the top bit, of each of the eight bytes of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;
const TOPS: u64 = 0x8080_8080_8080_8080;

/// `is_space` of eight bytes at once, little-endian: each byte's top bit set where
/// that byte is a space, every other bit clear. `None` unless all are ASCII.
fn ascii_spaces(eight: u64) -> Option<u64> {
    if eight & TOPS != 0 {
        return None;
    }
    // Every byte is below 0x80, so no sum below carries into the next byte: a
    // byte's top bit says whether it was at least `n`.
    let at_least = |n: u8| (eight + ONES * u64::from(0x80 - n)) & TOPS;
    let blank = !((eight ^ (ONES * u64::from(b' '))) + ONES * 0x7F) & TOPS;
    let control = at_least(b'\t') & !at_least(b'\r' + 1);
    Some(blank | control)
}

/// Headlines In Title Case capitalise every word, so capitals there say nothing
/// about names.
fn is_title_case(title: &str) -> bool {
    let long: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised * 4 >= long.len() * 3
}

#[cfg(test)]
mod tests;
