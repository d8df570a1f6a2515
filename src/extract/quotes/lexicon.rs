//! The word lists quote extraction needs, parsed once from `data/cues.txt` and
//! `data/speakers.txt`, plus the small closed classes of English grammar (pronouns,
//! determiners, conjunctions) that are part of the code rather than data.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const CUES: &str = include_str!("../data/cues.txt");
const SPEAKERS: &str = include_str!("../data/speakers.txt");

/// How a cue takes its speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// "X said (that) …", "…," X said", "…," said X".
    Speech,
    /// As `Speech`, with an addressee before the content: "X told reporters …".
    Address,
    /// "X criticized …": reports what X said, never inverted, never before a quote.
    Evaluate,
    /// The speaker follows the cue: "according to X".
    Source,
    /// A noun that reports only after a possessive: "Petrenko's claim that …".
    Noun,
}

/// A cue phrase, lowercased, word by word.
#[derive(Debug)]
pub(super) struct Cue {
    pub words: Vec<String>,
    pub kind: CueKind,
}

/// What a speaker word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Noun {
    Document,
    Body,
    Role,
    Group,
}

#[derive(Debug, Default)]
pub(super) struct Lexicon {
    /// Cues by their first word, longest first.
    cues: HashMap<String, Vec<Cue>>,
    /// Modifier phrases by their first word, longest first.
    modifiers: HashMap<String, Vec<Vec<String>>>,
    /// Speaker nouns (single words, lowercase; a phrase is entered by its last word).
    nouns: HashMap<String, Noun>,
    /// Words of titles, lowercase, without periods ("president", "sen", "prime").
    titles: HashSet<String>,
    places: HashSet<String>,
    female: HashSet<String>,
    male: HashSet<String>,
}

pub(super) fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse)
}

fn lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

fn key(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lex = Lexicon::default();
        for (section, line) in lines(CUES) {
            let kind = match section {
                "speech" => CueKind::Speech,
                "address" => CueKind::Address,
                "evaluate" | "attitude" => CueKind::Evaluate,
                "source" => CueKind::Source,
                "noun" => CueKind::Noun,
                "modifier" => {
                    let words: Vec<String> = line.split_whitespace().map(key).collect();
                    lex.modifiers
                        .entry(words[0].clone())
                        .or_default()
                        .push(words);
                    continue;
                }
                _ => continue,
            };
            for form in line.split(',') {
                let words: Vec<String> = form.split_whitespace().map(key).collect();
                if words.is_empty() {
                    continue;
                }
                lex.cues
                    .entry(words[0].clone())
                    .or_default()
                    .push(Cue { words, kind });
            }
        }
        for list in lex.cues.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        for list in lex.modifiers.values_mut() {
            list.sort_by_key(|m| std::cmp::Reverse(m.len()));
        }
        for (section, line) in lines(SPEAKERS) {
            let noun = match section {
                "document" => Noun::Document,
                "body" => Noun::Body,
                "role" => Noun::Role,
                "group" => Noun::Group,
                "title" => {
                    lex.titles.extend(line.split_whitespace().map(key));
                    continue;
                }
                "place" => {
                    lex.places.insert(key(line));
                    continue;
                }
                "female" => {
                    lex.female.insert(key(line));
                    continue;
                }
                "male" => {
                    lex.male.insert(key(line));
                    continue;
                }
                _ => continue,
            };
            if let Some(last) = line.split_whitespace().last() {
                lex.nouns.entry(key(last)).or_insert(noun);
            }
        }
        lex
    }

    /// Cues that start with `word` (lowercase), longest first.
    pub fn cues(&self, word: &str) -> &[Cue] {
        self.cues.get(word).map_or(&[], Vec::as_slice)
    }

    /// Modifier phrases that start with `word` (lowercase), longest first.
    pub fn modifiers(&self, word: &str) -> &[Vec<String>] {
        self.modifiers.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn noun(&self, word: &str) -> Option<Noun> {
        self.nouns.get(word).copied()
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// A word that makes a name a place ("North", "County").
    pub fn is_place_word(&self, word: &str) -> bool {
        self.places.contains(word)
    }

    /// The gender a word gives the person it goes with ("Mrs.", "spokeswoman").
    pub fn gender(&self, word: &str) -> Option<super::super::Gender> {
        use super::super::Gender;
        if self.female.contains(word) {
            Some(Gender::Female)
        } else if self.male.contains(word) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// Subject and object pronouns that can name a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "another"
            | "one"
            | "two"
            | "three"
            | "four"
            | "several"
            | "many"
            | "some"
            | "most"
            | "other"
            | "both"
            | "all"
            | "few"
            | "no"
    )
}

/// Forms of "be", "have" and "do", and the modal verbs.
pub(super) fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
    )
}

