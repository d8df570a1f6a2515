//! The topic data: places, organisations and subjects, parsed once from the files
//! under `extract/data/` that are compiled into the binary.
//!
//! `places.tsv` and `orgs.tsv` share one format, one topic a line:
//!
//! ```text
//! id <TAB> label <TAB> aliases <TAB> implies <TAB> cues
//! ```
//!
//! Lists are separated by `|`; trailing columns may be left out. An alias written
//! `~Moscow` is weaker evidence (capitals, metonyms, loose demonyms); one written
//! `Jordan@` is also a person's name and does not count beside another capitalised
//! name ("Michael Jordan"). `implies` lists topics a mention also speaks for, with an
//! optional weight (`place/north-america/united-states:0.5`). `cues` are words that,
//! when an alias is shared by two topics ("Georgia"), vote for this one. An id that
//! starts with `-` is a decoy: it claims text ("Washington Post", "turkey" the bird)
//! so that no topic gets it.
//!
//! `subjects.toml` holds the subject taxonomy: each subject has weighted words
//! (`key`, `strong`, `medium`, `weak`) and words that rule it out (`not`).
//!
//! Matching follows one case rule everywhere: a pattern written with a capital letter
//! is a proper noun and must match with those capitals (its first letter may also be
//! capitalised at the start of a sentence: "al Qaeda", "Al Qaeda"); an all-lowercase
//! pattern matches in any case. A pattern ending in `*` also matches longer words
//! ("terroris*" matches "terrorists").

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::extract::TopicKind;

const PLACES: &str = include_str!("../data/places.tsv");
const ORGS: &str = include_str!("../data/orgs.tsv");
const SUBJECTS: &str = include_str!("../data/subjects.toml");

/// Weight of a plain alias, and of a weak one (`~`).
const NAME_WEIGHT: f32 = 1.0;
const WEAK_WEIGHT: f32 = 0.6;
/// Default weight of an `implies` link.
const IMPLY_WEIGHT: f32 = 0.5;
/// Subject word weights (see `subjects.toml`).
pub(crate) const KEY: f32 = 2.0;
const STRONG: f32 = 1.0;
const MEDIUM: f32 = 0.5;
const WEAK: f32 = 0.25;
const NOT: f32 = -1.0;

/// One topic an article can be about.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicDef {
    /// Hierarchical id, `place/asia/north-korea`: a topic's ancestors are its id's
    /// prefixes.
    pub id: &'static str,
    /// How people name it: "North Korea".
    pub label: &'static str,
    pub kind: TopicKind,
    /// Other names, as the data file writes them: names first, then capitals,
    /// metonyms and loose demonyms.
    pub aliases: Vec<String>,
}

impl TopicDef {
    /// The id of the topic this one belongs to (`place/asia` for
    /// `place/asia/north-korea`), `None` at the top.
    pub fn parent_id(&self) -> Option<&'static str> {
        let (parent, _) = self.id.rsplit_once('/')?;
        parent.contains('/').then_some(parent)
    }
}

/// What a matched pattern says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// A name of the topic (or decoy) at `entry`.
    Alias {
        entry: usize,
        weight: f32,
        /// Also a person's name: "Jordan".
        person: bool,
    },
    /// A subject word, weighted (negative for words that rule the subject out).
    Term { entry: usize, weight: f32 },
    /// A word that favours `entry` when an alias is ambiguous.
    Cue { entry: usize },
}

/// A string to look for in text, and what finding it means.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub text: String,
    /// Must match with its capitals (see the module doc).
    pub proper: bool,
    /// Also matches longer words (`terroris*`).
    pub prefix: bool,
    pub roles: Vec<Role>,
    /// The distinct topics (or decoys) its aliases name, with their weights, in data
    /// order: `aliases[0]` all of them, `aliases[1]` those left where the pattern is
    /// part of a person's name.
    pub aliases: [Vec<(usize, f32)>; 2],
    /// Some alias is also a person's name ("Jordan").
    pub may_be_person: bool,
}

