//! Tokens with what people extraction needs to know of each word, and the runs of
//! capitalised words that may name someone.

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{TitleKind, WordInfo, lexicon, word_key};
use crate::extract::gazetteer::name_key;
use crate::extract::text::{self, Word};

/// Lowercase words that may sit inside a name: "Bill de Blasio", "Mohammed bin Salman".
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von", "der", "den", "ter",
    "la", "le", "bin", "ibn", "bint", "al", "el", "y", "zu", "af",
];

/// Whether a word, in any case, is a name particle: "Le Pen", "De Blasio".
pub fn is_particle_word(key: &str) -> bool {
    PARTICLES.contains(&key)
}

/// Lowercase prefixes joined by a hyphen to a capitalised name: "al-Assad".
const HYPHEN_PARTICLES: &[&str] = &["al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin"];

pub const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    /// End of the name part: a possessive "'s" or "'" is left out.
    pub end: usize,
    /// End of the word as written.
    pub raw_end: usize,
    pub text: &'a str,
    /// The lookup form ([`word_key`]), borrowed when the word is already in it.
    pub key: Cow<'a, str>,
    /// Starts with a capital (or is "al-Assad").
    pub cap: bool,
    /// All capitals, two letters or more, not initials ("ISIS", "U.N.").
    pub acronym: bool,
    /// One capital letter, or capitals each followed by a period ("J.R.").
    pub initial: bool,
    pub possessive: bool,
    /// First word of a sentence, a quote, or after a colon or dash.
    pub sent_start: bool,
    /// Whether this word can continue a name begun by the word before it.
    pub joins_prev: bool,
    /// The word ran into the next one and was cut ("TrumpGOP").
    pub cut: bool,
    /// What the word lists say of `key`, looked up when the token is made for any word
    /// but a plain lowercase one (most words, and seldom asked about).
    info: Option<WordInfo>,
    /// A plain lowercase word of up to eight bytes as one number ([`packed`]), else 0:
    /// [`LowerWords`] looks these up without hashing text.
    packed: u64,
}

impl Tok<'_> {
    /// What the word lists say of the word's key.
    pub fn info(&self) -> WordInfo {
        self.info.unwrap_or_else(|| lexicon().info(&self.key))
    }

    pub fn is_particle(&self) -> bool {
        !self.cap && PARTICLES.contains(&self.text)
    }

    pub fn is_suffix(&self) -> bool {
        SUFFIXES.contains(&self.key.as_ref())
    }

    /// [`name_key`] of the word, borrowed from `key` when the word is ASCII letters and
    /// digits alone: both keys are then the word in lower case.
    pub fn name_key(&self) -> Cow<'_, str> {
        if self.text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Cow::Borrowed(&self.key)
        } else {
            Cow::Owned(name_key(self.text))
        }
    }
}

/// [`name_key`] of the text of the tokens `r` of `text`, borrowed when it is one word
/// ([`Tok::name_key`]).
pub fn span_name_key<'t>(toks: &'t [Tok<'_>], r: Range<usize>, text: &str) -> Cow<'t, str> {
    if r.len() == 1 {
        toks[r.start].name_key()
    } else {
        Cow::Owned(name_key(&text[toks[r.start].start..toks[r.end - 1].end]))
    }
}

/// Tokenise `text`. `headline` marks every word as a sentence start, since a
/// headline's capitals say little.
pub fn tokens<'a>(text: &'a str, headline: bool) -> Vec<Tok<'a>> {
    let words = merge_combining(text, text::words(text));
    let sentence_starts: Vec<usize> = if headline {
        Vec::new()
    } else {
        text::sentences(text).into_iter().map(|r| r.start).collect()
    };
    let mut si = 0;
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(words.len());
    // Where the last word ended, as written.
    let mut prev_end = 0;
    for w in &words {
        let mut sent_start = headline || out.is_empty();
        while si < sentence_starts.len() && sentence_starts[si] <= w.start {
            // The first word at or after a sentence's start begins it.
            if prev_end <= sentence_starts[si] {
                sent_start = true;
            }
            si += 1;
        }
        // The gap since the last word, as bytes: a single space, the usual gap, needs
        // no look at its characters.
        let gap = &text.as_bytes()[prev_end..w.start];
        if !sent_start && gap != b" " && gap_starts_sentence(&text[prev_end..w.start]) {
            sent_start = true;
        }
        let tok = token(text, w, gap, out.last(), sent_start);
        prev_end = tok.raw_end;
        out.push(tok);
    }
    out
}

