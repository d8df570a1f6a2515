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

use super::lexicon;
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
    super::text_quotes(&normal, "", &[])
        .into_iter()
        .filter(|q| title.is_char_boundary(q.start) && title.is_char_boundary(q.end))
        .map(|mut q| {
            q.text = title[q.start..q.end].to_string();
            if let Some(name) = q.speaker_mention.as_deref().and_then(|m| person(m, people)) {
                q.speaker = Some(name);
            }
            q.in_title = true;
            q
        })
        .collect()
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
fn lowercase_cues(title: &str) -> String {
    let words = text::words(title);
    let capitals = words.iter().filter(|w| w.is_capitalized()).count();
    if words.is_empty() || capitals * 2 <= words.len() + 1 {
        return title.to_string();
    }
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
