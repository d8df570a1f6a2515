//! Attributions: in each unit, the reporting cues, the phrase each names as its
//! speaker, and the stretches of text each reports.
//!
//! Rules, not a parser: a cue is a word or phrase from `data/cues.txt` outside quote
//! marks; its speaker is the noun phrase before it ("Trump said", "the readout
//! said", "Oksana Petrenko, the minister, said"), after it when it follows a quotation
//! or a comma ("…," said Petrenko) or when the cue says so ("according to the
//! ministry"); what it reports follows it ("said (that) …", "told reporters …",
//! "said: …") or precedes it ("…, Petrenko said"), or both ("The plan, she said, is
//! dead"). A cue inside what another cue reports is part of that report, not an
//! attribution of its own, except a participle or a second verb of the same speaker
//! (", adding that …", "and warned that …"), which splits the report.

use std::ops::Range;

use super::lexicon::{self, CueKind, Lexicon};
use super::tokens::{Kind, Tok, Unit};

/// Who a frame names as its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Source {
    /// A noun phrase, by token range.
    Np(Range<usize>),
    /// A relative pronoun ("…, who said"): the phrase it stands for.
    Relative(Range<usize>),
    /// The speaker of an earlier frame ("…, adding that").
    Inherit(usize),
    /// The speaker of the next frame in the unit ("Noting that …, Petrenko said").
    Next,
    /// No one: "when asked about …".
    Unnamed,
}

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub unit: usize,
    /// The cue's tokens, with an addressee and an adjacent modifier ("told reporters",
    /// "said in a statement").
    pub cue: Range<usize>,
    pub source: Source,
    /// What the cue reports, by token ranges, in order.
    pub content: Vec<Range<usize>>,
    /// "X said:" with nothing after: the quotation that follows is what X said.
    pub colon: bool,
    /// "X said." with nothing reported: said of the quotation just before.
    pub bare: bool,
}

struct Ctx<'t, 'a> {
    toks: &'t [Tok<'a>],
    lex: &'static Lexicon,
    /// The unit's token range.
    a: usize,
    b: usize,
    /// End of the unit without its final punctuation.
    eff: usize,
}

/// Days, months and other words of time: never a speaker ("on Monday said").
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
            | "tonight"
            | "tomorrow"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
    )
}

/// "Two in three said", "Both said": a count names a group of speakers (a year
/// does not).
fn is_number(w: &str) -> bool {
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    (w.chars().all(|c| c.is_ascii_digit()) && !year)
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozen"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
        )
}

fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "as"
            | "because"
            | "although"
            | "though"
            | "until"
            | "unless"
            | "where"
            | "adding"
            | "noting"
            | "saying"
    )
}

fn is_final_punct(t: &Tok) -> bool {
    t.kind == Kind::Punct && t.quote.is_none() && matches!(t.text, "." | "!" | "?" | ";" | ":")
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "to"
            | "with"
            | "about"
            | "from"
            | "outside"
            | "inside"
            | "near"
            | "while"
            | "when"
            | "since"
            | "through"
    )
}

