//! People: who an article mentions, under one canonical name.
//!
//! No model: capitalised runs of words are cut into titles and names, and a name counts
//! as a person on evidence — the leaders gazetteer, a known first name, a title before
//! it ("Sen.", "President", "Ms"), a role noun ("spokeswoman Oksana Petrenko"), an
//! apposition after it ("Oksana Petrenko, a spokeswoman for the ministry,"), or a
//! reporting verb ("Petrenko said"). Places, organisations, months, holidays,
//! nationalities and the like are named in `data/` files and never count. A single
//! word is a new person only with a title or a role apposition, or with a reporting verb
//! and "he"/"she" after it: companies "say" things too.
//!
//! Then the article's own names are tied together: full names first, then every
//! surname-only, title-and-surname or possessive mention goes to the person whose
//! surname it is. Rules for shared surnames, in order:
//! 1. a title must fit: "Mr." and "Ms." must agree with the person's gender, and
//!    "President Clinton" goes to the Clinton who has been a president;
//! 2. the person named most recently before the mention;
//! 3. failing that, the first one named after it (a headline or lead naming the
//!    surname before the full name);
//! 4. with no full name in the article, the gazetteer, by `gazetteer::choose`: the
//!    one leader with that surname, or the one of several in office at the article's
//!    date ("Bush" in 2005), or the one head of state or government when no other is a
//!    politician in their own right ("Trump" is not Ivanka); common surnames and words
//!    ("Brown", "May", "Harris") need a title for this. Otherwise the surname stays a
//!    person of its own ("Bush", "Clinton"), never a guessed leader.
//!
//! Leaders may also be named by office alone ("the German chancellor", "Russia's
//! president", "the prime minister of India", "the UN secretary-general"): that is the
//! leader holding the office at the article's date (in a year of handover, the one the
//! article names, else the newcomer), or, undated, the one the article names who has
//! held it. A bare "the president" is the one president the article names, if only one.
//!
//! People are listed by their first mention in the body; people named only in the
//! headline come last, with no mentions. A mention's span is the name alone, without
//! titles or a possessive "'s".

mod candidate;
mod headline;
mod lexicon;
mod offices;
mod scan;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::gazetteer::{self, Leader, name_key};
use super::{Gender, Mention, Person};
use crate::Article;
use candidate::{Cand, analyse_run};
use lexicon::{TitleKind, lexicon};
use scan::{LowerWords, Tok, runs, tokens};

/// Whether a lowercase word is a demonym ("russian") or a country's short name ("us"),
/// which may stand before a title: "Russian President Vladimir Putin".
pub(crate) fn is_demonym_key(key: &str) -> bool {
    lexicon().is_country_word(key)
}

/// Whether `word` is a first name the people module knows ("Jay", "Oksana"), for the
/// quotes module's question whether a name it found is a person's.
pub(crate) fn is_first_name(word: &str) -> bool {
    // A lowercase ASCII word without periods is its own key.
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
    {
        return lexicon().is_first_name(word);
    }
    lexicon().is_first_name(&lexicon::word_key(word))
}

pub fn extract_people(article: &Article) -> Vec<Person> {
    Extractor::new(article).run()
}

/// A person being gathered.
#[derive(Debug)]
struct Entity {
    leader: Option<usize>,
    /// Name tokens of the fullest form seen (text), for non-leaders.
    name: String,
    name_words: usize,
    /// Lowercase keys of the last name word (and particle forms) and the first word.
    surnames: Vec<String>,
    first: Option<String>,
    suffix: Option<String>,
    mentions: Vec<Range<usize>>,
    /// Position of the first mention; headline mentions come before the body's.
    order: Option<usize>,
    role: Option<String>,
    title_words: Vec<String>,
    gender: Option<Gender>,
    from_headline: bool,
}

