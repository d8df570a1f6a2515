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

mod lexicon;
mod scan;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::gazetteer::{self, Leader, name_key};
use super::{Gender, Mention, Person};
use crate::Article;
use lexicon::{TitleKind, lexicon};
use scan::{Tok, runs, tokens};

/// Whether a lowercase word is a demonym ("russian") or a country's short name ("us"),
/// which may stand before a title: "Russian President Vladimir Putin".
pub(crate) fn is_demonym_key(key: &str) -> bool {
    lexicon().is_country_word(key)
}

pub fn extract_people(article: &Article) -> Vec<Person> {
    Extractor::new(article).run()
}

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "stated",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "asked",
    "asks",
    "replied",
    "responded",
    "insisted",
    "insists",
    "warned",
    "claimed",
    "acknowledged",
    "admitted",
    "recalled",
    "recalls",
    "testified",
    "remarked",
    "commented",
    "urged",
    "believes",
    "thinks",
    "contends",
    "contended",
    "countered",
    "cautioned",
    "complained",
    "conceded",
    "maintained",
    "emphasized",
    "emphasised",
    "stressed",
    "texted",
    "emailed",
    "answered",
    "objected",
    "quipped",
    "joked",
    "wondered",
    "lamented",
    "mused",
];

/// Words that may stand between a name and its verb: "Trump also said".
const VERB_BRIDGES: &[&str] = &[
    "also",
    "later",
    "has",
    "had",
    "have",
    "then",
    "previously",
    "recently",
    "repeatedly",
    "once",
    "would",
    "will",
    "often",
    "again",
    "further",
    "earlier",
    "first",
    "last",
    "himself",
    "herself",
    "reportedly",
    "allegedly",
    "publicly",
    "privately",
    "told",
    "is",
    "was",
    "who",
];

/// Words after "NAME, " that open an apposition.
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "whose", "his", "her", "its", "their", "former", "now", "then", "one",
    "both", "himself", "herself",
];

