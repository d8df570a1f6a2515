//! The names an article uses, found without the people module: runs of capitalised
//! words, less the titles before them ("Russian President Vladimir Putin" is Vladimir
//! Putin, a president), each tied to the fullest form the article gives it ("Petrenko"
//! is "Oksana Petrenko"), with the gender the text gives it (titles, "spokeswoman",
//! and the he/she that follows it where it is the only person in the sentence).
//! When the people module knows a name, its canonical name and gender win.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::lexicon::{self, Lexicon, Noun};
use super::tokens::{self, Kind, Tok, Unit};
use crate::extract::{Gender, Person};
use crate::extract::{people, text};

/// One use of a name.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// The name's tokens, titles excluded.
    pub toks: Range<usize>,
    /// The title right before the name, lowercase ("president", "vice president").
    pub title: Option<String>,
    /// Whether a "former" or "ex-" comes before the title.
    pub former: bool,
    /// The form this use is written in, and the fullest form it stands for.
    pub form: usize,
    pub canon: usize,
    /// The unit the run is in.
    pub unit: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Form {
    pub words: Vec<String>,
    pub text: String,
    pub count: usize,
    /// An organisation ("White House", "FBI"), not a person.
    pub org: bool,
    /// The person the people module gave this form, if any.
    pub person: Option<usize>,
    male: u32,
    female: u32,
}

#[derive(Debug, Default)]
pub(super) struct Names {
    pub runs: Vec<Run>,
    pub forms: Vec<Form>,
    /// Index in `runs` of the run covering each token, for tokens in a name.
    by_tok: HashMap<usize, usize>,
    /// Forms by their lowercase words, while building.
    form_ids: HashMap<String, usize>,
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "der"
            | "den"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "dos"
            | "das"
    )
}

fn is_suffix(w: &str) -> bool {
    matches!(w, "jr" | "sr" | "ii" | "iii" | "iv")
}