impl<'a> Ctx<'_, 'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (i >= self.a && i < self.b && t.is_free_word()).then(|| t.key())
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        i >= self.a && i < self.b && self.toks[i].is_punct(c) && self.toks[i].quote.is_none()
    }

    fn is_close(&self, i: usize) -> bool {
        i >= self.a && i < self.b && self.toks[i].kind == Kind::Close
    }

    /// The longest cue starting at token `i`: its length in tokens and kind.
    fn cue_at(&self, i: usize) -> Option<(usize, CueKind)> {
        let w = self.word(i)?;
        // "the United States" holds no cue; "Said Petrenko, …" does.
        if self.toks[i].is_capitalized()
            && i != self.a
            && !(i > 0 && self.toks[i - 1].kind == Kind::Open)
        {
            return None;
        }
        // "Ex-chat show host", "the Leeds express came": the bare form of a cue that
        // is also a noun, right after a name, is a noun of a compound; a name that
        // reports takes the verb's -s form.
        if lexicon::is_noun_like_bare_cue(w)
            && i > self.a
            && self.word(i - 1).is_some()
            && self.toks[i - 1].is_capitalized()
            && !self.toks[i - 1].text.ends_with(['s', 'S'])
            && self.toks[i - 1].key() != "i"
        {
            return None;
        }
        self.lex.cues(w).iter().find_map(|cue| {
            let ok = cue.words[1..]
                .iter()
                .enumerate()
                .all(|(n, cw)| self.word(i + 1 + n) == Some(cw.as_str()));
            ok.then_some((cue.words.len(), cue.kind))
        })
    }

    /// A modifier phrase at `i` ("in a statement", "on Tuesday"): its length.
    fn modifier_at(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        self.lex.modifiers(w).iter().find_map(|m| {
            let ok = m[1..]
                .iter()
                .enumerate()
                .all(|(n, mw)| self.word(i + 1 + n) == Some(mw.as_str()));
            ok.then_some(m.len())
        })
    }

    /// The token before `i`, skipping auxiliaries and adverbs ("has also said").
    fn before_skipping(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > self.a {
            j -= 1;
            match self.word(j) {
                // "Early described it": a name, not an adverb.
                Some(w)
                    if lexicon::is_aux_or_adverb(w)
                        && (j == self.a || !self.toks[j].is_capitalized()) =>
                {
                    continue;
                }
                // "would only say"
                Some("only")
                    if j > self.a && self.word(j - 1).is_some_and(lexicon::is_aux_or_adverb) =>
                {
                    continue;
                }
                // "Sen. Ted Cruz (R-Texas) said"
                None if self.punct(j, ")") => {
                    let open = (j.saturating_sub(8).max(self.a)..j)
                        .rev()
                        .find(|&k| self.punct(k, "("));
                    match open {
                        Some(o) if o > self.a => j = o,
                        _ => return Some(j),
                    }
                }
                _ => return Some(j),
            }
        }
        None
    }

    fn is_initial_period(&self, i: usize) -> bool {
        self.toks[i].is_punct(".")
            && i > 0
            && self.toks[i - 1].end == self.toks[i].start
            && self.toks[i - 1].is_word()
            && (self.toks[i - 1].text.chars().count() == 1
                || self.lex.is_title(self.toks[i - 1].key())
                || matches!(self.toks[i - 1].key(), "jr" | "sr"))
    }

    /// The whole stretch from the start of the clause to `j` as the subject of a cue
    /// at `j + 1`, when the noun phrase rules do not take it: "58 percent of Latino
    /// voters overall said", "Majorities of Democrats in five states going to the
    /// polls Tuesday say". Only words that can be part of a noun phrase: no
    /// auxiliary, conjunction, pronoun or other cue.
    fn stretch_subject(&self, j: usize) -> Option<Range<usize>> {
        let mut s = j + 1;
        while s > self.a && j + 1 - s < 14 {
            let k = s - 1;
            let t = &self.toks[k];
            let ok = match self.word(k) {
                Some(w) => {
                    !(lexicon::is_pronoun(w)
                        || lexicon::is_auxiliary(w)
                        || matches!(
                            w,
                            "that"
                                | "which"
                                | "who"
                                | "whom"
                                | "whose"
                                | "and"
                                | "or"
                                | "but"
                                | "nor"
                                | "if"
                                | "when"
                                | "while"
                                | "because"
                                | "although"
                                | "though"
                                | "as"
                                | "than"
                                | "not"
                        )
                        || self.cue_at(k).is_some())
                }
                None => {
                    t.quote.is_none()
                        && (matches!(t.text, "%" | "-" | "(" | ")" | "/")
                            || self.is_initial_period(k))
                }
            };
            if !ok {
                break;
            }
            s = k;
        }
        // From the unit's start: past a dateline and "But", "And".
        if s == self.a {
            s = self.skip_dateline(s);
            while s < j && matches!(self.word(s), Some("but" | "and" | "so" | "yet" | "still")) {
                s += 1;
            }
        } else if !(self.punct(s - 1, ",") || self.punct(s - 1, ";") || self.punct(s - 1, "—")) {
            return None;
        }
        // Not "the so-called", nor a phrase of time ("this past week").
        if s >= j
            || j + 1 - s > 14
            || self.toks[j + 1].start == self.toks[j].end
            || (s..=j).any(|k| self.time_at(k) || self.word(k) == Some("being"))
        {
            return None;
        }
        // Cues that are verbs, not nouns ("the most telling claim"), and not adjectives
        // ("the alleged").
        let verb = self.word(j + 1).is_some_and(|w| {
            (w.ends_with("ed") && !matches!(w, "alleged" | "expected" | "called" | "so-called"))
                || matches!(
                    w,
                    "said"
                        | "says"
                        | "say"
                        | "told"
                        | "think"
                        | "thinks"
                        | "thought"
                        | "believe"
                        | "believes"
                        | "feel"
                        | "feels"
                        | "felt"
                        | "know"
                        | "knew"
                        | "wrote"
                        | "agree"
                        | "agrees"
                        | "want"
                        | "wants"
                        | "expect"
                        | "expects"
                        | "saw"
                )
        });
        // A head that can speak: a number, a name or a plural.
        let head = (s..=j).any(|k| {
            self.punct(k, "%")
                || self.word(k).is_some_and(|w| {
                    is_number(w)
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || (k > s && self.toks[k].is_capitalized())
                        || takes_plural_verb(w)
                })
        });
        if !verb || !head {
            return None;
        }
        let first = self.word(s)?;
        let first_ok = is_number(first)
            || (lexicon::is_determiner(first) && first != "that")
            || (self.toks[s].is_capitalized() && !lexicon::is_common_capital(first))
            || first.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(
                first,
                "nearly"
                    | "almost"
                    | "about"
                    | "roughly"
                    | "more"
                    | "fewer"
                    | "over"
                    | "just"
                    | "only"
                    | "majorities"
                    | "majority"
                    | "half"
            );
        // Something before the cue that can head a phrase: a noun, a name or a
        // number, not a preposition.
        let last_ok = self.word(j).is_some_and(|w| {
            !is_preposition(w)
                && !lexicon::is_determiner(w)
                && !lexicon::is_aux_or_adverb(w)
                && !matches!(w, "soon" | "more" | "less" | "too")
        }) || self.punct(j, "%")
            || self.punct(j, ")");
        (first_ok && last_ok).then_some(s..j + 1)
    }

    /// The phrase a relative clause ending at `j` belongs to, as the subject of a cue
    /// at `j + 1`: "some who backed the bill argue", "voters who stayed home say".
    fn relative_subject(&self, j: usize) -> Option<Range<usize>> {
        let who = (j.saturating_sub(8).max(self.a + 1)..j)
            .rev()
            .take_while(|&k| self.word(k).is_some() && self.cue_at(k).is_none())
            .find(|&k| self.word(k) == Some("who"))?;
        let ante = self.np_left(who - 1)?;
        let head = self.toks[ante.end - 1].key();
        (ante.end == who && !lexicon::is_pronoun(head) && !self.time_at(ante.end - 1))
            .then_some(ante)
    }

    /// A word of time at `k`; "May" only as a month ("in May", "May 3"), since it
    /// is also a name.
    fn time_at(&self, k: usize) -> bool {
        match self.word(k) {
            Some("may") => {
                self.toks[k].is_capitalized()
                    && (self.word(k.wrapping_sub(1)).is_some_and(|p| {
                        matches!(
                            p,
                            "in" | "on"
                                | "since"
                                | "until"
                                | "last"
                                | "early"
                                | "late"
                                | "by"
                                | "of"
                                | "this"
                                | "next"
                                | "mid"
                        )
                    }) || self
                        .toks
                        .get(k + 1)
                        .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())))
            }
            Some(w) => is_time_word(w),
            None => false,
        }
    }

    /// Whether a phrase `s..e` can name a speaker.
    fn valid_np(&self, s: usize, e: usize) -> bool {
        if e > s && self.punct(e - 1, "%") {
            return true;
        }
        let Some(head) = (s..e).rev().find(|&k| self.toks[k].is_word()) else {
            return false;
        };
        let h = &self.toks[head];
        let key = h.key();
        if lexicon::is_pronoun(key) {
            return e - s == 1;
        }
        // "Many speculated", "That plan, some argue, …": a quantifier alone is a group.
        if e - s == 1 && matches!(key, "many" | "most" | "some" | "several" | "few" | "both") {
            return true;
        }
        if h.is_possessive()
            || self.time_at(head)
            || (lexicon::is_determiner(key) && !is_number(key))
            || lexicon::is_np_stop(key)
            || is_preposition(key)
        {
            return false;
        }
        let det = (s..head).any(|k| {
            self.toks[k].is_possessive()
                || (self.toks[k].is_word() && lexicon::is_determiner(self.toks[k].key()))
        });
        (h.is_capitalized() && !(head == self.a && lexicon::is_common_capital(key)))
            || self.lex.noun(key).is_some()
            || (is_number(key) && e - s == 1)
            || det
            || (key.len() > 3 && key.ends_with('s') && !key.ends_with("ss"))
    }

    /// The noun phrase ending at token `j`, walking left.
    fn np_left(&self, j: usize) -> Option<Range<usize>> {
        let w = self.word(j)?;
        if lexicon::is_pronoun(w) {
            return Some(j..j + 1);
        }
        // "Will wrote": a name, not the modal.
        if lexicon::is_np_stop(w) && self.toks[j].is_capitalized() && j > self.a {
            return Some(j..j + 1);
        }
        let mut s = j;
        let mut n = 0;
        while s > self.a && n < 10 {
            let k = s - 1;
            if let Some(pw) = self.word(k) {
                if lexicon::is_determiner(pw) && pw != "that" {
                    s = k;
                    // "a spokesman for the campaign": go on past "for the".
                    match self.word(k.wrapping_sub(1)) {
                        Some("of" | "for" | "at" | "from") if k > self.a => {
                            s = k - 1;
                            n += 2;
                            continue;
                        }
                        _ => break,
                    }
                }
                if matches!(pw, "of" | "for") {
                    s = k;
                    n += 1;
                    continue;
                }
                // "Trump and Putin said": two names, one phrase.
                if pw == "and"
                    && self.toks[s].is_capitalized()
                    && k > self.a
                    && self.toks[k - 1].is_capitalized()
                {
                    s = k;
                    n += 1;
                    continue;
                }
                let name_word = self.toks[k].is_capitalized() && k > self.a;
                if (lexicon::is_np_stop(pw) && !name_word)
                    || lexicon::is_pronoun(pw)
                    || self.cue_at(k).is_some()
                {
                    break;
                }
                if k == self.a && lexicon::is_common_capital(pw) {
                    break;
                }
                // Before a name, only titles, roles and other names: "Republican
                // pollster Daron Shaw", not "clarified that to mean Clinton".
                let name_head = self.toks[j].is_capitalized();
                if name_head
                    && !self.toks[k].is_capitalized()
                    && self.lex.noun(pw).is_none()
                    && !matches!(
                        pw,
                        "former"
                            | "then"
                            | "late"
                            | "fellow"
                            | "longtime"
                            | "top"
                            | "senior"
                            | "chief"
                    )
                {
                    break;
                }
                s = k;
                n += 1;
            } else if self.is_initial_period(k)
                || self.toks[k].is_punct("-") && self.toks[k].end == self.toks[s].start
            {
                s = k;
            } else if let Some(o) = self.nickname_before(k, s) {
                // "Marisa “Risa” Holm"
                s = o;
                n += 1;
            } else {
                break;
            }
        }
        // A phrase cannot start with "of" or "for".
        while s < j && matches!(self.word(s), Some("of" | "for")) {
            s += 1;
        }
        self.valid_np(s, j + 1).then_some(s..j + 1)
    }

    /// The opening mark of a nickname inside a name whose closing mark is `close`,
    /// right before the name word `next`: "Marisa “Risa” Holm".
    fn nickname_before(&self, close: usize, next: usize) -> Option<usize> {
        if !self.is_close(close) || !self.toks[next].is_capitalized() {
            return None;
        }
        let o = (close.saturating_sub(4).max(self.a + 1)..close)
            .rev()
            .find(|&k| self.toks[k].kind == Kind::Open)?;
        let inside = (o + 1..close).filter(|&k| self.toks[k].is_word()).count();
        let before = &self.toks[o - 1];
        ((1..=2).contains(&inside)
            && (o + 1..close).all(|k| self.toks[k].is_word())
            && before.is_free_word()
            && before.is_capitalized())
        .then_some(o)
    }

    /// A speaker phrase grown left over a few more words when that reaches a comma or
    /// a quotation: ""…," former presidential candidate Herman Cain said".
    fn extend_to_boundary(&self, np: Range<usize>) -> Range<usize> {
        if np.len() == 1 && self.word(np.start).is_some_and(lexicon::is_pronoun) {
            return np;
        }
        let mut s = np.start;
        while s > self.a && np.start - s < 7 {
            match self.word(s - 1) {
                Some(w)
                    if (!lexicon::is_np_stop(w) || w == "and") && self.cue_at(s - 1).is_none() =>
                {
                    s -= 1
                }
                _ => break,
            }
        }
        let boundary = s > self.a
            && self.word(s) != Some("and")
            && (self.punct(s - 1, ",") || self.punct(s - 1, "—") || self.is_close(s - 1));
        if boundary && s < np.start {
            s..np.end
        } else {
            np
        }
    }

    /// The noun phrase starting at token `k`, walking right, up to `limit`.
    fn np_right(&self, k: usize, limit: usize) -> Option<Range<usize>> {
        let first = self.word(k)?;
        if lexicon::is_pronoun(first) {
            return Some(k..k + 1);
        }
        let name = self.toks[k].is_capitalized() && k > self.a;
        if !name && (lexicon::is_np_stop(first) || is_preposition(first)) || self.time_at(k) {
            return None;
        }
        let mut e = k;
        while e < limit.min(self.b) && e - k < 12 {
            if let Some(w) = self.word(e) {
                let joins_names = w == "and"
                    && self.toks[e - 1].is_capitalized()
                    && self.toks.get(e + 1).is_some_and(|t| t.is_capitalized());
                if e > k
                    && !joins_names
                    && ((lexicon::is_np_stop(w) && !matches!(w, "of" | "for" | "at"))
                        || self.modifier_at(e).is_some()
                        || (lexicon::is_determiner(w)
                            && !matches!(self.word(e - 1), Some("of" | "for" | "at"))))
                {
                    break;
                }
                e += 1;
            } else if self.is_initial_period(e) && self.word(e + 1).is_some() {
                e += 1;
            } else {
                break;
            }
        }
        while e > k && matches!(self.word(e - 1), Some("of" | "for" | "at")) {
            e -= 1;
        }
        (e > k && self.valid_np(k, e)).then_some(k..e)
    }

    /// Where a clause ends that starts at `k`: before a participle cue or "according
    /// to" after a comma, else at the unit's end.
    fn clause_end(&self, k: usize) -> usize {
        let mut i = k;
        while i < self.eff {
            if self.punct(i, ",") || self.punct(i, "—") || self.punct(i, ";") {
                let n = i + 1;
                if let Some((_, kind)) = self.cue_at(n)
                    && (kind == CueKind::Source || self.word(n).is_some_and(|w| w.ends_with("ing")))
                {
                    return i;
                }
            }
            i += 1;
        }
        self.eff
    }

    /// What a cue ending at `k` reports after it, and where the cue's display ends.
    fn after(
        &self,
        kind: CueKind,
        verb: &str,
        mut k: usize,
    ) -> (Option<Range<usize>>, usize, bool) {
        // An addressee: "told reporters", "warned them", "told The Washington Post".
        if kind == CueKind::Address
            && let Some(w) = self.word(k)
            && !matches!(
                w,
                "that" | "about" | "if" | "whether" | "why" | "how" | "what" | "to"
            )
        {
            let mut e = k + 1;
            if !matches!(
                w,
                "him"
                    | "her"
                    | "them"
                    | "us"
                    | "me"
                    | "reporters"
                    | "supporters"
                    | "voters"
                    | "journalists"
            ) {
                while e < self.eff && e - k < 5 {
                    match self.word(e) {
                        Some(x)
                            if !lexicon::is_np_stop(x)
                                && !lexicon::is_pronoun(x)
                                && self.modifier_at(e).is_none()
                                && (self.toks[e].is_capitalized()
                                    || lexicon::is_determiner(self.toks[e - 1].key())
                                    || self.toks[e - 1].is_capitalized()) =>
                        {
                            e += 1
                        }
                        _ => break,
                    }
                }
            }
            k = e;
            // "told MSNBC's “Morning Joe”": the show is part of the addressee.
            if self.toks.get(k).is_some_and(|t| t.kind == Kind::Open)
                && self.toks[k - 1].is_possessive()
                && let Some(close) = (k + 1..self.b.min(k + 12)).find(|&m| self.is_close(m))
                && (k + 1..close).all(|m| !self.toks[m].is_word() || self.toks[m].is_capitalized())
            {
                k = close + 1;
            }
        }
        let mut display = k;
        let mut first_mod = true;
        while let Some(n) = self.modifier_at(k) {
            k += n;
            if first_mod {
                display = k;
                first_mod = false;
            }
            // "said Friday afternoon"
            while self.word(k).is_some_and(is_time_word) {
                k += 1;
            }
        }
        // "said in an interview with CNN that …": an adverbial before "that".
        // "said after the convention he would …": before a pronoun that starts a clause.
        // Not "appeared to suggest that …": a verb after "to" is what is reported.
        let to_verb = self.word(k) == Some("to") && self.cue_at(k + 1).is_some();
        // "joked about the cost", "agreed on a plan": the preposition's object
        // is what is reported; "said about half of …": an adverb of number.
        let object = match self.word(k) {
            // ("was asked about …" is a question, its asker unnamed.)
            Some("about" | "against") if !is_say(verb) && kind != CueKind::Address => {
                self.word(k + 1).is_some_and(|w| !is_time_word(w))
            }
            // ("chimed in on the radio": where, not what.)
            Some("on") if kind == CueKind::Evaluate => {
                self.word(k + 1).is_some_and(|w| !is_time_word(w))
            }
            Some("about") => self
                .word(k + 1)
                .is_some_and(|w| is_number(w) || matches!(w, "half" | "a" | "one")),
            _ => false,
        };
        if object {
            if self.word(k) != Some("about") || !is_say(verb) {
                k += 1;
            }
        } else if !to_verb && self.word(k).is_some_and(is_preposition) {
            let mut m = k;
            while m < self.eff && m - k < 10 && self.toks[m].is_free_word() {
                let w = self.word(m);
                if w == Some("that") {
                    k = m;
                    break;
                }
                if m > k + 1
                    && m - k <= 6
                    && w.is_some_and(|w| matches!(w, "he" | "she" | "they" | "we" | "i" | "it"))
                    && self.word(m - 1).is_some_and(|p| !is_preposition(p))
                {
                    k = m;
                    break;
                }
                m += 1;
            }
        }
        let mut colon = false;
        if self.punct(k, ":") {
            k += 1;
            colon = true;
        } else if self.punct(k, ",") && self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Open) {
            k += 1;
        }
        if k >= self.eff {
            return (None, display, colon);
        }
        if self.punct(k, ",") || self.punct(k, "—") || self.punct(k, ";") || self.punct(k, ")") {
            return (None, display, false);
        }
        // "said of the decision.", "said when asked": an adverbial, not a report; but
        // "urged them to act", "wants to run" report what follows.
        let infinitive =
            (kind != CueKind::Speech || takes_infinitive(verb)) && self.word(k) == Some("to");
        if !infinitive
            && !object
            && self
                .word(k)
                .is_some_and(|w| (is_preposition(w) || is_subordinator(w)) && w != "that")
            // (A show after a possessive is no quotation: "on KBC's “Morning Show.”")
            && !(k..self.eff).any(|m| {
                self.toks[m].kind == Kind::Open && !self.toks[m - 1].is_possessive()
            })
        {
            return (None, display, false);
        }
        let end = self.clause_end(k);
        let words = (k..end)
            .filter(|&m| self.toks[m].is_word() || self.toks[m].kind == Kind::Open)
            .count();
        if words == 0 {
            return (None, display, colon);
        }
        (Some(k..end), display, colon)
    }

    /// The subject of a cue whose left neighbour is a comma: the phrase that starts
    /// the clause ("Oksana Petrenko, the minister, said").
    fn appositive_subject(&self, comma: usize) -> Option<Range<usize>> {
        let mut cs = comma;
        while cs > self.a {
            let t = &self.toks[cs - 1];
            if t.kind == Kind::Close
                || (t.kind == Kind::Punct && t.quote.is_none() && matches!(t.text, ";" | ":"))
                || comma - cs > 40
            {
                break;
            }
            cs -= 1;
        }
        while cs < comma
            && (self.punct(cs, ",")
                || self.word(cs).is_some_and(|w| {
                    matches!(
                        w,
                        "but"
                            | "and"
                            | "so"
                            | "yet"
                            | "still"
                            | "meanwhile"
                            | "even"
                            | "only"
                            | "also"
                            | "now"
                    )
                }))
        {
            cs += 1;
        }
        if cs == self.a {
            cs = self.skip_dateline(cs);
        }
        // The phrases between commas: the first that can be a subject names the
        // speaker, or the name right after it ("her adviser, Jake Sullivan, said").
        let mut segs: Vec<Range<usize>> = Vec::new();
        let mut from = cs;
        for k in cs..=comma {
            if k == comma || self.punct(k, ",") {
                if k > from {
                    segs.push(from..k);
                }
                from = k + 1;
            }
        }
        // A segment that can be a subject: the whole segment, and whether its head
        // is a name.
        let subject = |seg: &Range<usize>| -> Option<(Range<usize>, bool)> {
            let np = self.subject_at(seg.start)?;
            let named = self.toks[np.end - 1].is_capitalized();
            // A short phrase with a tail ("Six newspapers in the state") is all one.
            let all_words = (np.end..seg.end).all(|k| self.toks[k].is_free_word());
            let noun = |k: usize| {
                self.word(k).is_some_and(|w| {
                    !self.toks[k].is_capitalized()
                        && !lexicon::is_np_stop(w)
                        && !is_preposition(w)
                        && !lexicon::is_determiner(w)
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                        && !w.ends_with("ly")
                        && self.lex.cues(w).is_empty()
                })
            };
            // ("Legislative leaders in the state": past a noun or two to the tail.)
            let head_end = (np.end..seg.end.min(np.end + 2))
                .take_while(|&k| noun(k))
                .last()
                .map_or(np.end, |k| k + 1);
            let tail = self
                .word(head_end)
                .is_some_and(|w| matches!(w, "in" | "of" | "for" | "at" | "from" | "on" | "with"));
            // "Sen. Ada Brandt (D-Kel.)", "Democratic economists".
            let paren = self.punct(np.end, "(") && self.punct(seg.end - 1, ")");
            let nouns = seg.end - np.end <= 2 && (np.end..seg.end).all(noun);
            if paren {
                return Some((np, named));
            }
            (np.end == seg.end || nouns || (all_words && tail && seg.len() <= 10))
                .then(|| (seg.clone(), named))
        };
        for (n, seg) in segs.iter().enumerate() {
            if let Some((np, named)) = subject(seg) {
                if !named
                    && let Some((next, true)) = segs.get(n + 1).and_then(subject)
                    && self.toks[next.start].is_capitalized()
                {
                    return Some(next);
                }
                return Some(np);
            }
        }
        None
    }

    /// The noun phrase at the start of the unit, as the subject of a participle whose
    /// own subject is not there ("Petrenko left, saying …").
    fn unit_subject(&self) -> Option<Range<usize>> {
        let mut s = self.skip_dateline(self.a);
        while self
            .word(s)
            .is_some_and(|w| matches!(w, "but" | "and" | "so" | "yet" | "still" | "then"))
        {
            s += 1;
        }
        // "Shortly after the call ended, the campaign …": past a leading adverbial.
        if self.subject_at(s).is_none()
            && let Some(comma) = (s..self.eff.min(s + 25)).find(|&k| self.punct(k, ","))
        {
            s = comma + 1;
        }
        self.subject_at(s)
    }

    /// Past a dateline that opens a story: "WASHINGTON (AP) —", "KELLEN, May 2 —".
    fn skip_dateline(&self, s: usize) -> usize {
        for k in s..self.eff.min(s + 14) {
            let t = &self.toks[k];
            if t.quote.is_some() {
                return s;
            }
            if t.kind == Kind::Punct && matches!(t.text, "—" | "–" | "-") {
                return if k > s { k + 1 } else { s };
            }
            let fits = if t.is_word() {
                t.is_capitalized() || t.text.chars().all(|c| c.is_ascii_digit())
            } else {
                matches!(t.text, "," | "." | "(" | ")")
            };
            if !fits {
                return s;
            }
        }
        s
    }

    /// A subject phrase starting at `s`: a pronoun, a name ("Mr. Obama", "Rubio's
    /// campaign") or a determiner and its nouns ("the Trump campaign"), stopping
    /// before the verb.
    fn subject_at(&self, s: usize) -> Option<Range<usize>> {
        let first = self.word(s)?;
        if lexicon::is_pronoun(first) {
            return Some(s..s + 1);
        }
        if is_time_word(first)
            || (first.ends_with("ly") && first.len() > 4)
            || matches!(
                first,
                "likewise" | "first" | "second" | "finally" | "instead"
            )
        {
            return None;
        }
        // "Dashing into the room, …", "Informed of …": a participle, not a name.
        if (first.ends_with("ing") || first.ends_with("ed"))
            && self
                .word(s + 1)
                .is_some_and(|w| is_preposition(w) || lexicon::is_determiner(w))
        {
            return None;
        }
        let verbish = |w: &str| {
            lexicon::is_np_stop(w)
                || w.ends_with("ed")
                || self.lex.cues(w).iter().any(|c| c.words.len() == 1)
        };
        let mut e = s;
        // "Former Representative Ada Brandt"
        let former = first == "former"
            && self
                .toks
                .get(s + 1)
                .is_some_and(|t| t.is_free_word() && t.is_capitalized());
        if self.toks[s].is_capitalized() && (former || !lexicon::is_common_capital(first)) {
            while e < self.eff
                && (self.toks[e].is_capitalized() || self.is_initial_period(e))
                && !self.toks[e].is_possessive()
            {
                e += 1;
            }
            if e < self.eff && self.toks[e].is_possessive() {
                e += 1;
                let stop = e + 3;
                while e < stop.min(self.eff) && self.word(e).is_some_and(|w| !verbish(w)) {
                    e += 1;
                }
            } else if let Some(role) = (e..self.eff.min(e + 3))
                .take_while(|&k| self.word(k).is_some_and(|w| !verbish(w)))
                .find(|&k| matches!(self.lex.noun(self.toks[k].key()), Some(lexicon::Noun::Role)))
                && self
                    .toks
                    .get(role + 1)
                    .is_some_and(|t| t.is_free_word() && t.is_capitalized() && role + 1 < self.eff)
            {
                // "Democratic presidential nominee Hillary Clinton": past the role to the
                // name.
                e = role + 1;
                while e < self.eff
                    && (self.toks[e].is_capitalized() || self.is_initial_period(e))
                    && !self.toks[e].is_possessive()
                {
                    e += 1;
                }
            }
        } else if (lexicon::is_determiner(first) && first != "that")
            || first.chars().all(|c| c.is_ascii_digit())
        {
            e = s + 1;
            // "47% say", "67 percent of voters say".
            if self.punct(e, "%") {
                e += 1;
            }
            let stop = e + 4;
            while e < stop.min(self.eff)
                && self
                    .word(e)
                    .is_some_and(|w| !verbish(w) && !is_preposition(w))
            {
                e += 1;
            }
        }
        (e > s && self.valid_np(s, e)).then_some(s..e)
    }
}

