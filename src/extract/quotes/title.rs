//! Quotes in a headline: "Petrenko: Bridge Will Open in May", "Petrenko Says the
//! Bridge Will Open".
//!
//! Headlines say who said what in two ways the body rarely does. A name (or a
//! body, or "Poll") before a colon is the speaker of what follows it, with no verb at
//! all. And a headline in title case capitalises its verbs, which the body's rules
//! read as names; so the cue words of such a headline are lowercased (ASCII only, so
//! offsets stay the same) and the headline is read with the body's rules. Speakers
//! are tied to the article's people by name, since the people module's mentions are
//! offsets into the body. Every quote found here has `in_title` set; its offsets are
//! into the title.

use super::lexicon::{self, CueKind};
use super::{Quote, QuoteKind};
use crate::extract::{Person, text};

/// Longer than any headline: such a "title" is not read.
const MAX_TITLE: usize = 400;

/// Words before a headline's colon that label a kind of story, not a speaker.
pub(super) fn is_label(prefix: &str) -> bool {
    matches!(
        prefix.to_lowercase().as_str(),
        "the latest"
            | "latest"
            | "news guide"
            | "watch"
            | "exclusive"
            | "breaking"
            | "breaking news"
            | "analysis"
            | "update"
            | "updated"
            | "video"
            | "photos"
            | "live"
            | "live updates"
            | "fact check"
            | "opinion"
            | "editorial"
            | "review"
            | "explainer"
            | "interview"
            | "listen"
            | "podcast"
            | "quiz"
            | "correction"
            | "factbox"
            | "timeline"
            | "q&a"
            | "paid notice"
            | "byline"
            | "revealed"
            | "delegate update"
            | "wow"
            | "look"
            | "boom"
            | "bombshell"
            | "just leaked"
            | "just in"
    )
}

/// Small words a title-case headline capitalises that the rules need in lowercase.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "to" | "for"
            | "that"
            | "on"
            | "about"
            | "of"
            | "in"
            | "with"
            | "as"
            | "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "be"
            | "not"
            | "from"
            | "by"
            | "at"
            | "and"
            | "but"
            | "just"
            | "also"
            | "now"
            | "once"
            | "never"
            | "still"
            | "finally"
            | "reportedly"
            | "again"
    )
}

/// The quotes of a headline.
pub(super) fn quotes(title: &str, people: &[Person]) -> Vec<Quote> {
    let title = title.trim_end();
    if title.is_empty() || title.len() > MAX_TITLE {
        return Vec::new();
    }
    if let Some(q) = colon_quote(title, people) {
        return vec![q];
    }
    let normal = lowercase_cues(title);
    let found: Vec<Quote> = super::text_quotes(&normal, "", &[])
        .into_iter()
        .filter(|q| title.is_char_boundary(q.start) && title.is_char_boundary(q.end))
        .map(|mut q| {
            q.end = clause_end(title, q.start, q.end);
            q.text = title[q.start..q.end].to_string();
            if let Some(name) = q.speaker_mention.as_deref().and_then(|m| person(m, people)) {
                q.speaker = Some(name);
            } else if q
                .speaker_mention
                .as_deref()
                .is_some_and(|m| is_group(title, m))
            {
                q.speaker = None;
            }
            q.in_title = true;
            q
        })
        .collect();
    // "Calderon calls the plan ‘stupid’": a headline's quoted words are part of
    // what its speaker is said to have said, and a stance verb with a bare object
    // ("Mabe rips fare plan") reports too.
    if found.iter().all(|q| q.kind == QuoteKind::Partial)
        && let Some(q) = verb_quote(title, people)
    {
        return vec![q];
    }
    // "‘Big Liar’ Mabe Is Wrong Again, Dana Vale Says": the quoted words are a
    // small part of what was said.
    if found
        .iter()
        .all(|q| q.kind != QuoteKind::Indirect && (q.end - q.start) * 2 < title.len())
        && let Some(q) = said_after(title, people)
        && found.iter().all(|f| f.end <= q.end)
    {
        return vec![q];
    }
    found
}

