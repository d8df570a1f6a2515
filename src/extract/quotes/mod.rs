//! Quotes: what people said, and who said it.
//!
//! Three kinds, as `QuoteKind` defines them: direct quotations (inside quote marks),
//! partial quotations (a quoted fragment inside reported speech) and indirect speech
//! (reported speech with no quote marks). The steps, each in its own module:
//!
//! 1. `marks`: which quote marks open and close quotations, and which are apostrophes.
//! 2. `tokens`: words and punctuation, grouped into units (sentences, joined where a
//!    quotation runs across them).
//! 3. `names`: the names the article uses and the fullest form of each.
//! 4. `attrib`: reporting cues (`data/cues.txt`), the speaker phrase each names and
//!    the text each reports.
//! 5. `resolve`: from a speaker phrase to a speaker: a canonical person's name (the
//!    people module's when it knows the name), a body ("White House"), or none.
//!
//! Then each quotation is given to the cue whose report holds it ("…," she said;
//! she said: "…"; she said the talks were "useful"). A quotation that stands alone
//! as a sentence goes with the speaker of the last report before it in the
//! paragraph, or ending the paragraph before ("…," she said. "…"); one after a colon
//! with no cue goes with the name or subject before the colon ("She was blunt:
//! "…"", also when the colon ends the paragraph before), and one whose next paragraph
//! is only a dash and a name ("— Dana Vale.") with that name; after a quotation, a speaker and any past-tense verb make a cue ("…,"
//! she sighed). A report that holds no quotation is indirect speech. A report that
//! holds quotations is given as those quotations only: the quoted words are what was
//! said, the rest is the writer's.
//!
//! Not quotes (left out, not kept with no speaker): a quoted fragment that no cue
//! reports and that is not a sentence of its own is a scare quote, a title or a
//! nickname; so is a fragment after "so-called", "dubbed", "known as" and the like,
//! even inside reported speech, and a title-case fragment that names a work (after
//! "book", "film", before "show", or a show after "on" or "CNN's"), and a nickname
//! of a word or two inside a name ("Marisa “Risa” Holm"). A quoted sentence
//! that no cue reports and no speaker before it claims is kept, with no speaker.
//!
//! Speakers are never guessed: a pronoun goes to the most recent person of its
//! gender only when no person of unknown gender comes between; "the president" to
//! the one president the article (or the people module) names; a surname to the
//! fullest form of the name when only one form is much more common than the others.
//!
//! Everything is linear in the length of the article: each step is one pass, the
//! look-arounds are bounded, and a unit holds at most 64 cues.

mod attrib;
mod lexicon;
mod marks;
mod names;
mod resolve;
mod title;
mod tokens;

use std::ops::Range;

use super::{Person, Quote, QuoteKind};
use crate::Article;
use crate::extract::text;
use attrib::Frame;
use resolve::{Resolver, Speaker};
use tokens::{Kind, Tok};

/// Every quote in `article`: those of its title first (`in_title`), then those of its
/// body, each sorted by start. `people` (from the people module) gives canonical names
/// and genders; without it, names are resolved within the article.
pub fn extract_quotes(article: &Article, people: &[Person]) -> Vec<Quote> {
    let mut out = title::quotes(&article.title, people);
    out.extend(text_quotes(&article.body, &article.title, people));
    out
}

/// The quotes of one text (a body, or a headline read as one), sorted by start.
/// `title` only lends fuller forms of names.
fn text_quotes(body: &str, title: &str, people: &[Person]) -> Vec<Quote> {
    let paras = text::paragraphs(body);
    let marks = marks::find(body, &paras);
    let mut keys = String::new();
    let toks = tokens::tokenize(body, &marks, &mut keys);
    let units = tokens::units(body, &toks, &marks);
    if units.is_empty() {
        return Vec::new();
    }
    let names = names::Names::find(body, title, &toks, &units, people);
    let frames = attrib::frames(&toks, &units);
    let resolver = Resolver::new(body, &toks, &units, &names, people);
    let speakers = resolver.speakers(&frames);
    Assembler {
        body,
        toks: &toks,
        units: &units,
        marks: &marks,
        frames: &frames,
        speakers: &speakers,
        resolver: &resolver,
    }
    .run()
}