struct Extractor<'a> {
    article: &'a Article,
    body: &'a str,
    toks: Vec<Tok<'a>>,
    /// The headline's tokens.
    htoks: Vec<Tok<'a>>,
    lower: LowerWords<'a>,
    year: Option<u16>,
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl<'a> Extractor<'a> {
    fn new(article: &'a Article) -> Self {
        let body = article.body.as_str();
        let toks = tokens(body, false);
        let htoks = tokens(&article.title, true);
        let lower = LowerWords::new(&toks, &htoks);
        Extractor {
            article,
            body,
            toks,
            htoks,
            lower,
            year: article.date.and_then(|d| u16::try_from(d.year()).ok()),
            entities: Vec::new(),
            by_key: HashMap::default(),
        }
    }

    fn run(mut self) -> Vec<Person> {
        let runs = runs(&self.toks, false);
        let mut np = Vec::new();
        let cands: Vec<Cand> = runs
            .iter()
            .filter_map(|r| analyse_run(&self.toks, r.clone(), &self.lower, self.body, &mut np))
            .collect();
        // Full names first, so that surnames can find them wherever they are.
        let mut weak = Vec::new();
        for c in &cands {
            if c.name.len() >= 2 && !c.common_start && !self.add_full(c) {
                weak.push(c);
            }
        }
        // A full name with no other sign counts when its surname recurs alone.
        let single_keys: HashSet<String> = cands
            .iter()
            .filter(|c| c.name.len() == 1 && !c.common_start)
            .map(|c| self.toks[c.name.start].key.to_string())
            .collect();
        for c in weak {
            let first = &self.toks[c.name.start];
            let last = &self.toks[c.name.end - 1];
            // "Removing Trump": the surname recurs because a leader has it.
            let leader_surname =
                gazetteer::choose(gazetteer::surname_hits(&last.name_key()), self.year).is_some();
            let plain_first = !lexicon().is_common(&first.key)
                && !self.lower.contains(first.key.as_ref())
                && !first.key.ends_with("ing");
            let plain = plain_first
                && self.toks[c.name.clone()].iter().all(|t| {
                    !lexicon().is_not_person(&t.key) && !self.lower.contains(t.key.as_ref())
                });
            if !c.modifier
                && plain_first
                && !leader_surname
                && (single_keys.contains(last.key.as_ref())
                    || (plain && !c.connector && self.listed_with_a_person(c)))
            {
                self.add_entity_full(c, None);
            }
        }
        for c in &cands {
            if c.name.len() == 1 {
                self.add_single(c);
            } else if c.common_start {
                // "Will Smith" at a sentence's start: only if known from elsewhere.
                self.add_single_to_known(c);
            }
        }
        self.headline_people();
        self.title_only();
        self.finish()
    }

    /// "Erin Banco and Asawin Suebsaeng", "Milo Yiannopoulos and Ann Coulter": a name
    /// joined by "and", "or" or a comma to a full name already taken as a person's.
    fn listed_with_a_person(&self, c: &Cand) -> bool {
        let start = self.toks[c.name.start].start;
        let end = self.toks[c.name.end - 1].raw_end;
        let full_mentions = || {
            self.entities
                .iter()
                .filter(|e| e.name_words >= 2)
                .flat_map(|e| e.mentions.iter())
        };
        let before = self.body[..start].trim_end();
        let before = before
            .strip_suffix(" and")
            .or_else(|| before.strip_suffix(" or"))
            .or_else(|| before.strip_suffix(','))
            .map(str::trim_end);
        if let Some(b) = before
            && full_mentions().any(|m| m.end == b.len() && !m.is_empty())
        {
            return true;
        }
        let after = &self.body[end..];
        let after = after
            .strip_prefix(" and ")
            .or_else(|| after.strip_prefix(" or "))
            .or_else(|| after.strip_prefix(", "))
            .or_else(|| after.strip_prefix(", and "));
        if let Some(a) = after {
            let at = self.body.len() - a.len();
            return full_mentions().any(|m| m.start == at);
        }
        false
    }

    fn text(&self, r: &Range<usize>) -> &'a str {
        &self.body[self.toks[r.start].start..self.toks[r.end - 1].end]
    }

    /// Try a candidate of two words or more as a full name. False if it has no evidence.
    fn add_full(&mut self, c: &Cand) -> bool {
        let lex = lexicon();
        if let Some(l) = self.gazetteer_full(c) {
            self.add_entity_full(c, Some(l));
            return true;
        }
        if c.modifier {
            return true;
        }
        let toks = &self.toks[c.name.clone()];
        // "Le Pen", "De Blasio": a surname with its particle, like a single word.
        // "Wasserman Schultz" after "Debbie Wasserman Schultz", too.
        let surname_like = scan::is_particle_word(&toks[0].key)
            || (!lex.is_first_name(&toks[0].key) && !toks[0].initial);
        if surname_like && toks.len() <= 3 {
            let key = scan::span_name_key(&self.toks, c.name.clone(), self.body);
            if let Some(e) = self
                .entities
                .iter()
                .position(|e| e.surnames.iter().any(|s| *s == key))
            {
                self.note_cand(e, c);
                self.push_mention(e, c.name.clone());
                return true;
            }
            if let Some(l) = self.pick(gazetteer::surname_hits(&key), c) {
                self.add_entity_full(c, Some(l));
                return true;
            }
        }
        // "Trump Jr." goes to the Donald Trump Jr. named elsewhere.
        if toks.len() == 2
            && toks[1].is_suffix()
            && let Some(e) = self.find_by_surname(&toks[0].key, Some(&toks[1].key))
        {
            self.push_mention(e, c.name.clone());
            return true;
        }
        let first = &toks[0];
        let known_first = lex.is_first_name(&first.key) && !lex.is_common(&first.key)
            || lex.is_first_name(&first.key) && !first.sent_start;
        // "J. R. Whitfield", "J.R. Whitfield"; not "LG Electronics".
        let next = &toks[1];
        let initials = first.initial
            && (first.text.contains('.')
                || (first.text.len() == 1 && self.body[first.raw_end..].starts_with('.'))
                || (first.text.len() == 1
                    && !lex.is_common(&next.key)
                    && !lex.is_not_person(&next.key)
                    && !self.lower.contains(next.key.as_ref())));
        if known_first || initials || c.titled || (c.said && !c.connector) {
            self.add_entity_full(c, None);
            return true;
        }
        false
    }

    /// A leader named in full: by name or alias, with the title ("King Salman"), or by
    /// first name and surname when those single out one leader.
    fn gazetteer_full(&self, c: &Cand) -> Option<usize> {
        let toks = &self.toks[c.name.clone()];
        let key = scan::span_name_key(&self.toks, c.name.clone(), self.body);
        if let [i] = gazetteer::by_name(&key) {
            return Some(*i);
        }
        // "Donald Trump Jr." is not Donald Trump unless the file spells it so.
        if toks.iter().any(|t| t.is_suffix()) {
            return None;
        }
        if let Some(i) = self.pick(gazetteer::by_name(&key), c) {
            return Some(i);
        }
        if let Some(t) = &c.title {
            let key = format!("{} {key}", self.toks[t.end - 1].key);
            if let Some(i) = self.pick(gazetteer::by_name(&key), c) {
                return Some(i);
            }
        }
        let first = toks[0].name_key();
        let last = toks[toks.len() - 1].name_key();
        let hits: Vec<usize> = gazetteer::by_surname(&last)
            .iter()
            .copied()
            .filter(|&i| gazetteer::leader_first_word(i) == first)
            .collect();
        self.pick(&hits, c)
    }

    /// One leader out of several that fit: the title must fit, then
    /// [`gazetteer::choose`] by the article's date.
    fn pick(&self, hits: &[usize], c: &Cand) -> Option<usize> {
        let fit: Vec<usize> = hits
            .iter()
            .copied()
            .filter(|&i| self.title_fits_leader(c, gazetteer::leader(i)))
            .collect();
        gazetteer::choose(&fit, self.year)
    }

    fn title_fits_leader(&self, c: &Cand, l: &Leader) -> bool {
        if c.title_gender.is_some_and(|g| g != l.gender) {
            return false;
        }
        let Some(t) = &c.title else { return true };
        let words: Vec<&str> = self.toks[t.clone()]
            .iter()
            .filter(|t| {
                lexicon()
                    .title(&t.key)
                    .is_some_and(|i| i.kind == TitleKind::Title)
            })
            .flat_map(|t| t.key.split('-'))
            .filter(|w| !matches!(*w, "elect" | "designate"))
            .collect();
        words.is_empty()
            || words.iter().all(|w| {
                l.roles
                    .iter()
                    .any(|r| r.title.to_lowercase().split([' ', '-']).any(|x| x == *w))
            })
    }

    fn add_entity_full(&mut self, c: &Cand, leader: Option<usize>) {
        let toks = &self.toks[c.name.clone()];
        let key = match leader {
            Some(i) => format!("#{i}"),
            None => {
                let suffix = toks.iter().find(|t| t.is_suffix()).map(|t| t.key.as_ref());
                let core: Vec<&Tok<'_>> = toks.iter().filter(|t| !t.is_suffix()).collect();
                let first = &core[0].key;
                let last = &core[core.len() - 1].key;
                format!("{first} {last} {}", suffix.unwrap_or(""))
            }
        };
        let e = match self.by_key.get(&key) {
            Some(&e) => e,
            None => {
                let e = self.new_entity(c, leader);
                self.by_key.insert(key, e);
                e
            }
        };
        if leader.is_none() {
            // The fullest form names the person: "John A. Smith" over "John Smith".
            let n = c.name.len();
            if n > self.entities[e].name_words {
                self.entities[e].name = self.display_name(&c.name);
                self.entities[e].name_words = n;
            }
        }
        self.note_cand(e, c);
        self.push_mention(e, c.name.clone());
    }

    fn display_name(&self, r: &Range<usize>) -> String {
        let mut s = self.text(r).to_string();
        let last = &self.toks[r.end - 1];
        // "Jr." keeps its period.
        if last.is_suffix() && self.body[last.end..].starts_with('.') && !last.acronym {
            s.push('.');
        }
        s
    }

    fn new_entity(&mut self, c: &Cand, leader: Option<usize>) -> usize {
        let toks = &self.toks[c.name.clone()];
        let core: Vec<&Tok<'_>> = toks.iter().filter(|t| !t.is_suffix()).collect();
        let mut surnames = Vec::new();
        let mut first = None;
        let suffix = toks
            .iter()
            .find(|t| t.is_suffix())
            .map(|t| t.key.to_string());
        let name = match leader {
            Some(i) => {
                surnames = gazetteer::leader_surnames(i).to_vec();
                first = Some(gazetteer::leader_first_word(i).to_string());
                gazetteer::leader(i).name.clone()
            }
            None => {
                if core.len() >= 2 {
                    first = Some(core[0].key.to_string());
                }
                let last = core[core.len() - 1];
                surnames.push(name_key(last.text));
                // "de Blasio", "al-Assad": the surname with and without its particle.
                if let Some(p) = core.iter().rposition(|t| t.is_particle()) {
                    surnames.push(name_key(
                        &self.body[core[p].start..core[core.len() - 1].end],
                    ));
                }
                if let Some((_, rest)) = last.text.split_once('-')
                    && last.text.starts_with(|c: char| c.is_lowercase())
                {
                    surnames.push(name_key(rest));
                }
                // "Omarosa Manigault Newman" is also "Manigault Newman".
                if core.len() >= 3 {
                    let second = core[core.len() - 2];
                    if !second.initial && !second.is_particle() {
                        surnames.push(name_key(&self.body[second.start..last.end]));
                    }
                }
                self.display_name(&c.name)
            }
        };
        self.entities.push(Entity {
            leader,
            name,
            name_words: if leader.is_some() {
                usize::MAX
            } else {
                c.name.len()
            },
            surnames,
            first,
            suffix,
            mentions: Vec::new(),
            order: None,
            role: None,
            title_words: Vec::new(),
            gender: None,
            from_headline: false,
        });
        self.entities.len() - 1
    }

    /// Keep what a candidate tells of its person: role, title words, gender.
    fn note_cand(&mut self, e: usize, c: &Cand) {
        let lex = lexicon();
        let role = c
            .apposition
            .clone()
            .map(|r| self.body[r].to_string())
            .or_else(|| c.title.clone().and_then(|t| self.title_role(t)))
            .or_else(|| c.role_before.clone().map(|r| self.body[r].to_string()));
        let titles: Vec<String> = c
            .title
            .iter()
            .flat_map(|t| self.toks[t.clone()].iter())
            .filter(|t| lex.title(&t.key).is_some())
            .map(|t| t.key.to_string())
            .collect();
        let ent = &mut self.entities[e];
        if ent.role.is_none() {
            ent.role = role;
        }
        ent.title_words.extend(titles);
        if ent.gender.is_none() {
            ent.gender = c.title_gender;
        }
    }

    /// The role a title before a name gives: "Sen." is "Senator"; "Mr." is none.
    fn title_role(&self, t: Range<usize>) -> Option<String> {
        let toks = &self.toks[t];
        let lex = lexicon();
        let parts: Vec<String> = toks
            .iter()
            .filter(|t| !matches!(t.key.as_ref(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr"))
            .map(|t| match t.key.as_ref() {
                "sen" => "Senator".to_string(),
                "rep" => "Representative".to_string(),
                "gov" => "Governor".to_string(),
                "gen" => "General".to_string(),
                "lt" => "Lieutenant".to_string(),
                "col" => "Colonel".to_string(),
                "capt" | "cpt" => "Captain".to_string(),
                "sgt" => "Sergeant".to_string(),
                "adm" => "Admiral".to_string(),
                "maj" => "Major".to_string(),
                "rev" => "Reverend".to_string(),
                "prof" => "Professor".to_string(),
                "pres" => "President".to_string(),
                "atty" => "Attorney".to_string(),
                "amb" => "Ambassador".to_string(),
                "det" => "Detective".to_string(),
                "cmdr" => "Commander".to_string(),
                _ => t.text.to_string(),
            })
            .collect();
        let has_title = toks.iter().any(|t| {
            lex.title(&t.key).is_some()
                && !matches!(t.key.as_ref(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr")
        });
        (has_title && !parts.is_empty()).then(|| parts.join(" "))
    }

    fn push_mention(&mut self, e: usize, r: Range<usize>) {
        let mut start = self.toks[r.start].start;
        // "de Blasio": a particle just before a surname belongs to it.
        if r.start > 0 {
            let p = &self.toks[r.start - 1];
            if p.is_particle() && self.toks[r.start].joins_prev && r.len() == 1 {
                start = p.start;
            }
        }
        let span = start..self.toks[r.end - 1].end;
        let ent = &mut self.entities[e];
        // Kept sorted, so telling a new mention from a repeated one stays cheap for a
        // person mentioned thousands of times (a linear search made that quadratic).
        let key = |m: &Range<usize>| (m.start, m.end);
        if let Err(at) = ent.mentions.binary_search_by_key(&key(&span), key) {
            ent.order = Some(ent.order.map_or(span.start, |o| o.min(span.start)));
            ent.mentions.insert(at, span);
        }
    }

    /// The article person a surname (or suffix form) names, by the shared-surname rules
    /// in the module doc; `pos` is where the mention is, for "most recent".
    fn find_by_surname(&self, key: &str, suffix: Option<&str>) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.surnames.iter().any(|s| s == key) && e.suffix.as_deref() == suffix)
    }

    fn person_for_single(&self, c: &Cand) -> Option<usize> {
        let tok = &self.toks[c.name.start];
        let key = tok.name_key();
        let pos = tok.start;
        let mut hits: Vec<usize> = (0..self.entities.len())
            .filter(|&e| self.entities[e].surnames.iter().any(|s| *s == key))
            .collect();
        if hits.is_empty() {
            // A first name alone ("Bernie") names the one person who has it.
            let firsts: Vec<usize> = (0..self.entities.len())
                .filter(|&e| self.entities[e].first.as_deref() == Some(tok.key.as_ref()))
                .collect();
            if firsts.len() == 1 && !c.common_start {
                hits = firsts;
            }
        }
        if hits.len() > 1 {
            let fit: Vec<usize> = hits
                .iter()
                .copied()
                .filter(|&e| self.entity_fits_title(e, c))
                .collect();
            if !fit.is_empty() {
                hits = fit;
            }
        }
        if hits.len() > 1 {
            let before = hits
                .iter()
                .copied()
                .filter_map(|e| {
                    let last = self.entities[e]
                        .mentions
                        .iter()
                        .map(|m| m.start)
                        .filter(|&s| s < pos)
                        .max()?;
                    Some((last, e))
                })
                .max();
            if let Some((_, e)) = before {
                return Some(e);
            }
            return hits.iter().copied().min_by_key(|&e| {
                self.entities[e]
                    .mentions
                    .iter()
                    .map(|m| m.start)
                    .min()
                    .unwrap_or(usize::MAX)
            });
        }
        hits.first().copied()
    }

    fn entity_fits_title(&self, e: usize, c: &Cand) -> bool {
        let ent = &self.entities[e];
        let gender = ent
            .gender
            .or(ent.leader.map(|l| gazetteer::leader(l).gender));
        if let (Some(g), Some(t)) = (gender, c.title_gender)
            && g != t
        {
            return false;
        }
        if c.title.is_none() {
            return true;
        }
        match ent.leader {
            Some(l) => self.title_fits_leader(c, gazetteer::leader(l)),
            None => {
                let words: Vec<&str> = self.toks[c.title.clone().unwrap_or(0..0)]
                    .iter()
                    .map(|t| t.key.as_ref())
                    .filter(|k| {
                        lexicon()
                            .title(k)
                            .is_some_and(|i| i.kind == TitleKind::Title)
                    })
                    .collect();
                words.is_empty() || words.iter().all(|w| ent.title_words.iter().any(|x| x == w))
            }
        }
    }

    fn add_single_to_known(&mut self, c: &Cand) {
        let key = name_key(self.text(&c.name));
        if let Some(e) = self
            .entities
            .iter()
            .position(|e| e.leader.is_none() && name_key(&e.name) == key)
        {
            self.push_mention(e, c.name.clone());
        }
    }

    fn add_single(&mut self, c: &Cand) {
        let lex = lexicon();
        if let Some(e) = self.person_for_single(c) {
            self.note_cand(e, c);
            self.push_mention(e, c.name.clone());
            return;
        }
        if c.common_start {
            return;
        }
        let tok = &self.toks[c.name.start];
        let key = tok.name_key();
        let k = tok.key.as_ref();
        let plain = !lex.is_common(k) && !lex.is_not_person(k) && !self.lower.contains(k);
        // An acronym names a leader only as an alias ("MBS"); never as a new person.
        let hits = gazetteer::surname_hits(&key);
        let from_gazetteer = match hits {
            [] => None,
            _ if c.modifier || c.stripped => None,
            [i] => {
                let l = gazetteer::leader(*i);
                // "IDs" is not "IDS" (Iain Duncan Smith): a capitals alias matches as
                // written.
                let caps_alias = l.aliases.iter().any(|a| {
                    a.chars().count() > 1
                        && a.chars().all(|c| c.is_uppercase())
                        && name_key(a) == key
                        && a != tok.text
                });
                let safe = plain
                    && !lex.is_first_name(k)
                    && !lexicon().is_common_surname(k)
                    && (!tok.acronym || l.aliases.iter().any(|a| a == tok.text))
                    && self.year.is_none_or(|y| {
                        l.roles
                            .iter()
                            .flat_map(|r| &r.years)
                            .any(|&(from, to)| from <= y + 2 && to.is_none_or(|t| t + 15 >= y))
                    });
                // A title must fit the leader ("Lord Ashcroft" is not John Ashcroft).
                let ok = match c.title {
                    Some(_) => self.title_fits_leader(c, l),
                    None => safe,
                };
                (ok && !caps_alias).then_some(*i)
            }
            _ => self.pick(hits, c).filter(|_| {
                c.title.is_some()
                    || (plain && !lex.is_first_name(k) && !lexicon().is_common_surname(k))
            }),
        };
        if let Some(i) = from_gazetteer {
            self.add_entity_full(c, Some(i));
            return;
        }
        if c.modifier || tok.acronym || !plain || lex.org_word(k).is_some() || c.connector {
            return;
        }
        // Alone, only a title makes a word a person ("Ms Hewitt", "Lord Falconer"): a
        // reporting verb is as often a company's ("Yukos said"). A surname several
        // leaders share stays a person of its own.
        if tok.initial || tok.text.chars().count() < 2 {
            return;
        }
        let personal = c.said && self.personal_pronoun_follows(c.name.end);
        if c.titled || personal || hits.len() > 1 {
            self.add_entity_full(c, None);
        }
    }

    /// Whether "he" or "she" comes soon after token `i`, before any "it": a reporting
    /// verb then follows a person, not a company.
    fn personal_pronoun_follows(&self, i: usize) -> bool {
        for t in self.toks.iter().skip(i).take(40) {
            match t.text {
                "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her" | "him" => {
                    return true;
                }
                "it" | "It" | "its" | "Its" | "they" | "They" | "their" => return false,
                _ => {}
            }
        }
        false
    }

    pub(super) fn new_entity_leader(&mut self, l: usize) -> usize {
        self.entities.push(Entity {
            leader: Some(l),
            name: gazetteer::leader(l).name.clone(),
            name_words: usize::MAX,
            surnames: gazetteer::leader_surnames(l).to_vec(),
            first: Some(gazetteer::leader_first_word(l).to_string()),
            suffix: None,
            mentions: Vec::new(),
            order: None,
            role: None,
            title_words: Vec::new(),
            gender: None,
            from_headline: false,
        });
        self.entities.len() - 1
    }

    fn finish(mut self) -> Vec<Person> {
        let date: Option<NaiveDate> = self.article.date;
        let lex = lexicon();
        let mut people: Vec<(usize, Person)> = Vec::new();
        for e in 0..self.entities.len() {
            if self.entities[e].mentions.is_empty() && !self.entities[e].from_headline {
                continue;
            }
            self.entities[e].mentions.sort_by_key(|m| m.start);
            let pronoun = self.pronoun_after(e);
            let ent = &self.entities[e];
            let mentions: Vec<Mention> = ent
                .mentions
                .iter()
                .map(|m| Mention {
                    start: m.start,
                    end: m.end,
                    text: self.body[m.clone()].to_string(),
                })
                .collect();
            let order = ent.order.unwrap_or(usize::MAX);
            let person = match ent.leader {
                Some(l) => {
                    let l = gazetteer::leader(l);
                    Person {
                        name: l.name.clone(),
                        role: gazetteer::role_at(l, date).map(str::to_string),
                        country: Some(l.country.clone()),
                        gender: Some(l.gender),
                        leader: true,
                        mentions,
                    }
                }
                None => {
                    let first_gender = ent
                        .first
                        .as_deref()
                        .and_then(|f| lex.first_name(f))
                        .flatten();
                    Person {
                        name: ent.name.clone(),
                        role: ent.role.clone(),
                        country: None,
                        gender: ent.gender.or(first_gender).or(pronoun),
                        leader: false,
                        mentions,
                    }
                }
            };
            people.push((order, person));
        }
        people.sort_by_key(|p| p.0);
        people.into_iter().map(|p| p.1).collect()
    }

    /// He or she soon after a person's first mention, before anyone else is named.
    fn pronoun_after(&self, e: usize) -> Option<Gender> {
        let first = self.entities[e].mentions.first()?.end;
        let others: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != e)
            .flat_map(|(_, x)| x.mentions.iter().map(|m| m.start))
            .filter(|&s| s >= first)
            .collect();
        let limit = others.iter().copied().min().unwrap_or(usize::MAX);
        let i = self.toks.partition_point(|t| t.start < first);
        for t in self.toks[i..].iter().take(30) {
            if t.start >= limit {
                break;
            }
            match t.text {
                "he" | "He" | "his" | "His" | "him" => return Some(Gender::Male),
                "she" | "She" | "her" | "Her" | "hers" => return Some(Gender::Female),
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;