/// "Bridge Will Be ‘A Landmark’, Dana Vale Says": the speaker and a speech verb
/// after the last comma, and the words before it what was said.
fn said_after(title: &str, people: &[Person]) -> Option<Quote> {
    let e = clause_end(title, 0, title.len());
    let comma = title[..e].rfind(", ")?;
    let tail = text::words(&title[comma + 2..e]);
    let (verb, subject) = tail.split_last()?;
    let lex = lexicon::get();
    let key = verb.text.to_ascii_lowercase();
    let speech = lex
        .cues(&key)
        .iter()
        .any(|c| c.kind == CueKind::Speech && c.words.len() == 1);
    if !speech || subject.is_empty() || subject.len() > 4 || !subject[0].is_capitalized() {
        return None;
    }
    let subject = &title[comma + 2 + subject[0].start..comma + 2 + subject[subject.len() - 1].end];
    let (s, e) = (0, clause_end(title, 0, comma));
    if text::words(&title[s..e]).len() < 2 {
        return None;
    }
    let named =
        !is_group(title, subject) && text::words(subject).iter().all(|w| w.is_capitalized());
    Some(Quote {
        text: title[s..e].to_string(),
        start: s,
        end: e,
        speaker: person(subject, people).or_else(|| named.then(|| subject.to_string())),
        speaker_mention: Some(subject.to_string()),
        cue: Some(key),
        kind: QuoteKind::Indirect,
        in_title: true,
    })
}

/// Where what was said from `s` to `e` ends: at a semicolon or a dash ("…; a second
/// story", "… – You Will Not Guess"), less the final period, comma and spaces.
fn clause_end(title: &str, s: usize, e: usize) -> usize {
    let rest = &title[s..e];
    let mut e = s + rest
        .find([';', '–', '—'])
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    while e > s && title[..e].ends_with(['.', ' ', ',']) {
        e -= 1;
    }
    e
}

/// Headline verbs that report a stance on a bare object, beyond the body's cues:
/// "Mabe Rips Fare Plan", "Vale to endorse Mabe".
fn is_headline_verb(w: &str) -> bool {
    matches!(
        w,
        "rips"
            | "rebukes"
            | "assails"
            | "derides"
            | "targets"
            | "trashes"
            | "whacks"
            | "hits"
            | "champions"
            | "backs"
            | "pushes"
            | "vows"
            | "knocks"
            | "lauds"
            | "hails"
            | "pans"
            | "attacks"
            | "urges"
            | "warns"
            | "touts"
            | "endorse"
            | "back"
            | "support"
            | "oppose"
            | "call"
    )
}

/// Words that open a headline with something other than its subject.
fn is_not_subject(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "as" | "in"
            | "after"
            | "with"
            | "why"
            | "how"
            | "what"
            | "when"
            | "where"
            | "who"
            | "if"
            | "amid"
            | "despite"
            | "before"
            | "while"
            | "for"
            | "on"
            | "to"
            | "from"
            | "at"
            | "by"
            | "this"
            | "these"
            | "here"
            | "there"
    )
}

/// "Senator Mabe blasts fare plan", "Dana Vale Calls for New Bridge": the words
/// before a reporting verb are its speaker, and the rest of the headline, up to a
/// semicolon or dash, is what was said.
fn verb_quote(title: &str, people: &[Person]) -> Option<Quote> {
    let words = text::words(title);
    let lex = lexicon::get();
    let mut key = String::new();
    for i in 1..words.len().min(8) {
        key.clear();
        key.push_str(words[i].text);
        key.make_ascii_lowercase();
        let cue_len = lex
            .cues(&key)
            .iter()
            .find(|c| {
                matches!(
                    c.kind,
                    CueKind::Speech | CueKind::Address | CueKind::Evaluate
                ) && c.words.len() <= words.len() - i
                    && c.words
                        .iter()
                        .zip(&words[i..])
                        .all(|(a, b)| b.text.eq_ignore_ascii_case(a))
            })
            .map(|c| c.words.len());
        let len = match cue_len {
            Some(n) => n,
            None if is_headline_verb(&key) => 1,
            // "Vale to endorse Mabe".
            None if key == "to"
                && words.get(i + 1).is_some_and(|w| {
                    let w = w.text.to_ascii_lowercase();
                    is_headline_verb(&w) || !lex.cues(&w).is_empty()
                }) =>
            {
                2
            }
            None => continue,
        };
        let subject = &title[words[0].start..words[i - 1].end];
        if !words[0].is_capitalized()
            || is_not_subject(words[0].text)
            || subject.contains([',', ';', ':', '"', '“', '”', '‘', '’', '\'', '–', '—'])
            || words[..i]
                .iter()
                .any(|w| matches!(w.text, "that" | "who" | "which" | "is" | "are" | "was"))
        {
            return None;
        }
        let mut s = words[i + len - 1].end;
        while title[s..].starts_with(char::is_whitespace) {
            s += 1;
        }
        let e = clause_end(title, s, title.len());
        if text::words(&title[s..e]).is_empty() {
            return None;
        }
        let named = words[..i].iter().all(|w| w.is_capitalized());
        let speaker = person(subject, people).or_else(|| named.then(|| subject.to_string()));
        return Some(Quote {
            text: title[s..e].to_string(),
            start: s,
            end: e,
            speaker,
            speaker_mention: Some(subject.to_string()),
            cue: Some(title[words[i].start..words[i + len - 1].end].to_lowercase()),
            kind: QuoteKind::Indirect,
            in_title: true,
        });
    }
    None
}