struct Assembler<'x, 'a> {
    body: &'a str,
    toks: &'x [Tok<'a>],
    units: &'x [tokens::Unit],
    marks: &'x [marks::Marked],
    frames: &'x [Frame],
    speakers: &'x [Speaker],
    resolver: &'x Resolver<'x, 'a>,
}

/// What a quotation that is not a quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scare {
    /// A quote.
    No,
    /// A scare quote or a nickname: "the so-called "deal"".
    Yes,
    /// The title of a work: "the book "Rivers of Home"".
    Title,
}

/// Lookups the assembly needs, built once so that every step stays linear.
struct Index {
    /// The opening token of each quotation (`usize::MAX` when it has none).
    open_tok: Vec<usize>,
    /// Opening tokens in order, with their quotation.
    opens: Vec<(usize, usize)>,
    /// Words outside quotation marks (less "that") before each token.
    free_words: Vec<u32>,
    scare: Vec<Scare>,
}

impl Index {
    /// The quotations whose opening mark is in `r`.
    fn quotes_in(&self, r: &Range<usize>) -> &[(usize, usize)] {
        let s = self.opens.partition_point(|&(k, _)| k < r.start);
        let e = self.opens.partition_point(|&(k, _)| k < r.end);
        &self.opens[s..e]
    }
}

/// Who a quotation belongs to.
#[derive(Clone, Debug)]
enum Owner {
    Frame(usize),
    /// "Petrenko was clear: "…"": the name before a colon, no cue.
    Colon(Range<usize>),
    Nobody,
}

/// Words before a quotation that make it a name for something, not a quote.
fn is_scare_lead(words: &[String]) -> bool {
    let last = words.last().map(String::as_str);
    let two = (words.len() >= 2)
        .then(|| format!("{} {}", words[words.len() - 2], words[words.len() - 1]));
    matches!(
        last,
        Some(
            "so-called"
                | "dubbed"
                | "nicknamed"
                | "titled"
                | "entitled"
                | "labeled"
                | "labelled"
                | "branded"
                | "coined"
                | "termed"
                | "slogan"
                | "hashtag"
                | "motto"
        )
    ) || matches!(
        two.as_deref(),
        Some(
            "known as"
                | "the word"
                | "the words"
                | "the term"
                | "the phrase"
                | "the slogan"
                | "referred to"
                | "the name"
                | "called it"
        )
    )
}

fn is_work_noun(w: &str) -> bool {
    matches!(
        w,
        "book"
            | "film"
            | "movie"
            | "song"
            | "show"
            | "album"
            | "series"
            | "article"
            | "column"
            | "essay"
            | "play"
            | "program"
            | "programme"
            | "documentary"
            | "novel"
            | "memoir"
            | "poem"
            | "op-ed"
            | "headline"
            | "musical"
            | "opera"
            | "painting"
            | "podcast"
            | "magazine"
            | "newspaper"
            | "bulletin"
            | "newsletter"
            | "journal"
            | "blog"
            | "pamphlet"
            | "brochure"
            | "manifesto"
            | "report"
            | "anthem"
            | "hymn"
            | "ballad"
            | "tune"
            | "slogan"
    )
}

impl Assembler<'_, '_> {
    fn index(&self) -> Index {
        let mut open_tok = vec![usize::MAX; self.marks.len()];
        let mut opens = Vec::with_capacity(self.marks.len());
        let mut free_words = Vec::with_capacity(self.toks.len() + 1);
        let mut n = 0u32;
        for (k, t) in self.toks.iter().enumerate() {
            free_words.push(n);
            if t.is_free_word() && t.text != "that" {
                n += 1;
            }
            if t.kind == Kind::Open
                && let Some(q) = t.quote
            {
                open_tok[q as usize] = k;
                opens.push((k, q as usize));
            }
        }
        free_words.push(n);
        let scare = (0..self.marks.len())
            .map(|q| match open_tok[q] {
                usize::MAX => Scare::No,
                k => self.scare(q, k),
            })
            .collect();
        Index {
            open_tok,
            opens,
            free_words,
            scare,
        }
    }