/// All frames of all units.
pub(super) fn frames(toks: &[Tok], units: &[Unit]) -> Vec<Frame> {
    let lex = lexicon::get();
    let mut out: Vec<Frame> = Vec::new();
    for (ui, unit) in units.iter().enumerate() {
        let (a, b) = (unit.toks.start, unit.toks.end);
        let mut eff = b;
        while eff > a && is_final_punct(&toks[eff - 1]) {
            eff -= 1;
        }
        let cx = Ctx {
            toks,
            lex,
            a,
            b,
            eff,
        };
        let first = out.len();
        unit_frames(&cx, ui, &mut out);
        if out.len() == first
            && let Some(f) = colon_speaker_frame(toks, units, ui)
        {
            out.push(f);
        }
        resolve_nesting(&cx, &mut out, first);
    }
    out
}

/// More reporting cues than any sentence holds: the rest of a unit is not read for
/// cues, which keeps the work per unit linear in its length.
const MAX_FRAMES_PER_UNIT: usize = 64;

fn unit_frames(cx: &Ctx, ui: usize, out: &mut Vec<Frame>) {
    let first = out.len();
    let mut i = cx.a;
    while i < cx.b && out.len() - first < MAX_FRAMES_PER_UNIT {
        let Some((len, kind)) = cx.cue_at(i) else {
            i += 1;
            continue;
        };
        let cue_end = i + len;
        if let Some(f) = frame_at(cx, ui, i, cue_end, kind) {
            out.push(f);
        }
        i = cue_end;
    }
    post_quote_frame(cx, ui, out, first);
    if out.len() == first
        && let Some(f) = in_document_frame(cx, ui)
    {
        out.push(f);
    }
}