/// Words that end a noun phrase when walking away from a verb: conjunctions,
/// subordinators, auxiliaries, prepositions that start adverbials, object pronouns.
pub(super) fn is_np_stop(w: &str) -> bool {
    is_auxiliary(w)
        || matches!(
            w,
            "and"
                | "or"
                | "but"
                | "nor"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "when"
                | "while"
                | "because"
                | "although"
                | "though"
                | "if"
                | "as"
                | "since"
                | "after"
                | "before"
                | "where"
                | "so"
                | "than"
                | "then"
                | "until"
                | "unless"
                | "whether"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "about"
                | "against"
                | "during"
                | "into"
                | "through"
                | "over"
                | "under"
                | "to"
                | "not"
                | "also"
                | "him"
                | "them"
                | "us"
                | "me"
                | "there"
                | "here"
                | "what"
                | "how"
                | "why"
                | "like"
                | "just"
                | "only"
                | "even"
                | "still"
                | "yet"
                | "now"
                | "once"
                | "again"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "it"
        )
}

/// Words between a speaker and the cue that belong to neither: "Trump has also said".
pub(super) fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "once"
            | "recently"
            | "again"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "long"
            | "since"
            | "often"
            | "never"
            | "always"
            | "already"
            | "first"
            | "earlier"
            | "subsequently"
            | "just"
            | "even"
            | "still"
            | "too"
            | "all"
            | "both"
            | "may"
            | "might"
            | "could"
            | "would've"
            | "is"
            | "was"
            | "are"
            | "were"
            | "been"
            | "not"
            | "sometimes"
            | "ultimately"
            | "finally"
            | "separately"
            | "further"
            | "specifically"
            | "now"
            | "today"
            | "yesterday"
            | "tonight"
    ) || (w.len() > 4 && w.ends_with("ly") && w != "only")
        || is_negated_aux(w)
}

/// "hasn't", "didn’t": an auxiliary with its negation.
/// "We've", "They'd", "Couldn't": a pronoun or a verb run together with its
/// auxiliary or "not", never a name. ("O'Brien" and "D'Souza" end otherwise.)
fn is_contraction(w: &str) -> bool {
    [
        "'ve", "’ve", "'re", "’re", "'ll", "’ll", "'d", "’d", "'m", "’m", "n't", "n’t",
    ]
    .iter()
    .any(|end| w.len() > end.len() && w.ends_with(end))
}

fn is_negated_aux(w: &str) -> bool {
    let w = w.replace('’', "'");
    matches!(
        w.as_str(),
        "hasn't"
            | "haven't"
            | "hadn't"
            | "didn't"
            | "doesn't"
            | "don't"
            | "won't"
            | "wouldn't"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "weren't"
            | "can't"
            | "couldn't"
            | "shouldn't"
    )
}

/// Capitalised words that start sentences without naming anyone.
pub(super) fn is_common_capital(w: &str) -> bool {
    is_np_stop(w)
        || is_determiner(w)
        || is_contraction(w)
        || matches!(
            w,
            "for"
                | "from"
                | "of"
                | "after"
                | "meanwhile"
                | "however"
                | "instead"
                | "still"
                | "today"
                | "yesterday"
                | "last"
                | "next"
                | "new"
                | "former"
                | "asked"
                | "according"
                | "more"
                | "less"
                | "update"
                | "related"
                | "watch"
                | "advertisement"
                | "alongside"
                | "amid"
                | "amidst"
                | "despite"
                | "during"
                | "following"
                | "among"
                | "under"
                | "within"
                | "without"
                | "throughout"
                | "beyond"
                | "besides"
                | "unlike"
                | "inside"
                | "outside"
                | "toward"
                | "towards"
                | "upon"
                | "via"
                | "regarding"
                | "including"
                | "given"
                | "across"
                | "behind"
                | "between"
                | "near"
                | "around"
                | "along"
                | "above"
                | "below"
                | "perhaps"
                | "having"
                | "it's"
                | "it’s"
                | "there's"
                | "there’s"
                | "have"
                | "absent"
                | "prior"
                | "known"
                | "moreover"
                | "furthermore"
                | "either"
                | "neither"
                | "additional"
                | "often"
                | "plenty"
                | "indeed"
                | "yes"
                | "no"
                | "later"
                | "earlier"
                | "also"
                | "here"
                | "there"
                | "speaking"
                | "every"
                | "each"
                | "such"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

/// Cues whose bare form is more often a noun or an adjective ("a chat show", "a mock
/// vote", "the Leeds express"): not a cue right after a singular name.
pub fn is_noun_like_bare_cue(word: &str) -> bool {
    matches!(word, "mock" | "express")
}