/// "Petrenko: Bridge Will Open in May", "Poll: Voters Want Lower Fares": the name
/// before the colon said what follows it.
fn colon_quote(title: &str, people: &[Person]) -> Option<Quote> {
    let colon = title.find(": ")?;
    let prefix = title[..colon].trim();
    let words = text::words(prefix);
    let connector = |w: &str| matches!(w, "of" | "the" | "for" | "and" | "&");
    // "BREAKING:", "FIX IS IN:": a shouted label ("NRA:" is a name).
    let shouting = (words.len() > 1 || prefix.len() > 4)
        && words
            .iter()
            .all(|w| !w.text.chars().any(char::is_lowercase));
    if words.is_empty()
        || words.len() > 6
        || shouting
        || !words[0].is_capitalized()
        || !words
            .iter()
            .all(|w| w.is_capitalized() || connector(w.text))
        || prefix.contains(['"', '“', '”', '‘', '’', '«', '»'])
        || is_label(prefix)
    {
        return None;
    }
    // What was said: the rest, less the headline's final period.
    let mut s = colon + 1;
    while title[s..].starts_with(char::is_whitespace) {
        s += 1;
    }
    let mut e = title.len();
    while e > s && title[..e].ends_with(['.', ' ']) {
        e -= 1;
    }
    let mut kind = QuoteKind::Indirect;
    // All of it one quotation: the words inside the marks.
    let inner = &title[s..e];
    if let (Some(o), Some(c)) = (inner.chars().next(), inner.chars().last())
        && matches!((o, c), ('“', '”') | ('‘', '’') | ('"', '"') | ('«', '»'))
        && inner.len() > o.len_utf8() + c.len_utf8()
        && !inner[o.len_utf8()..inner.len() - c.len_utf8()].contains(c)
    {
        s += o.len_utf8();
        e -= c.len_utf8();
        kind = QuoteKind::Direct;
    }
    if text::words(&title[s..e]).len() < 2 {
        return None;
    }
    let named = words.len() >= 2 && words.iter().all(|w| w.is_capitalized());
    let speaker = person(prefix, people).or_else(|| named.then(|| prefix.to_string()));
    Some(Quote {
        text: title[s..e].to_string(),
        start: s,
        end: e,
        speaker,
        speaker_mention: Some(prefix.to_string()),
        cue: Some(":".to_string()),
        kind,
        in_title: true,
    })
}

/// The one person of the article that a name in the headline names: the person
/// whose name holds its last word, or, when several do, the one whose every name
/// word it holds ("Bill Clinton" among the Clintons).
fn person(phrase: &str, people: &[Person]) -> Option<String> {
    let words: Vec<String> = text::words(phrase)
        .iter()
        .map(|w| {
            let t = w.text;
            let t = t
                .strip_suffix("'s")
                .or_else(|| t.strip_suffix("’s"))
                .unwrap_or(t);
            t.to_lowercase()
        })
        .collect();
    let last = words.last()?;
    let name_words = |p: &Person| -> Vec<String> {
        p.name
            .split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect()
    };
    let with_last: Vec<&Person> = people
        .iter()
        .filter(|p| name_words(p).contains(last))
        .collect();
    let pick = |c: Vec<&Person>| -> Option<String> {
        let first = c.first()?;
        c.iter()
            .all(|p| p.name == first.name)
            .then(|| first.name.clone())
    };
    if with_last.len() <= 1 {
        return pick(with_last);
    }
    pick(
        with_last
            .into_iter()
            .filter(|p| name_words(p).iter().all(|w| words.contains(w)))
            .collect(),
    )
}

/// A title-case headline with its cue words and small words in lowercase, so that
/// "Petrenko Says the Bridge Will Open" reads like a sentence. Other headlines as
/// they are.
/// In a headline that capitalises every word, "Seismic Monitors" is capitalised too:
/// a plural after no first name, which the people module did not name (callers ask
/// it first), is a group ("analysts say"), not a name.
fn is_group(title: &str, phrase: &str) -> bool {
    let words = text::words(phrase);
    // "IRS" in a headline with lowercase letters is an acronym, not a plural.
    let acronym =
        |w: &str| !w.chars().any(char::is_lowercase) && title.chars().any(char::is_lowercase);
    title_cased(title)
        && words
            .last()
            .is_some_and(|w| w.text.ends_with(['s', 'S']) && !acronym(w.text))
        && !words
            .first()
            .is_some_and(|w| crate::extract::people::is_first_name(w.text))
}

