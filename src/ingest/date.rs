//! Dates as news datasets write them: ISO 8601 and RFC 3339, RFC 2822, US `M/D/YYYY`,
//! `21-NOV-1987`, `November 21, 2017` and their cousins.
//!
//! The rule is "never a wrong date": a string that does not name one calendar day
//! without doubt (a month alone, a year out of range, trailing words we do not know)
//! gives `None`, and the caller reports it.

use chrono::{DateTime, Datelike, NaiveDate};

/// The earliest year we accept; older dates in a news archive are typos.
const MIN_YEAR: i32 = 1800;

/// Parse one date string. Times and zones are allowed and dropped: the date is the
/// calendar day as written (in the writer's own time zone).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let date = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .map(|d| d.date_naive())
        .ok()
        .or_else(|| parse_loose(s))?;
    plausible(date).then_some(date)
}

fn plausible(d: NaiveDate) -> bool {
    let max_year = chrono::Utc::now().year() + 1;
    (MIN_YEAR..=max_year).contains(&d.year())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok::Num(&s[start..i]));
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(&s[start..i]));
        } else {
            i += 1;
        }
    }
    out
}

fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

fn is_noise_word(w: &str) -> bool {
    const NOISE: [&str; 25] = [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "t",
        "z",
        "at",
        "am",
        "pm",
        "utc",
        "gmt",
        "of",
    ];
    let w = w.to_ascii_lowercase();
    NOISE.contains(&w.as_str())
        || (w.len() <= 4 && w.ends_with('t') && w.chars().all(|c| c.is_ascii_alphabetic()))
        || matches!(
            w.as_str(),
            "st" | "nd" | "rd" | "th" | "updated" | "published"
        )
}

/// Turn a two-digit year into a full one: 00..=(this year + 1) is 20xx, the rest 19xx.
fn full_year(n: &str) -> Option<i32> {
    let y: i32 = n.parse().ok()?;
    match n.len() {
        4 => Some(y),
        2 => {
            let pivot = (chrono::Utc::now().year() + 1) % 100;
            Some(if y <= pivot { 2000 + y } else { 1900 + y })
        }
        _ => None,
    }
}

fn parse_loose(s: &str) -> Option<NaiveDate> {
    let toks = tokens(s);
    // Any word that is neither a month nor known noise (a weekday, "T", a zone name)
    // means we do not understand the string.
    let mut month_word = None;
    for t in &toks {
        if let Tok::Word(w) = t {
            if let Some(m) = month_of(w) {
                if month_word.is_some() {
                    return None;
                }
                month_word = Some(m);
            } else if !is_noise_word(w) {
                return None;
            }
        }
    }
    let nums: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Num(n) => Some(*n),
            _ => None,
        })
        .collect();
    if let Some(month) = month_word {
        // `21 Nov 2017`, `Nov 21, 2017`, `2017 Nov 21`, `21-NOV-87`.
        let (day, year) = match nums.as_slice() {
            [a, b, ..] if a.len() == 4 => (b, a),
            [a, b, ..] if a.len() <= 2 => (a, b),
            _ => return None,
        };
        if day.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(full_year(year)?, month, day.parse().ok()?);
    }
    match nums.as_slice() {
        [n, ..] if n.len() == 8 => {
            let y = n[..4].parse().ok()?;
            NaiveDate::from_ymd_opt(y, n[4..6].parse().ok()?, n[6..].parse().ok()?)
        }
        [y, m, d, ..] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        [a, b, y, ..] if a.len() <= 2 && b.len() <= 2 => {
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            // US order unless the first number cannot be a month.
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            NaiveDate::from_ymd_opt(full_year(y)?, m, d)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn parses_real_shapes() {
        let rows = [
            ("2017-11-21", d(2017, 11, 21)),
            ("  2017-11-21  ", d(2017, 11, 21)),
            ("2017/11/21", d(2017, 11, 21)),
            ("20171121", d(2017, 11, 21)),
            ("11/21/2017", d(2017, 11, 21)),
            ("11/22/17", d(2017, 11, 22)),
            ("7/6/18", d(2018, 7, 6)),
            ("21/11/2017", d(2017, 11, 21)),
            ("21-NOV-1987", d(1987, 11, 21)),
            ("04-MAR-2019", d(2019, 3, 4)),
            ("21 November 2017", d(2017, 11, 21)),
            ("November 21, 2017", d(2017, 11, 21)),
            ("Nov. 21, 2017", d(2017, 11, 21)),
            ("Sept. 3, 2016", d(2016, 9, 3)),
            ("Tuesday, November 21, 2017", d(2017, 11, 21)),
            ("Tue, 21 Nov 2017 14:03:00 +0000", d(2017, 11, 21)),
            ("Tue, 21 Nov 2017 14:03:00 GMT", d(2017, 11, 21)),
            ("2017-11-21T14:03:00Z", d(2017, 11, 21)),
            ("2017-11-21T23:30:00-05:00", d(2017, 11, 21)),
            ("2017-11-21T14:03:00.123+01:00", d(2017, 11, 21)),
            ("2017-11-21 14:03:00", d(2017, 11, 21)),
            ("2017-11-21T14:03:00", d(2017, 11, 21)),
            ("November 21st, 2017", d(2017, 11, 21)),
            ("11/21/2017 2:30 PM", d(2017, 11, 21)),
            ("Published 21 Nov 2017", d(2017, 11, 21)),
        ];
        for (input, want) in rows {
            assert_eq!(parse_date(input), want, "{input:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_be_sure_of() {
        let rows = [
            "",
            "   ",
            "sometime last spring",
            "November 2017",
            "2017",
            "2017-13-01",
            "2017-02-30",
            "13/13/2017",
            "0001-01-01",
            "9999-12-31",
            "1700-01-01",
            "yesterday",
            "21 Nov",
            "Nov 21",
            "32 Nov 2017",
            "November 21, 2017 and more words",
        ];
        for input in rows {
            assert_eq!(parse_date(input), None, "{input:?}");
        }
    }
}