/// Documents that report findings: "in the poll", "in a new survey".
fn is_finding_doc(w: &str) -> bool {
    matches!(
        w,
        "poll" | "polls" | "survey" | "surveys" | "study" | "studies" | "polling" | "average"
    )
}

/// "In the poll, … ", "… in a national survey.": what a poll or study found, in a
/// sentence with no other cue. The phrase after "in" names the source.
fn in_document_frame(cx: &Ctx, ui: usize) -> Option<Frame> {
    let s = cx.skip_dateline(cx.a);
    let frame = |cue: usize, np: Range<usize>, content: Range<usize>| Frame {
        unit: ui,
        cue: cue..cue + 1,
        source: Source::Np(np),
        content: std::iter::once(content).collect(),
        colon: false,
        bare: false,
    };
    // The phrase after "in" up to its document word, within a few words.
    let doc_np = |i: usize| -> Option<Range<usize>> {
        let mut k = i + 1;
        while k < cx.eff && k - i <= 8 {
            match cx.word(k) {
                Some(w) if is_finding_doc(w) => return Some(i + 1..k + 1),
                Some(_) => k += 1,
                None if cx.punct(k, "/") || cx.punct(k, "-") || cx.punct(k, "'") => k += 1,
                None => return None,
            }
        }
        None
    };
    let words = |r: Range<usize>| r.filter(|&k| cx.word(k).is_some()).count();
    // Fronted: "In a new survey released Sunday, most voters …".
    if cx.word(s) == Some("in")
        && let Some(np) = doc_np(s)
        && let Some(comma) = (np.end..cx.eff.min(np.end + 8)).find(|&k| cx.punct(k, ","))
        && words(comma + 1..cx.eff) >= 4
    {
        return Some(frame(s, np, comma + 1..cx.eff));
    }
    // Trailing: "… leads by eight points in the survey."
    let i = (s + 4..cx.eff)
        .rev()
        .take(12)
        .find(|&k| cx.word(k) == Some("in"))?;
    let np = doc_np(i)?;
    let tail_ok = np.end == cx.eff || cx.punct(np.end, ",");
    let mut end = i;
    while end > s && (cx.punct(end - 1, ",") || cx.punct(end - 1, "—")) {
        end -= 1;
    }
    (tail_ok && words(s..end) >= 4).then(|| frame(i, np, s..end))
}

/// "Matthews: Here is the irony …" at the start of a paragraph (a transcript, a
/// tweet): the name before the colon said the rest of the paragraph.
fn colon_speaker_frame(toks: &[Tok], units: &[Unit], ui: usize) -> Option<Frame> {
    let u = &units[ui];
    if ui > 0 && units[ui - 1].para == u.para {
        return None;
    }
    let (a, b) = (u.toks.start, u.toks.end);
    let colon = (a..b.min(a + 6)).find(|&k| toks[k].is_punct(":") && toks[k].quote.is_none())?;
    let name = a..colon;
    let shout = |t: &Tok| t.text.chars().filter(|c| c.is_alphabetic()).count() > 1;
    let ok = !name.is_empty()
        && name.clone().all(|k| {
            let t = &toks[k];
            t.is_free_word() && t.is_capitalized() && shout(t)
                || t.is_punct(".") && k > a && toks[k - 1].text.chars().count() <= 3
        })
        && !super::title::is_label(
            &name
                .clone()
                .map(|k| toks[k].text)
                .collect::<Vec<_>>()
                .join(" "),
        )
        && !lexicon::is_common_capital(toks[a].key());
    if !ok || colon + 1 >= b || toks[colon + 1].kind == Kind::Open {
        return None;
    }
    // To the end of the paragraph.
    let mut last = ui;
    while last + 1 < units.len() && units[last + 1].para == u.para {
        last += 1;
    }
    let mut end = units[last].toks.end;
    while end > colon + 1 && is_final_punct(&toks[end - 1]) {
        end -= 1;
    }
    let words = (colon + 1..end).filter(|&k| toks[k].is_word()).count();
    (words >= 4).then(|| Frame {
        unit: ui,
        cue: colon..colon + 1,
        source: Source::Np(name),
        content: std::iter::once(colon + 1..end).collect(),
        colon: false,
        bare: false,
    })
}

