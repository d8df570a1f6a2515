//! Finding topic patterns in text: one trie of every alias, term and cue, walked
//! from each word start; matches kept only where a word ends and with the right
//! capitals; where matches overlap, the longest wins ("Gulf of Mexico" over
//! "the Gulf", "war of words" over "war").

use std::sync::LazyLock;

use super::gazetteer::{GAZETTEER, Pattern, Role};
use super::is_space;
use super::trie::Trie;

/// Every alias, term and cue, ASCII case-insensitive; capitals are checked after.
static TRIE: LazyLock<Trie> =
    LazyLock::new(|| Trie::new(GAZETTEER.patterns.iter().map(|p| p.text.as_str())));

/// Every pattern match that begins a word, in text order, as `(pattern, start,
/// end)`: the trie is walked from every character that follows no letter or digit.
/// Also `text.split_whitespace().count()`: every word of that count starts at a walk,
/// after a space.
///
/// Not inlined into `find`, and collecting rather than calling back, so that the
/// walk's loop, which steps about once per byte of text, has the registers to
/// itself.
#[inline(never)]
fn matches_at_word_starts(text: &str) -> (Vec<(usize, usize, usize)>, usize) {
    let trie = &*TRIE;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut words, mut after_space) = (0, true);
    let mut i = 0;
    while i < bytes.len() {
        if after_space {
            words += usize::from(!space_at(text, i));
        }
        let lead = trie.matches_at(bytes, i, |pattern, end| out.push((pattern, i, end)));
        // The rest of a word starts no match: skip it, and the character after it,
        // from where the walk has read them.
        (i, after_space) = if lead.word_end {
            let after = i + lead.alnum;
            (after + 1, is_space(bytes[after]))
        } else if lead.alnum > 0 {
            skip_word(text, i + lead.alnum)
        } else {
            match alnum_at(text, i) {
                (true, len) => skip_word(text, i + len),
                (false, len) => (i + len, space_at(text, i)),
            }
        };
    }
    (out, words)
}

/// Past the letters and digits from byte `i` of `text` on, and the character after
/// them; and whether that character is a space.
#[inline(always)]
fn skip_word(text: &str, mut i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            // Eight bytes at a time while they are ASCII letters and digits; the
            // first is one.
            i += match bytes[i..].first_chunk::<8>() {
                Some(&eight) => ascii_alnum_run(u64::from_le_bytes(eight)),
                None => 1,
            };
        } else if b.is_ascii() {
            return (i + 1, is_space(b));
        } else {
            let (alnum, len) = alnum_at(text, i);
            if !alnum {
                return (i + len, space_at(text, i));
            }
            i += len;
        }
    }
    (i, false)
}

/// Whether the character at byte `i` of `text` is whitespace.
#[inline]
fn space_at(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b @ 0..0x80 => is_space(b),
        _ => text[i..].chars().next().is_some_and(char::is_whitespace),
    }
}

/// How many of eight bytes (little-endian), from the first, are ASCII letters or
/// digits.
fn ascii_alnum_run(eight: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    // With the top bits cleared no sum below carries into the next byte: a byte's
    // top bit then says whether it was at least `n`. Bytes past ASCII count as
    // neither letter nor digit.
    let low = eight & !TOPS;
    let at_least = |x: u64, n: u8| (x + ONES * u64::from(0x80 - n)) & TOPS;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let lower = low | (ONES * 0x20);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let other = !(digit | letter) | (eight & TOPS);
    ((other & TOPS).trailing_zeros() / 8) as usize
}

/// Whether the character at byte `i` of `text` is alphanumeric, and its length;
/// ASCII, Latin-1 and the punctuation news text is full of without decoding.
#[inline]
fn alnum_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    match bytes[i] {
        b @ 0..0x80 => (b.is_ascii_alphanumeric(), 1),
        // U+0080 to U+00BF: ª, µ, º, and the superscript digits and fractions.
        0xC2 => (
            matches!(
                bytes[i + 1],
                0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
            ),
            2,
        ),
        // U+00C0 to U+00FF: letters but × and ÷.
        0xC3 => (!matches!(bytes[i + 1], 0x97 | 0xB7), 2),
        // U+2000 to U+203F: spaces, dashes, curly quotes, bullets.
        0xE2 if bytes[i + 1] == 0x80 => (false, 3),
        _ => {
            let c = text[i..].chars().next().unwrap_or_default();
            (c.is_alphanumeric(), c.len_utf8())
        }
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

/// The layers each pattern is found in, worked out once: a bit each, by `Layer as u8`.
static LAYERS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    GAZETTEER
        .patterns
        .iter()
        .map(|p| layers(p).fold(0, |bits, layer| bits | 1 << layer as u8))
        .collect()
});