impl Pattern {
    /// The distinct topics its aliases name, with their weights; none that are also
    /// a person's name where `personal` (see `aliases`).
    pub fn aliases(&self, personal: bool) -> &[(usize, f32)] {
        &self.aliases[usize::from(personal)]
    }
}

/// A topic or a decoy, with what matching needs to know about it.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Index into `Gazetteer::defs`, `None` for a decoy.
    pub def: Option<usize>,
    /// Topics a mention of this one also counts for, and how much.
    pub implies: Vec<(usize, f32)>,
    /// How much its evidence counts: below 1 for broad subjects ("Politics") so
    /// that a narrower one ranks first when both are there.
    pub scale: f32,
}

/// All topic data, parsed.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub defs: Vec<TopicDef>,
    pub entries: Vec<Entry>,
    pub patterns: Vec<Pattern>,
    by_id: HashMap<String, usize>,
    /// Per def, its aliases in the data file with their weights, for `lookup`.
    weighted_aliases: Vec<Vec<(&'static str, f32)>>,
}

/// Normalised labels, then names, then weak aliases: the first hit wins. Extraction
/// needs none of it, so it is made only when `lookup` is first asked.
static LOOKUP_TIERS: LazyLock<[HashMap<String, usize>; 3]> = LazyLock::new(|| {
    let g = &*GAZETTEER;
    let mut tiers: [HashMap<String, usize>; 3] = Default::default();
    for (d, def) in g.defs.iter().enumerate() {
        tiers[0].entry(lookup_key(def.label)).or_insert(d);
    }
    for (d, def) in g.defs.iter().enumerate() {
        for &(alias, weight) in &g.weighted_aliases[d] {
            let tier = if weight < NAME_WEIGHT { 2 } else { 1 };
            tiers[tier].entry(lookup_key(alias)).or_insert(d);
        }
        for alias in &def.aliases {
            tiers[1].entry(lookup_key(alias)).or_insert(d);
        }
    }
    tiers
});

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| match parse_all() {
    Ok(g) => g,
    // The data is compiled in and a unit test parses it: failing here is a bug.
    Err(e) => panic!("topic data: {e}"),
});

/// Every topic newsdex knows, places first, then organisations, then subjects.
pub fn all_topics() -> &'static [TopicDef] {
    &GAZETTEER.defs
}

/// The topic with this exact id (a leading `/` is allowed).
pub fn by_id(id: &str) -> Option<&'static TopicDef> {
    let g = &*GAZETTEER;
    let id = id.trim().trim_start_matches('/').trim_end_matches('/');
    g.by_id.get(id).map(|&i| &g.defs[i])
}

/// The topic a user means: an id (`place/asia/north-korea`, `/place/asia/north-korea`),
/// a label ("North Korea") or an alias ("DPRK"), in any case, with or without
/// diacritics. Labels win over aliases, and names over capitals and metonyms.
pub fn lookup(query: &str) -> Option<&'static TopicDef> {
    if let Some(def) = by_id(&query.to_lowercase()) {
        return Some(def);
    }
    let g = &*GAZETTEER;
    let key = lookup_key(query);
    if key.is_empty() {
        return None;
    }
    LOOKUP_TIERS
        .iter()
        .find_map(|tier| tier.get(&key))
        .map(|&i| &g.defs[i])
}

