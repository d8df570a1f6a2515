//! Finding topic patterns in text: one trie of every alias, term and cue, walked
//! from each word start; matches kept only where a word ends and with the right
//! capitals; where matches overlap, the longest wins ("Gulf of Mexico" over
//! "the Gulf", "war of words" over "war").

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::gazetteer::{GAZETTEER, Pattern, Role};
use crate::extract::trie::Trie;

/// Every alias, term and cue, ASCII case-insensitive; capitals are checked after.
static TRIE: LazyLock<Trie> =
    LazyLock::new(|| Trie::new(GAZETTEER.patterns.iter().map(|p| p.text.as_str())));

/// Every pattern match that begins a word, in text order.
fn matches_at_word_starts(text: &str, mut found: impl FnMut(usize, usize, usize)) {
    let trie = &*TRIE;
    let bytes = text.as_bytes();
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if !prev_alnum && trie.may_start(bytes[i]) {
            trie.matches_at(bytes, i, |pattern, end| found(pattern, i, end));
        }
        prev_alnum = c.is_alphanumeric();
    }
}

/// What a hit is used for. Names, subject words and cues are found independently,
/// so that a subject phrase ("Security Council resolution") does not hide a name
/// ("U.N. Security Council") or the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    Names,
    Terms,
    Cues,
}

/// One pattern found in a text, by byte offsets into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub layer: Layer,
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

fn layers(p: &Pattern) -> impl Iterator<Item = Layer> + '_ {
    [Layer::Names, Layer::Terms, Layer::Cues]
        .into_iter()
        .filter(|&layer| {
            p.roles.iter().any(|r| {
                matches!(
                    (layer, r),
                    (Layer::Names, Role::Alias { .. })
                        | (Layer::Terms, Role::Term { .. })
                        | (Layer::Cues, Role::Cue { .. })
                )
            })
        })
}

/// The patterns in `text`, in text order. Within the names and within the terms,
/// where matches overlap the longest wins; an exact tie keeps both.
pub(crate) fn find(text: &str) -> Vec<Hit> {
    let patterns = &GAZETTEER.patterns;
    let mut found: Vec<Hit> = Vec::new();
    matches_at_word_starts(text, |pattern, start, matched_end| {
        let p = &patterns[pattern];
        let mut end = matched_end;
        if p.prefix {
            end += text[end..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len() - end);
        } else if !ends_word(text, end) {
            return;
        }
        if p.proper && !same_capitals(p, &text[start..matched_end]) {
            return;
        }
        for layer in layers(p) {
            found.push(Hit {
                layer,
                pattern,
                start,
                end,
            });
        }
    });
    let mut kept = Vec::with_capacity(found.len());
    let (cues, mut rest): (Vec<Hit>, Vec<Hit>) =
        found.into_iter().partition(|h| h.layer == Layer::Cues);
    kept.extend(cues);
    rest.sort_by_key(|h| {
        (
            h.layer == Layer::Terms,
            std::cmp::Reverse(h.end - h.start),
            h.start,
        )
    });
    for layer in [Layer::Names, Layer::Terms] {
        let mut taken = vec![false; text.len()];
        let mut spans: HashSet<(usize, usize)> = HashSet::default();
        for h in rest.iter().filter(|h| h.layer == layer) {
            let tie = spans.contains(&(h.start, h.end));
            if !tie && taken[h.start..h.end].iter().any(|&t| t) {
                continue;
            }
            taken[h.start..h.end].iter_mut().for_each(|t| *t = true);
            spans.insert((h.start, h.end));
            kept.push(*h);
        }
    }
    kept.sort_by_key(|h| (h.start, h.layer as u8));
    kept
}