/// ""…," the nominee riffed." and ""…," remembered Roy Verley.": after a quotation
/// that opens the unit, a speaker and a past-tense verb are a reporting cue even when
/// the verb is not in the list.
fn post_quote_frame(cx: &Ctx, ui: usize, out: &mut Vec<Frame>, first: usize) {
    let mut seen = 0;
    let mut open = None;
    for close in cx.a..cx.b {
        match cx.toks[close].kind {
            Kind::Open => open = Some(close),
            Kind::Close => {}
            _ => continue,
        }
        let Some(o) = open.filter(|_| cx.is_close(close)) else {
            continue;
        };
        seen += 1;
        if seen > 16 {
            return;
        }
        // Already reported by a cue.
        if out[first..]
            .iter()
            .any(|f| f.content.iter().any(|r| r.contains(&o)))
        {
            continue;
        }
        if let Some(f) = quote_then_verb(cx, ui, o, close) {
            out.push(f);
        }
    }
}

fn quote_then_verb(cx: &Ctx, ui: usize, open: usize, close: usize) -> Option<Frame> {
    let mut k = close + 1;
    if cx.punct(k, ",") {
        k += 1;
    }
    let verb = |m: usize| {
        cx.word(m).is_some_and(|w| {
            (w.ends_with("ed") || w == "read")
                && !lexicon::is_np_stop(w)
                && !cx.toks[m].is_capitalized()
        })
    };
    let ends = |m: usize| {
        m >= cx.eff
            || cx.punct(m, ",")
            || cx.modifier_at(m).is_some()
            || cx.word(m).is_some_and(is_preposition)
    };
    let start = if open == cx.a + 1 || open == cx.a {
        cx.a
    } else {
        open
    };
    let mut frame = Frame {
        unit: ui,
        cue: k..k + 1,
        source: Source::Unnamed,
        content: std::iter::once(start..close + 1).collect(),
        colon: false,
        bare: false,
    };
    if verb(k)
        && let Some(np) = cx.np_right(k + 1, cx.eff)
        && ends(np.end)
    {
        frame.source = Source::Np(np);
    } else if let Some(np) = cx.subject_at(k)
        && verb(np.end)
        && ends(np.end + 1)
    {
        frame.cue = np.end..np.end + 1;
        frame.source = Source::Np(np);
    } else if start == cx.a
        && ["―", "—", "–"].iter().any(|d| cx.punct(k, d))
        && cx.toks.get(k + 1).is_some_and(|t| t.is_capitalized())
        && let Some(np) = cx.np_right(k + 1, cx.eff)
        && (np.end >= cx.eff || cx.punct(np.end, ","))
    {
        // ""…" ― Ada Brandt": a quotation signed with a dash and a name.
        frame.source = Source::Np(np);
    } else {
        return None;
    }
    Some(frame)
}