/// One stretch of the text that may name a person.
#[derive(Debug, Clone)]
struct Cand {
    /// Token range of the name, titles left out.
    name: Range<usize>,
    /// Title tokens before the name ("Russian President", "Sen.").
    title: Option<Range<usize>>,
    title_gender: Option<Gender>,
    /// Lowercase role phrase before the name: "Kremlin spokesman" (byte range).
    role_before: Option<Range<usize>>,
    /// Ends before an organisation word ("Obama administration" is fine, but "Clinton
    /// Foundation" is no naming of a person unless it resolves): only resolvable.
    modifier: bool,
    /// A sentence-starting common word ("May"): only an article person's name.
    common_start: bool,
    /// Capitalised words before it were dropped ("Fort Greene"): a lone word left is
    /// only an article person's name, never a gazetteer guess.
    stripped: bool,
    /// A title or role noun stands before the name.
    titled: bool,
    /// A reporting verb, an age or a role apposition stands next to the name.
    said: bool,
    /// "of", "for", "and"… and a capitalised word before: part of a longer proper
    /// name ("Bureau of Labor Statistics"), unless a first name says otherwise.
    connector: bool,
    apposition: Option<Range<usize>>,
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
    lower: HashSet<&'a str>,
    year: Option<u16>,
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl<'a> Extractor<'a> {
    fn new(article: &'a Article) -> Self {
        let body = article.body.as_str();
        let toks = tokens(body, false);
        let lower = scan::lowercase_words(&toks);
        Extractor {
            article,
            body,
            toks,
            lower,
            year: article.date.and_then(|d| u16::try_from(d.year()).ok()),
            entities: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    fn run(mut self) -> Vec<Person> {
        let runs = runs(&self.toks, false);
        let cands: Vec<Cand> = runs
            .iter()
            .filter_map(|r| analyse_run(&self.toks, r.clone(), &self.lower, self.body))
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
                gazetteer::choose(gazetteer::surname_hits(&name_key(last.text)), self.year)
                    .is_some();
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
            && full_mentions().any(|m| m.end == b.len() && m.len() > 0)
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
            let key = name_key(self.text(&c.name));
            if let Some(e) = self.entities.iter().position(|e| e.surnames.contains(&key)) {
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
        let key = name_key(self.text(&c.name));
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
        let first = name_key(toks[0].text);
        let last = name_key(toks[toks.len() - 1].text);
        let hits: Vec<usize> = gazetteer::by_surname(&last)
            .iter()
            .copied()
            .filter(|&i| name_key(&gazetteer::leader(i).name).split(' ').next() == Some(&*first))
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
                let l = gazetteer::leader(i);
                for form in std::iter::once(&l.name).chain(&l.aliases) {
                    let key = name_key(form);
                    if key.contains(' ') {
                        surnames.extend(gazetteer::derived_surnames(&key, &l.country));
                    } else {
                        surnames.push(key);
                    }
                }
                first = name_key(&l.name).split(' ').next().map(str::to_string);
                l.name.clone()
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
        if !ent.mentions.contains(&span) {
            ent.order = Some(ent.order.map_or(span.start, |o| o.min(span.start)));
            ent.mentions.push(span);
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
        let key = name_key(tok.text);
        let pos = tok.start;
        let mut hits: Vec<usize> = (0..self.entities.len())
            .filter(|&e| self.entities[e].surnames.contains(&key))
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
        let key = name_key(tok.text);
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
                    && !COMMON_SURNAMES.contains(&k)
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
                    || (plain && !lex.is_first_name(k) && !COMMON_SURNAMES.contains(&k))
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

    /// People named in the headline: names the body uses, and gazetteer names.
    fn headline_people(&mut self) {
        let title = self.article.title.as_str();
        if title.trim().is_empty() {
            return;
        }
        let htoks = tokens(title, true);
        let letters = title.chars().filter(|c| c.is_alphabetic()).count();
        let lowers = title.chars().filter(|c| c.is_lowercase()).count();
        let all_caps = letters > 0 && lowers * 10 < letters;
        let mut i = 0;
        let lex = lexicon();
        while i < htoks.len() {
            let mut matched = 0;
            for n in (1..=4.min(htoks.len() - i)).rev() {
                let span = &htoks[i..i + n];
                if !span.iter().all(|t| t.cap || t.is_particle()) && !all_caps {
                    continue;
                }
                if span.windows(2).any(|w| !w[1].joins_prev) {
                    continue;
                }
                let key = name_key(&title[span[0].start..span[n - 1].end]);
                // "Oksana Petrenko named …" over a body that says only "Petrenko".
                if n >= 2
                    && !all_caps
                    && lex.is_first_name(&span[0].key)
                    && gazetteer::by_name(&key).is_empty()
                {
                    let last = name_key(span[n - 1].text);
                    if let Some(e) = self.entities.iter().position(|e| {
                        e.leader.is_none() && e.name_words == 1 && e.surnames.contains(&last)
                    }) {
                        let ent = &mut self.entities[e];
                        ent.name = title[span[0].start..span[n - 1].end].to_string();
                        ent.name_words = n;
                        ent.first = Some(span[0].key.to_string());
                        ent.from_headline = true;
                        i += n;
                        matched = usize::MAX;
                        break;
                    }
                }
                let entity = self
                    .entities
                    .iter()
                    .position(|e| name_key(&e.name) == key || (n == 1 && e.surnames.contains(&key)))
                    .or_else(|| {
                        let hits = gazetteer::by_name(&key);
                        let l = match hits {
                            [i] => Some(*i),
                            _ if n == 1 => {
                                let k: &str = &span[0].key;
                                let safe = !lex.is_common(k)
                                    && !lex.is_not_person(k)
                                    && !lex.is_first_name(k)
                                    && !self.lower.contains(k)
                                    && !COMMON_SURNAMES.contains(&k);
                                if safe {
                                    gazetteer::choose(gazetteer::surname_hits(&key), self.year)
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        }?;
                        let existing = self.entities.iter().position(|e| e.leader == Some(l));
                        Some(existing.unwrap_or_else(|| {
                            let c = Cand {
                                name: 0..0,
                                title: None,
                                title_gender: None,
                                role_before: None,
                                modifier: false,
                                common_start: false,
                                titled: true,
                                said: false,
                                connector: false,
                                stripped: false,
                                apposition: None,
                            };
                            let e = self.new_entity_leader(&c, l);
                            self.by_key.insert(format!("#{l}"), e);
                            e
                        }))
                    });
                if let Some(e) = entity {
                    self.entities[e].from_headline = true;
                    matched = n;
                    break;
                }
            }
            if matched != usize::MAX {
                i += matched.max(1);
            }
        }
    }

    fn new_entity_leader(&mut self, _c: &Cand, l: usize) -> usize {
        let leader = gazetteer::leader(l);
        let mut surnames = Vec::new();
        for form in std::iter::once(&leader.name).chain(&leader.aliases) {
            let key = name_key(form);
            if key.contains(' ') {
                surnames.extend(gazetteer::derived_surnames(&key, &leader.country));
            } else {
                surnames.push(key);
            }
        }
        self.entities.push(Entity {
            leader: Some(l),
            name: leader.name.clone(),
            name_words: usize::MAX,
            surnames,
            first: name_key(&leader.name).split(' ').next().map(str::to_string),
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

    /// "the German chancellor", "Russia's president", "the prime minister of India",
    /// "the president" when one president is named.
    fn title_only(&mut self) {
        let lex = lexicon();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            let lower = t.key.as_ref();
            if !matches!(
                lower,
                "president"
                    | "chancellor"
                    | "premier"
                    | "prime"
                    | "king"
                    | "queen"
                    | "leader"
                    | "secretary-general"
            ) {
                i += 1;
                continue;
            }
            // The office: "prime minister" takes two words.
            let (office, office_end) = if lower == "prime" {
                match self.toks.get(i + 1) {
                    Some(m) if m.key == "minister" && m.joins_prev => ("prime minister", i + 2),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            } else {
                (lower, i + 1)
            };
            // A name after it: a title of a named person, not a reference by title.
            if let Some(nx) = self.toks.get(office_end)
                && nx.joins_prev
                && nx.cap
                && !nx.possessive
                && !self.toks[office_end - 1].possessive
            {
                i = office_end;
                continue;
            }
            let mut countries: Vec<usize> = Vec::new();
            let mut start = i;
            // "the Russian president", "Russia's president", "the U.S. president".
            if i > 0 && self.gap_is_space(i) {
                let p = &self.toks[i - 1];
                let mut cs = Vec::new();
                let mut s = i - 1;
                if i > 1 && self.gap_is_space(i - 1) {
                    // "North Korean leader", "South African president".
                    let two = format!("{} {}", self.toks[i - 2].key, p.key);
                    cs = lex.countries(&two);
                    s = i - 2;
                }
                if cs.is_empty() {
                    cs = lex.countries(&p.key);
                    s = i - 1;
                }
                if !cs.is_empty() && (p.cap || p.acronym) {
                    countries = cs;
                    start = s;
                }
            }
            let mut end = office_end;
            // "the president of Russia", "the prime minister of the United Kingdom".
            if countries.is_empty()
                && let Some(of) = self.toks.get(office_end)
                && of.text == "of"
            {
                let mut j = office_end + 1;
                if self.toks.get(j).is_some_and(|t| t.key == "the") {
                    j += 1;
                }
                for len in (1..=3).rev() {
                    if j + len > n {
                        continue;
                    }
                    let key: Vec<&str> = self.toks[j..j + len]
                        .iter()
                        .map(|t| t.key.as_ref())
                        .collect();
                    let cs = lex.countries(&key.join(" "));
                    if !cs.is_empty() && self.toks[j].cap {
                        countries = cs;
                        end = j + len;
                        break;
                    }
                }
            }
            // Bare "the president": needs "the" before it.
            let bare = countries.is_empty();
            if bare && !(i > 0 && self.toks[i - 1].key == "the" && self.toks[i].joins_prev) {
                i = end;
                continue;
            }
            if bare && office == "leader" {
                i = end;
                continue;
            }
            if let Some(l) = self.office_holder(office, &countries) {
                let e = match self.entities.iter().position(|e| e.leader == Some(l)) {
                    Some(e) => e,
                    None => {
                        let c = Cand {
                            name: 0..0,
                            title: None,
                            title_gender: None,
                            role_before: None,
                            modifier: false,
                            common_start: false,
                            titled: true,
                            said: false,
                            connector: false,
                            stripped: false,
                            apposition: None,
                        };
                        self.new_entity_leader(&c, l)
                    }
                };
                self.push_mention(e, start..end);
            }
            i = end;
        }
    }

    /// Whether token `i` follows the one before it after a single space.
    fn gap_is_space(&self, i: usize) -> bool {
        i > 0 && &self.body[self.toks[i - 1].raw_end..self.toks[i].start] == " "
    }

    /// The leader holding `office` of one of `countries` at the article's date; with
    /// no country, the one leader named in the article who holds such an office.
    fn office_holder(&self, office: &str, countries: &[usize]) -> Option<usize> {
        let lex = lexicon();
        let offices: &[&str] = match office {
            "leader" => &["supreme leader", "leader", "general secretary"],
            "premier" => &["premier", "prime minister"],
            o => std::slice::from_ref(match o {
                "secretary-general" => &"secretary general",
                "president" => &"president",
                "chancellor" => &"chancellor",
                "prime minister" => &"prime minister",
                "king" => &"king",
                "queen" => &"queen",
                _ => return None,
            }),
        };
        let named: Vec<usize> = self.entities.iter().filter_map(|e| e.leader).collect();
        if countries.is_empty() {
            // "the president": the one named leader who holds some presidency then.
            let fits: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&l| {
                    gazetteer::leader(l).roles.iter().any(|r| {
                        let t = r.title.to_lowercase();
                        offices.iter().any(|o| t.starts_with(&format!("{o} of ")))
                            && self.year.is_none_or(|y| r.held_in(y))
                    })
                })
                .collect();
            let mut fits = fits;
            fits.dedup();
            return if let [l] = fits[..] { Some(l) } else { None };
        }
        let mut holders: Vec<(usize, u16)> = Vec::new();
        for &c in countries {
            for name in lex.country_names(c) {
                for o in offices {
                    let key = gazetteer::role_key(&format!("{o} of {name}"));
                    for &(l, r) in gazetteer::by_role(&key) {
                        let role = &gazetteer::leader(l).roles[r];
                        let ok = match self.year {
                            Some(y) => role.held_in(y),
                            None => named.contains(&l),
                        };
                        if ok && !holders.iter().any(|h| h.0 == l) {
                            let since = role
                                .years
                                .iter()
                                .filter(|s| self.year.is_none_or(|y| s.0 <= y))
                                .map(|s| s.0)
                                .max()
                                .unwrap_or(0);
                            holders.push((l, since));
                        }
                    }
                }
            }
        }
        match holders.len() {
            0 => None,
            1 => Some(holders[0].0),
            // A year of handover: the one the article names, else the newcomer.
            _ => {
                let in_article: Vec<usize> = holders
                    .iter()
                    .map(|h| h.0)
                    .filter(|l| named.contains(l))
                    .collect();
                if let [l] = in_article[..] {
                    return Some(l);
                }
                holders.iter().max_by_key(|h| h.1).map(|h| h.0)
            }
        }
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

/// Surnames so common that, alone, they name no particular leader.
const COMMON_SURNAMES: &[&str] = &[
    "smith",
    "johnson",
    "williams",
    "brown",
    "jones",
    "miller",
    "davis",
    "wilson",
    "anderson",
    "taylor",
    "thomas",
    "moore",
    "martin",
    "jackson",
    "thompson",
    "white",
    "harris",
    "clark",
    "lewis",
    "robinson",
    "walker",
    "young",
    "allen",
    "king",
    "wright",
    "scott",
    "green",
    "baker",
    "adams",
    "nelson",
    "hill",
    "campbell",
    "mitchell",
    "roberts",
    "carter",
    "phillips",
    "evans",
    "turner",
    "parker",
    "collins",
    "edwards",
    "stewart",
    "morris",
    "murphy",
    "cook",
    "rogers",
    "morgan",
    "cooper",
    "peterson",
    "reed",
    "bailey",
    "bell",
    "kelly",
    "howard",
    "ward",
    "cox",
    "richardson",
    "wood",
    "watson",
    "brooks",
    "bennett",
    "gray",
    "james",
    "hughes",
    "price",
    "sanders",
    "long",
    "foster",
    "powell",
    "jenkins",
    "perry",
    "russell",
    "sullivan",
    "fisher",
    "graham",
    "hamilton",
    "ford",
    "marshall",
    "owens",
    "kennedy",
    "warren",
    "dixon",
    "burns",
    "gordon",
    "hunt",
    "black",
    "rice",
    "grant",
    "stone",
    "hayes",
    "major",
    "may",
    "lee",
    "kim",
    "park",
    "li",
    "wang",
    "zhang",
    "liu",
    "chen",
    "yang",
    "singh",
    "khan",
    "ali",
    "ahmed",
    "hussein",
    "hassan",
    "rahman",
    "nguyen",
    "tran",
    "garcia",
    "rodriguez",
    "martinez",
    "hernandez",
    "lopez",
    "gonzalez",
    "perez",
    "sanchez",
    "ramirez",
    "torres",
    "flores",
    "rivera",
    "gomez",
    "diaz",
    "silva",
    "santos",
    "costa",
    "ferreira",
    "rossi",
    "müller",
    "muller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "meyer",
    "wagner",
    "becker",
    "schulz",
    "hoffmann",
    "ivanov",
    "petrov",
    "sharif",
    "gandhi",
    "bhutto",
    "abe",
    "moon",
];

/// Cut a run of capitalised words into a title and a name, and weigh the evidence
/// around it. `None` when nothing in it can name a person.
fn analyse_run(
    toks: &[Tok<'_>],
    run: Range<usize>,
    lower: &HashSet<&str>,
    body: &str,
) -> Option<Cand> {
    let lex = lexicon();
    let first_name = |t: &Tok<'_>| lex.is_first_name(&t.key);
    let end = run.end;
    let mut a = run.start;
    let run_keys: Vec<&str> = toks[run.clone()].iter().map(|t| t.key.as_ref()).collect();
    // "Alliance Defending Freedom", "Council Leader": an organisation word first.
    if lex.org_word(run_keys[0]) == Some(true) && !run_keys.iter().any(|k| lex.title(k).is_some()) {
        return None;
    }
    let mut common_start = false;
    // Sentence-starting and function words at the front: "Both", "According", "The".
    while a < end {
        let t = &toks[a];
        let is_title = lex.title(&t.key).is_some();
        let common = lex.is_common(&t.key) && !is_title;
        let gerund =
            (t.sent_start && (t.key.ends_with("ing") || t.key.ends_with("ly")) && !first_name(t))
                || t.key
                    .strip_suffix('s')
                    .is_some_and(|k| lex.role_noun(k).is_some() && !first_name(t));
        let lowered = gerund
            || t.sent_start
                && !is_title
                && (lower.contains(t.key.as_ref()) && t.text != t.key
                    || lex.role_noun(&t.key).is_some());
        let opens_phrase = lex.phrase_at(&run_keys[a - run.start..]) >= 2;
        if ((common && (t.sent_start || !first_name(t) || t.key == "the")) || lowered)
            && !opens_phrase
        {
            if a + 1 == end || end - a == 2 && toks[a + 1].is_suffix() {
                common_start = t.sent_start && lex.title(&t.key).is_none();
                break;
            }
            a += 1;
        } else if t.is_particle() {
            a += 1;
        } else {
            break;
        }
    }
    if a >= end {
        return None;
    }
    // The title: the rightmost title word with a name after it and no first name
    // before it ("Martin Luther King Jr." has no title).
    let mut title_end = None;
    for k in (a..end - 1).rev() {
        let info = lex.title(&toks[k].key);
        let is_title = info.is_some_and(|i| matches!(i.kind, TitleKind::Abbr | TitleKind::Title));
        if !is_title || toks[k + 1].is_suffix() {
            continue;
        }
        let names_before = toks[a..k].iter().any(|t| {
            first_name(t)
                && !lex.is_not_person(&t.key)
                && !lex.is_common(&t.key)
                && lex.title(&t.key).is_none()
        });
        if !names_before {
            title_end = Some(k + 1);
            break;
        }
    }
    let mut b = title_end.unwrap_or(a);
    let mut title_gender = None;
    for t in &toks[a..b] {
        if let Some(g) = lex.title(&t.key).and_then(|i| i.gender) {
            title_gender = Some(g);
        }
    }
    // Not-a-person words: phrases ("White House") and single words ("Geneva").
    let keys: Vec<&str> = toks[b..end].iter().map(|t| t.key.as_ref()).collect();
    let mut np = vec![false; end - b];
    let mut p = 0;
    while p < keys.len() {
        let len = lex.phrase_at(&keys[p..]);
        if len >= 2 {
            np[p..p + len].iter_mut().for_each(|x| *x = true);
            p += len;
        } else {
            np[p] = lex.is_not_person(keys[p]) || is_demonym_key(keys[p]);
            p += 1;
        }
    }
    // Leading not-a-person words belong to the title, or to nothing: "Geneva Process".
    let base = b;
    let stripped_from = b;
    let mut e = end;
    // "President Moon Jae-in": a leader's full name keeps all its words.
    let whole = name_key(&body[toks[b].start..toks[e - 1].end]);
    let is_leader_name = !gazetteer::by_name(&whole).is_empty();
    while !is_leader_name
        && b < e
        && (np[b - base] || lex.title(&toks[b].key).is_some() || !toks[b].cap)
        && !(first_name(&toks[b]) && b + 1 < e && !np[b + 1 - base])
    {
        b += 1;
    }
    if b >= e {
        return None;
    }
    // An organisation word after the first name word: "Security Council", "Trump
    // Tower", "Stanford University". What stands before it may still be resolved.
    let org_at = (b + 1..e).find(|&q| match lex.org_word(&toks[q].key) {
        Some(true) => true,
        Some(false) => !first_name(&toks[q - 1]),
        None => false,
    });
    let modifier = org_at.is_some();
    if let Some(q) = org_at {
        e = q;
    }
    if modifier && lex.org_word(&toks[b].key) == Some(true) {
        return None;
    }
    // A headline run into the text ("Nikki Haley Has Decided That…"): the name
    // ends before the first function word or auxiliary.
    const AUXILIARIES: &[&str] = &[
        "has", "have", "had", "is", "are", "was", "were", "would", "should", "could", "can",
        "might", "must", "does", "did", "do", "that", "this", "the", "a", "an", "of", "for", "to",
        "in", "on", "at", "with", "says", "said", "and", "or", "but", "not", "no",
    ];
    if let Some(q) =
        (b + 1..e).find(|&q| !toks[q].initial && AUXILIARIES.contains(&toks[q].key.as_ref()))
    {
        e = q;
    }
    // Trailing function words ("Meet The") never end a name.
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "it", "its", "be", "if", "is", "are", "was", "of", "and", "or", "but",
        "to", "in", "on", "at", "for", "with", "this", "that", "you", "we", "i",
    ];
    while e > b + 1 && FUNCTION_WORDS.contains(&toks[e - 1].key.as_ref()) {
        e -= 1;
    }
    // Trailing not-a-person words, unless a first name opens the name ("Theresa May").
    if !first_name(&toks[b]) && !is_leader_name {
        while e > b + 1
            && np[e - 1 - base]
            && !toks[e - 1].is_suffix()
            && (is_demonym_key(&toks[e - 1].key) || lex.org_word(&toks[e - 1].key).is_some())
        {
            e -= 1;
        }
    }
    if e == b + 1 && np[b - base] && title_end.is_none() {
        // A lone place, demonym or organisation — unless an article person has it as
        // surname (checked later), it is no one.
        common_start = true;
    }
    let title = title_end.map(|t| a..t.max(b).min(b));
    let title = title.filter(|t| !t.is_empty());
    // A lowercase title or role noun right before the run.
    let mut role_before = None;
    if title.is_none() && run.start > 0 && toks[run.start].joins_prev {
        let p = &toks[run.start - 1];
        if !p.cap
            && let Some(info) = lex.role_noun(p.text)
        {
            if title_gender.is_none() {
                title_gender = info.gender;
            }
            let mut s = run.start - 1;
            while s > 0 && toks[s].joins_prev {
                let q = &toks[s - 1];
                let qualifies = (q.cap && !lex.is_common(&q.key))
                    || lex.title(&q.key).is_some_and(|i| i.kind == TitleKind::Mod)
                    || matches!(
                        q.text,
                        "former"
                            | "deputy"
                            | "chief"
                            | "senior"
                            | "top"
                            | "press"
                            | "foreign"
                            | "vice"
                            | "state"
                            | "party"
                            | "campaign"
                            | "defense"
                            | "defence"
                            | "prime"
                            | "white"
                            | "house"
                            | "senate"
                            | "assistant"
                            | "acting"
                    );
                if !qualifies {
                    break;
                }
                s -= 1;
            }
            role_before = Some(toks[s].start..p.end);
        }
    }
    if toks[b..e].iter().all(|t| t.is_suffix()) {
        return None;
    }
    let name = b..e;
    let (evidence_after, apposition) = if modifier || toks[e - 1].possessive {
        (false, None)
    } else {
        evidence_after(toks, e, body)
    };
    let evidence_before =
        run.start > 0 && &body[toks[run.start - 1].raw_end..toks[run.start].start] == " " && {
            let p = &toks[run.start - 1];
            matches!(
            p.text,
            "said" | "says" | "added" | "adds" | "wrote" | "writes" | "named" | "called"
        ) || (p.text == "to" && run.start > 1 && toks[run.start - 2].text == "according")
            // "CNN's Wolf Blitzer", "Fox News' Ami Horowitz": someone of an outlet.
            || (p.possessive && e - b >= 2 && (p.acronym || lex.is_not_person(&p.key)))
        };
    // "Bureau of Labor Statistics", "Immigration and Customs Enforcement".
    let connector = run.start > 1 && toks[run.start].joins_prev && {
        let p = &toks[run.start - 1];
        matches!(
            p.text,
            "of" | "for" | "and" | "to" | "on" | "against" | "&" | "de"
        ) && toks[run.start - 2].cap
            && toks[run.start - 1].joins_prev
            && !first_name(&toks[b])
    };
    // "R-Texas", "D-Calif.", "Paris-based": no names.
    let t0 = toks[b].text;
    if t0.len() > 2 && t0.as_bytes()[1] == b'-' && matches!(t0.as_bytes()[0], b'R' | b'D' | b'I')
        || toks[b..e].iter().any(|t| t.key.ends_with("-based"))
    {
        return None;
    }
    // A photo credit: "Jonathan Ernst/Reuters".
    if body[toks[e - 1].raw_end..].starts_with('/') {
        return None;
    }
    // A title in quotes: "“Hope Starts Here” program".
    if toks[run.clone()]
        .iter()
        .any(|t| lex.is_common(&t.key) || lower.contains(t.key.as_ref()))
        && body[..toks[run.start].start].ends_with(['“', '"'])
        && body[toks[run.end - 1].raw_end..].starts_with(['”', '"'])
    {
        return None;
    }
    let general = title.as_ref().is_some_and(|t| {
        matches!(
            toks[t.end - 1].text,
            "General" | "Major" | "Private" | "King"
        )
    });
    // "Archbishop of Canterbury", "Secretary of State": after "of" comes a place.
    if b > run.start && toks[b - 1].text == "of" && !first_name(&toks[b]) {
        return None;
    }
    // "Radio Five Live", "Council Leader": an organisation word first.
    if lex.org_word(&toks[b].key) == Some(true) {
        return None;
    }
    // The Hill's "Mitch McConnell Addison (Mitch) Mitchell McConnell": the full legal
    // name after a nickname in brackets repeats someone already named.
    if run.start > 1 && body[..toks[run.start].start].ends_with(") ") && {
        let before = &body[..toks[run.start - 1].start];
        before.ends_with('(')
    } {
        return None;
    }
    // "Georgia Carry, a pro-gun group,": an apposition naming an organisation.
    const ORG_NOUNS: &[&str] = &[
        "group",
        "organization",
        "organisation",
        "company",
        "firm",
        "agency",
        "party",
        "coalition",
        "campaign",
        "network",
        "newspaper",
        "website",
        "site",
        "union",
        "association",
        "nonprofit",
        "charity",
        "bank",
        "fund",
        "program",
        "programme",
        "magazine",
        "outlet",
        "band",
        "film",
        "movie",
        "book",
        "show",
        "series",
        "team",
        "club",
        "brand",
        "chain",
        "airline",
        "institute",
        "center",
        "centre",
        "tank",
        "committee",
        "council",
        "service",
        "platform",
        "app",
        "startup",
        "corporation",
        "subsidiary",
    ];
    if let Some(r) = &apposition {
        let words: Vec<&str> = body[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        // The first noun that says what it is, before any preposition: "a pro-gun
        // group", "the beer company thought to…" are organisations; "a member of the
        // party" is a person.
        let stops = [
            "of", "for", "in", "at", "that", "which", "with", "on", "to", "who",
        ];
        let kind = words
            .iter()
            .skip(1)
            .take_while(|w| !stops.contains(*w))
            .find_map(|w| {
                if ORG_NOUNS.contains(w) {
                    Some(true)
                } else if lex.role_noun(w).is_some() {
                    Some(false)
                } else {
                    None
                }
            });
        if kind == Some(true) {
            return None;
        }
    }
    // "Petrenko, a former journalist,": an apposition naming a person's role.
    let appos_person = apposition.as_ref().is_some_and(|r| {
        body[r.clone()]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lex.role_noun(w).is_some())
    });
    Some(Cand {
        stripped: b > stripped_from
            && toks[stripped_from..b].iter().any(|t| {
                t.cap
                    && lex.title(&t.key).is_none()
                    && !is_demonym_key(&t.key)
                    && !matches!(
                        t.key.as_ref(),
                        "republican"
                            | "democrat"
                            | "democratic"
                            | "gop"
                            | "labour"
                            | "tory"
                            | "conservative"
                            | "liberal"
                            | "independent"
                            | "socialist"
                    )
            }),
        titled: (title.is_some() && !general)
            || role_before.is_some()
            || title_gender.is_some()
            || appos_person,
        said: evidence_after || evidence_before,
        connector,
        name,
        title,
        title_gender,
        role_before,
        modifier,
        common_start: common_start && !modifier,
        apposition,
    })
}

/// What follows a name: a reporting verb ("Petrenko said", "Trump also told"), an
/// apposition ("Petrenko, a spokeswoman for the ministry,"), an age ("Smith, 45,").
/// Returns whether there is evidence, and the apposition as a role if it is one.
fn evidence_after(toks: &[Tok<'_>], e: usize, body: &str) -> (bool, Option<Range<usize>>) {
    let Some(next) = toks.get(e) else {
        return (false, None);
    };
    let last_end = toks[e - 1].raw_end;
    let gap = &body[last_end..next.start];
    // "Smith said", "Smith also said".
    if gap == " " {
        if REPORTING_VERBS.contains(&next.text) {
            return (true, None);
        }
        if VERB_BRIDGES.contains(&next.text)
            && let Some(n2) = toks.get(e + 1)
            && REPORTING_VERBS.contains(&n2.text)
        {
            return (true, None);
        }
        return (false, None);
    }
    if gap != ", " {
        return (false, None);
    }
    // "Butcher, an analyst at Heritage, writes": a verb after a comma is the
    // verb of whoever the apposition followed, so it is no sign here.
    if next.text.chars().all(|c| c.is_ascii_digit()) {
        return (true, None);
    }
    if !APPOSITION_OPENERS.contains(&next.text) {
        return (false, None);
    }
    // The apposition runs to the next comma, period or dash, within 14 words.
    let mut j = e;
    while j < toks.len() && j - e < 14 {
        let after = &body[toks[j].raw_end..toks.get(j + 1).map_or(body.len(), |t| t.start)];
        if after.contains([',', '.', ';', '—', '–', ')', '(', ':', '"', '“', '”', '\n']) {
            let is_role = matches!(next.text, "a" | "an" | "the" | "former")
                && !toks[e..=j]
                    .iter()
                    .any(|t| matches!(t.text, "who" | "which" | "that" | "said" | "says"));
            let role = is_role.then(|| next.start..toks[j].raw_end);
            return (true, role);
        }
        j += 1;
    }
    (next.text == "who", None)
}

/// Resolve a name through the gazetteer, as the query side does.
pub fn resolve_leader(name: &str) -> Option<&'static Leader> {
    gazetteer::resolve(name)
}

#[cfg(test)]
mod tests;