/// Whether the text between two words opens a sentence: a line break, or an opening
/// quote, bracket, colon or dash before the word.
fn gap_starts_sentence(gap: &str) -> bool {
    gap.trim_end()
        .ends_with(['"', '“', '‘', ':', '(', '—', '–', '[', '…'])
        || gap.contains('\n')
}

/// Join words that a combining accent split ("Rau" + U+0301 + "l" is "Raúl" written
/// with a decomposed accent).
fn merge_combining<'a>(text: &'a str, mut words: Vec<Word<'a>>) -> Vec<Word<'a>> {
    // U+0300..U+036F all start with byte 0xCC or 0xCD in UTF-8; most texts have none.
    // Looked for in blocks, which the compiler can do many bytes at a time.
    let has_combining = text
        .as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |any, &b| any | (b & 0xFE == 0xCC)));
    if !has_combining {
        return words;
    }
    words.dedup_by(|w, last| {
        // U+0300..U+036F all start with byte 0xCC or 0xCD in UTF-8.
        let joined = last.end < w.start
            && matches!(text.as_bytes()[last.end], 0xCC | 0xCD)
            && text[last.end..w.start].chars().all(is_combining);
        if joined {
            last.end = w.end;
            last.text = &text[last.start..w.end];
        }
        joined
    });
    words
}

pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn token<'a>(
    text: &'a str,
    w: &Word<'a>,
    gap: &[u8],
    prev: Option<&Tok<'a>>,
    sent_start: bool,
) -> Tok<'a> {
    let mut end = w.end;
    let mut possessive = false;
    // Every possessive ends in "s" or "S": most words need no closer look.
    let ends_in_s = matches!(w.text.as_bytes().last(), Some(b's' | b'S'));
    if ends_in_s {
        for s in ["'s", "’s", "'S", "’S"] {
            if w.text.len() > s.len() + 1 && w.text.ends_with(s) {
                end -= s.len();
                possessive = true;
                break;
            }
        }
    }
    // "Davis' plan": a bare apostrophe after the word.
    if ends_in_s && !possessive && w.text.ends_with('s') {
        let mut after = text[w.end..].chars();
        possessive = matches!(after.next(), Some('\'' | '’'))
            && !after.next().is_some_and(char::is_alphanumeric);
    }
    // Most words are plain lowercase: no capitals, initials, run-together names or
    // hyphenated tails to look at.
    let plain_bytes = &w.text.as_bytes()[..end - w.start];
    // Packed as it is read, the way [`packed`] does.
    let mut packed = 0u64;
    let mut plain = true;
    for &b in plain_bytes {
        if !PLAIN[usize::from(b)] {
            plain = false;
            break;
        }
        packed = packed << 8 | u64::from(b);
    }
    if plain {
        let plain = &w.text[..end - w.start];
        return Tok {
            start: w.start,
            end,
            raw_end: w.end,
            text: plain,
            key: Cow::Borrowed(plain),
            cap: false,
            acronym: false,
            initial: false,
            possessive,
            sent_start,
            joins_prev: joins_prev(prev, gap),
            cut: false,
            info: None,
            packed: if plain_bytes.len() <= 8 { packed } else { 0 },
        };
    }
    // Run-together words from web pages ("McConnellGOP", "TrumpKamala"): keep the
    // first word.
    let mut cut = false;
    let mut junk = false;
    if let Some(at) = camel_break(&text[w.start..end]) {
        let (head, tail) = text[w.start..end].split_at(at);
        // "BSkyB": capitals run together are a brand.
        let shouting_head = head.chars().take(2).all(char::is_uppercase);
        let lex = lexicon();
        let tail_key = word_key(tail);
        let known_head = !crate::extract::gazetteer::surname_hits(&name_key(head)).is_empty();
        let compound_first = lex.is_first_name(&word_key(head)) && lex.is_first_name(&tail_key);
        if shouting_head {
            junk = true;
        } else if compound_first {
            // "RoseAnn", "LeeAnn": one first name.
        } else if known_head
            || tail.chars().all(|c| c.is_uppercase())
            || lex.is_first_name(&tail_key)
            || !crate::extract::gazetteer::surname_hits(&name_key(tail)).is_empty()
        {
            end = w.start + at;
            possessive = false;
            cut = true;
        } else {
            // "BuzzFeed", "PolitiFact": a brand, not a name.
            junk = true;
        }
    }
    // "Bush-style", "Obama-era": the name before the hyphen.
    if !cut && w.text.as_bytes()[..end - w.start].contains(&b'-') {
        for tail in [
            "-style", "-era", "-esque", "-like", "-led", "-backed", "-linked", "-type",
        ] {
            if !cut && end - w.start > tail.len() + 1 && text[w.start..end].ends_with(tail) {
                end -= tail.len();
                possessive = false;
                cut = true;
            }
        }
    }
    let t = &text[w.start..end];
    let key = fast_key(t);
    let info = lexicon().info(&key);
    let first = t.chars().next().unwrap_or(' ');
    let (letters, upper) = case_counts(t);
    let initial = (letters == 1 && first.is_uppercase())
        || (letters >= 2
            && upper == letters
            && t.split('.')
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1)
            && t.contains('.'));
    let cap = first.is_uppercase()
        || t.split_once('-').is_some_and(|(p, rest)| {
            HYPHEN_PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
        });
    // "U.S.", "U.N." are places and bodies, not initials.
    let initial = initial && (letters == 1 || !info.is_not_person());
    // "George HW Bush": two capitals that are no known word are initials.
    let initial = initial
        || (letters == 2
            && upper == 2
            && t.chars().count() == 2
            && !info.is_not_person()
            && !info.is_common());
    let acronym = (letters >= 2 && upper == letters && !initial) || junk;
    let joins_prev = joins_prev(prev, gap);
    Tok {
        start: w.start,
        end,
        raw_end: w.end,
        text: t,
        key,
        cap,
        acronym,
        initial,
        possessive,
        sent_start,
        joins_prev,
        cut,
        info: Some(info),
        packed: 0,
    }
}

