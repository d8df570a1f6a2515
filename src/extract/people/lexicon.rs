//! The word lists people extraction reads: first names with their gender, titles and
//! role nouns, countries and demonyms, capitalised words that are not people, words
//! that make a name an organisation's, and common sentence-starting words.
//!
//! Each is a plain file under `data/`, compiled in and parsed once. Lookups use
//! [`word_key`]: lowercase, without diacritics or periods.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::extract::Gender;
use crate::extract::gazetteer::push_folded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// "Mr", "Sen", "Dr": abbreviations, with or without their period.
    Abbr,
    /// "President", "Chancellor", "King".
    Title,
    /// A lowercase role noun right before a name: "spokeswoman".
    Noun,
    /// Qualifies a title: "Prime", "Vice", "Foreign".
    Mod,
}

#[derive(Debug, Clone, Copy)]
pub struct TitleInfo {
    pub gender: Option<Gender>,
    pub kind: TitleKind,
}

/// Everything the lists say of one lookup key, so that one hash lookup answers every
/// question a caller has about a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    male: bool,
    female: bool,
    title: Option<TitleInfo>,
    /// A role noun, keyed by the lowercase text as written (titles.tsv's "noun" rows).
    noun: Option<TitleInfo>,
    /// [`Lexicon::role_noun`]: the noun, or a title written in lower case.
    role_noun: Option<TitleInfo>,
    org: Option<bool>,
    not_person: bool,
    common: bool,
    common_surname: bool,
    /// The country this is a name of.
    /// (Indices are small: they keep the info, which every capitalised token carries,
    /// small too.)
    country: Option<u16>,
    /// Index into the demonyms' countries.
    demonym: Option<u16>,
    /// Index into the multi-word not-a-person phrases this word starts.
    phrases: Option<u16>,
}

impl WordInfo {
    /// The gender a first name tells, if the name is known: `Some(None)` for names
    /// given to both.
    pub fn first_name(&self) -> Option<Option<Gender>> {
        match (self.male, self.female) {
            (true, false) => Some(Some(Gender::Male)),
            (false, true) => Some(Some(Gender::Female)),
            (true, true) => Some(None),
            (false, false) => None,
        }
    }

    pub fn is_first_name(&self) -> bool {
        self.male || self.female
    }

    pub fn title(&self) -> Option<TitleInfo> {
        self.title
    }

    pub fn role_noun(&self) -> Option<TitleInfo> {
        self.role_noun
    }

    pub fn org_word(&self) -> Option<bool> {
        self.org
    }

    pub fn is_not_person(&self) -> bool {
        self.not_person
    }

    pub fn is_common(&self) -> bool {
        self.common
    }

    pub fn is_demonym(&self) -> bool {
        self.demonym.is_some()
    }

    /// A country's name or demonym ("russia", "russian", "us").
    pub fn is_country_word(&self) -> bool {
        self.country.is_some() || self.demonym.is_some()
    }
}

pub struct Lexicon {
    /// Every key any list has, with all the lists say of it.
    words: HashMap<String, WordInfo>,
    /// Multi-word not-a-person phrases, by [`WordInfo::phrases`]: the rest of each
    /// phrase after its first word.
    phrases: Vec<Vec<Vec<String>>>,
    /// Demonyms' countries, by [`WordInfo::demonym`] ("Congolese" names two).
    demonyms: Vec<Vec<usize>>,
    /// Each country's names, as role-title keys ("united states", "us").
    country_names: Vec<Vec<String>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The lookup form of one word: lowercase, no diacritics, no periods, curly
/// apostrophes made straight. "U.S." -> "us", "Erdoğan" -> "erdogan".
pub fn word_key(w: &str) -> String {
    // Most words are ASCII without periods: only lowercased.
    if w.bytes().all(|b| b.is_ascii() && b != b'.') {
        return w.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '.' => {}
            '’' | '‘' => out.push('\''),
            '‐' | '‑' => out.push('-'),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => {
                for l in c.to_lowercase() {
                    push_folded(&mut out, l);
                }
            }
        }
    }
    out
}

/// An index into one of the lists' tables, which stay far below 65,536 entries.
fn small_index(i: usize) -> u16 {
    u16::try_from(i).expect("a word list's table outgrew u16 indices")
}

fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split('|'))
        .map(str::trim)
        .filter(|e| !e.is_empty())
}

fn names(text: &str) -> HashSet<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(word_key)
        .collect()
}

fn phrase_key(p: &str) -> Vec<String> {
    p.split_whitespace().map(word_key).collect()
}

/// Words that are titles but also adjectives, so no role noun in lower case: "a major
/// Sufi shrine".
const ADJECTIVES: &[&str] = &[
    "general", "major", "private", "chief", "first", "special", "senior", "leader", "father",
    "brother", "sister", "lady", "lord", "king", "queen", "prince",
];

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            words: HashMap::default(),
            phrases: Vec::new(),
            demonyms: Vec::new(),
            country_names: Vec::new(),
        };
        for key in names(include_str!("../data/names_male.txt")) {
            lex.entry(key).male = true;
        }
        for key in names(include_str!("../data/names_female.txt")) {
            lex.entry(key).female = true;
        }
        for (n, line) in include_str!("../data/titles.tsv").lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() == 3, "titles.tsv line {}: want 3 fields", n + 1);
            let gender = match f[1] {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                "-" => None,
                g => panic!("titles.tsv line {}: gender {g:?}", n + 1),
            };
            let kind = match f[2] {
                "abbr" => TitleKind::Abbr,
                "title" => TitleKind::Title,
                "noun" => TitleKind::Noun,
                "mod" => TitleKind::Mod,
                k => panic!("titles.tsv line {}: kind {k:?}", n + 1),
            };
            let info = TitleInfo { gender, kind };
            if kind == TitleKind::Noun {
                lex.entry(f[0].to_string()).noun = Some(info);
            } else {
                lex.entry(word_key(f[0])).title = Some(info);
            }
        }
        for e in entries(include_str!("../data/org_words.txt")) {
            match e.strip_suffix('?') {
                Some(w) => lex.entry(word_key(w)).org = Some(false),
                None => lex.entry(word_key(e)).org = Some(true),
            };
        }
        for key in entries(include_str!("../data/common_words.txt")).map(word_key) {
            lex.entry(key).common = true;
        }
        for key in names(include_str!("../data/common_surnames.txt")) {
            lex.entry(key).common_surname = true;
        }
        for e in entries(include_str!("../data/not_people.txt")) {
            lex.add_not_person(e);
        }
        for (n, line) in include_str!("../data/countries.tsv").lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (names, demonyms) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("countries.tsv line {}: want 2 fields", n + 1));
            let i = lex.country_names.len();
            let mut keys = Vec::new();
            for name in names.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                lex.add_not_person(name);
                let key = phrase_key(name).join(" ");
                let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
                let entry = lex.entry(key.clone());
                if entry.country.is_none() {
                    entry.country = Some(small_index(i));
                }
                keys.push(key);
            }
            for d in demonyms.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                lex.add_not_person(d);
                let next = lex.demonyms.len();
                let entry = lex.entry(phrase_key(d).join(" "));
                let at = usize::from(*entry.demonym.get_or_insert(small_index(next)));
                if at == next {
                    lex.demonyms.push(Vec::new());
                }
                lex.demonyms[at].push(i);
            }
            lex.country_names.push(keys);
        }
        for (key, info) in lex.words.iter_mut() {
            info.role_noun = info.noun.or_else(|| {
                info.title
                    .filter(|i| i.kind == TitleKind::Title && !ADJECTIVES.contains(&key.as_str()))
            });
        }
        lex
    }

    fn entry(&mut self, key: String) -> &mut WordInfo {
        self.words.entry(key).or_default()
    }

    fn add_not_person(&mut self, e: &str) {
        let mut words = phrase_key(e);
        match words.len() {
            0 => {}
            1 => self.entry(words.swap_remove(0)).not_person = true,
            _ => {
                let next = self.phrases.len();
                let tail = words[1..].to_vec();
                let entry = self.entry(words.swap_remove(0));
                let at = usize::from(*entry.phrases.get_or_insert(small_index(next)));
                if at == next {
                    self.phrases.push(Vec::new());
                }
                self.phrases[at].push(tail);
            }
        }
    }

    /// All the lists say of `key` (nothing, for a word in none of them).
    pub fn info(&self, key: &str) -> WordInfo {
        self.words.get(key).copied().unwrap_or_default()
    }

    /// The gender a first name tells, if the name is known: `Some(None)` for names
    /// given to both.
    pub fn first_name(&self, key: &str) -> Option<Option<Gender>> {
        self.info(key).first_name()
    }

    pub fn is_first_name(&self, key: &str) -> bool {
        self.info(key).is_first_name()
    }

    pub fn title(&self, key: &str) -> Option<TitleInfo> {
        self.info(key).title
    }

    /// A lowercase role noun ("spokeswoman") or a title written in lowercase
    /// ("president", "contributor Tobin Smith"), but not a title that is also an
    /// adjective ("a major Sufi shrine").
    pub fn role_noun(&self, lower: &str) -> Option<TitleInfo> {
        self.info(lower).role_noun
    }

    /// `Some(true)` for a word that always makes a run an organisation's name,
    /// `Some(false)` for one that does unless a first name stands before it.
    pub fn org_word(&self, key: &str) -> Option<bool> {
        self.info(key).org
    }

    pub fn is_not_person(&self, key: &str) -> bool {
        self.info(key).not_person
    }

    /// The longest not-a-person phrase of two words or more that starts `keys`: how
    /// many words it covers.
    pub fn phrase_at(&self, keys: &[&str]) -> usize {
        let Some((first, rest)) = keys.split_first() else {
            return 0;
        };
        self.phrase_tails(self.info(first))
            .iter()
            .filter(|t| t.len() <= rest.len() && t.iter().zip(rest).all(|(a, b)| a == b))
            .map(|t| t.len() + 1)
            .max()
            .unwrap_or(0)
    }

    /// The rest of each not-a-person phrase a word with these lists starts.
    pub fn phrase_tails(&self, first: WordInfo) -> &[Vec<String>] {
        first
            .phrases
            .map_or(&[], |at| self.phrases[usize::from(at)].as_slice())
    }

    /// A surname too common to name a leader alone ("brown", "kim").
    pub fn is_common_surname(&self, key: &str) -> bool {
        self.info(key).common_surname
    }

    pub fn is_common(&self, key: &str) -> bool {
        self.info(key).common
    }

    /// The countries a demonym ("russian") or a country name ("russia", "us") stands
    /// for.
    pub fn countries(&self, key: &str) -> Vec<usize> {
        let info = self.info(key);
        if let Some(i) = info.country {
            return vec![usize::from(i)];
        }
        info.demonym
            .map(|d| self.demonyms[usize::from(d)].clone())
            .unwrap_or_default()
    }

    /// The names of a country as role-title keys ("united states", "us", "america").
    pub fn country_names(&self, i: usize) -> &[String] {
        &self.country_names[i]
    }

    /// A country's name or demonym ("russia", "russian", "us").
    pub fn is_country_word(&self, key: &str) -> bool {
        self.info(key).is_country_word()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys() {
        let rows = [
            ("Trump", "trump"),
            ("U.S.", "us"),
            ("Erdoğan", "erdogan"),
            ("O’Brien", "o'brien"),
            ("al-Assad", "al-assad"),
            ("Jae‐in", "jae-in"),
            ("ÉLYSÉE", "elysee"),
        ];
        for (input, want) in rows {
            assert_eq!(word_key(input), want, "{input}");
        }
    }

    #[test]
    fn lists_load() {
        let lex = lexicon();
        assert_eq!(lex.first_name("angela"), Some(Some(Gender::Female)));
        assert_eq!(lex.first_name("vladimir"), Some(Some(Gender::Male)));
        assert_eq!(lex.first_name("leslie"), Some(None));
        assert!(lex.is_not_person("thanksgiving"));
        assert!(lex.is_not_person("crimean"));
        assert!(lex.is_not_person("syria"));
        assert_eq!(lex.phrase_at(&["white", "house", "readout"]), 2);
        assert_eq!(lex.phrase_at(&["middle", "east"]), 2);
        assert_eq!(lex.org_word("council"), Some(true));
        assert_eq!(lex.org_word("hall"), Some(false));
        assert!(lex.title("sen").is_some());
        assert!(lex.role_noun("spokeswoman").is_some());
        assert_eq!(lex.countries("russian").len(), 1);
        assert_eq!(lex.countries("us"), lex.countries("american"));
        assert!(lex.is_common("both"));
    }
}
