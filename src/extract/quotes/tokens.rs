//! Tokens for quote extraction: the shared words, plus the punctuation between them,
//! each knowing which quotation (if any) it is part of; and the units quotes are
//! attributed in: sentences, merged where a quotation runs across them.

use std::ops::Range;

use super::marks::Marked;
use crate::extract::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Punct,
    /// The opening mark of a quotation.
    Open,
    /// The closing mark of a quotation.
    Close,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// See [`Tok::key`]; worked out once here, as rules ask for it many times.
    key: &'a str,
    pub kind: Kind,
    /// The quotation this token belongs to, marks included.
    pub quote: Option<u32>,
}

impl<'a> Tok<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// A word outside every quotation.
    pub fn is_free_word(&self) -> bool {
        self.kind == Kind::Word && self.quote.is_none()
    }

    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.text == c
    }

    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lowercase, without a possessive ending or trailing period.
    pub fn key(&self) -> &'a str {
        self.key
    }

    pub fn is_possessive(&self) -> bool {
        self.kind == Kind::Word && (self.text.ends_with("'s") || self.text.ends_with("’s"))
    }
}

/// The part of `text` a key is made from: without trailing periods or a possessive
/// ending. A key is this part lowercased.
fn key_part(text: &str) -> &str {
    let t = text.trim_end_matches('.');
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
}

/// Words and punctuation of `body`, in order. `keys` holds the keys that are not
/// slices of `body` (those that had to be lowercased), so it lives as long as the
/// tokens.
pub(super) fn tokenize<'a>(body: &'a str, quotes: &[Marked], keys: &'a mut String) -> Vec<Tok<'a>> {
    let words = text::words(body);
    // Room for a punctuation token after every word, so the vector seldom grows.
    let mut out = Vec::with_capacity(2 * words.len() + 1);
    let push_gap = |out: &mut Vec<Tok<'a>>, from: usize, to: usize| {
        let gap = &body[from..to];
        // Most gaps are one space: nothing to push, no characters to decode.
        if gap.bytes().all(|b| b == b' ') {
            return;
        }
        for (i, c) in gap.char_indices() {
            if !c.is_whitespace() {
                let start = from + i;
                let end = start + c.len_utf8();
                out.push(Tok {
                    start,
                    end,
                    text: &body[start..end],
                    key: "",
                    kind: Kind::Punct,
                    quote: None,
                });
            }
        }
    };
    let mut pos = 0;
    for w in words {
        push_gap(&mut out, pos, w.start);
        out.push(Tok {
            start: w.start,
            end: w.end,
            text: w.text,
            key: "",
            kind: Kind::Word,
            quote: None,
        });
        pos = w.end;
    }
    push_gap(&mut out, pos, body.len());
    // Keys: a slice of `body` for the common lowercase word, else a slice of `keys`,
    // filled first and only then borrowed.
    keys.clear();
    let mut lowered = Vec::new();
    for (i, t) in out.iter_mut().enumerate() {
        let part = key_part(t.text);
        if !part
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            t.key = part;
        } else {
            let from = keys.len();
            if part.is_ascii() {
                keys.extend(part.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                keys.push_str(&part.to_lowercase());
            }
            lowered.push((i, from..keys.len()));
        }
    }
    let keys: &'a str = keys;
    for (i, r) in lowered {
        out[i].key = &keys[r];
    }
    let mut qi = 0;
    for t in &mut out {
        while qi < quotes.len() && quotes[qi].close <= t.start {
            qi += 1;
        }
        let Some(q) = quotes.get(qi) else { break };
        if q.open <= t.start && t.end <= q.close {
            t.quote = Some(qi as u32);
            if t.start == q.open {
                t.kind = Kind::Open;
            } else if q.closed && t.end == q.close && t.kind == Kind::Punct {
                t.kind = Kind::Close;
            }
        }
    }
    out
}

/// A stretch of text quotes are attributed in: one sentence, or several a quotation
/// joins.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// Token indices.
    pub toks: Range<usize>,
    /// Index of the paragraph the unit starts in.
    pub para: usize,
}

pub(super) fn units(body: &str, toks: &[Tok], quotes: &[Marked]) -> Vec<Unit> {
    let paras = text::paragraphs(body);
    // Byte spans first: sentences, merged while a quotation opened in the unit
    // reaches past its end.
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut reach = 0;
    let mut qi = 0;
    for s in text::sentences(body) {
        match spans.last_mut() {
            Some(last) if s.start < reach => last.end = s.end,
            _ => spans.push(s.clone()),
        }
        let unit_start = spans.last().map_or(0, |u| u.start);
        while qi < quotes.len() && quotes[qi].open < s.end {
            if quotes[qi].open >= unit_start {
                reach = reach.max(quotes[qi].close);
            }
            qi += 1;
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    let (mut ti, mut pi) = (0, 0);
    for span in spans {
        while ti < toks.len() && toks[ti].start < span.start {
            ti += 1;
        }
        let first = ti;
        while ti < toks.len() && toks[ti].start < span.end {
            ti += 1;
        }
        while pi + 1 < paras.len() && paras[pi + 1].start <= span.start {
            pi += 1;
        }
        // A sentence the shared splitter joined to the next because it did not take
        // the next one's opening mark for one (''Like this.'').
        let mut from = first;
        for k in first..ti {
            let t = &toks[k];
            if k + 1 < ti
                && t.kind == Kind::Punct
                && t.quote.is_none()
                && matches!(t.text, "." | "?" | "!")
                && toks[k + 1].kind == Kind::Open
            {
                out.push(Unit {
                    toks: from..k + 1,
                    para: pi,
                });
                from = k + 1;
            }
        }
        if ti > from {
            out.push(Unit {
                toks: from..ti,
                para: pi,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lowercase_without_possessive_or_period() {
        let rows = [
            ("said", "said"),
            ("Said", "said"),
            ("Trump's", "trump"),
            ("Trump’s", "trump"),
            ("Jr.", "jr"),
            ("U.S.", "u.s"),
            ("ÉLAN", "élan"),
            ("ΟΔΟΣ", "οδος"),
            (".", ""),
            ("it's", "it"),
        ];
        for (text, want) in rows {
            let mut keys = String::new();
            let toks = tokenize(text, &[], &mut keys);
            assert_eq!(toks[0].key(), want, "{text}");
        }
    }

    #[test]
    fn lowered_keys_share_one_buffer_in_order() {
        let mut keys = String::new();
        let toks = tokenize("The Senate and NASA met, said Smith.", &[], &mut keys);
        let got: Vec<_> = toks.iter().map(|t| t.key()).collect();
        assert_eq!(
            got,
            [
                "the", "senate", "and", "nasa", "met", ",", "said", "smith", ""
            ]
        );
    }
}