/// The patterns found in a text, and how many words it has.
pub(crate) struct Found {
    pub hits: Vec<Hit>,
    /// `text.split_whitespace().count()`.
    pub words: usize,
}

/// The patterns in `text`, in text order. Within the names and within the terms,
/// where matches overlap the longest wins; an exact tie keeps both.
pub(crate) fn find(text: &str) -> Found {
    let patterns = &GAZETTEER.patterns;
    let layers = &*LAYERS;
    let (matches, words) = matches_at_word_starts(text);
    // Each layer gets at most every match.
    let room = || Vec::with_capacity(matches.len());
    let (mut names, mut terms, mut cues) = (room(), room(), room());
    for &(pattern, start, matched_end) in &matches {
        let p = &patterns[pattern];
        let mut end = matched_end;
        if p.prefix {
            end += text[end..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len() - end);
        } else if !ends_word(text, end) {
            continue;
        }
        if p.proper && !same_capitals(p, &text[start..matched_end]) {
            continue;
        }
        let bits = layers[pattern];
        let hit = |layer| Hit {
            layer,
            pattern,
            start,
            end,
        };
        if bits & (1 << Layer::Names as u8) != 0 {
            names.push(hit(Layer::Names));
        }
        if bits & (1 << Layer::Terms as u8) != 0 {
            terms.push(hit(Layer::Terms));
        }
        if bits & (1 << Layer::Cues as u8) != 0 {
            cues.push(hit(Layer::Cues));
        }
    }
    let (mut kept_names, mut kept_terms) = (
        Vec::with_capacity(names.len()),
        Vec::with_capacity(terms.len()),
    );
    longest_first(&names, &mut kept_names);
    longest_first(&terms, &mut kept_terms);
    Found {
        hits: merge_by_start([kept_names, kept_terms, cues]),
        words,
    }
}

/// Runs of hits, each in text order, merged into one in text order; on one start,
/// the earlier run first (the order of the layers).
fn merge_by_start(runs: [Vec<Hit>; 3]) -> Vec<Hit> {
    let mut out = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    let mut runs = runs.map(|run| run.into_iter().peekable());
    while let Some((_, k)) = runs
        .iter_mut()
        .enumerate()
        .filter_map(|(k, run)| Some((run.peek()?.start, k)))
        .min()
    {
        out.extend(runs[k].next());
    }
    out
}

/// Pushes to `out` the `hits` (one layer's, in text order) that overlapping hits
/// leave: the longest first, then the earliest, each kept unless it overlaps one
/// kept before; one on the exact span of a kept hit ties and is kept too. In text
/// order.
fn longest_first(hits: &[Hit], out: &mut Vec<Hit>) {
    let mut i = 0;
    while i < hits.len() {
        // Only hits in a chain of overlaps can take text from one another: settle
        // each chain on its own (most are one hit).
        let mut end = hits[i].end;
        let mut j = i + 1;
        while j < hits.len() && hits[j].start < end {
            end = end.max(hits[j].end);
            j += 1;
        }
        let chain = &hits[i..j];
        if let [h] = chain {
            out.push(*h);
        } else {
            let mut order: Vec<usize> = (0..chain.len()).collect();
            order.sort_by_key(|&k| (std::cmp::Reverse(chain[k].end - chain[k].start), k));
            let mut keep = vec![false; chain.len()];
            for k in order {
                let h = chain[k];
                let mut kept = chain.iter().zip(&keep).filter(|&(_, &kept)| kept);
                let tie = kept
                    .clone()
                    .any(|(o, _)| (o.start, o.end) == (h.start, h.end));
                keep[k] = tie || !kept.any(|(o, _)| o.start < h.end && h.start < o.end);
            }
            out.extend(
                chain
                    .iter()
                    .zip(&keep)
                    .filter(|&(_, &k)| k)
                    .map(|(h, _)| *h),
            );
        }
        i = j;
    }
}

