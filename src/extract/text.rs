//! Text utilities shared by the extractors: words with offsets, sentences, paragraphs.

use std::cell::RefCell;
use std::ops::Range;

/// A word of the text: letters and digits, with inner apostrophes, hyphens and
/// periods kept ("Putin's", "al-Assad", "U.S.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Letters, digits, and combining marks (a decomposed "é" is "e" + U+0301).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// The character at byte `i` of `text` and its length, ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// The splits of the last long text a thread asked about. People, topics and quotes
/// each split an article's body into words, sentences or paragraphs; the first to ask
/// does the work, the others get a copy.
#[derive(Default)]
struct Memo {
    text: String,
    words: Option<Vec<Range<usize>>>,
    sentences: Option<Vec<Range<usize>>>,
    paragraphs: Option<Vec<Range<usize>>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Texts shorter than this (titles, phrases) are split anew each time.
const MEMO_MIN_BYTES: usize = 256;

/// The split `field` of `text`, made by `split` unless this thread has it already.
fn remembered(
    text: &str,
    field: impl Fn(&mut Memo) -> &mut Option<Vec<Range<usize>>>,
    split: impl FnOnce() -> Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    if text.len() < MEMO_MIN_BYTES {
        return split();
    }
    let known = MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.text != text {
            memo.text.clear();
            memo.text.push_str(text);
            memo.words = None;
            memo.sentences = None;
            memo.paragraphs = None;
        }
        field(&mut memo).clone()
    });
    if let Some(known) = known {
        return known;
    }
    // Split with the memo free: a split may ask for another (sentences ask for
    // paragraphs).
    let made = split();
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.text == text {
            *field(&mut memo) = Some(made.clone());
        }
    });
    made
}

/// The words of `text`, in order, with byte offsets.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let spans = remembered(
        text,
        |m| &mut m.words,
        || split_words(text).iter().map(|w| w.start..w.end).collect(),
    );
    spans
        .into_iter()
        .map(|r| Word {
            start: r.start,
            end: r.end,
            text: &text[r],
        })
        .collect()
}

fn split_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        i += len;
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i - len;
        let mut end = i;
        while let Some((d, dlen)) = char_at(text, end) {
            if is_word_char(d) {
                end += dlen;
            } else if is_inner_joiner(d) {
                // Keep a joiner only when a letter or digit follows it, except a
                // period after a single letter ("U.S." keeps its last period).
                let next_alnum = char_at(text, end + dlen).is_some_and(|(n, _)| is_word_char(n));
                if next_alnum {
                    end += dlen;
                } else {
                    if d == '.' && text[start..end].contains('.') {
                        end += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        i = end;
        out.push(Word {
            start,
            end,
            text: &text[start..end],
        });
    }
    out
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "no", "vs", "v", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "adm", "maj", "pres",
    "u.s", "u.n", "u.k", "e.u", "d.c", "a.m", "p.m", "etc", "al", "approx", "dept", "est", "fig",
];

/// The length of the longest of `ABBREVIATIONS`.
const LONGEST_ABBREVIATION: usize = 6;

/// Sentence spans of `text`. Paragraph breaks always end a sentence; `.`, `?` and `!`
/// end one when followed by space and a capital, a digit or an opening quote, and the
/// word before is not an abbreviation or an initial.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    remembered(text, |m| &mut m.sentences, || split_sentences(text))
}

fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let p = &text[para.clone()];
        let mut start = 0;
        let bytes = p.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'.' | b'?' | b'!') {
                // Closing quotes and brackets belong to the sentence they end.
                let mut end = i + 1;
                while end < p.len() {
                    let c = p[end..].chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '”' | '’' | '\'' | ')' | '»' | '.' | '?' | '!') {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let rest = &p[end..];
                let after = rest.trim_start();
                let spaced = rest.len() > after.len();
                let next = after.chars().next();
                let opens = next.is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '‘' | '«' | '(')
                });
                if spaced && opens && !(b == b'.' && before_is_abbreviation(&p[start..i])) {
                    out.push(para.start + start..para.start + end);
                    start = end + (rest.len() - after.len());
                    i = start;
                    continue;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        if start < p.len() {
            let s = &p[start..];
            let trimmed = s.trim_end();
            if !trimmed.is_empty() {
                out.push(para.start + start..para.start + start + trimmed.len());
            }
        }
    }
    out
}

fn before_is_abbreviation(before: &str) -> bool {
    // The word the period ends: the letters, digits and periods right before it.
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[start..];
    let mut chars = word.chars();
    // A single capital letter is an initial ("George W. Bush").
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Abbreviations are short and ASCII: compare without lowercasing a copy, unless
    // the word has letters whose lowercase is not ASCII.
    if word.is_ascii() {
        return word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Paragraph spans: text separated by blank lines (or single newlines), trimmed.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    remembered(text, |m| &mut m.paragraphs, || split_paragraphs(text))
}

fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        out.push(start + lead..start + lead + trimmed.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_splits_are_the_splits_of_the_text_asked_about() {
        let a = "Dana Vale said the plan was ready. It was not. ".repeat(20);
        let b = "Orrin Mabe left Paris.\n\nHe came back on Monday. ".repeat(20);
        let fresh = |t: &str| {
            let words: Vec<(usize, usize)> =
                split_words(t).iter().map(|w| (w.start, w.end)).collect();
            (words, split_sentences(t), split_paragraphs(t))
        };
        let asked = |t: &str| {
            let words: Vec<(usize, usize)> = words(t).iter().map(|w| (w.start, w.end)).collect();
            (words, sentences(t), paragraphs(t))
        };
        // In turns, and twice each, so that answers come both fresh and remembered;
        // a copy of `a` at another address is the same text.
        for t in [&a, &a, &b, &a.clone(), &b, &b] {
            assert_eq!(asked(t), fresh(t));
        }
        assert!(a.len() >= MEMO_MIN_BYTES && b.len() >= MEMO_MIN_BYTES);
    }

    #[test]
    fn abbreviations_fit_their_longest_length() {
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(LONGEST_ABBREVIATION)
        );
        for (before, yes) in [
            ("said Mr", true),
            ("said MR", true),
            ("George W", true),
            ("in the U.S", true),
            ("approx", true),
            ("the w", false),
            ("Paris", false),
            ("", false),
            ("naïve Dr", true),
            ("Ü", true),
            ("\u{212A}m", false),
        ] {
            assert_eq!(before_is_abbreviation(before), yes, "{before:?}");
        }
    }

    #[test]
    fn words_keep_inner_marks() {
        let w: Vec<&str> = words("Putin's al-Assad met U.S. officials, Mr. Kim.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            [
                "Putin's",
                "al-Assad",
                "met",
                "U.S.",
                "officials",
                "Mr",
                "Kim"
            ]
        );
    }

    #[test]
    fn decomposed_accents_stay_in_the_word() {
        let text = "Erdog\u{306}an and Ame\u{301}lie met";
        let w: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(w, ["Erdog\u{306}an", "and", "Ame\u{301}lie", "met"]);
    }

    #[test]
    fn sentence_splitting() {
        let text = "Mr. Trump met George W. Bush in the U.S. Capitol. \"It went well,\" he said. Then they left!\n\nNew paragraph";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            [
                "Mr. Trump met George W. Bush in the U.S. Capitol.",
                "\"It went well,\" he said.",
                "Then they left!",
                "New paragraph"
            ]
        );
    }

    #[test]
    fn paragraph_spans() {
        let text = "One.\n\n  Two.  \nThree.";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }
}
