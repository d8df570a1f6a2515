//! From the words that name a speaker to the speaker: a person's canonical name, a
//! body's name, or nothing when the text does not say.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::attrib::{Frame, Source};
use super::lexicon::{self, Lexicon, Noun};
use super::names::{Names, title_key};
use super::tokens::{Tok, Unit};
use crate::extract::{Gender, Person};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Speaker {
    pub name: Option<String>,
    pub mention: Option<String>,
    /// What kind of speaker, for "they" and "it" later on.
    pub plural: bool,
    pub body: bool,
}

pub(super) struct Resolver<'r, 'a> {
    pub body: &'a str,
    pub toks: &'r [Tok<'a>],
    pub units: &'r [Unit],
    pub names: &'r Names,
    pub people: &'r [Person],
    lex: &'static Lexicon,
    /// The owner named before a document or body word ("a White House readout"),
    /// when the article names only one.
    owners: HashMap<String, Option<String>>,
    /// The people each title goes with ("president", former or not).
    titled: HashMap<(String, bool), Vec<String>>,
    /// The people module's mentions, by start: (start, end, person).
    mentions: Vec<(usize, usize, usize)>,
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'r, 'a> Resolver<'r, 'a> {
    pub fn new(
        body: &'a str,
        toks: &'r [Tok<'a>],
        units: &'r [Unit],
        names: &'r Names,
        people: &'r [Person],
    ) -> Self {
        let lex = lexicon::get();
        let mut owners: HashMap<String, Vec<String>> = HashMap::default();
        // "<Capitalised words> <document or body word>", and capitalised bodies
        // ("the Foreign Ministry"), for "the readout" and "the ministry" later.
        for (i, t) in toks.iter().enumerate() {
            if !t.is_word() || i == 0 {
                continue;
            }
            let key = t.key();
            if !matches!(lex.noun(key), Some(Noun::Document | Noun::Body)) {
                continue;
            }
            let mut s = i;
            while s > 0
                && toks[s - 1].is_capitalized()
                && !lexicon::is_common_capital(toks[s - 1].key())
                && i - s < 5
            {
                s -= 1;
            }
            if t.is_capitalized() {
                if s < i {
                    owners
                        .entry(key.to_owned())
                        .or_default()
                        .push(clean(&body[toks[s].start..t.end]));
                }
            } else if s < i {
                let owner = Self::owner_text(body, toks, names, people, s..i);
                owners.entry(key.to_owned()).or_default().push(owner);
            }
        }
        let owners = owners
            .into_iter()
            .map(|(k, list)| {
                let one = list.iter().all(|o| *o == list[0]).then(|| list[0].clone());
                (k, one)
            })
            .collect();
        let mut titled: HashMap<(String, bool), Vec<String>> = HashMap::default();
        for run in &names.runs {
            if let Some(t) = &run.title {
                let list = titled.entry((t.clone(), run.former)).or_default();
                let name = names.canon_text(run.canon, people);
                if !list.contains(&name) && list.len() < 4 {
                    list.push(name);
                }
            }
        }
        let mut mentions: Vec<(usize, usize, usize)> = people
            .iter()
            .enumerate()
            .flat_map(|(p, person)| person.mentions.iter().map(move |m| (m.start, m.end, p)))
            .collect();
        mentions.sort_unstable();
        Resolver {
            mentions,
            body,
            toks,
            units,
            names,
            people,
            lex,
            owners,
            titled,
        }
    }

    fn owner_text(
        body: &str,
        toks: &[Tok],
        names: &Names,
        people: &[Person],
        r: Range<usize>,
    ) -> String {
        // One person's name: their canonical name ("a Petrenko statement").
        if let Some(run) = names.run_at(r.start)
            && run.toks.end >= r.end
            && !names.forms[run.canon].org
        {
            return names.canon_text(run.canon, people);
        }
        let last = &toks[r.end - 1];
        let end = last.start
            + last
                .text
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .len();
        clean(&body[toks[r.start].start..end])
    }

    fn text(&self, r: &Range<usize>) -> String {
        clean(&self.body[self.toks[r.start].start..self.toks[r.end - 1].end])
    }

    /// The speakers of all frames, in order (a frame may need an earlier one's).
    pub fn speakers(&self, frames: &[Frame]) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = Vec::with_capacity(frames.len());
        for (fi, f) in frames.iter().enumerate() {
            let sp = match &f.source {
                Source::Np(r) => self.np(r.clone(), fi, frames, &out),
                Source::Relative(r) => self.np(r.clone(), fi, frames, &out),
                Source::Inherit(p) => out.get(*p).cloned().unwrap_or_default(),
                Source::Next | Source::Unnamed => Speaker::default(),
            };
            out.push(sp);
        }
        out
    }

    /// The speaker a phrase names, outside any frame.
    pub fn phrase(&self, r: Range<usize>) -> Speaker {
        self.np(r, usize::MAX, &[], &[])
    }

    fn np(&self, r: Range<usize>, fi: usize, frames: &[Frame], done: &[Speaker]) -> Speaker {
        let mention = Some(self.text(&r));
        let mut sp = Speaker {
            mention,
            ..Speaker::default()
        };
        let first = self.toks[r.start].key();
        if r.len() == 1 && lexicon::is_pronoun(first) {
            sp.name = self.pronoun(first, r.start, fi, frames, done);
            sp.plural = first == "they";
            return sp;
        }
        // The core is the phrase before "of"/"for"/"in": "a spokesman for the ministry",
        // "officials in Seoul", "Vale in a radio interview";
        // "people close to Vale" are not Vale (but "Committee to Protect …" is a name).
        let split = (r.start..r.end).find(|&k| {
            self.toks[k].is_word()
                && (matches!(self.toks[k].key(), "of" | "for" | "from" | "at" | "in")
                    || matches!(self.toks[k].key(), "to" | "with")
                        && k > r.start
                        && !self.toks[k - 1].is_capitalized())
        });
        let core = r.start..split.unwrap_or(r.end);
        let rest = split.map(|k| k + 1..r.end).filter(|x| !x.is_empty());
        // The head is the last noun: "a poll released" is a poll.
        let participle = |k: usize| {
            let t = &self.toks[k];
            k > core.start
                && !t.is_capitalized()
                && t.text.ends_with("ed")
                && self.lex.noun(t.key()).is_none()
        };
        let Some(head) = (core.start..core.end)
            .rev()
            .find(|&k| self.toks[k].is_word() && !participle(k))
        else {
            return sp;
        };
        // The people module knows who this is.
        if let Some(p) = self.person_at(self.toks[head].start, self.toks[head].end) {
            sp.name = Some(self.people[p].name.clone());
            return sp;
        }
        let hkey = self.toks[head].key();
        // "the readout", with nothing to say whose: the article may say elsewhere.
        let bare = (core.start..head).all(|k| {
            self.toks[k].is_word()
                && lexicon::is_determiner(self.toks[k].key())
                && !self.toks[k].is_possessive()
        });
        let noun = self.lex.noun(hkey);
        sp.plural = matches!(noun, Some(Noun::Group))
            || (self.toks[head].text.ends_with('s') && !self.toks[head].is_capitalized());
        if (core.start..core.end).any(|k| self.toks[k].key() == "and") {
            // "Trump and Putin said": two speakers, no one name.
            sp.plural = true;
            return sp;
        }
        if let Some(run) = self.names.run_at(head) {
            let form = &self.names.forms[run.canon];
            if form.org {
                sp.body = true;
                sp.name = Some(self.modified(&core));
            } else {
                sp.name = Some(self.names.canon_text(run.canon, self.people));
            }
            return sp;
        }
        match noun {
            Some(Noun::Document) => {
                sp.body = true;
                sp.name = self
                    .modifier(&core, head)
                    .or_else(|| {
                        rest.as_ref()
                            .and_then(|x| self.np(x.clone(), fi, frames, done).name)
                    })
                    .or_else(|| bare.then(|| self.owner(hkey)).flatten());
            }
            Some(Noun::Body) => {
                sp.body = true;
                sp.name = if self.toks[head].is_capitalized() {
                    Some(self.modified(&core))
                } else {
                    self.modifier(&core, head)
                        .map(|m| format!("{m} {}", self.toks[head].text))
                        .or_else(|| bare.then(|| self.owner(hkey)).flatten())
                };
            }
            Some(Noun::Role) => {
                sp.name = self
                    .title(hkey, &core)
                    .or_else(|| {
                        let owner = rest
                            .as_ref()
                            .map(|x| self.np(x.clone(), fi, frames, done))
                            .filter(|s| s.body);
                        owner.and_then(|s| s.name)
                    })
                    .or_else(|| {
                        // "a White House spokesman": the body speaks.
                        let m = self.modifier(&core, head)?;
                        let run = self
                            .names
                            .run_at((core.start..head).find(|&k| self.toks[k].is_capitalized())?)?;
                        self.names.forms[run.canon].org.then_some(m)
                    });
            }
            _ => {}
        }
        sp
    }

    /// The phrase without its determiners: "the White House" is "White House".
    fn modified(&self, core: &Range<usize>) -> String {
        let mut s = core.start;
        while s + 1 < core.end
            && self.toks[s].is_word()
            && lexicon::is_determiner(self.toks[s].key())
        {
            s += 1;
        }
        let t = self.text(&(s..core.end));
        t.strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .map(str::to_string)
            .unwrap_or(t)
    }

    /// Capitalised words before the head: "a White House readout" -> "White House".
    fn modifier(&self, core: &Range<usize>, head: usize) -> Option<String> {
        let s = (core.start..head).find(|&k| {
            self.toks[k].is_capitalized() && !lexicon::is_determiner(self.toks[k].key())
        })?;
        if !(s..head).all(|k| {
            self.toks[k].is_capitalized()
                || self.toks[k].is_punct(".")
                || self.toks[k].is_punct("-")
        }) {
            return None;
        }
        Some(Self::owner_text(
            self.body,
            self.toks,
            self.names,
            self.people,
            s..head,
        ))
    }

    /// The one owner the article gives a document or body word, if only one.
    fn owner(&self, key: &str) -> Option<String> {
        self.owners.get(key)?.clone()
    }

    /// "the president": the one current president the article names, if only one.
    fn title(&self, key: &str, core: &Range<usize>) -> Option<String> {
        let former = (core.start..core.end).any(|k| self.toks[k].key() == "former");
        let words: Vec<&str> = (core.start..core.end)
            .filter(|&k| {
                self.toks[k].is_word()
                    && !lexicon::is_determiner(self.toks[k].key())
                    && self.toks[k].key() != "former"
            })
            .map(|k| self.toks[k].key())
            .collect();
        let want = title_key(&words);
        if !self.lex.is_title(key) {
            return None;
        }
        let mut found: Vec<String> = Vec::new();
        for p in self.people {
            if let Some(role) = &p.role
                && !former
                && role.to_lowercase().split_whitespace().any(|w| w == key)
                && role.to_lowercase().starts_with("vice") == want.starts_with("vice")
            {
                found.push(p.name.clone());
            }
        }
        if let Some(names) = self.titled.get(&(want, former)) {
            found.extend(names.iter().cloned());
        }
        found.sort();
        found.dedup();
        match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    /// He or she: the most recent person before, of that gender, unless someone whose
    /// gender the text does not give comes between. They and it: the last speaker,
    /// when that was a group or a body.
    fn pronoun(
        &self,
        p: &str,
        at: usize,
        fi: usize,
        frames: &[Frame],
        done: &[Speaker],
    ) -> Option<String> {
        let want = match p {
            "he" => Gender::Male,
            "she" => Gender::Female,
            "they" | "it" => {
                if fi >= frames.len() {
                    return None;
                }
                let unit = &self.units[frames[fi].unit];
                let prev = (0..fi)
                    .rev()
                    .take(20)
                    .take_while(|&k| self.units[frames[k].unit].para + 1 >= unit.para)
                    .find(|&k| !frames[k].content.is_empty() || frames[k].bare)?;
                let sp = &done[prev];
                let fits = if p == "they" {
                    sp.plural
                } else {
                    sp.body && !sp.plural
                };
                return if fits { sp.name.clone() } else { None };
            }
            _ => return None,
        };
        let para = self.units[self.unit_of(at)].para;
        let mut unknown_between = false;
        let before = self.names.runs.partition_point(|r| r.toks.start < at);
        // A bounded look back: past a few dozen names no pronoun is clear anyway.
        for run in self.names.runs[..before].iter().rev().take(60) {
            if self.units[run.unit].para + 2 < para {
                break;
            }
            if !self.names.is_person(run, self.people) {
                continue;
            }
            match self.names.gender(run.canon, self.people) {
                Some(g) if g == want => {
                    return (!unknown_between)
                        .then(|| self.names.canon_text(run.canon, self.people));
                }
                Some(_) => {}
                None => unknown_between = true,
            }
        }
        None
    }

    /// The person whose mention overlaps bytes `start..end`, if any.
    fn person_at(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.1 <= start);
        self.mentions.get(i).filter(|m| m.0 < end).map(|m| m.2)
    }

    fn unit_of(&self, tok: usize) -> usize {
        self.units
            .partition_point(|u| u.toks.end <= tok)
            .min(self.units.len() - 1)
    }
}
