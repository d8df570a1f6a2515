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

pub struct Lexicon {
    male: HashSet<String>,
    female: HashSet<String>,
    titles: HashMap<String, TitleInfo>,
    /// Role nouns, looked up in lowercase text.
    nouns: HashMap<String, TitleInfo>,
    /// Strong org words (true) and weak ones (false, also common surnames).
    org_words: HashMap<String, bool>,
    /// Single-word entries of not_people.txt and every country name and demonym.
    not_people: HashSet<String>,
    /// Multi-word entries, by their first word: the rest of each phrase.
    phrases: HashMap<String, Vec<Vec<String>>>,
    common: HashSet<String>,
    common_surnames: HashSet<String>,
    /// Country names (word_key of each word joined by spaces) -> country index.
    country_by_name: HashMap<String, usize>,
    /// Demonyms -> country indices ("Congolese" names two countries).
    country_by_demonym: HashMap<String, Vec<usize>>,
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

impl Lexicon {
    fn load() -> Lexicon {
        let male = names(include_str!("../data/names_male.txt"));
        let female = names(include_str!("../data/names_female.txt"));
        let mut titles = HashMap::default();
        let mut nouns = HashMap::default();
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
                nouns.insert(f[0].to_string(), info);
            } else {
                titles.insert(word_key(f[0]), info);
            }
        }
        let mut org_words = HashMap::default();
        for e in entries(include_str!("../data/org_words.txt")) {
            match e.strip_suffix('?') {
                Some(w) => org_words.insert(word_key(w), false),
                None => org_words.insert(word_key(e), true),
            };
        }
        let mut lex = Lexicon {
            male,
            female,
            titles,
            nouns,
            org_words,
            not_people: HashSet::default(),
            phrases: HashMap::default(),
            common: entries(include_str!("../data/common_words.txt"))
                .map(word_key)
                .collect(),
            common_surnames: names(include_str!("../data/common_surnames.txt")),
            country_by_name: HashMap::default(),
            country_by_demonym: HashMap::default(),
            country_names: Vec::new(),
        };
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
                lex.country_by_name.entry(key.clone()).or_insert(i);
                keys.push(key);
            }
            for d in demonyms.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                lex.add_not_person(d);
                let v = lex
                    .country_by_demonym
                    .entry(phrase_key(d).join(" "))
                    .or_default();
                v.push(i);
            }
            lex.country_names.push(keys);
        }
        lex
    }

    fn add_not_person(&mut self, e: &str) {
        let words = phrase_key(e);
        match words.len() {
            0 => {}
            1 => {
                self.not_people.insert(words[0].clone());
            }
            _ => self
                .phrases
                .entry(words[0].clone())
                .or_default()
                .push(words[1..].to_vec()),
        }
    }

    /// The gender a first name tells, if the name is known: `Some(None)` for names
    /// given to both.
    pub fn first_name(&self, key: &str) -> Option<Option<Gender>> {
        match (self.male.contains(key), self.female.contains(key)) {
            (true, false) => Some(Some(Gender::Male)),
            (false, true) => Some(Some(Gender::Female)),
            (true, true) => Some(None),
            (false, false) => None,
        }
    }

    pub fn is_first_name(&self, key: &str) -> bool {
        self.male.contains(key) || self.female.contains(key)
    }

    pub fn title(&self, key: &str) -> Option<TitleInfo> {
        self.titles.get(key).copied()
    }

    /// A lowercase role noun ("spokeswoman") or a title written in lowercase
    /// ("president").
    pub fn role_noun(&self, lower: &str) -> Option<TitleInfo> {
        self.nouns.get(lower).copied().or_else(|| {
            // "contributor Tobin Smith": a title written in lower case.
            // Not the ones that are also adjectives: "a major Sufi shrine".
            const ADJECTIVES: &[&str] = &[
                "general", "major", "private", "chief", "first", "special", "senior", "leader",
                "father", "brother", "sister", "lady", "lord", "king", "queen", "prince",
            ];
            self.titles
                .get(lower)
                .copied()
                .filter(|i| i.kind == TitleKind::Title && !ADJECTIVES.contains(&lower))
        })
    }

    /// `Some(true)` for a word that always makes a run an organisation's name,
    /// `Some(false)` for one that does unless a first name stands before it.
    pub fn org_word(&self, key: &str) -> Option<bool> {
        self.org_words.get(key).copied()
    }

    pub fn is_not_person(&self, key: &str) -> bool {
        self.not_people.contains(key)
    }

    /// The longest not-a-person phrase of two words or more that starts `keys`: how
    /// many words it covers.
    pub fn phrase_at(&self, keys: &[&str]) -> usize {
        let Some((first, rest)) = keys.split_first() else {
            return 0;
        };
        let Some(tails) = self.phrases.get(*first) else {
            return 0;
        };
        tails
            .iter()
            .filter(|t| t.len() <= rest.len() && t.iter().zip(rest).all(|(a, b)| a == b))
            .map(|t| t.len() + 1)
            .max()
            .unwrap_or(0)
    }

    /// A surname too common to name a leader alone ("brown", "kim").
    pub fn is_common_surname(&self, key: &str) -> bool {
        self.common_surnames.contains(key)
    }

    pub fn is_common(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// The countries a demonym ("russian") or a country name ("russia", "us") stands
    /// for.
    pub fn countries(&self, key: &str) -> Vec<usize> {
        if let Some(&i) = self.country_by_name.get(key) {
            return vec![i];
        }
        self.country_by_demonym
            .get(key)
            .cloned()
            .unwrap_or_default()
    }

    /// The names of a country as role-title keys ("united states", "us", "america").
    pub fn country_names(&self, i: usize) -> &[String] {
        &self.country_names[i]
    }

    /// A country's name or demonym ("russia", "russian", "us").
    pub fn is_country_word(&self, key: &str) -> bool {
        self.country_by_name.contains_key(key) || self.country_by_demonym.contains_key(key)
    }

    pub fn is_demonym(&self, key: &str) -> bool {
        self.country_by_demonym.contains_key(key)
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