    fn run(&self) -> Vec<Quote> {
        let ix = self.index();
        let open_tok = &ix.open_tok;
        let n_units = self.units.len();
        let mut unit_of_tok = vec![0u32; self.toks.len()];
        for (ui, u) in self.units.iter().enumerate() {
            for k in u.toks.clone() {
                unit_of_tok[k] = ui as u32;
            }
        }
        let mut owner: Vec<Option<Owner>> = vec![None; self.marks.len()];
        let mut frames_of_unit: Vec<Vec<usize>> = vec![Vec::new(); n_units];
        for (fi, f) in self.frames.iter().enumerate() {
            frames_of_unit[f.unit].push(fi);
            for r in &f.content {
                for &(_, q) in ix.quotes_in(r) {
                    owner[q].get_or_insert(Owner::Frame(fi));
                }
            }
        }
        // "…." Petrenko said. / Petrenko said: "…"
        for (fi, f) in self.frames.iter().enumerate() {
            if f.bare && f.unit > 0 {
                let prev = &self.units[f.unit - 1];
                if prev.para == self.units[f.unit].para
                    && let Some(q) = self.trailing_quote(prev.toks.clone())
                    && owner[q].is_none()
                {
                    owner[q] = Some(Owner::Frame(fi));
                }
            }
            if f.colon && f.unit + 1 < n_units {
                let next = &self.units[f.unit + 1];
                let t = &self.toks[next.toks.start];
                if t.kind == Kind::Open
                    && let Some(q) = t.quote
                    && owner[q as usize].is_none()
                {
                    owner[q as usize] = Some(Owner::Frame(fi));
                }
            }
        }
        // The last frame of each paragraph.
        let mut last_frame_of_para: Vec<Option<usize>> =
            vec![None; self.units.last().map_or(0, |u| u.para + 1)];
        for (fi, f) in self.frames.iter().enumerate() {
            last_frame_of_para[self.units[f.unit].para] = Some(fi);
        }
        // The last frame of each unit's paragraph up to and including the unit.
        let mut frame_upto: Vec<Option<usize>> = vec![None; n_units];
        for ui in 0..n_units {
            let same_para = ui > 0 && self.units[ui - 1].para == self.units[ui].para;
            frame_upto[ui] = frames_of_unit[ui].last().copied().or(if same_para {
                frame_upto[ui - 1]
            } else {
                None
            });
        }
        // Quotations that stand alone: the speaker of the last quotation before, in the
        // paragraph or ending the paragraph before ("…," she said. "…").
        let mut last_quote_frame: Option<(usize, usize)> = None; // (paragraph, frame)
        for q in 0..self.marks.len() {
            let k = open_tok[q];
            if k == usize::MAX {
                continue;
            }
            let ui = unit_of_tok[k] as usize;
            let para = self.units[ui].para;
            if owner[q].is_none() {
                let starts_unit = self.units[ui].toks.start == k;
                let starts_para = starts_unit && (ui == 0 || self.units[ui - 1].para != para);
                let after_colon = k > 0 && self.toks[k - 1].is_punct(":");
                let alone = frames_of_unit[ui].is_empty();
                let continues = last_quote_frame.filter(|&(p, fi)| {
                    p == para
                        || (starts_para
                            && alone
                            && p + 1 == para
                            && last_frame_of_para[p].is_some_and(|l| {
                                l == fi
                                    || self.speakers[l].name.is_some()
                                        && self.speakers[l].name == self.speakers[fi].name
                            }))
                });
                // Or of the last report before it in the paragraph ("…, Schiff said.
                // "…"").
                let reported_before = (ui > 0
                    && (!starts_para || frames_of_unit[ui - 1].len() == 1))
                    .then(|| frame_upto[ui - 1])
                    .flatten()
                    .filter(|&fi| {
                        self.speakers[fi].name.is_some() || self.speakers[fi].mention.is_some()
                    });
                if starts_unit && let Some((_, fi)) = continues {
                    owner[q] = Some(Owner::Frame(fi));
                } else if starts_unit
                    && alone
                    && let Some(fi) = reported_before
                {
                    owner[q] = Some(Owner::Frame(fi));
                } else if after_colon && let Some(s) = self.colon_subject(ui, k) {
                    owner[q] = Some(Owner::Colon(s));
                } else if self.is_sentence(q, k, ui) {
                    owner[q] = Some(Owner::Nobody);
                }
            }
            match owner[q] {
                Some(Owner::Frame(fi)) => last_quote_frame = Some((para, fi)),
                Some(_) => last_quote_frame = None,
                None => {}
            }
        }
        // "“…”" and, as the next paragraph, "— Dana Vale.": a signed quotation.
        for q in 0..self.marks.len() {
            if matches!(owner[q], None | Some(Owner::Nobody))
                && open_tok[q] != usize::MAX
                && self.marks[q].closed
                && let Some(sig) = self.signature_after(q)
            {
                owner[q] = Some(Owner::Colon(sig));
            }
        }
        let mut out = Vec::new();
        let mut reported = vec![false; self.frames.len()];
        for q in 0..self.marks.len() {
            let Some(o) = owner[q].clone() else { continue };
            let k = open_tok[q];
            if k == usize::MAX || ix.scare[q] != Scare::No {
                continue;
            }
            let m = &self.marks[q];
            let text = &self.body[m.start..m.end];
            let (speaker, cue, kind) = match o {
                Owner::Frame(fi) => {
                    reported[fi] = true;
                    let kind = self.kind_in_frame(&ix, fi, k);
                    (
                        Some(&self.speakers[fi]),
                        Some(self.cue_text(&self.frames[fi].cue)),
                        kind,
                    )
                }
                Owner::Colon(_) => (None, Some(":".to_string()), QuoteKind::Direct),
                Owner::Nobody => (None, None, QuoteKind::Direct),
            };
            let (name, mention) = match (o, speaker) {
                (Owner::Colon(r), _) => {
                    let sp = self.resolver.phrase(r.clone());
                    (sp.name, sp.mention)
                }
                (_, Some(sp)) => (sp.name.clone(), sp.mention.clone()),
                _ => (None, None),
            };
            out.push(Quote {
                text: text.to_string(),
                start: m.start,
                end: m.end,
                speaker: name,
                speaker_mention: mention,
                cue,
                kind,
                in_title: false,
            });
        }
        // Reports with no quotation in them: indirect speech.
        let mut whole: Vec<Range<usize>> = Vec::new();
        for (fi, f) in self.frames.iter().enumerate() {
            if f.content.is_empty() {
                continue;
            }
            // A report that holds quotations is reported by them; one that names a
            // work is no report.
            let holds = f.content.iter().any(|r| {
                ix.quotes_in(r).iter().any(|&(k, q)| match ix.scare[q] {
                    Scare::No => true,
                    Scare::Title => k < r.start + 4,
                    Scare::Yes => false,
                })
            });
            // A report that holds only fragments in doubled apostrophes (''…'', the
            // style of some papers) is reported whole, fragments and all: there the
            // quotation is a phrase of the reported sentence.
            // So is one that holds only a term in single marks ("a ‘reset’ of ties").
            let fragments = holds
                && f.content.iter().all(|r| {
                    ix.quotes_in(r).iter().all(|&(k, q)| {
                        let m = &self.marks[q];
                        let mark = &self.body[m.open..m.start];
                        ix.scare[q] == Scare::Yes
                            || (ix.scare[q] == Scare::No
                                && (mark == "''" || mark == "‘")
                                && k > r.start + 2)
                    })
                });
            if (reported[fi] || holds) && !fragments {
                continue;
            }
            let Some(span) = self.span(&f.content) else {
                continue;
            };
            let words = f
                .content
                .iter()
                .flat_map(|r| r.clone())
                .filter(|&k| self.toks[k].is_word())
                .count();
            // "The union endorsed Mabe": one word is enough when it is a name after
            // its cue (not a poll's "voters favored Mabe").
            let name = words == 1 && {
                let k = span_tok(self.toks, span.start);
                let cue = self.toks[f.cue.start].key();
                k > self.units[f.unit].toks.start
                    && self.toks[k].is_capitalized()
                    && k == f.cue.end
                    && !cue.starts_with("favo")
                    && !cue.starts_with("prefer")
            };
            if words < 2 && !name {
                continue;
            }
            if fragments {
                whole.push(span.clone());
            }
            let sp = &self.speakers[fi];
            out.push(Quote {
                text: self.body[span.clone()].to_string(),
                start: span.start,
                end: span.end,
                speaker: sp.name.clone(),
                speaker_mention: sp.mention.clone(),
                cue: Some(self.cue_text(&f.cue)),
                kind: QuoteKind::Indirect,
                in_title: false,
            });
        }
        // The fragments of a report given whole are part of it.
        if !whole.is_empty() {
            whole.sort_by_key(|r| r.start);
            out.retain(|q| {
                q.kind != QuoteKind::Partial || {
                    let i = whole.partition_point(|r| r.start <= q.start);
                    !(i > 0 && whole[i - 1].end >= q.end)
                }
            });
        }
        out.sort_by_key(|q| (q.start, q.end));
        out
    }

