//! Quote marks: which marks open and close a quotation and which are apostrophes.
//!
//! One pass over each paragraph, one character at a time, so any input takes linear
//! time. Double marks (`"` `“` `”` `„` `«` `»`) pair within a paragraph; a quotation
//! still open at a paragraph's end goes on when the next paragraph starts with an
//! opening mark (the newsroom convention for long quotes), and otherwise ends there.
//! Single marks (`'` `‘` `’`) quote only outside double quotes, only within one
//! paragraph, and only where they cannot be apostrophes: a mark between letters
//! ("Putin's") never quotes, nor one that opens an elision ("'90s", "rock 'n' roll").

use std::ops::Range;

/// One quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text, without marks and surrounding spaces.
    pub start: usize,
    pub end: usize,
    /// Byte offset just past the closing mark, or the paragraph end when unclosed.
    pub close: usize,
    pub single: bool,
    pub closed: bool,
}

#[derive(Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    ch: char,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// Whether a quotation mark may start at byte `b`: the ASCII marks, and every
/// non-ASCII character (the curly and angle marks are among them).
fn may_be_mark(b: u8) -> bool {
    b == b'"' || b == b'\'' || !b.is_ascii()
}

/// A mark here may open: start of paragraph, after a space, an opening bracket or dash.
fn open_ctx(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':')
                || is_double(p)
                || is_single(p)
        }
    }
}

/// A mark here may close: end of paragraph, before a space or punctuation.
fn close_ctx(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => {
            n.is_whitespace()
                || matches!(
                    n,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '…'
                )
                || is_double(n)
                || is_single(n)
        }
    }
}