fn frame_at(cx: &Ctx, ui: usize, i: usize, cue_end: usize, kind: CueKind) -> Option<Frame> {
    let mut frame = Frame {
        unit: ui,
        cue: i..cue_end,
        source: Source::Inherit(usize::MAX),
        content: Vec::new(),
        colon: false,
        bare: false,
    };
    if kind == CueKind::Source {
        // "according to X, …" or "…, according to X". A long phrase the noun
        // phrase rules do not take ("according to early results of the exit poll
        // conducted by …, …") is the speaker up to its comma.
        let np = cx.np_right(cue_end, cx.eff).or_else(|| {
            let end = (cue_end..cx.eff.min(cue_end + 25))
                .find(|&k| cx.punct(k, ",") || cx.punct(k, "—"))
                .unwrap_or(cx.eff);
            (end < cue_end + 25 && (cue_end..end).any(|k| cx.word(k).is_some()))
                .then_some(cue_end..end)
        })?;
        frame.source = Source::Np(np.clone());
        let mut before_end = i;
        while before_end > cx.a && (cx.punct(before_end - 1, ",") || cx.punct(before_end - 1, "—"))
        {
            before_end -= 1;
        }
        if before_end > cx.a {
            frame.content.push(cx.a..before_end);
        }
        let mut k = np.end;
        // The report after the phrase: past the phrase's tail ("…, released
        // Sunday,"), when the cue opens the sentence.
        let reach = if before_end == cx.a { 25 } else { 8 };
        while k < cx.eff && !cx.punct(k, ",") && k - np.end < reach {
            k += 1;
        }
        if cx.punct(k, ",") && k + 1 < cx.eff {
            frame.content.push(k + 1..cx.clause_end(k + 1));
        }
        return (!frame.content.is_empty()).then_some(frame);
    }
    let word = cx.word(i)?;
    // "Petrenko's claim that …", "the mayor's decision to …": the possessor speaks.
    if i > cx.a
        && cx.toks[i - 1].is_possessive()
        && cx.toks[i - 1].is_free_word()
        && (kind == CueKind::Noun || is_noun_cue(word))
    {
        // Only a clause: "Vale's plan to …", "Vale's criticism of …" are as often
        // what someone else reports.
        let k = match cx.word(cue_end) {
            Some("that") => cue_end,
            _ => return None,
        };
        let mut s = i - 1;
        while s > cx.a && i - 1 - s < 4 && cx.toks[s - 1].is_free_word() && {
            let t = &cx.toks[s - 1];
            t.is_capitalized() && !lexicon::is_common_capital(t.key())
                || cx.is_initial_period(s - 1)
        } {
            s -= 1;
        }
        let end = cx.clause_end(k);
        if !cx.toks[i - 1].is_capitalized() || end <= k + 1 {
            return None;
        }
        frame.source = Source::Np(s..i);
        frame.content.push(k..end);
        return Some(frame);
    }
    if kind == CueKind::Noun {
        return None;
    }
    let left = cx.before_skipping(i);
    // "400 pledged delegates", "the proposed law", "the United States": an adjective
    // or a name, not a verb.
    let adjective = word.ends_with("ed")
        && i > cx.a
        && cx.word(i - 1).is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "the" | "a" | "an")
        })
        && cx.word(cue_end).is_some_and(|w| {
            !cx.toks[cue_end].is_capitalized()
                && w != "that"
                && w != "to"
                && !is_preposition(w)
                && !lexicon::is_pronoun(w)
        });
    if adjective || (word == "states" && cx.word(i.wrapping_sub(1)) == Some("united")) {
        return None;
    }
    // "is demanding", "has been saying": a finite verb, not a participle.
    let progressive = word.ends_with("ing")
        && (left.map_or(cx.a, |j| j + 1)..i).any(|k| {
            matches!(
                cx.word(k),
                Some("is" | "was" | "are" | "were" | "been" | "am")
            )
        });
    let participle = word.ends_with("ing") && !progressive;
    // "a practice criticized by two advocates", "Vale was praised by the mayor for
    // …": the phrase after "by" speaks, of the phrase before the verb.
    if word.ends_with("ed")
        && matches!(kind, CueKind::Evaluate | CueKind::Speech)
        && cx.word(cue_end) == Some("by")
        && let Some(src) = cx.np_right(cue_end + 1, cx.eff)
        && let Some(j) = left
        && cx.toks[j].is_free_word()
        && let Some(obj) = cx.np_left(j)
    {
        // "by opponents for his plan": the speaker ends before "for".
        let cut = (src.start + 1..src.end)
            .find(|&k| {
                cx.word(k)
                    .is_some_and(|w| matches!(w, "for" | "as" | "over"))
            })
            .unwrap_or(src.end);
        let src = src.start..cut;
        frame.source = Source::Np(src.clone());
        frame.content.push(obj);
        if cx
            .word(src.end)
            .is_some_and(|w| matches!(w, "for" | "as" | "over"))
        {
            frame.content.push(src.end..cx.clause_end(src.end));
        }
        return Some(frame);
    }
    // "was charged with", "is supported by": the subject is not the speaker.
    let passive = (left.map_or(cx.a, |j| j + 1)..i).any(|k| {
        matches!(
            cx.word(k),
            Some("is" | "was" | "are" | "were" | "be" | "been" | "being")
        )
    });
    if passive
        && word != "expected"
        && (word.ends_with("ed")
            || matches!(
                word,
                "told"
                    | "said"
                    | "shown"
                    | "seen"
                    | "known"
                    | "thought"
                    | "found"
                    | "felt"
                    | "understood"
                    | "sought"
                    | "heard"
            ))
        && !matches!(word, "asked")
    {
        return None;
    }
    // "seems to", "appeared likely": only so are they about what someone thinks.
    if matches!(
        word,
        "seems" | "seemed" | "seem" | "appears" | "appeared" | "appear"
    ) && !matches!(
        cx.word(cue_end),
        Some("to" | "that" | "likely" | "unlikely" | "poised" | "ready" | "set" | "eager")
    ) {
        return None;
    }
    // "when asked about …", "Asked whether …": a question, no one named.
    if matches!(word, "asked" | "asking")
        && left.is_none_or(|j| {
            matches!(
                cx.word(j),
                Some("when" | "was" | "were" | "being" | "been" | "after" | "if" | "is" | "are")
            )
        })
    {
        let mut k = cue_end;
        if cx.word(k) == Some("about") {
            k += 1;
        }
        let end = (k..cx.eff)
            .find(|&m| cx.punct(m, ",") || (cx.is_close(m) && cx.toks[m - 1].is_punct(",")))
            .map_or(cx.eff, |m| if cx.is_close(m) { m + 1 } else { m });
        frame.source = Source::Unnamed;
        frame.cue = i..k;
        frame.content.push(k..end);
        return (end > k).then_some(frame);
    }
    // "Many at the rally — teachers and nurses among them — said": past the aside.
    let left = match left {
        Some(j) if cx.punct(j, "—") => (j.saturating_sub(20).max(cx.a + 1)..j)
            .rev()
            .find(|&k| cx.punct(k, "—"))
            .filter(|&d| cx.word(d - 1).is_some() && cx.np_left(d - 1).is_some())
            .map(|d| d - 1)
            .or(left),
        _ => left,
    };
    let mut subject_start = None;
    match left {
        Some(j) if cx.toks[j].is_free_word() => {
            let w = cx.toks[j].key();
            if w == "who" || w == "which" {
                if j > cx.a && cx.punct(j - 1, ",") {
                    let ante = cx.np_left(j - 2)?;
                    frame.source = Source::Relative(ante.clone());
                    subject_start = Some(ante.start);
                } else {
                    // "business leaders who say …": the phrase before, if any.
                    frame.source = match j.checked_sub(1).and_then(|p| cx.np_left(p)) {
                        Some(ante) => Source::Relative(ante),
                        None => Source::Unnamed,
                    };
                }
            } else if matches!(w, "and" | "but") || (participle && w == "by") {
                frame.source = Source::Inherit(usize::MAX);
            } else if w == "to" && !participle {
                // "took to Twitter to say thanks": the sentence's subject says it.
                let np = cx.unit_subject().filter(|np| np.end < j)?;
                subject_start = Some(np.start);
                frame.source = Source::Np(np);
            } else if participle {
                // "issued a statement saying …": the unit's subject speaks.
                if !matches!(cx.lex.noun(w), Some(lexicon::Noun::Document)) {
                    return None;
                }
                let np = cx.unit_subject().filter(|np| np.end <= j)?;
                subject_start = Some(np.start);
                frame.source = Source::Np(np);
            } else {
                // "a poll released in late August found": past the time phrase.
                let np = cx
                    .np_left(j)
                    .or_else(|| {
                        if !cx.time_at(j) {
                            return None;
                        }
                        // "Gowdy earlier Thursday said": past the day to the name.
                        if let Some(q) = cx.before_skipping(j)
                            && cx.toks[q].is_capitalized()
                            && cx.word(q).is_some_and(|w| !lexicon::is_common_capital(w))
                            && let Some(np) = cx.np_left(q)
                        {
                            return Some(np);
                        }
                        // "a court filing released Thursday says"
                        if j > cx.a && cx.word(j - 1).is_some_and(|w| w.ends_with("ed")) {
                            return cx.np_left(j - 1);
                        }
                        let p = (j.saturating_sub(3).max(cx.a)..j).rev().find(|&k| {
                            cx.word(k).is_some_and(|p| {
                                matches!(
                                    p,
                                    "in" | "on"
                                        | "at"
                                        | "last"
                                        | "this"
                                        | "early"
                                        | "late"
                                        | "next"
                                )
                            })
                        })?;
                        let p = if cx
                            .word(p.wrapping_sub(1))
                            .is_some_and(|w| matches!(w, "in" | "on" | "at"))
                        {
                            p - 1
                        } else {
                            p
                        };
                        cx.np_left(p.checked_sub(1)?)
                    })
                    .or_else(|| cx.stretch_subject(j))
                    .or_else(|| cx.relative_subject(j))?;
                // "fears", "plans", "tweets" are nouns as often as verbs: only a name,
                // a pronoun or a speaker word makes them verbs.
                // The head is the noun before "of": "a video of the episode shows".
                let head_at = (np.start + 1..np.end)
                    .find(|&k| cx.word(k) == Some("of"))
                    .map_or(np.end - 1, |k| k - 1);
                let head = &cx.toks[head_at];
                // ("Republican claims", "Democratic calls for": an adjective.)
                let adjective = np.len() == 1
                    && matches!(
                        head.key(),
                        "republican"
                            | "democratic"
                            | "democrat"
                            | "gop"
                            | "conservative"
                            | "liberal"
                            | "progressive"
                            | "american"
                            | "federal"
                            | "national"
                    );
                if word != "says"
                    && word.ends_with('s')
                    && (adjective
                        || !(head.is_capitalized()
                            || lexicon::is_pronoun(head.key())
                            || cx.lex.noun(head.key()).is_some()))
                {
                    return None;
                }
                // "the call-in show", "a heated dispute": a cue's base form right
                // after a singular noun is that noun's head, not its verb.
                let plural = |t: &Tok| {
                    t.is_capitalized() || is_number(t.key()) || takes_plural_verb(t.key())
                };
                // ("many on the island believe": the subject is before the
                // preposition.)
                let in_pp = np
                    .start
                    .checked_sub(1)
                    .and_then(|p| cx.word(p))
                    .is_some_and(|w| is_preposition(w) || w == "of");
                if j + 1 == i
                    && is_base_form(word)
                    && !in_pp
                    && !plural(head)
                    && !plural(&cx.toks[np.end - 1])
                    // "those surveyed say", "many here believe"
                    && !cx.word(np.start).is_some_and(|w| {
                        matches!(w, "those" | "these" | "both" | "many")
                    })
                {
                    return None;
                }
                // "people close to Vale say": the phrase before the adjective.
                let close_to = np.start >= cx.a + 3
                    && matches!(cx.word(np.start - 1), Some("to" | "with"))
                    && cx.word(np.start - 2).is_some_and(|w| {
                        matches!(w, "close" | "familiar" | "loyal" | "allied" | "near")
                    });
                let np = match close_to.then(|| cx.np_left(np.start - 3)).flatten() {
                    Some(outer) => outer.start..np.end,
                    None => np,
                };
                // "leaders on the ground told": the phrase before the preposition.
                let np = match np.start.checked_sub(1) {
                    Some(p)
                        if cx
                            .word(p)
                            .is_some_and(|w| matches!(w, "on" | "in" | "at" | "from" | "with")) =>
                    {
                        match p.checked_sub(1).and_then(|q| cx.np_left(q)) {
                            Some(outer) if outer.start < p => outer.start..np.end,
                            _ => np,
                        }
                    }
                    _ => np,
                };
                let np = cx.extend_to_boundary(np);
                subject_start = Some(np.start);
                frame.source = Source::Np(np);
            }
        }
        // "47% say …"
        Some(j)
            if cx.punct(j, "%")
                && j > cx.a
                && cx
                    .word(j - 1)
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())) =>
        {
            let np = cx.extend_to_boundary(j - 1..j + 1);
            subject_start = Some(np.start);
            frame.source = Source::Np(np);
        }
        Some(j) if cx.punct(j, ",") || cx.punct(j, "—") || cx.is_close(j) => {
            let after_quote = cx.is_close(j) || (j > cx.a && cx.is_close(j - 1));
            // "The plan, said Petrenko, is dead.": one phrase before the comma and a
            // name after the verb is the verb's subject, not an appositive's.
            let inverted = cx.punct(j, ",")
                && !after_quote
                && kind == CueKind::Speech
                && !participle
                && single_phrase_before(cx, j)
                && cx
                    .np_right(cue_end, cx.eff)
                    .is_some_and(|np| cx.toks[np.start].is_capitalized() && cx.punct(np.end, ","));
            let appositive = (cx.punct(j, ",") && !after_quote && !inverted)
                .then(|| cx.appositive_subject(j))
                .flatten();
            if participle && cx.punct(j, ",") {
                frame.source = Source::Inherit(usize::MAX);
            } else if let Some(np) = appositive {
                subject_start = Some(np.start);
                frame.source = Source::Np(np);
            } else if let Some(np) = (kind == CueKind::Speech || matches!(word, "asked" | "asks"))
                .then(|| cx.np_right(cue_end, cx.eff))
                .flatten()
                && (np.end >= cx.eff
                    || after_quote
                    || cx.punct(np.end, ",")
                    || cx.punct(np.end, "(")
                    // "…, said an official who was briefed on the talks."
                    || cx.word(np.end) == Some("who")
                    || cx.punct(np.end, "—")
                    || cx.modifier_at(np.end).is_some()
                    || cx.word(np.end).is_some_and(is_preposition))
            {
                // "…," said Petrenko.
                let mut before_end = j + usize::from(cx.is_close(j));
                while before_end > cx.a && cx.punct(before_end - 1, ",") {
                    before_end -= 1;
                }
                if before_end > cx.a {
                    frame.content.push(cx.a..before_end);
                }
                let after_np = if cx.punct(np.end, ",") {
                    skip_apposition(cx, np.end)
                } else {
                    np.end
                };
                let np_end = np.end;
                frame.source = Source::Np(np);
                if let (Some(r), _, colon) = cx.after(kind, word, after_np)
                    && cx.toks[r.start].kind == Kind::Open
                {
                    frame.content.push(r);
                    frame.colon = colon;
                } else if inverted {
                    // The rest of the clause, past ", who …," after the name.
                    let appos = cx.word(np_end + 1).is_some_and(|w| {
                        matches!(w, "who" | "whose" | "which") || lexicon::is_determiner(w)
                    });
                    let from = if appos && after_np < cx.eff && after_np != np_end {
                        after_np + 1
                    } else {
                        np_end + 1
                    };
                    if from < cx.eff {
                        frame.content.push(from..cx.clause_end(from));
                    }
                }
                if frame.content.is_empty() {
                    frame.bare = true;
                }
                return Some(frame);
            } else {
                return None;
            }
        }
        None if kind == CueKind::Speech && cx.word(i).is_some() && cx.toks[i].is_capitalized() => {
            // "Said Petrenko, the minister, “…”"
            let np = cx.np_right(cue_end, cx.eff)?;
            let after_np = if cx.punct(np.end, ",") {
                skip_apposition(cx, np.end)
            } else {
                np.end
            };
            let (r, _, colon) = cx.after(kind, word, after_np);
            frame.source = Source::Np(np);
            match r {
                Some(r) => frame.content.push(r),
                // "Stated Petrenko:" and the quotation in the next paragraph.
                None if colon => frame.colon = true,
                None => return None,
            }
            return Some(frame);
        }
        None if participle => {
            // "Noting that …, Petrenko said": the speaker comes after.
            let end = (cue_end..cx.eff)
                .find(|&m| cx.punct(m, ","))
                .unwrap_or(cx.eff);
            frame.source = Source::Next;
            frame.content.push(cue_end..end);
            return (end > cue_end).then_some(frame);
        }
        _ => return None,
    }
    // "Petrenko is expected to visit": someone else's expectation, no one named; but
    // "expected to say" reports.
    if word == "expected" && cx.word(cue_end) == Some("to") && cx.cue_at(cue_end + 1).is_none() {
        frame.source = Source::Unnamed;
    }
    let (mut after, display, colon) = cx.after(kind, word, cue_end);
    // "As the Courier reported, the mill will close": the clause after the comma.
    let mut as_clause = false;
    if after.is_none()
        && let Some(s) = subject_start
        && s > cx.a
        && cx.word(s - 1) == Some("as")
        && (s - 1 == cx.a
            || cx
                .word(s - 2)
                .is_some_and(|w| matches!(w, "and" | "but" | "so")))
        && cx.punct(display, ",")
        && display + 1 < cx.eff
        && cx.cue_at(display + 1).is_none()
    {
        let end = cx.clause_end(display + 1);
        if (display + 1..end).filter(|&k| cx.word(k).is_some()).count() >= 3 {
            after = Some(display + 1..end);
            as_clause = true;
        }
    }
    // "While Petrenko said …, she …": a subordinate clause ends at its comma.
    if let Some(s) = subject_start
        && s > cx.a
        && !as_clause
        && cx.word(s - 1).is_some_and(|w| {
            matches!(
                w,
                "while"
                    | "although"
                    | "though"
                    | "as"
                    | "because"
                    | "since"
                    | "if"
                    | "when"
                    | "after"
                    | "before"
                    | "whereas"
                    | "once"
                    | "until"
                    | "unless"
            )
        })
        && let Some(r) = after.as_mut()
        && let Some(stop) = (r.start..r.end).find(|&k| {
            cx.punct(k, ",")
                || cx.punct(k, "—")
                || cx.punct(k, "–")
                || cx.punct(k, "-") && cx.toks[k].start > cx.toks[k - 1].end
        })
    {
        r.end = stop;
    }
    frame.cue = i..display.max(cue_end);
    frame.colon = colon && after.is_none();
    // What comes before the speaker, when the speaker follows a comma or a quotation.
    if let Some(s) = subject_start
        && s > cx.a
        && !as_clause
    {
        let mut p = s - 1;
        // "…, as police have said."
        if cx.word(p) == Some("as") && after.is_none() && p > cx.a {
            p -= 1;
        }
        if cx.punct(p, ",") || cx.punct(p, "—") || cx.is_close(p) {
            let mut before_end = p + usize::from(cx.is_close(p));
            while before_end > cx.a
                && (cx.punct(before_end - 1, ",") || cx.punct(before_end - 1, "—"))
            {
                before_end -= 1;
            }
            // A cue at the very start of the text has nothing before it.
            let quote_before = before_end.checked_sub(1).is_some_and(|i| cx.is_close(i));
            let after_opens = after
                .as_ref()
                .is_some_and(|r| cx.toks[r.start].kind == Kind::Open || colon);
            if before_end > cx.a
                && (after.is_none() || cx.punct(display, ",") || after_opens || quote_before)
            {
                frame.content.push(cx.a..before_end);
                // ""…," Cruz told a radio host on Wednesday.": the rest is no report;
                // but ""…," she told POLITICO that …" goes on.
                let that = after
                    .as_ref()
                    .is_some_and(|r| cx.word(r.start) == Some("that"));
                // ""Dana!," the senator said her campaign was "strong."": a quotation
                // after the cue is reported too.
                let quoted = after
                    .as_ref()
                    .is_some_and(|r| r.clone().any(|m| cx.toks[m].kind == Kind::Open));
                if quote_before && !after_opens && !that && !quoted {
                    after = None;
                }
            }
        }
    }
    match after {
        Some(r) => frame.content.push(r),
        None => {
            // "The plan, she said, is dead."; and "Vale said, twice, that …", "Vale
            // says, win or lose, she will run" when the subject opens the sentence.
            // (Not after a quotation that ends the sentence before: ""…!" Vale
            // shouted, …" says that quotation.)
            let after_quote = cx.a > 0 && cx.toks[cx.a - 1].kind == Kind::Close;
            let opens = !after_quote
                && subject_start.is_some_and(|s| {
                    s == cx.a
                        || s == cx.skip_dateline(cx.a)
                        || cx
                            .word(s - 1)
                            .is_some_and(|w| matches!(w, "and" | "but" | "so"))
                });
            let clause = frame.content.is_empty()
                && opens
                && matches!(kind, CueKind::Speech | CueKind::Address)
                && cx.word(display + 1).is_some_and(|w| {
                    !is_preposition(w) && !is_subordinator(w) && !lexicon::is_pronoun(w)
                })
                && (display + 1..cx.eff)
                    .filter(|&k| cx.word(k).is_some())
                    .count()
                    >= 4;
            if (!frame.content.is_empty() || clause)
                && cx.punct(display, ",")
                && display + 1 < cx.eff
                && cx.cue_at(display + 1).is_none()
            {
                frame.content.push(display + 1..cx.clause_end(display + 1));
            }
        }
    }
    if frame.content.is_empty() {
        if frame.colon {
            return Some(frame);
        }
        // "Petrenko said." after a quotation: said of that quotation.
        if subject_start == Some(cx.a)
            || matches!(frame.source, Source::Np(ref r) if r.start == cx.a)
        {
            frame.bare = true;
            return Some(frame);
        }
        return None;
    }
    Some(frame)
}