/// The bytes of a plain lowercase word: ASCII lowercase letters, digits, apostrophes.
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'\'';
        b += 1;
    }
    table
};

/// [`letter_counts`] as far as a token needs it: whether a word has one letter, two,
/// or only capitals. A word that opens with a capital and a lowercase letter
/// ("Trump", most capitalised words) has none of those and counts as (2, 1) unread.
fn case_counts(t: &str) -> (usize, usize) {
    match t.as_bytes() {
        [a, b, ..] if a.is_ascii_uppercase() && b.is_ascii_lowercase() => (2, 1),
        _ => letter_counts(t),
    }
}

/// How many letters `t` has, and how many of them are capitals.
fn letter_counts(t: &str) -> (usize, usize) {
    if t.is_ascii() {
        return t.bytes().fold((0, 0), |(letters, upper), b| {
            (
                letters + usize::from(b.is_ascii_alphabetic()),
                upper + usize::from(b.is_ascii_uppercase()),
            )
        });
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (letters, t.chars().filter(|c| c.is_uppercase()).count())
}

/// Whether a word can continue a name begun by `prev`, given the bytes between them.
#[inline]
fn joins_prev(prev: Option<&Tok<'_>>, gap: &[u8]) -> bool {
    match prev {
        None => false,
        Some(p) if p.possessive || p.cut => false,
        Some(p) => {
            gap == b" "
                || gap == "\u{a0}".as_bytes()
                || (gap == b". "
                    && (p.initial
                        || p.info().title().is_some_and(|i| i.kind == TitleKind::Abbr)
                        || p.key == "st"))
        }
    }
}

/// [`word_key`] without an allocation for the common case: a plain lowercase word.
fn fast_key(t: &str) -> Cow<'_, str> {
    if t.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'')
    {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(word_key(t))
    }
}