    /// The quotation a unit ends with, if it ends with one.
    fn trailing_quote(&self, r: Range<usize>) -> Option<usize> {
        let mut e = r.end;
        while e > r.start
            && self.toks[e - 1].kind == Kind::Punct
            && self.toks[e - 1].quote.is_none()
        {
            e -= 1;
        }
        let t = self.toks.get(e.checked_sub(1)?)?;
        (e > r.start && matches!(t.kind, Kind::Close)
            || (t.quote.is_some() && !self.marks[t.quote? as usize].closed))
            .then_some(t.quote? as usize)
    }

    /// The name in a paragraph of its own that signs the quotation `q` ending the
    /// paragraph before: "— Dana Vale." or "-Senator Orrin Mabe, tweeting.".
    fn signature_after(&self, q: usize) -> Option<Range<usize>> {
        let close = self.toks.partition_point(|t| t.end < self.marks[q].close);
        if self.toks.get(close)?.kind != Kind::Close {
            return None;
        }
        let ui = self.units.partition_point(|u| u.toks.end <= close);
        let u = self.units.get(ui)?;
        let next = self.units.get(ui + 1)?;
        if next.para == u.para {
            return None;
        }
        // The quotation ends its paragraph.
        let mut e = u.toks.end;
        while e > close + 1 && self.toks[e - 1].kind == Kind::Punct {
            e -= 1;
        }
        if e != close + 1 && e > close {
            return None;
        }
        let d = next.toks.start;
        if !["-", "—", "–", "―"]
            .iter()
            .any(|p| self.toks[d].is_punct(p))
        {
            return None;
        }
        let s = d + 1;
        let mut k = s;
        while k < next.toks.end
            && k - s < 6
            && (self.toks[k].is_free_word() && self.toks[k].is_capitalized()
                || self.toks[k].is_punct(".")
                    && k > s
                    && self.toks[k - 1].text.chars().count() <= 3)
        {
            k += 1;
        }
        // The name, then the end of the paragraph or a comma.
        let ends = k >= next.toks.end
            || self.toks[k].is_punct(",")
            || self.toks[k].is_punct(".") && k + 1 >= next.toks.end;
        let last_para = self.units.get(ui + 2).is_none_or(|n| n.para != next.para);
        (k > s && ends && last_para && !lexicon::is_common_capital(self.toks[s].key()))
            .then_some(s..k)
    }