/// Text after an opening single mark that makes it an apostrophe: "'90s", "'em",
/// "rock 'n' roll".
fn elision(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    if first.is_ascii_digit() {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let after = rest[word.len().min(rest.len())..].chars().next();
    match word.as_str() {
        "n" => after.is_some_and(|c| matches!(c, '\'' | '’')),
        "em" | "til" | "tis" | "twas" | "cause" | "bout" | "nuff" | "round" | "cos" => true,
        _ => false,
    }
}

/// How many characters of opening mark a paragraph starts with (0, 1 or 2).
fn reopen_len(p: &str) -> usize {
    if p.starts_with("''") || p.starts_with("‘‘") {
        2
    } else if p.starts_with(['“', '"', '«', '„']) {
        1
    } else {
        0
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if end <= start {
        return None;
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim();
    if inner.is_empty() {
        return None;
    }
    Some((start + lead, start + lead + inner.len()))
}

/// All quotations of `text`, in order, given its paragraph spans.
pub(super) fn find(text: &str, paras: &[Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Marked>, o: Open, end: usize, close: usize, single, closed| {
        if let Some((start, end)) = trimmed(text, o.at + o.len, end) {
            out.push(Marked {
                open: o.at,
                start,
                end,
                close,
                single,
                closed,
            });
        }
    };
    // A double quotation the previous paragraph left open, reopened by this one.
    let mut carry: Option<Open> = None;
    for (pi, para) in paras.iter().enumerate() {
        let p = &text[para.clone()];
        let mut dbl = carry.take();
        let mut sgl: Option<Open> = None;
        let mut prev: Option<char> = None;
        let mut i = 0;
        if dbl.is_some() {
            // The reopening mark belongs to the quotation already open.
            for _ in 0..reopen_len(p) {
                if let Some(c) = p[i..].chars().next() {
                    prev = Some(c);
                    i += c.len_utf8();
                }
            }
        }
        while let Some(skip) = p.as_bytes()[i..].iter().position(|&b| may_be_mark(b)) {
            // Nothing but marks changes the state: jump to the next one.
            if skip > 0 {
                i += skip;
                prev = p[..i].chars().next_back();
            }
            let Some(mut c) = p[i..].chars().next() else {
                break;
            };
            let mut len = c.len_utf8();
            let mut next = p[i + len..].chars().next();
            let at = para.start + i;
            // Two single marks make a double one: ''quoted'' (some newspapers' style).
            if let Some(n) = next
                && matches!((c, n), ('\'', '\'') | ('‘', '‘') | ('’', '’'))
            {
                len += n.len_utf8();
                next = p[i + len..].chars().next();
                c = match c {
                    '‘' => '“',
                    '’' => '”',
                    _ => '"',
                };
            }
            let here = Open { at, len, ch: c };
            if is_double(c) {
                let (o_ctx, c_ctx) = (open_ctx(prev), close_ctx(next));
                match dbl {
                    Some(o) => {
                        let closes = match c {
                            '”' => true,
                            '»' => o.ch != '»',
                            '«' => o.ch == '»',
                            '“' => o.ch == '„' || (c_ctx && !o_ctx),
                            '"' => !o_ctx || c_ctx,
                            _ => false,
                        };
                        if closes {
                            push(&mut out, o, at, at + len, false, true);
                            dbl = None;
                        } else {
                            // An opening mark inside an open quotation: the earlier
                            // mark was stray; start again here.
                            dbl = Some(here);
                        }
                    }
                    None => {
                        let opens = match c {
                            '“' | '„' | '«' => true,
                            '"' => !c_ctx || o_ctx,
                            '”' | '»' => o_ctx && !c_ctx,
                            _ => false,
                        };
                        if opens {
                            dbl = Some(here);
                            sgl = None;
                        }
                    }
                }
            } else if is_single(c) && dbl.is_none() {
                let letter_after = next.is_some_and(char::is_alphanumeric);
                match sgl {
                    None => {
                        if matches!(c, '\'' | '‘' | '‚' | '‹')
                            && open_ctx(prev)
                            && letter_after
                            && !elision(&p[i + c.len_utf8()..])
                        {
                            sgl = Some(here);
                        }
                    }
                    Some(o) => {
                        let after_text = prev.is_some_and(|p| !p.is_whitespace());
                        if matches!(c, '\'' | '’' | '›') && after_text && !letter_after {
                            push(&mut out, o, at, at + len, true, true);
                            sgl = None;
                        } else if matches!(c, '‘' | '‹') && open_ctx(prev) && letter_after {
                            sgl = Some(here);
                        }
                    }
                }
            }
            prev = Some(c);
            i += len;
        }
        if let Some(o) = dbl {
            let reopened = paras
                .get(pi + 1)
                .is_some_and(|n| reopen_len(&text[n.clone()]) > 0);
            if reopened {
                carry = Some(o);
            } else {
                push(&mut out, o, para.end, para.end, false, false);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::paragraphs;

    fn quoted(text: &str) -> Vec<&str> {
        find(text, &paragraphs(text))
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn marks_pair_and_apostrophes_do_not() {
        let rows: &[(&str, &[&str])] = &[
            ("He said \"yes.\" Then \"no.\"", &["yes.", "no."]),
            ("“Curly,” she said. “Again.”", &["Curly,", "Again."]),
            ("«Bonjour», dit-il.", &["Bonjour"]),
            ("„Guten Tag“, sagte er.", &["Guten Tag"]),
            ("Petrenko's aide said 'no deal' today.", &["no deal"]),
            ("Petrenko’s ‘red line’ held.", &["red line"]),
            ("They love rock 'n' roll and the '90s.", &[]),
            ("The Vargas' home, the Joneses' car.", &[]),
            (
                "“He told me ‘never’ twice,” she said.",
                &["He told me ‘never’ twice,"],
            ),
            ("A \" spaced \" quote.", &["spaced"]),
            ("She said: “It is over.”", &["It is over."]),
            ("“”", &[]),
            ("''Two marks,'' he said.", &["Two marks,"]),
        ];
        for (text, want) in rows {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn quotation_goes_on_across_paragraphs() {
        let text = "“First part.\n\n“Second part,” she said.";
        let q = find(text, &paragraphs(text));
        assert_eq!(q.len(), 1);
        assert_eq!(&text[q[0].start..q[0].end], "First part.\n\n“Second part,");
        assert!(q[0].closed);
    }

    #[test]
    fn unclosed_quotation_ends_with_its_paragraph() {
        let text = "He said “it is done\n\nNext paragraph “here.”";
        assert_eq!(quoted(text), ["it is done", "here."]);
        let q = find(text, &paragraphs(text));
        assert!(!q[0].closed && q[1].closed);
    }

    #[test]
    fn many_marks_on_one_line_stay_linear() {
        let text = "\"a\" ".repeat(100_000) + &"x".repeat(10_000_000);
        let start = std::time::Instant::now();
        let q = find(&text, &paragraphs(&text));
        assert_eq!(q.len(), 100_000);
        assert!(start.elapsed().as_secs() < 5);
    }
}