/// Cues that are nouns as often as verbs, which report after a possessive.
fn is_noun_cue(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "plan"
            | "plans"
            | "hope"
            | "hopes"
            | "fear"
            | "fears"
            | "promises"
            | "vows"
            | "demand"
            | "demands"
            | "warning"
            | "calls"
            | "pledges"
            | "view"
            | "views"
    )
}

/// "said", "says", "told": verbs whose preposition after them starts an adverbial
/// ("said of the decision", "told of"), not what is reported.
fn is_say(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "say" | "saying" | "told" | "tells" | "tell" | "telling" | "added"
    )
}

/// Cues of commitment that report an infinitive: "vowed to keep the clinic open".
fn takes_infinitive(w: &str) -> bool {
    [
        "vow", "promis", "pledg", "claim", "threaten", "swear", "swore",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// A verb's base form ("say", "show"), which only a plural or "I", "you" takes as
/// its subject: not "-s", "-ed", "-ing", nor an irregular past.
fn is_base_form(w: &str) -> bool {
    let third_person = w.ends_with('s') && !w.ends_with("ss");
    !third_person
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !matches!(
            w,
            "said"
                | "told"
                | "wrote"
                | "thought"
                | "knew"
                | "felt"
                | "saw"
                | "sought"
                | "understood"
                | "found"
                | "learnt"
                | "forecast"
                | "shot"
                | "went"
                | "made"
                | "according"
        )
}

/// A subject word that takes a plural verb: "polls show", "people say", "most agree".
fn takes_plural_verb(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        || lexicon::is_pronoun(w) && !matches!(w, "he" | "she" | "it")
        || matches!(
            w,
            "people"
                | "police"
                | "men"
                | "women"
                | "children"
                | "staff"
                | "media"
                | "public"
                | "majority"
                | "minority"
                | "plurality"
                | "half"
                | "third"
                | "quarter"
                | "fifth"
                | "percent"
                | "most"
                | "many"
                | "some"
                | "few"
                | "both"
                | "all"
                | "more"
                | "fewer"
                | "rest"
                | "none"
                | "clergy"
                | "electorate"
                | "who"
        )
}

/// Whether the clause before the comma at `j` is one phrase, with no comma, quotation
/// or semicolon before it in the unit ("The plan, said Petrenko, …").
fn single_phrase_before(cx: &Ctx, j: usize) -> bool {
    (cx.a..j).rev().take(40).all(|k| {
        let t = &cx.toks[k];
        !(t.kind == Kind::Open || t.kind == Kind::Close || cx.punct(k, ",") || cx.punct(k, ";"))
    }) && j - cx.a <= 40
        && j > cx.a
}

/// Past ", the minister," after a name: where the clause goes on.
fn skip_apposition(cx: &Ctx, comma: usize) -> usize {
    let mut k = comma + 1;
    while k < cx.eff && k - comma < 25 {
        if cx.punct(k, ",") {
            return k;
        }
        if cx.toks[k].kind == Kind::Open {
            return comma;
        }
        k += 1;
    }
    if k >= cx.eff { cx.eff } else { comma }
}

/// Drops frames inside what another frame of the unit reports, and splits a report
/// where the same speaker goes on (", adding that", "and warned") or a new clause
/// brings its own speaker (", but he said", "; she said").
fn resolve_nesting(cx: &Ctx, frames: &mut Vec<Frame>, first: usize) {
    let n = frames.len();
    if n <= first {
        return;
    }
    let inside = |f: &Frame, pos: usize| f.content.iter().any(|r| r.contains(&pos));
    let mut keep = vec![true; n];
    // A report before its cue ("…, said Henson") holds every cue inside it.
    for x in (first..n).rev() {
        if !keep[x] {
            continue;
        }
        for y in first..x {
            let before_x = frames[x]
                .content
                .iter()
                .any(|r| r.end <= frames[x].cue.start && r.contains(&frames[y].cue.start));
            if !before_x {
                continue;
            }
            // "Asked what that means, Petrenko said …": the question is its own
            // report, and the answer's report starts after it.
            let question = matches!(frames[y].source, Source::Unnamed)
                && matches!(cx.word(frames[y].cue.start), Some("asked"))
                && frames[y].cue.start <= cx.a + 1;
            let q_end = frames[y].content.last().map_or(0, |r| r.end);
            if question {
                let mut s = q_end;
                while s < cx.b && (cx.punct(s, ",") || cx.punct(s, "—")) {
                    s += 1;
                }
                for r in &mut frames[x].content {
                    if r.start < s && r.end > s {
                        r.start = s;
                    }
                }
                frames[x].content.retain(|r| r.start >= s);
            } else {
                keep[y] = false;
            }
        }
    }
    for x in first..n {
        for y in first..n {
            if x == y || !keep[x] || !keep[y] || !inside(&frames[x], frames[y].cue.start) {
                continue;
            }
            let after_x = frames[y].cue.start > frames[x].cue.start;
            let cut = match &frames[y].source {
                Source::Inherit(_) | Source::Next if after_x => Some(frames[y].cue.start),
                // "Podesta, who said the project was vetted, said he was unaware":
                // the report of the relative clause ends where its subject's verb
                // comes.
                Source::Np(r)
                    if after_x
                        && r.start < frames[x].cue.start
                        && matches!(frames[x].source, Source::Relative(_)) =>
                {
                    Some(frames[y].cue.start)
                }
                Source::Np(r) if after_x => coordinated(cx, r.start),
                Source::Relative(r) if after_x => {
                    coordinated(cx, r.start).filter(|&c| !cx.punct(c, ","))
                }
                _ => None,
            };
            let Some(cut) = cut else {
                keep[y] = false;
                continue;
            };
            // The earlier report stops before the conjunction or comma.
            let mut end = cut;
            while end > cx.a
                && (cx.toks[end - 1].is_punct(",")
                    || cx.toks[end - 1].is_punct(";")
                    || matches!(
                        cx.toks[end - 1].key(),
                        "and" | "but" | "while" | "whereas" | "although" | "though" | "yet"
                    )
                    || lexicon::is_aux_or_adverb(cx.toks[end - 1].key()))
            {
                end -= 1;
            }
            for r in &mut frames[x].content {
                if r.contains(&cut) {
                    r.end = end.max(r.start);
                }
            }
            frames[x].content.retain(|r| r.end > r.start);
        }
    }
    // Inherited speakers: the last frame kept before; "Next": the first after.
    let mut last_kept: Option<usize> = None;
    for x in first..n {
        if !keep[x] {
            continue;
        }
        let clause = participle_subject(cx, frames[x].cue.start);
        match (&frames[x].source, clause) {
            (Source::Inherit(_), Some(np)) => frames[x].source = Source::Np(np),
            (Source::Inherit(_), None) => match last_kept {
                // "Asked about it, Varga smiled and said …": the subject after the
                // question, not its unnamed asker.
                Some(p) if matches!(frames[p].source, Source::Unnamed) => {
                    let mut s = frames[p].content.last().map_or(cx.a, |r| r.end);
                    while s < cx.eff && (cx.punct(s, ",") || cx.punct(s, "—")) {
                        s += 1;
                    }
                    match cx.subject_at(s) {
                        Some(np) if np.end < frames[x].cue.start => {
                            frames[x].source = Source::Np(np)
                        }
                        _ => frames[x].source = Source::Inherit(p),
                    }
                }
                Some(p) => frames[x].source = Source::Inherit(p),
                None => match cx.unit_subject() {
                    Some(np) if np.end <= frames[x].cue.start => frames[x].source = Source::Np(np),
                    _ => keep[x] = false,
                },
            },
            (Source::Next, _) => match (x + 1..n).find(|&y| keep[y]) {
                Some(y) => frames[x].source = frames[y].source.clone(),
                None => keep[x] = false,
            },
            _ => {}
        }
        if keep[x] && frames[x].content.is_empty() && !frames[x].bare && !frames[x].colon {
            keep[x] = false;
        }
        if keep[x] {
            last_kept = Some(x);
        }
    }
    // Compact, renumbering inherited sources.
    let mut new_index = vec![usize::MAX; n];
    let mut w = first;
    for x in first..n {
        if keep[x] {
            new_index[x] = w;
            w += 1;
        }
    }
    let mut x = 0;
    frames.retain(|_| {
        let k = keep[x];
        x += 1;
        k
    });
    for f in &mut frames[first..] {
        if let Source::Inherit(p) = f.source {
            f.source = match new_index.get(p) {
                Some(&q) if q != usize::MAX => Source::Inherit(q),
                _ => Source::Unnamed,
            };
        }
    }
}

/// The subject of the clause before a participle cue after a comma ("Trump hewed
/// closer to the president, noting …"), when that clause starts with one.
fn participle_subject(cx: &Ctx, cue: usize) -> Option<Range<usize>> {
    if !cx.word(cue).is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    let comma = cx.before_skipping(cue).filter(|&j| cx.punct(j, ","))?;
    let start = (cx.a..comma)
        .rev()
        .find(|&k| cx.punct(k, ",") || cx.punct(k, ";") || cx.toks[k].kind == Kind::Close)
        .map_or(cx.skip_dateline(cx.a), |k| k + 1);
    let np = cx.subject_at(start)?;
    // The phrase must be followed by a verb, not be the whole clause.
    (np.end < comma).then_some(np)
}

/// Where a clause with its own speaker starts inside a report: before "but he
/// said", "; she said", ", while officials said". None when the speaker is part of
/// the report ("said Petrenko told him").
/// "reported that during the visit, Petrenko repeated …": the comma ends an
/// adverbial that opens a "that" clause, not the clause.
fn fronted_in_that(cx: &Ctx, comma: usize) -> bool {
    (comma.saturating_sub(12).max(cx.a)..comma)
        .rev()
        .take_while(|&k| !cx.punct(k, ",") && !cx.punct(k, ";"))
        .find(|&k| cx.word(k) == Some("that"))
        .is_some_and(|t| {
            cx.word(t + 1)
                .is_some_and(|w| is_preposition(w) || is_subordinator(w))
        })
}

fn coordinated(cx: &Ctx, subject: usize) -> Option<usize> {
    let mut p = subject.checked_sub(1)?;
    // "while only 49 percent say"
    while p > cx.a
        && cx
            .word(p)
            .is_some_and(|w| matches!(w, "only" | "even" | "just" | "also" | "still"))
    {
        p -= 1;
    }
    if cx.punct(p, ";") || cx.punct(p, "—") {
        return Some(subject);
    }
    match cx.word(p) {
        Some("but" | "while" | "whereas" | "although" | "though" | "yet") => Some(p),
        // "donations, which he said were …"
        Some("which" | "who") if p > cx.a && cx.punct(p - 1, ",") => Some(p),
        Some("and") if p > cx.a && cx.punct(p - 1, ",") => Some(p),
        // "Cruz accuses Obama of … and Trump says …": a named speaker of his own.
        Some("and") if cx.toks[subject].is_capitalized() => Some(p),
        // "X calls for action, even a top strategist said …": a clause of its own.
        None if cx.punct(p, ",")
            && p >= cx.a + 3
            && !cx.punct(p - 1, ",")
            && !fronted_in_that(cx, p) =>
        {
            Some(p)
        }
        _ => None,
    }
}