fn ends_word(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !alnum_at(text, end).0,
    }
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
            .hits
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
    fn walks_start_after_every_character_that_is_no_letter_or_digit() {
        for text in [
            "",
            "war",
            "an award-winning war",
            "(war) war,war;war  war",
            "Élysée war ÉLYSÉE 3war war3 war",
            "x\u{a0}war naïve war über war",
            "the Gulf, the gulf; THE GULF of Mexico",
            "U.S.-led talks in Côte d’Ivoire",
            "al-Qaida's war of words, the U.N.-led NATO in São Paulo",
            "Gulf of Mexicoland terrorists warrior war\u{2019}s war3war",
            "the United Nations Security Council's",
            "wa",
            "the Gulf of",
            " \u{a0}no\u{a0}break, ideographic\u{3000}space, next\u{85}line\u{2003}x",
            "tab\tand\nnew\r\nlines, vertical\x0Btab and\x0Cfeed \u{feff}bom “quoted”",
            "word\u{2028}word\u{2009}word — São Paulo ×2 ½ war\u{a0}war",
        ] {
            let (got, words) = matches_at_word_starts(text);
            assert_eq!(words, text.split_whitespace().count(), "{text:?}");
            let mut want = Vec::new();
            let mut prev_alnum = false;
            for (i, c) in text.char_indices() {
                if !prev_alnum {
                    TRIE.matches_at(text.as_bytes(), i, |p, end| want.push((p, i, end)));
                }
                prev_alnum = c.is_alphanumeric();
            }
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn alnum_at_agrees_with_char_is_alphanumeric() {
        for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{10FFFF}', '\u{FF21}']) {
            let text = format!("{c}x");
            assert_eq!(
                alnum_at(&text, 0),
                (c.is_alphanumeric(), c.len_utf8()),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn alnum_runs_of_eight_bytes_stop_at_the_first_other_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"Ab3zZ09q";
                eight[at] = b;
                let want = eight
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(8);
                assert_eq!(
                    ascii_alnum_run(u64::from_le_bytes(eight)),
                    want,
                    "{eight:?}"
                );
            }
        }
        assert_eq!(ascii_alnum_run(u64::from_le_bytes(*b"@[`{/:\x7f ")), 0);
    }

    #[test]
    fn merge_by_start_is_a_stable_sort_by_start_then_layer() {
        let runs: [&[usize]; 3] = [&[0, 0, 4, 9], &[0, 2, 4, 4, 12], &[1, 4, 9]];
        let hits = |layer: Layer, run: &[usize], first: usize| -> Vec<Hit> {
            (run.iter().enumerate())
                .map(|(k, &start)| Hit {
                    layer,
                    pattern: first + k,
                    start,
                    end: start + 1,
                })
                .collect()
        };
        let runs = [
            hits(Layer::Names, runs[0], 0),
            hits(Layer::Terms, runs[1], 10),
            hits(Layer::Cues, runs[2], 20),
        ];
        let mut want: Vec<Hit> = runs.concat();
        want.sort_by_key(|h| (h.start, h.layer as u8));
        assert_eq!(merge_by_start(runs), want);
    }

    /// What `longest_first` must do, the plain way: every hit by length, then text
    /// order, kept unless it covers text a kept hit took, or on a kept hit's span.
    fn longest_first_by_bytes(hits: &[Hit]) -> Vec<Hit> {
        let mut order: Vec<usize> = (0..hits.len()).collect();
        order.sort_by_key(|&k| (std::cmp::Reverse(hits[k].end - hits[k].start), k));
        let mut taken = vec![false; hits.iter().map(|h| h.end).max().unwrap_or(0)];
        let mut keep = vec![false; hits.len()];
        for k in order {
            let h = hits[k];
            let tie = (0..hits.len())
                .any(|o| keep[o] && (hits[o].start, hits[o].end) == (h.start, h.end));
            if tie || !taken[h.start..h.end].iter().any(|&t| t) {
                taken[h.start..h.end].iter_mut().for_each(|t| *t = true);
                keep[k] = true;
            }
        }
        (0..hits.len())
            .filter(|&k| keep[k])
            .map(|k| hits[k])
            .collect()
    }

    #[test]
    fn longest_first_settles_overlaps_as_taking_bytes_does() {
        let spans: &[&[(usize, usize)]] = &[
            &[],
            &[(0, 3)],
            &[(0, 3), (4, 7)],
            &[(0, 3), (0, 7), (4, 7)],
            &[(0, 5), (0, 5), (2, 5)],
            &[(0, 4), (2, 6), (4, 8), (6, 10)],
            &[(0, 4), (2, 7), (5, 9)],
            &[(0, 2), (0, 6), (1, 3), (3, 9), (8, 12), (10, 12)],
            &[(0, 3), (2, 5), (2, 5), (4, 7), (9, 10)],
        ];
        for spans in spans {
            let hits: Vec<Hit> = spans
                .iter()
                .enumerate()
                .map(|(pattern, &(start, end))| Hit {
                    layer: Layer::Names,
                    pattern,
                    start,
                    end,
                })
                .collect();
            let mut got = Vec::new();
            longest_first(&hits, &mut got);
            assert_eq!(got, longest_first_by_bytes(&hits), "{spans:?}");
        }
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