    /// Who a colon that introduces a quotation names: a name right before it
    /// ("pollster Daron Shaw: "…""), or the subject the sentence starts with.
    fn colon_subject(&self, ui: usize, open: usize) -> Option<Range<usize>> {
        let colon = open - 1;
        // "Mabe issued the following statement:" ending the paragraph before.
        let ui = if colon < self.units[ui].toks.start && ui > 0 {
            ui - 1
        } else {
            ui
        };
        let u = &self.units[ui];
        if colon < u.toks.start || colon >= u.toks.end {
            return None;
        }
        // "Rep. Ada Brandt (R-Kel.): "…"": the name before its parenthesis.
        let name_end = if colon > u.toks.start && self.toks[colon - 1].is_punct(")") {
            (colon.saturating_sub(8).max(u.toks.start)..colon - 1)
                .rev()
                .find(|&k| self.toks[k].is_punct("("))
                .unwrap_or(colon)
        } else {
            colon
        };
        let colon = name_end;
        let mut s = colon;
        while s > u.toks.start
            && colon - s < 8
            && (self.toks[s - 1].is_capitalized()
                || (self.toks[s - 1].is_punct(".")
                    && s >= 2
                    && self.toks[s - 2].text.chars().count() <= 3))
            && self.toks[s - 1].quote.is_none()
        {
            s -= 1;
        }
        // Not the object of a verb or a preposition: "told Fox News:", "a message to
        // Mabe:".
        let object = s > u.toks.start
            && self.toks[s - 1].is_free_word()
            && matches!(
                self.toks[s - 1].key(),
                "to" | "with" | "for" | "on" | "at" | "about" | "told" | "tells" | "asked"
            );
        if s < colon
            && !object
            && self.toks[s].is_capitalized()
            && !lexicon::is_common_capital(self.toks[s].key())
        {
            return Some(s..colon);
        }
        // The subject of the clause the colon ends, or of the sentence.
        let clause = (u.toks.start..colon)
            .rev()
            .find(|&k| self.toks[k].is_punct(",") && self.toks[k].quote.is_none())
            .map_or(u.toks.start, |k| k + 1);
        self.name_at(clause, colon)
            .or_else(|| self.name_at(u.toks.start, colon))
    }