/// Whether a headline capitalises most of its words (title case or capitals).
fn title_cased(title: &str) -> bool {
    let words = text::words(title);
    let capitals = words.iter().filter(|w| w.is_capitalized()).count();
    !words.is_empty() && capitals * 2 > words.len() + 1
}

fn lowercase_cues(title: &str) -> String {
    if !title_cased(title) {
        return title.to_string();
    }
    let words = text::words(title);
    let lex = lexicon::get();
    let mut out = title.to_string();
    for (n, w) in words.iter().enumerate().skip(1) {
        if !w.text.is_ascii() || !w.is_capitalized() || w.text.len() < 2 {
            continue;
        }
        // "US", "GOP": an acronym stays.
        if !w.text.chars().any(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let key = w.text.to_ascii_lowercase();
        // "Hope Hicks": a first name, not the verb.
        let name_next = words.get(n + 1).is_some_and(|x| x.is_capitalized());
        if is_small_word(&key) || (!lex.cues(&key).is_empty() && (key != "hope" || !name_next)) {
            out.replace_range(w.start..w.end, &key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mabe() -> Person {
        Person {
            name: "Orrin Mabe".to_string(),
            role: None,
            country: None,
            gender: None,
            leader: false,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn stance_verbs_and_quoted_words() {
        // (headline, what was said, speaker, speaker mention, cue); "" when none.
        let rows: &[(&str, &str, Option<&str>, &str, &str)] = &[
            // A stance verb with a bare object reports.
            (
                "Mabe rips Kelland fare plan.",
                "Kelland fare plan",
                Some("Orrin Mabe"),
                "Mabe",
                "rips",
            ),
            (
                "Dana Vale Blasts Transit Board Over Late Trains",
                "Transit Board Over Late Trains",
                Some("Dana Vale"),
                "Dana Vale",
                "blasts",
            ),
            (
                "Transit union to back Mabe; a second story",
                "Mabe",
                None,
                "Transit union",
                "to back",
            ),
            // Quoted words in a headline are part of the claim, not a quote apart.
            (
                "Mabe calls the bridge plan ‘reckless’, ‘late.’",
                "the bridge plan ‘reckless’, ‘late.’",
                Some("Orrin Mabe"),
                "Mabe",
                "calls",
            ),
            (
                "Wow: Dana Vale Just Said Something About Kelland – You Will Not Guess",
                "Something About Kelland",
                Some("Dana Vale"),
                "Dana Vale",
                "said",
            ),
            // The speaker after the claim, with a few quoted words inside it.
            (
                "‘Big Liar’ Mabe Is Wrong Again, Dana Vale Says.",
                "‘Big Liar’ Mabe Is Wrong Again",
                Some("Dana Vale"),
                "Dana Vale",
                "says",
            ),
            (
                "Kelland Fares Are ‘Too High’, Transit Union Says",
                "Kelland Fares Are ‘Too High’",
                Some("Transit Union"),
                "Transit Union",
                "says",
            ),
            // A plural in a headline that capitalises every word is a group, not a
            // name; an acronym is a name.
            (
                "Kelland Dam Will Hold, Flood Engineers Say",
                "Kelland Dam Will Hold",
                None,
                "Flood Engineers",
                "say",
            ),
            (
                "KELLAND DAM WILL HOLD, FLOOD ENGINEERS SAY",
                "KELLAND DAM WILL HOLD",
                None,
                "FLOOD ENGINEERS",
                "say",
            ),
            (
                "Kelland Dam Will Hold, KWS Says",
                "Kelland Dam Will Hold",
                Some("KWS"),
                "KWS",
                "says",
            ),
            // No subject before the verb, or a verb inside a clause: nothing.
            ("As Mabe rips fare plan, riders wait", "", None, "", ""),
            ("Kelland bridge opens in May", "", None, "", ""),
        ];
        let mut failed = Vec::new();
        for &(title, text, speaker, mention, cue) in rows {
            let got: Vec<_> = quotes(title, &[mabe()])
                .into_iter()
                .inspect(|q| assert_eq!(&title[q.start..q.end], q.text, "offsets of {q:?}"))
                .map(|q| (q.text, q.speaker, q.speaker_mention, q.cue))
                .collect();
            let want: Vec<_> = if text.is_empty() {
                Vec::new()
            } else {
                vec![(
                    text.to_string(),
                    speaker.map(str::to_string),
                    Some(mention.to_string()),
                    Some(cue.to_string()),
                )]
            };
            if got != want {
                failed.push(format!("{title}\n   got:  {got:?}\n   want: {want:?}"));
            }
        }
        assert!(failed.is_empty(), "\n{}", failed.join("\n"));
    }
}