fn ends_word(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A proper-noun pattern matches with its own capitals, or with its first letter
/// capitalised too ("al Qaeda" at the start of a sentence).
fn same_capitals(p: &Pattern, found: &str) -> bool {
    if found == p.text {
        return true;
    }
    let mut a = p.text.chars();
    let mut b = found.chars();
    match (a.next(), b.next()) {
        (Some(x), Some(y)) if x.to_uppercase().eq(std::iter::once(y)) => a.eq(b),
        _ => false,
    }
}

/// Capitalised words that may stand right before a place without making it part of
/// a person's name: sentence openers, prepositions, titles of monarchs.
const BEFORE_PLACE: &[&str] = &[
    "A",
    "About",
    "Across",
    "After",
    "Against",
    "Along",
    "Also",
    "Among",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Central",
    "Does",
    "Did",
    "During",
    "Eastern",
    "Even",
    "For",
    "From",
    "Has",
    "Had",
    "Hashemite",
    "How",
    "If",
    "In",
    "Including",
    "Inside",
    "Into",
    "Is",
    "King",
    "Kingdom",
    "Landlocked",
    "Like",
    "Meanwhile",
    "Near",
    "Nearby",
    "Neighboring",
    "Neighbouring",
    "Northern",
    "Now",
    "Of",
    "On",
    "Only",
    "Or",
    "Outside",
    "Over",
    "Queen",
    "Since",
    "So",
    "Southern",
    "Than",
    "That",
    "The",
    "Then",
    "This",
    "Through",
    "To",
    "Toward",
    "Towards",
    "Under",
    "Unlike",
    "Until",
    "Via",
    "Was",
    "Western",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "Why",
    "Will",
    "With",
    "Within",
    "Without",
    "Yet",
];

/// Capitalised words that may follow a place: offices and institutions ("Virginia
/// Gov. Ralph Northam", "Jordan River").
const AFTER_PLACE: &[&str] = &[
    "Air",
    "Army",
    "Consulate",
    "Defence",
    "Defense",
    "Embassy",
    "Forces",
    "Foreign",
    "Ministry",
    "Navy",
    "Police",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Attorney",
    "Capital",
    "City",
    "County",
    "Democrat",
    "Democrats",
    "Democratic",
    "Department",
    "GOP",
    "Gov",
    "Gov.",
    "Governor",
    "House",
    "King",
    "Legislature",
    "Lt",
    "Lt.",
    "Minister",
    "National",
    "Parliament",
    "President",
    "Prime",
    "Queen",
    "Republican",
    "Republicans",
    "Rep",
    "Rep.",
    "River",
    "Secretary",
    "Sen",
    "Sen.",
    "Senate",
    "Senator",
    "State",
    "Supreme",
    "Valley",
];

/// Whether a match at `start..end` reads as part of a person's name: another
/// capitalised name right before it ("Michael Jordan") or right after it ("Jordan
/// Peterson").
pub(crate) fn in_person_name(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() < before.len() {
        let word_start = trimmed
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start..];
        if is_name_word(word) && !BEFORE_PLACE.contains(&word) {
            return true;
        }
    }
    let after = &text[end..];
    let rest = after.trim_start_matches([' ', '\u{a0}']);
    if rest.len() < after.len() {
        let word_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
            .unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches('.');
        let dotted = &rest[..word_end];
        if is_name_word(word) && !AFTER_PLACE.contains(&word) && !AFTER_PLACE.contains(&dotted) {
            return true;
        }
    }
    false
}

/// A capitalised word of letters with at least one lowercase letter ("Michael", not
/// "U.S.", "ISIS" or a possessive such as "Putin's").
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    !word.ends_with("'s")
        && !word.ends_with("\u{2019}s")
        && chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text)
            .iter()
            .filter(|h| h.layer != Layer::Cues)
            .map(|h| (h.start, h.end))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn matches_respect_words_case_and_length() {
        let cases: &[(&str, &[&str])] = &[
            ("Iranian officials", &["Iranian"]),
            ("in Syria's north", &["Syria"]),
            ("displaced Syrians", &["displaced", "Syrians"]),
            ("a turkey dinner", &["turkey", "dinner"]),
            ("the Gulf of Mexico", &["Gulf of Mexico"]),
            ("across the Gulf", &["the Gulf"]),
            ("Al Qaeda and al-Qaida", &["Al Qaeda", "al-Qaida"]),
            ("the Washington Post said", &["Washington Post"]),
            ("New Mexico", &["New Mexico"]),
            ("Niger and Nigeria", &["Niger", "Nigeria"]),
            ("the U.N.-led process", &["U.N."]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = found(text)
                .into_iter()
                .filter(|m| want.contains(m))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
        assert!(!found("Syrianness").contains(&"Syrian"));
        assert!(!found("a nato summit").contains(&"nato"));
    }

    #[test]
    fn person_names_around_a_place() {
        let cases = [
            ("Michael Jordan scored", "Jordan", true),
            ("Rep. Jim Jordan said", "Jordan", true),
            ("Jordan Peterson wrote", "Jordan", true),
            ("refugees in Jordan and Lebanon", "Jordan", false),
            ("Neighboring Jordan has", "Jordan", false),
            ("Amman, Jordan", "Jordan", false),
            ("Jordan's King Abdullah", "Jordan", false),
            ("The Jordan River", "Jordan", false),
            ("Virginia Gov. Ralph Northam", "Virginia", false),
            ("Chad Wolf, the acting secretary", "Chad", true),
        ];
        for (text, word, person) in cases {
            let start = text.find(word).unwrap();
            assert_eq!(
                in_person_name(text, start, start + word.len()),
                person,
                "{text}"
            );
        }
    }
}