/// Where a capitalised word runs into another ("TrumpGOP" -> 4), if it does. Names
/// with inner capitals ("McConnell", "DeSantis", "LeBron", "DiCaprio") do not count.
fn camel_break(t: &str) -> Option<usize> {
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Fitz",
    ];
    let mut prev_lower = false;
    if t.is_ascii() {
        // The same walk over bytes, with no characters to decode.
        for (i, &b) in t.as_bytes().iter().enumerate() {
            if b.is_ascii_uppercase() && prev_lower && !PREFIXES.contains(&&t[..i]) {
                return Some(i);
            }
            prev_lower = b.is_ascii_lowercase();
            if matches!(b, b'-' | b'\'' | b'.') {
                return None;
            }
        }
        return None;
    }
    for (i, c) in t.char_indices() {
        if c.is_uppercase() && prev_lower && !PREFIXES.contains(&&t[..i]) {
            return Some(i);
        }
        prev_lower = c.is_lowercase();
        if matches!(c, '-' | '\'' | '’' | '.') {
            return None;
        }
    }
    None
}

/// The lowercase words of the text, to tell common words capitalised at a sentence's
/// start ("Both") from names: whether a word is written in lower case somewhere.
///
/// Only keys of the article's tokens and of its headline's are asked about, and most
/// of those are plain lowercase words, which are their own answer. So only the other
/// keys are looked for in the text: those of up to eight bytes ("the", "both", the
/// most common by far) as numbers in a small table, longer ones in a set of the words
/// with the length and first byte of one.
pub struct LowerWords<'a> {
    /// The short keys of tokens that are not plain lowercase words, body or headline,
    /// marked when written in lower case.
    short: ShortKeys,
    /// Bit (length, first byte) is set for each longer such key.
    long_shapes: Box<[u64; 128]>,
    long: HashSet<&'a str>,
}