fn is_acronym(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// `text` without every repeat of `suffix` at its end: `str::trim_end_matches`
/// with a `&str` pattern, which sets up a substring searcher on every call.
fn trim_end_all<'t>(mut text: &'t str, suffix: &str) -> &'t str {
    if suffix.is_empty() {
        return text;
    }
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// Normal form of a title word: "sen" and "senator" are one title.
pub(super) fn title_key(words: &[&str]) -> String {
    words
        .iter()
        .map(|&w| match w {
            "sen" => "senator",
            "gov" => "governor",
            "rep" | "congressman" | "congresswoman" => "representative",
            "pres" => "president",
            "gen" => "general",
            "sec" => "secretary",
            "lt" => "lieutenant",
            "col" => "colonel",
            "capt" => "captain",
            "adm" => "admiral",
            "prof" => "professor",
            "rev" => "reverend",
            "chairwoman" | "chair" => "chairman",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Names {
    pub fn run_at(&self, tok: usize) -> Option<&Run> {
        self.by_tok.get(&tok).map(|&i| &self.runs[i])
    }

    pub fn canon_text(&self, form: usize, people: &[Person]) -> String {
        let f = &self.forms[form];
        match f.person {
            Some(p) => people[p].name.clone(),
            None => f.text.clone(),
        }
    }

    pub fn gender(&self, form: usize, people: &[Person]) -> Option<Gender> {
        let f = &self.forms[form];
        if let Some(g) = f.person.and_then(|p| people[p].gender) {
            return Some(g);
        }
        if f.male > 2 * f.female {
            Some(Gender::Male)
        } else if f.female > 2 * f.male {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// Whether a run names a person rather than a place or an organisation, as far as
    /// the article tells.
    pub fn is_person(&self, run: &Run, people: &[Person]) -> bool {
        let f = &self.forms[run.canon];
        // "Labor Day", "Election Night": a day, not a person.
        let day = f.person.is_none()
            && f.words.len() >= 2
            && f.words.last().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "Day" | "Night" | "Eve" | "Week" | "Month" | "Year"
                )
            });
        !f.org && !day && (self.named_as_person(run) || self.gender(run.canon, people).is_some())
    }

    /// Whether something besides capitals says a run names a person: the people
    /// module, a title, or a first name. Two capitalised words are not enough ("the
    /// Catholic movement Opus Dei. But she denied").
    fn named_as_person(&self, run: &Run) -> bool {
        let f = &self.forms[run.canon];
        f.person.is_some()
            || run.title.is_some()
            || f.words.first().is_some_and(|w| people::is_first_name(w))
    }

    /// The names of an article's body, with the fuller forms its title may give
    /// ("President Donald Trump" in the title, "Trump" in the body).
    pub fn find(body: &str, title: &str, toks: &[Tok], units: &[Unit], people: &[Person]) -> Names {
        let lex = lexicon::get();
        let mut names = Names::default();
        // A headline in title case capitalises every word: no names to learn there.
        let title_words = text::words(title);
        let capitals = title_words.iter().filter(|w| w.is_capitalized()).count();
        if !title_words.is_empty() && capitals * 2 <= title_words.len() + 1 && title.len() < 1000 {
            let mut t_keys = String::new();
            let t_toks = tokens::tokenize(title, &[], &mut t_keys);
            let t_units = tokens::units(title, &t_toks, &[]);
            names.scan(title, &t_toks, &t_units, false);
        }
        names.scan(body, toks, units, true);
        names.link_people(toks, people);
        names.resolve_forms();
        names.count_genders(toks, units, lex);
        names
    }

    /// Runs of capitalised words; `record` keeps each use (the body's), else only
    /// the forms (the title's).
    fn scan(&mut self, body: &str, toks: &[Tok], units: &[Unit], record: bool) {
        let lex = lexicon::get();
        for (ui, unit) in units.iter().enumerate() {
            let mut i = unit.toks.start;
            while i < unit.toks.end {
                if !(toks[i].is_capitalized() && toks[i].text != "I") {
                    i += 1;
                    continue;
                }
                // "Said Petrenko, …", "Stated Brandt:": a verb that opens the
                // sentence is no part of the name after it.
                if i == unit.toks.start
                    && lex.cues(toks[i].key()).iter().any(|c| c.words.len() == 1)
                    && toks.get(i + 1).is_some_and(|n| n.is_capitalized())
                {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut j = i;
                while j < unit.toks.end {
                    let t = &toks[j];
                    let prev = (j > start).then(|| &toks[j - 1]);
                    let ok = if t.is_capitalized() {
                        t.text != "I"
                    } else if t.is_word() {
                        is_connector(t.key()) && toks.get(j + 1).is_some_and(|n| n.is_capitalized())
                    } else {
                        // The period of an initial or an abbreviated title: "W.", "Sen."
                        t.is_punct(".")
                            && prev.is_some_and(|p| {
                                p.end == t.start
                                    && (p.text.chars().count() == 1
                                        || lex.is_title(p.key())
                                        || is_suffix(p.key()))
                            })
                            && toks.get(j + 1).is_some_and(|n| n.is_capitalized())
                    };
                    if !ok || (j > start && toks[j - 1].is_possessive()) {
                        break;
                    }
                    j += 1;
                }
                self.add_run(body, toks, start..j, (ui, unit), record);
                i = j.max(start + 1);
            }
        }
    }

    fn add_run(
        &mut self,
        body: &str,
        toks: &[Tok],
        run: Range<usize>,
        (ui, unit): (usize, &Unit),
        record: bool,
    ) {
        let lex = lexicon::get();
        let mut s = run.start;
        // A common word that starts a sentence or a quotation is not a name.
        let at_start = s == unit.toks.start || (s > 0 && toks[s - 1].kind == Kind::Open);
        if at_start && lexicon::is_common_capital(toks[s].key()) {
            s += 1;
        }
        let words: Vec<usize> = (s..run.end).filter(|&k| toks[k].is_word()).collect();
        // The name starts after the last title word that has a name after it.
        let mut name_from = 0;
        for (n, &k) in words.iter().enumerate() {
            if n + 1 < words.len() && lex.is_title(toks[k].key()) {
                name_from = n + 1;
            }
        }
        let Some(&first) = words.get(name_from) else {
            return;
        };
        // "Critics said", "Republicans say": a group, not a name.
        if words.len() - name_from == 1 && lex.noun(toks[first].key()) == Some(Noun::Group) {
            return;
        }
        let last = *words.last().unwrap_or(&first);
        let mut title_from = name_from;
        while title_from > 0 && lex.is_title(toks[words[title_from - 1]].key()) {
            title_from -= 1;
        }
        let title_words: Vec<&str> = words[title_from..name_from]
            .iter()
            .map(|&k| toks[k].key())
            .filter(|w| {
                !matches!(
                    *w,
                    "former" | "democrat" | "democratic" | "republican" | "gop" | "independent"
                )
            })
            .collect();
        let before_title = if title_from > 0 {
            Some(toks[words[title_from - 1]].key())
        } else {
            s.checked_sub(1).map(|k| toks[k].key())
        };
        let former = words[title_from..name_from]
            .iter()
            .any(|&k| toks[k].key() == "former")
            || matches!(before_title, Some("former" | "ex" | "then" | "late"));
        let name_words: Vec<&str> = words[name_from..].iter().map(|&k| toks[k].key()).collect();
        let key = name_words.join(" ");
        let head = name_words.last().copied().unwrap_or_default();
        // "Jr." on its own is no one.
        if name_words.iter().all(|w| is_suffix(w)) {
            return;
        }
        let org = matches!(lex.noun(head), Some(Noun::Body | Noun::Document))
            || name_words.iter().any(|w| lex.is_place_word(w))
            || name_words.contains(&"of")
            // "World At One": a title, not a person.
            || name_words.iter().skip(1).any(|w| lexicon::is_common_capital(w))
            || (name_words.len() == 1 && is_acronym(trim_end_all(toks[last].text, "'s")));
        let form = *self.form_ids.entry(key).or_insert_with(|| {
            let end_tok = &toks[last];
            let stem = trim_end_all(trim_end_all(end_tok.text, "'s"), "’s");
            let end = end_tok.start + stem.len();
            let text = body[toks[first].start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            self.forms.push(Form {
                words: name_words.iter().map(|&w| w.to_owned()).collect(),
                text,
                count: 0,
                org,
                person: None,
                male: 0,
                female: 0,
            });
            self.forms.len() - 1
        });
        self.forms[form].count += 1;
        let title = (!title_words.is_empty()).then(|| title_key(&title_words));
        if let Some(g) = words[title_from..name_from]
            .iter()
            .find_map(|&k| lex.gender(toks[k].key()))
            .or_else(|| s.checked_sub(1).and_then(|k| lex.gender(toks[k].key())))
        {
            match g {
                Gender::Male => self.forms[form].male += 2,
                Gender::Female => self.forms[form].female += 2,
            }
        }
        if !record {
            return;
        }
        let idx = self.runs.len();
        for k in first..=last {
            self.by_tok.insert(k, idx);
        }
        self.runs.push(Run {
            toks: first..last + 1,
            title,
            former,
            form,
            canon: form,
            unit: ui,
        });
    }

    fn link_people(&mut self, toks: &[Tok], people: &[Person]) {
        if people.is_empty() {
            return;
        }
        let mut spans: Vec<(usize, usize, usize)> = people
            .iter()
            .enumerate()
            .flat_map(|(p, person)| person.mentions.iter().map(move |m| (m.start, m.end, p)))
            .collect();
        spans.sort_unstable();
        let mut si = 0;
        for run in &self.runs {
            let (s, e) = (toks[run.toks.start].start, toks[run.toks.end - 1].end);
            while si < spans.len() && spans[si].1 <= s {
                si += 1;
            }
            if let Some(&(ms, _, p)) = spans.get(si)
                && ms < e
            {
                self.forms[run.form].person = Some(p);
                self.forms[run.form].org = false;
            }
        }
    }

    /// Ties every run to the fullest form of its name in the article.
    fn resolve_forms(&mut self) {
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, f) in self.forms.iter().enumerate() {
            if let Some(last) = f.words.last() {
                by_last.entry(last.as_str()).or_default().push(i);
            }
        }
        let mut canon = vec![0; self.forms.len()];
        for (i, f) in self.forms.iter().enumerate() {
            canon[i] = i;
            if f.org || f.person.is_some() {
                continue;
            }
            let Some(last) = f.words.last() else { continue };
            let candidates = &by_last[last.as_str()];
            // Dozens of names ending alike: no one fullest form.
            if candidates.len() > 32 {
                continue;
            }
            let mut best: Vec<usize> = Vec::new();
            for &c in candidates {
                let g = &self.forms[c];
                if c == i || g.org || g.words.len() <= f.words.len() || !g.words.ends_with(&f.words)
                {
                    continue;
                }
                match best.first() {
                    Some(&b) if self.forms[b].words.len() > g.words.len() => {}
                    Some(&b) if self.forms[b].words.len() == g.words.len() => best.push(c),
                    _ => best = vec![c],
                }
            }
            best.sort_by_key(|&b| std::cmp::Reverse(self.forms[b].count));
            match best.as_slice() {
                [] => {}
                [one] => canon[i] = *one,
                [a, b, ..] => {
                    if self.forms[*a].count >= 2 * self.forms[*b].count {
                        canon[i] = *a;
                    }
                }
            }
        }
        for run in &mut self.runs {
            run.canon = canon[run.form];
        }
        // Gender evidence found on a short form counts for the full one.
        for (i, &c) in canon.iter().enumerate() {
            if c != i {
                let (m, f) = (self.forms[i].male, self.forms[i].female);
                self.forms[c].male += m;
                self.forms[c].female += f;
                if self.forms[c].person.is_none() {
                    self.forms[c].person = self.forms[i].person;
                }
            }
        }
    }

    /// He or she after a name, in a sentence where it is the only person named.
    fn count_genders(&mut self, toks: &[Tok], units: &[Unit], lex: &Lexicon) {
        let mut per_unit: Vec<Option<usize>> = vec![None; units.len()];
        let mut crowded = vec![false; units.len()];
        for run in &self.runs {
            if !self.forms[run.canon].org && self.named_as_person(run) {
                match per_unit[run.unit] {
                    None if !crowded[run.unit] => per_unit[run.unit] = Some(run.canon),
                    Some(c) if c == run.canon => {}
                    _ => {
                        per_unit[run.unit] = None;
                        crowded[run.unit] = true;
                    }
                }
            }
        }
        for u in 0..units.len() {
            let Some(c) = per_unit[u] else { continue };
            let mut ranges = vec![units[u].toks.clone()];
            if u + 1 < units.len() && per_unit[u + 1].is_none() && !crowded[u + 1] {
                ranges.push(units[u + 1].toks.clone());
            }
            for r in ranges {
                for t in &toks[r] {
                    if t.is_free_word() {
                        match lex.gender(t.key()) {
                            Some(Gender::Male) if matches!(t.key(), "he" | "himself") => {
                                self.forms[c].male += 1
                            }
                            Some(Gender::Female) if matches!(t.key(), "she" | "herself") => {
                                self.forms[c].female += 1
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trim_end_all;

    #[test]
    fn trim_end_all_is_trim_end_matches() {
        let rows = [
            ("Obama's", "'s"),
            ("Obama", "'s"),
            ("Obama's's", "'s"),
            ("'s", "'s"),
            ("", "'s"),
            ("Macron’s", "’s"),
            ("Macron's", "’s"),
            ("abc", ""),
            ("U.S.", "."),
        ];
        for (text, suffix) in rows {
            assert_eq!(
                trim_end_all(text, suffix),
                text.trim_end_matches(suffix),
                "{text:?} {suffix:?}"
            );
        }
    }
}