/// Lowercase, without diacritics, curly quotes or repeated spaces: how `lookup`
/// compares names.
pub(crate) fn normalize(s: &str) -> String {
    let folded = fold_diacritics(s.trim().trim_start_matches('/')).to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How `lookup` files a name: normalised, without a leading "the" ("the Gulf",
/// "Gulf" and "The Gulf" are one key).
fn lookup_key(s: &str) -> String {
    let key = normalize(s);
    match key.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}

/// `s` with accented Latin letters replaced by their base letters and typographic
/// apostrophes by `'`: "Côte d’Ivoire" → "Cote d'Ivoire".
pub(crate) fn fold_diacritics(s: &str) -> String {
    // No ASCII character folds.
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match folded(c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        }
    }
    out
}

/// What `fold_diacritics` writes for `c`, `None` to keep it.
fn folded(c: char) -> Option<&'static str> {
    let base = match c {
        'À'..='Å' => "A",
        'à'..='å' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Č' | 'Ć' => "C",
        'ç' | 'č' | 'ć' => "c",
        'È'..='Ë' | 'Ě' | 'Ę' | 'Ė' => "E",
        'è'..='ë' | 'ě' | 'ę' | 'ė' => "e",
        'Ì'..='Ï' | 'İ' => "I",
        'ì'..='ï' | 'ı' => "i",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ñ' | 'ń' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'Ő' => "O",
        'ò'..='ö' | 'ø' | 'ő' => "o",
        'Ù'..='Ü' | 'Ů' | 'Ű' => "U",
        'ù'..='ü' | 'ů' | 'ű' => "u",
        'Ý' | 'Ÿ' => "Y",
        'ý' | 'ÿ' => "y",
        'Š' | 'Ś' | 'Ş' => "S",
        'š' | 'ś' | 'ş' => "s",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ž' | 'ź' | 'ż' => "z",
        'Ł' => "L",
        'ł' => "l",
        'Ř' => "R",
        'ř' => "r",
        'Ť' => "T",
        'ť' => "t",
        'Ď' => "D",
        'ď' => "d",
        'Ğ' => "G",
        'ğ' => "g",
        'ß' => "ss",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => "'",
        '\u{2010}' | '\u{2011}' => "-",
        _ => return None,
    };
    Some(base)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectsFile {
    subject: Vec<SubjectRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectRow {
    id: String,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// How much its evidence counts (see `Entry::scale`).
    #[serde(default = "one")]
    weight: f32,
    #[serde(default)]
    key: Vec<String>,
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    medium: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

fn one() -> f32 {
    1.0
}

/// Rows of a `.tsv` before ids are resolved.
struct Row {
    file: &'static str,
    line: usize,
    id: &'static str,
    label: &'static str,
    kind: TopicKind,
    /// (alias as written, weight, person)
    aliases: Vec<(&'static str, f32, bool)>,
    implies: Vec<(&'static str, f32)>,
    cues: Vec<&'static str>,
    terms: Vec<(String, f32)>,
    lookup_aliases: Vec<String>,
    scale: f32,
}

fn list(field: Option<&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn parse_tsv(file: &'static str, text: &'static str, kind: TopicKind) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        if !(2..=5).contains(&cols.len()) {
            return Err(format!(
                "{file}:{line_no}: expected 2 to 5 tab-separated columns, found {}",
                cols.len()
            ));
        }
        let (id, label) = (cols[0].trim(), cols[1].trim());
        if label.is_empty() {
            return Err(format!("{file}:{line_no}: empty label"));
        }
        let mut aliases = Vec::new();
        for a in list(cols.get(2).copied()) {
            let (weak, a) = match a.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, a),
            };
            let (person, a) = match a.strip_suffix('@') {
                Some(rest) => (true, rest),
                None => (false, a),
            };
            if a.is_empty() || a.contains(['~', '@', '*']) {
                return Err(format!("{file}:{line_no}: bad alias {a:?}"));
            }
            let weight = if weak { WEAK_WEIGHT } else { NAME_WEIGHT };
            aliases.push((a, weight, person));
        }
        let mut implies = Vec::new();
        for imp in list(cols.get(3).copied()) {
            let (target, weight) = match imp.rsplit_once(':') {
                Some((t, w)) => {
                    let w: f32 = w
                        .parse()
                        .map_err(|_| format!("{file}:{line_no}: bad weight in {imp:?}"))?;
                    (t, w)
                }
                None => (imp, IMPLY_WEIGHT),
            };
            implies.push((target, weight));
        }
        let cues = list(cols.get(4).copied()).collect();
        let lookup_aliases = aliases.iter().map(|(a, _, _)| a.to_string()).collect();
        rows.push(Row {
            file,
            line: line_no,
            id,
            label,
            kind,
            aliases,
            implies,
            cues,
            terms: Vec::new(),
            lookup_aliases,
            scale: 1.0,
        });
    }
    Ok(rows)
}

fn parse_subjects(text: &'static str) -> Result<Vec<Row>, String> {
    let file: SubjectsFile = toml::from_str(text).map_err(|e| format!("subjects.toml: {e}"))?;
    let mut rows = Vec::new();
    for (n, s) in file.subject.into_iter().enumerate() {
        // Ids and labels live as long as the program: leak the few strings once.
        if !(0.0..=2.0).contains(&s.weight) {
            return Err(format!("subjects.toml: {}: weight out of 0..2", s.id));
        }
        let id: &'static str = Box::leak(s.id.into_boxed_str());
        let label: &'static str = Box::leak(s.label.into_boxed_str());
        let mut terms = Vec::new();
        for (words, weight) in [
            (s.key, KEY),
            (s.strong, STRONG),
            (s.medium, MEDIUM),
            (s.weak, WEAK),
            (s.not, NOT),
        ] {
            for w in words {
                let w = w.trim().to_string();
                if w.is_empty() || w.contains(['~', '@', '|']) {
                    return Err(format!("subjects.toml: {id}: bad term {w:?}"));
                }
                terms.push((w, weight));
            }
        }
        rows.push(Row {
            file: "subjects.toml",
            line: n + 1,
            id,
            label,
            kind: TopicKind::Subject,
            aliases: Vec::new(),
            implies: Vec::new(),
            cues: Vec::new(),
            terms,
            lookup_aliases: s.aliases,
            scale: s.weight,
        });
    }
    Ok(rows)
}

fn valid_id(id: &str) -> bool {
    let id = id.strip_prefix('-').unwrap_or(id);
    !id.is_empty()
        && id.split('/').all(|seg| {
            !seg.is_empty()
                && !seg.starts_with('-')
                && !seg.ends_with('-')
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn kind_prefix(kind: TopicKind) -> &'static str {
    match kind {
        TopicKind::Place => "place/",
        TopicKind::Org => "org/",
        TopicKind::Subject => "subject/",
    }
}

/// Parse every data file, check ids and links, and build the pattern table.
pub(crate) fn parse_all() -> Result<Gazetteer, String> {
    let mut rows = parse_tsv("places.tsv", PLACES, TopicKind::Place)?;
    rows.extend(parse_tsv("orgs.tsv", ORGS, TopicKind::Org)?);
    rows.extend(parse_subjects(SUBJECTS)?);

    // Entries: one per row, decoys included; ids unique.
    let mut entry_of: HashMap<&'static str, usize> = HashMap::default();
    let mut defs = Vec::new();
    let mut entries = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let at = || format!("{}:{}", r.file, r.line);
        if !valid_id(r.id) {
            return Err(format!("{}: bad id {:?}", at(), r.id));
        }
        let decoy = r.id.starts_with('-');
        if !decoy && !r.id.starts_with(kind_prefix(r.kind)) {
            return Err(format!(
                "{}: id {:?} must start with {:?}",
                at(),
                r.id,
                kind_prefix(r.kind)
            ));
        }
        if !decoy && r.id.matches('/').count() < 1 {
            return Err(format!("{}: id {:?} has no kind prefix", at(), r.id));
        }
        if entry_of.insert(r.id, i).is_some() {
            return Err(format!("{}: duplicate id {:?}", at(), r.id));
        }
        let def = (!decoy).then(|| {
            defs.push(TopicDef {
                id: r.id,
                label: r.label,
                kind: r.kind,
                aliases: r.lookup_aliases.clone(),
            });
            defs.len() - 1
        });
        entries.push(Entry {
            def,
            implies: Vec::new(),
            scale: r.scale,
        });
    }
    // Every parent exists: `place/asia` for `place/asia/north-korea`.
    for r in &rows {
        if r.id.starts_with('-') {
            continue;
        }
        let mut id = r.id;
        while let Some((parent, _)) = id.rsplit_once('/') {
            if !parent.contains('/') {
                break;
            }
            if !entry_of.contains_key(parent) {
                return Err(format!(
                    "{}:{}: {:?} has no parent {parent:?}",
                    r.file, r.line, r.id
                ));
            }
            id = parent;
        }
    }
    for (i, r) in rows.iter().enumerate() {
        for &(target, weight) in &r.implies {
            let Some(&t) = entry_of.get(target) else {
                return Err(format!(
                    "{}:{}: implies unknown id {target:?}",
                    r.file, r.line
                ));
            };
            entries[i].implies.push((t, weight));
        }
    }

    // Patterns: one per distinct string, with every role it plays.
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut pattern_of: HashMap<String, usize> = HashMap::default();
    let mut add = |text: &str, role: Role| {
        for variant in variants(text) {
            let p = match pattern_of.get(&variant) {
                Some(&p) => p,
                None => {
                    let (body, prefix) = match variant.strip_suffix('*') {
                        Some(b) => (b, true),
                        None => (variant.as_str(), false),
                    };
                    patterns.push(Pattern {
                        proper: body.chars().any(char::is_uppercase),
                        text: body.to_string(),
                        prefix,
                        roles: Vec::new(),
                        aliases: Default::default(),
                        may_be_person: false,
                    });
                    pattern_of.insert(variant, patterns.len() - 1);
                    patterns.len() - 1
                }
            };
            if !patterns[p].roles.contains(&role) {
                patterns[p].roles.push(role);
            }
        }
    };
    for (i, r) in rows.iter().enumerate() {
        for &(alias, weight, person) in &r.aliases {
            add(
                alias,
                Role::Alias {
                    entry: i,
                    weight,
                    person,
                },
            );
        }
        for (term, weight) in &r.terms {
            add(
                term,
                Role::Term {
                    entry: i,
                    weight: *weight,
                },
            );
        }
        for cue in &r.cues {
            add(cue, Role::Cue { entry: i });
        }
    }

    for p in &mut patterns {
        p.aliases = [
            alias_entries(&p.roles, false),
            alias_entries(&p.roles, true),
        ];
        p.may_be_person = p
            .roles
            .iter()
            .any(|r| matches!(r, Role::Alias { person: true, .. }));
    }

    // Lookup tables.
    let mut by_id = HashMap::default();
    for (d, def) in defs.iter().enumerate() {
        by_id.insert(def.id.to_string(), d);
    }
    let weighted_aliases = rows
        .iter()
        .filter(|r| !r.id.starts_with('-'))
        .map(|r| r.aliases.iter().map(|&(a, w, _)| (a, w)).collect())
        .collect();

    Ok(Gazetteer {
        defs,
        entries,
        patterns,
        by_id,
        weighted_aliases,
    })
}

/// The distinct topics (or decoys) `roles` name as aliases, with their weights, in
/// data order; without those that are also a person's name if `personal`.
fn alias_entries(roles: &[Role], personal: bool) -> Vec<(usize, f32)> {
    let mut out: Vec<(usize, f32)> = Vec::new();
    for r in roles {
        if let Role::Alias {
            entry,
            weight,
            person,
        } = *r
        {
            if person && personal {
                continue;
            }
            if !out.iter().any(|&(e, _)| e == entry) {
                out.push((entry, weight));
            }
        }
    }
    out
}

/// The spellings a pattern is matched in: as written, without diacritics, and with a
/// typographic apostrophe.
fn variants(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    // No ASCII character folds.
    if !text.is_ascii() {
        let folded = fold_diacritics(text);
        if folded != text {
            out.push(folded);
        }
    }
    for k in 0..out.len() {
        if out[k].contains('\'') {
            let typographic = out[k].replace('\'', "\u{2019}");
            out.push(typographic);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_with_unique_ids_and_known_parents() {
        let g = parse_all().unwrap_or_else(|e| panic!("{e}"));
        assert!(g.defs.len() > 400, "{} topics", g.defs.len());
        let countries = g
            .defs
            .iter()
            .filter(|d| d.kind == TopicKind::Place && d.id.matches('/').count() == 2)
            .count();
        assert!(countries >= 190, "{countries} places at country depth");
        let orgs = g.defs.iter().filter(|d| d.kind == TopicKind::Org).count();
        assert!(orgs >= 140, "{orgs} organisations");
        let subjects = g
            .defs
            .iter()
            .filter(|d| d.kind == TopicKind::Subject)
            .count();
        assert!(subjects >= 90, "{subjects} subjects");
        // Every topic but the top levels can be found by text.
        for (i, e) in g.entries.iter().enumerate() {
            let found = g.patterns.iter().any(|p| {
                p.roles.iter().any(|r| match *r {
                    Role::Alias { entry, .. } | Role::Term { entry, .. } => entry == i,
                    Role::Cue { .. } => false,
                })
            });
            if let Some(d) = e.def {
                let top = g.defs[d].parent_id().is_none();
                assert!(found || top, "{} cannot be found in text", g.defs[d].id);
            }
        }
    }

    #[test]
    fn ids_are_well_formed() {
        for (id, ok) in [
            ("place/asia/north-korea", true),
            ("-turkey-bird", true),
            ("place/Asia", false),
            ("place//x", false),
            ("place/x-", false),
            ("place/x y", false),
        ] {
            assert_eq!(valid_id(id), ok, "{id}");
        }
    }

    #[test]
    fn lookup_by_id_label_and_alias() {
        let cases = [
            ("place/asia/north-korea", "place/asia/north-korea"),
            ("/place/asia/north-korea", "place/asia/north-korea"),
            ("North Korea", "place/asia/north-korea"),
            ("north korea", "place/asia/north-korea"),
            ("DPRK", "place/asia/north-korea"),
            ("Pyongyang", "place/asia/north-korea"),
            ("Georgia", "place/asia/georgia"),
            (
                "Georgia (US state)",
                "place/north-america/united-states/georgia",
            ),
            ("Cote d'Ivoire", "place/africa/ivory-coast"),
            ("Côte d’Ivoire", "place/africa/ivory-coast"),
            ("Elysee", "place/europe/france"),
            ("UN Security Council", "org/un/security-council"),
            ("United Nations Security Council", "org/un/security-council"),
            ("isil", "org/isis"),
            ("Daesh", "org/isis"),
            ("al-Qaida", "org/al-qaeda"),
            ("terrorism", "subject/conflict/terrorism"),
            ("War or armed conflict", "subject/conflict/war"),
            ("armed conflict", "subject/conflict/war"),
            ("elections", "subject/politics/elections"),
            ("the Kremlin", "place/europe/russia"),
            ("Downing Street", "place/europe/united-kingdom"),
            ("Syrians", "place/asia/syria"),
            (
                "Washington state",
                "place/north-america/united-states/washington",
            ),
            ("Gulf", "place/asia/middle-east/gulf"),
            ("Persian Gulf", "place/asia/middle-east/gulf"),
            ("Middle East", "place/asia/middle-east"),
            ("White House", "org/us/white-house"),
            ("nuclear weapons", "subject/conflict/nuclear-weapons"),
            ("COVID-19", "subject/health/epidemics/covid-19"),
        ];
        for (query, id) in cases {
            assert_eq!(lookup(query).map(|d| d.id), Some(id), "{query}");
        }
        assert_eq!(lookup("no such topic"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(by_id("/org/isis").map(|d| d.label), Some("ISIS"));
        assert!(lookup("-turkey-bird").is_none());
    }

    #[test]
    fn parents_come_from_ids() {
        let d = by_id("place/north-america/united-states/georgia").unwrap();
        assert_eq!(d.parent_id(), Some("place/north-america/united-states"));
        assert_eq!(by_id("place/asia").unwrap().parent_id(), None);
    }

    #[test]
    fn diacritics_fold() {
        assert_eq!(fold_diacritics("Élysée"), "Elysee");
        assert_eq!(
            fold_diacritics("São Tomé and Príncipe"),
            "Sao Tome and Principe"
        );
        assert_eq!(normalize("  Côte  d’Ivoire "), "cote d'ivoire");
    }
}