impl<'a> LowerWords<'a> {
    pub fn new(toks: &[Tok<'a>], headline: &[Tok<'_>]) -> Self {
        let asked = toks
            .iter()
            .filter(|t| t.info.is_some())
            .chain(headline)
            .map(|t| t.key.as_ref());
        let mut short = Vec::new();
        let mut long_shapes = Box::new([0u64; 128]);
        for key in asked {
            match packed(key) {
                Some(n) => short.push(n),
                None => {
                    let bit = shape(key);
                    long_shapes[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        let mut short = ShortKeys::new(&short);
        let mut long = HashSet::default();
        for t in toks {
            if t.packed != 0 {
                // A plain word, all ASCII.
                if t.text.as_bytes()[0].is_ascii_lowercase() {
                    short.mark(t.packed);
                }
                continue;
            }
            if !starts_lowercase(t.text) {
                continue;
            }
            match packed(t.text) {
                Some(n) => short.mark(n),
                None => {
                    let bit = shape(t.text);
                    if long_shapes[bit / 64] & (1 << (bit % 64)) != 0 {
                        long.insert(t.text);
                    }
                }
            }
        }
        LowerWords {
            short,
            long_shapes,
            long,
        }
    }

    /// Whether `key`, the key of one of the tokens or headline tokens this was made
    /// from, is written in lower case somewhere in the text.
    pub fn contains(&self, key: &str) -> bool {
        let asked = match packed(key) {
            Some(n) => self.short.marked(n),
            None => {
                let bit = shape(key);
                (self.long_shapes[bit / 64] & (1 << (bit % 64)) != 0)
                    .then(|| self.long.contains(key))
            }
        };
        // Not the key of any other kind of token: a plain lowercase word's, which is
        // its own text. It is written in lower case if it starts with a letter.
        asked.unwrap_or_else(|| starts_lowercase(key))
    }
}

/// A set of numbers, each with a mark: open addressing in a table a power of two long
/// and at most half full, so that a number not in it is told after a probe or two.
struct ShortKeys {
    /// The numbers; zero, which [`packed`] never gives, is an empty slot.
    slots: Vec<u64>,
    marks: Vec<bool>,
    shift: u32,
}

impl ShortKeys {
    fn new(keys: &[u64]) -> ShortKeys {
        let bits = (keys.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut set = ShortKeys {
            slots: vec![0; 1 << bits],
            marks: vec![false; 1 << bits],
            shift: 64 - bits,
        };
        for &k in keys {
            let i = set.find(k);
            set.slots[i] = k;
        }
        set
    }

    /// The slot that holds `k`, or the empty one where it would go.
    fn find(&self, k: u64) -> usize {
        let mask = self.slots.len() - 1;
        // Fibonacci hashing: the top bits of the product.
        let mut i = (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while self.slots[i] != k && self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    /// Mark `k` if it is in the set.
    fn mark(&mut self, k: u64) {
        let i = self.find(k);
        if self.slots[i] == k {
            self.marks[i] = true;
        }
    }

    /// Whether `k` is marked; `None` if it is not in the set.
    fn marked(&self, k: u64) -> Option<bool> {
        let i = self.find(k);
        (self.slots[i] == k).then_some(self.marks[i])
    }
}

/// The bit of a word's (length, first byte) in [`LowerWords::long_shapes`].
fn shape(w: &str) -> usize {
    w.len().min(31) << 8 | usize::from(w.as_bytes().first().copied().unwrap_or(0))
}

/// A word of one to eight bytes as a number, one to one: no word has a zero byte, so
/// the zeros that pad it say where it ends.
fn packed(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 8 || b.contains(&0) {
        return None;
    }
    Some(b.iter().fold(0, |n, &c| n << 8 | u64::from(c)))
}

fn starts_lowercase(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.chars().next().is_some_and(char::is_lowercase),
    }
}

/// Runs of words that may be one name, titles included: capitalised words joined by
/// single spaces, initials, particles between capitalised words, "of" inside a title
/// ("Secretary of State Rex Tillerson"), a suffix ("Jr.", "III"). A possessive ends a
/// run. Acronyms are left out unless `all_caps` (a shouted headline).
pub fn runs(toks: &[Tok<'_>], all_caps: bool) -> Vec<Range<usize>> {
    let name_word = |t: &Tok<'_>| t.cap && (all_caps || !t.acronym || t.initial);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            if toks[j].possessive {
                break;
            }
            let next = j + 1;
            let Some(n) = toks.get(next) else { break };
            if !n.joins_prev {
                break;
            }
            if name_word(n) || (n.acronym && n.is_suffix()) {
                j = next;
                continue;
            }
            if let Some(m) = toks.get(next + 1)
                && m.joins_prev
                && name_word(m)
            {
                if n.is_particle() {
                    j = next + 1;
                    continue;
                }
                let all_titles = toks[start..=j].iter().all(|t| {
                    let info = t.info();
                    info.title().is_some() || info.is_demonym() || t.key == "us"
                });
                if n.text == "of" && all_titles {
                    j = next + 1;
                    continue;
                }
            }
            break;
        }
        split_at_first_names(toks, start..j + 1, &mut out);
        i = j + 1;
    }
    out
}

/// Split a run where a known first name follows a capitalised word that is neither a
/// first name, an initial, a particle nor a title: "Director of National Intelligence
/// James Clapper", "Hurricane Sandy", "Trump Donald John Trump".
fn split_at_first_names(toks: &[Tok<'_>], run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let lex = lexicon();
    let mut start = run.start;
    for q in run.start + 1..run.end {
        let (p, t) = (&toks[q - 1], &toks[q]);
        let (pi, ti) = (p.info(), t.info());
        let splits = ti.is_first_name()
            && !ti.is_common()
            && !t.is_suffix()
            && p.cap
            && !p.initial
            && !pi.is_first_name()
            && pi.title().is_none()
            && lex.phrase_at(&[p.key.as_ref(), t.key.as_ref()]) < 2
            // "Ashton Carter": a leader's name is no place to split.
            && crate::extract::gazetteer::by_name(&name_key(&format!("{} {}", p.text, t.text)))
                .is_empty()
            && (q + 1 < run.end
                || pi.is_not_person()
                || !crate::extract::gazetteer::surname_hits(&name_key(p.text)).is_empty())
            && !toks[start..q].iter().all(|t| {
                let info = t.info();
                !t.cap || info.title().is_some() || info.is_not_person()
            });
        if splits {
            out.push(start..q);
            start = q;
        }
    }
    out.push(start..run.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(text: &str) -> Vec<String> {
        let toks = tokens(text, false);
        runs(&toks, false)
            .into_iter()
            .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn runs_of_capitalised_words() {
        let rows: &[(&str, &[&str])] = &[
            (
                "President George W. Bush spoke.",
                &["President George W. Bush"],
            ),
            ("J. R. Whitfield said so.", &["J. R. Whitfield"]),
            ("Mr. Putin's plan", &["Mr. Putin"]),
            ("Mayor Bill de Blasio left", &["Mayor Bill de Blasio"]),
            (
                "Crown Prince Mohammed bin Salman met",
                &["Crown Prince Mohammed bin Salman"],
            ),
            (
                "President Bashar al-Assad of Syria",
                &["President Bashar al-Assad", "Syria"],
            ),
            ("the U.N. Security Council met", &["Security Council"]),
            (
                "Secretary of State Rex Tillerson said",
                &["Secretary of State Rex Tillerson"],
            ),
            ("Martin Luther King Jr. was", &["Martin Luther King Jr"]),
            ("Trump. Putin", &["Trump", "Putin"]),
            (
                "Director of National Intelligence James Clapper",
                &["Director of National Intelligence James Clapper"],
            ),
            ("said Hurricane Sandy hit", &["Hurricane Sandy"]),
            (
                "Mitch McConnell Addison (Mitch)",
                &["Mitch McConnell", "Addison", "Mitch"],
            ),
            (
                "Leader Mitch McConnellGOP senators",
                &["Leader Mitch McConnell"],
            ),
            (
                "Trump Donald John TrumpGOP senators",
                &["Trump", "Donald John Trump"],
            ),
            (
                "LeBron James and Ron DeSantis",
                &["LeBron James", "Ron DeSantis"],
            ),
            ("in Moscow, Putin said", &["Moscow", "Putin"]),
            (
                "Rep. Alexandria Ocasio-Cortez",
                &["Rep. Alexandria Ocasio-Cortez"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(run_texts(text), *want, "{text}");
        }
    }

    #[test]
    fn token_name_keys_equal_name_key_of_the_text() {
        let text = "Trump, Erdoğan, al-Assad, O'Rourke, U.S., McCONNELL, Jae‐in and 2020 \
                    Trump's Le Pen J.R. Smith";
        let toks = tokens(text, false);
        for t in &toks {
            assert_eq!(t.name_key(), name_key(t.text), "{}", t.text);
        }
        for i in 0..toks.len() {
            for j in i + 1..=toks.len().min(i + 3) {
                let span = &text[toks[i].start..toks[j - 1].end];
                assert_eq!(span_name_key(&toks, i..j, text), name_key(span), "{span}");
            }
        }
    }

    #[test]
    fn letters_and_capitals_counted_alike_in_ascii_and_not() {
        let rows = [
            ("Trump", (5, 1)),
            ("U.S.", (2, 2)),
            ("HW", (2, 2)),
            ("al-Assad", (7, 1)),
            ("Erdoğan", (7, 1)),
            ("ÉLYSÉE", (6, 6)),
            ("F-35", (1, 1)),
            ("", (0, 0)),
        ];
        for (t, want) in rows {
            assert_eq!(letter_counts(t), want, "{t}");
        }
    }

    #[test]
    fn case_counts_tell_what_letter_counts_tell_a_token() {
        let words = [
            "Trump",
            "U.S.",
            "HW",
            "Ab",
            "AB",
            "A",
            "a",
            "McCONNELL",
            "Erdoğan",
            "ÉLYSÉE",
            "F-35",
            "al-Assad",
            "Jr",
            "III",
            "J.R.",
            "Ö",
            "Öz",
            "",
        ];
        for t in words {
            let (l, u) = letter_counts(t);
            let (cl, cu) = case_counts(t);
            assert_eq!(l == 1, cl == 1, "{t}");
            assert_eq!(l == 2 && u == 2, cl == 2 && cu == 2, "{t}");
            assert_eq!(l >= 2 && u == l, cl >= 2 && cu == cl, "{t}");
        }
    }

    #[test]
    fn camel_breaks_alike_in_ascii_and_not() {
        let rows = [
            ("McConnellGOP", Some(9)),
            ("TrumpKamala", Some(5)),
            ("McConnell", None),
            ("DeSantis", None),
            ("O'RourkeX", None),
            ("trumpGOP", None),
            ("BuzzFeed", Some(4)),
            ("ÉlyséeParis", Some(8)),
            ("Erdoğan", None),
        ];
        for (t, want) in rows {
            assert_eq!(camel_break(t), want, "{t}");
        }
    }

    #[test]
    fn lowercase_words_answer_as_a_set_of_every_lowercase_word() {
        let texts = [
            "Both men said. both of them, The the THE and Both. Trump met trump",
            "\"Will you?\" will Smith asked. Al-Assad and al-Assad, Bin bin ibn",
            "Internationally, internationally; Über über ÜBER and 2020 '90s iPhone IPHONE",
            "Mary-Kate and mary-kate. Ms. ms McCONNELL mcconnell sen Sen. Erdoğan erdoğan",
        ];
        for text in texts {
            let toks = tokens(text, false);
            let head = tokens("BOTH Trump Says Will Über-Alles", true);
            let lower = LowerWords::new(&toks, &head);
            let every: HashSet<&str> = toks
                .iter()
                .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
                .map(|t| t.text)
                .collect();
            for t in toks.iter().chain(&head) {
                let key = t.key.as_ref();
                assert_eq!(
                    lower.contains(key),
                    every.contains(key),
                    "{key:?} in {text}"
                );
            }
        }
    }

    #[test]
    fn plain_tokens_carry_their_packed_form() {
        for t in tokens("the a internationally 2020 o'clock they're Trump", false) {
            let want = if t.info.is_none() {
                packed(t.text)
            } else {
                None
            };
            assert_eq!((t.packed != 0).then_some(t.packed), want, "{}", t.text);
        }
    }

    #[test]
    fn sentence_gaps() {
        let rows = [
            (" ", false),
            (", ", false),
            (". ", false),
            (" \"", true),
            (" “", true),
            (": ", true),
            (" — ", true),
            ("\n\n", true),
            (" (", true),
        ];
        for (gap, want) in rows {
            assert_eq!(gap_starts_sentence(gap), want, "{gap:?}");
        }
    }

    #[test]
    fn words_split_by_a_combining_accent_are_one() {
        let text = "Rau\u{301}\u{301}l and Jose\u{301} met";
        let words = vec![
            Word {
                start: 0,
                end: 3,
                text: "Rau",
            },
            Word {
                start: 7,
                end: 8,
                text: "l",
            },
            Word {
                start: 9,
                end: 12,
                text: "and",
            },
            Word {
                start: 13,
                end: 17,
                text: "Jose",
            },
            Word {
                start: 20,
                end: 23,
                text: "met",
            },
        ];
        let merged: Vec<&str> = merge_combining(text, words)
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(merged, ["Rau\u{301}\u{301}l", "and", "Jose", "met"]);
    }

    #[test]
    fn curly_apostrophe_after_plural_is_not_a_char_boundary_panic() {
        let toks = tokens("the teachers’ jobs and Davis’ aide", false);
        assert!(toks.iter().any(|t| t.text == "Davis" && t.possessive));
    }

    #[test]
    fn token_flags() {
        let text = "\"Both men,\" said Davis' aide. ISIS and J.R. Smith's team";
        let toks = tokens(text, false);
        let get = |w: &str| toks.iter().find(|t| t.text == w).unwrap();
        assert!(get("Both").sent_start);
        assert!(get("Davis").possessive);
        assert!(get("ISIS").acronym);
        assert!(get("J.R.").initial);
        assert!(get("Smith").possessive);
        assert!(!get("aide").sent_start);
    }
}