    /// A pronoun or a name ("Trump", "the Illinois Board of Elections") at `s` that is
    /// followed by a verb before `limit`.
    fn name_at(&self, mut s: usize, limit: usize) -> Option<Range<usize>> {
        if s >= limit || limit - s > 25 || !self.toks[s].is_free_word() {
            return None;
        }
        // "And Petrenko gloated:", "As Petrenko put it:".
        if s + 1 < limit
            && matches!(
                self.toks[s].key(),
                "and" | "but" | "so" | "yet" | "then" | "as"
            )
        {
            s += 1;
        }
        let key = self.toks[s].key();
        if matches!(key, "he" | "she") {
            return Some(s..s + 1);
        }
        let first = if key == "the" { s + 1 } else { s };
        let t = self.toks.get(first)?;
        if !t.is_capitalized() || lexicon::is_common_capital(t.key()) {
            return None;
        }
        let mut e = first + 1;
        while e < limit
            && (self.toks[e].is_capitalized()
                || self.toks[e].key() == "of"
                    && self.toks.get(e + 1).is_some_and(Tok::is_capitalized)
                || (self.toks[e].is_punct(".") && self.toks[e - 1].text.chars().count() <= 3))
        {
            e += 1;
        }
        // A name followed by its verb, not a heading ("Poll: …"); past an appositive
        // ("Petrenko, the minister, put it:").
        let verb_at = if e < limit
            && self.toks[e].is_punct(",")
            && let Some(c) = (e + 1..limit.min(e + 12)).find(|&k| self.toks[k].is_punct(","))
        {
            c + 1
        } else {
            e
        };
        (verb_at < limit && self.toks[verb_at].is_free_word()).then_some(s..e)
    }

    /// A quotation no cue reports is kept when it is a sentence of its own.
    fn is_sentence(&self, q: usize, k: usize, ui: usize) -> bool {
        let m = &self.marks[q];
        let text = &self.body[m.start..m.end];
        let words = text.split_whitespace().count();
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        let starts_unit = self.units[ui].toks.start == k;
        capital && words >= 4 && (starts_unit || (k > 0 && self.toks[k - 1].is_punct(":")))
    }

    fn scare(&self, q: usize, k: usize) -> Scare {
        let before: Vec<String> = (k.saturating_sub(3)..k)
            .filter(|&j| self.toks[j].is_word())
            .map(|j| self.toks[j].key().to_owned())
            .collect();
        if is_scare_lead(&before) {
            return Scare::Yes;
        }
        let m = &self.marks[q];
        // A nickname inside a name: "Marcia “Cia” Price".
        let close = self.toks[k..]
            .iter()
            .take(5)
            .position(|t| t.kind == Kind::Close)
            .map(|n| k + n);
        if let Some(c) = close
            && k > 0
            && self.toks[k - 1].is_free_word()
            && self.toks[k - 1].is_capitalized()
            && self
                .toks
                .get(c + 1)
                .is_some_and(|t| t.is_free_word() && t.is_capitalized())
            && self.body[m.start..m.end].split_whitespace().count() <= 2
            && self.body[m.start..m.end]
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
            && !lexicon::is_common_capital(self.toks[c + 1].key())
        {
            return Scare::Yes;
        }
        let text = &self.body[m.start..m.end];
        let ws: Vec<&str> = text.split_whitespace().take(12).collect();
        let title_case = ws.len() >= 2
            && ws.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || matches!(
                        *w,
                        "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for"
                    )
            });
        let m_close = self.marks[q].close;
        let after = self
            .toks
            .iter()
            .skip(k)
            .skip_while(|t| t.start < m_close)
            .take(2)
            .filter(|t| t.is_word())
            .map(|t| t.key())
            .collect::<Vec<_>>();
        let work_before = before.last().is_some_and(|w| is_work_noun(w));
        let work_after = after
            .iter()
            .any(|w| is_work_noun(w) || *w == "radio" || *w == "show");
        // "on CBS's “Face the Nation”", "told MSNBC's “Morning Joe”".
        let show = k > 0
            && (self.toks[k - 1].is_possessive()
                || before.last().is_some_and(|w| w == "on" || w == "watching"))
            && ws.len() <= 6;
        // "during a “Town Hall Forum” on Tuesday": a name after an article.
        let named = before
            .last()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an"))
            && k > 0
            && !self.toks[k - 1].is_punct(",");
        if title_case && (work_before || work_after || show || named) {
            Scare::Title
        } else {
            Scare::No
        }
    }

    fn kind_in_frame(&self, ix: &Index, fi: usize, k: usize) -> QuoteKind {
        let f = &self.frames[fi];
        // Direct when the quotation is all the frame reports (a stray "that" aside) or
        // when it opens a sentence; partial when it is a piece of reported speech.
        let part = f.content.iter().find(|r| r.contains(&k));
        let alone = part.is_none_or(|r| {
            ix.free_words[r.end] == ix.free_words[r.start] && ix.quotes_in(r).len() == 1
        });
        if alone || self.units[f.unit].toks.start == k {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }

    fn span(&self, parts: &[Range<usize>]) -> Option<Range<usize>> {
        let first = parts.first()?;
        let last = parts.last()?;
        let mut s = first.start;
        let mut e = last.end;
        while s < e && self.toks[s].kind == Kind::Punct && self.toks[s].quote.is_none() {
            s += 1;
        }
        // "49% to 41%": a percent sign is part of the number.
        while e > s
            && self.toks[e - 1].kind == Kind::Punct
            && self.toks[e - 1].quote.is_none()
            && self.toks[e - 1].text != "%"
        {
            e -= 1;
        }
        (e > s).then(|| self.toks[s].start..self.toks[e - 1].end)
    }

    fn cue_text(&self, r: &Range<usize>) -> String {
        let s = self.toks[r.start].start;
        let e = self.toks[r.end - 1].end;
        self.body[s..e]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The token that starts at byte `start`.
fn span_tok(toks: &[Tok], start: usize) -> usize {
    toks.partition_point(|t| t.start < start)
}

#[cfg(test)]
mod tests;
