//! The leaders gazetteer: political leaders with their roles, years, country and the
//! spellings the news uses for them, read from `data/leaders.tsv`.
//!
//! Extraction uses it to give a leader one canonical name and the role held at the
//! article's date; the query side uses [`resolve`] so that `--person Putin`,
//! `--person "President Putin"` and `--person "Vladimir Putin"` mean the same person.
//!
//! The file is parsed once, strictly: a malformed line is a bug in the file, caught by
//! the unit test that parses it all.
//!
//! Matching is case- and diacritics-insensitive ([`name_key`]). Bare surnames are not in
//! the file; they are derived here (the last word, or the first for Chinese, Korean and
//! Vietnamese names, plus the last two words of longer names: "López Obrador"). A
//! surname several leaders share resolves by `choose`: "Trump" is Donald Trump (his
//! relatives in the file are no politicians in their own right), but "Bush" and
//! "Clinton" resolve to no one, because which Bush the news means depends on the year
//! and the article. Extraction settles those inside an article (the full name used
//! there, or the one in office at its date); `resolve`, which has no date, cannot.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use super::Gender;

/// One office and the years it was held; `None` as the end means "to this day".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// "President of Russia", "Chancellor of Germany".
    pub title: String,
    pub years: Vec<(u16, Option<u16>)>,
}

impl Role {
    /// Whether the role was held at some time in `year`.
    pub fn held_in(&self, year: u16) -> bool {
        self.years
            .iter()
            .any(|&(from, to)| from <= year && to.is_none_or(|to| year <= to))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    /// The canonical name.
    pub name: String,
    pub gender: Gender,
    pub country: String,
    pub roles: Vec<Role>,
    /// Other spellings and forms of the name, with and without diacritics.
    pub aliases: Vec<String>,
}

impl Leader {
    /// Whether `year` falls in any of the leader's terms.
    pub fn in_office(&self, year: u16) -> bool {
        self.roles.iter().any(|r| r.held_in(year))
    }
}

static LEADERS_TSV: &str = include_str!("data/leaders.tsv");

struct Gazetteer {
    leaders: Vec<Leader>,
    /// name_key of full names and aliases -> leaders.
    names: HashMap<String, Vec<usize>>,
    /// name_key of derived surnames (and bare-surname aliases) -> leaders.
    surnames: HashMap<String, Vec<usize>>,
    /// name_key of a role title without "the" -> (leader, role).
    roles: HashMap<String, Vec<(usize, usize)>>,
    /// Per leader, in file order: the keys a bare surname of theirs may have.
    own_surnames: Vec<Vec<String>>,
    /// Per leader: the first word of the name's key.
    first_words: Vec<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let leaders = parse(LEADERS_TSV).unwrap_or_else(|e| panic!("data/leaders.tsv: {e}"));
    Gazetteer::new(leaders)
});

/// Every leader in the gazetteer, in file order.
pub fn leaders() -> &'static [Leader] {
    &GAZETTEER.leaders
}

/// Words that may stand before a leader's name and are no part of it.
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "president",
    "prime",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "crown",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "supreme",
    "leader",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "secretary",
    "general",
    "gen",
    "former",
    "late",
    "vice",
    "deputy",
    "foreign",
    "state",
    "of",
    "the",
    "chairman",
    "speaker",
    "mayor",
    "sir",
    "dame",
    "lord",
    "lady",
    "ayatollah",
    "marshal",
    "field",
    "new",
    "incoming",
    "outgoing",
    "acting",
    "interim",
    "then",
    "ex",
    "us",
    "u s",
    "un",
    "eu",
    "nato",
];

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Countries whose names the news writes family name first.
const FAMILY_NAME_FIRST: &[&str] = &[
    "China",
    "North Korea",
    "South Korea",
    "Taiwan",
    "Vietnam",
    "Cambodia",
    "Singapore",
    "Hong Kong",
];

/// Map any form of a name to its leader: a full name or alias, a title before it
/// ("President Putin", "Mr. Putin", "Russian President Vladimir Putin"), a possessive,
/// or a surname that exactly one leader has. Case and diacritics do not matter.
/// A surname several leaders share ("Bush", "Clinton") gives `None`, and so does a
/// name with a suffix not in the file ("Donald Trump Jr." is not Donald Trump).
pub fn resolve(name: &str) -> Option<&'static Leader> {
    let g = &*GAZETTEER;
    let key = name_key(name);
    // "Samir Ja'ja'" ends in an apostrophe that is no possessive.
    if let Some(i) = unique(g.names.get(&key)) {
        return Some(&g.leaders[i]);
    }
    let key = strip_possessive(&key);
    if let Some(i) = unique(g.names.get(key)) {
        return Some(&g.leaders[i]);
    }
    let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.iter().any(|t| SUFFIXES.contains(t)) {
        return None;
    }
    let lead = tokens
        .iter()
        .take_while(|t| TITLE_WORDS.contains(t) || crate::extract::people::is_demonym_key(t))
        .count();
    let rest = &tokens[lead.min(tokens.len())..];
    if rest.is_empty() {
        return None;
    }
    let rest_key = rest.join(" ");
    if let Some(i) = unique(g.names.get(&rest_key)) {
        return Some(&g.leaders[i]);
    }
    if let Some(i) = choose(surname_hits(&rest_key), None) {
        return Some(&g.leaders[i]);
    }
    // "George Bush", "Bill Clinton" spelled otherwise: a first name and a surname that
    // single out one leader.
    if rest.len() >= 2 {
        let first = rest[0];
        let last = rest[rest.len() - 1];
        let hits: Vec<usize> = g
            .surnames
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| name_key(&g.leaders[i].name).split(' ').next() == Some(first))
            .collect();
        if let Some(i) = choose(&hits, None) {
            return Some(&g.leaders[i]);
        }
    }
    None
}

/// The leaders whose full name or alias has this [`name_key`].
pub(crate) fn by_name(key: &str) -> &'static [usize] {
    GAZETTEER.names.get(key).map_or(&[], Vec::as_slice)
}

/// The leaders with this derived surname ([`name_key`] form).
pub(crate) fn by_surname(key: &str) -> &'static [usize] {
    GAZETTEER.surnames.get(key).map_or(&[], Vec::as_slice)
}

/// The (leader, role) pairs whose role title is `key` (a [`name_key`], "the" removed):
/// "president of russia".
pub(crate) fn by_role(key: &str) -> &'static [(usize, usize)] {
    GAZETTEER.roles.get(key).map_or(&[], Vec::as_slice)
}

pub(crate) fn leader(i: usize) -> &'static Leader {
    &GAZETTEER.leaders[i]
}

/// The surname keys of leader `i`: each one-word form of the name, and the
/// [`derived_surnames`] of each longer one, in the order of name then aliases.
pub(crate) fn leader_surnames(i: usize) -> &'static [String] {
    &GAZETTEER.own_surnames[i]
}

/// The first word of leader `i`'s name as a key: "vladimir" for Vladimir Putin.
pub(crate) fn leader_first_word(i: usize) -> &'static str {
    &GAZETTEER.first_words[i]
}

/// The role a leader held at `date` (the first listed, as the file lists the most
/// important first); without a date, or when no role was held then, the first role.
pub fn role_at(leader: &Leader, date: Option<NaiveDate>) -> Option<&str> {
    let year = date.and_then(|d| u16::try_from(d.year()).ok());
    year.and_then(|y| leader.roles.iter().find(|r| r.held_in(y)))
        .or(leader.roles.first())
        .map(|r| r.title.as_str())
}

/// A head of state or government: "President of …", "Prime Minister of …", a king,
/// a pope, the UN's Secretary-General.
fn is_head(title: &str) -> bool {
    let t = title.to_lowercase();
    let heads = [
        "president of",
        "prime minister of",
        "chancellor of",
        "king of",
        "queen of",
        "supreme leader",
        "emperor of",
        "emir of",
        "sultan of",
        "premier of",
        "pope",
        "general secretary of",
        "secretary-general of",
        "secretary general of",
    ];
    heads.iter().any(|h| t.starts_with(h)) && !t.contains("exchequer")
}

/// An office that makes its holder someone the news names by surname alone: a head's,
/// a minister's, a legislator's, a governor's, a candidate's — not a spouse's, an
/// adviser's or a party official's.
fn is_contender(title: &str) -> bool {
    let t = title.to_lowercase();
    let minor = [
        "first lady",
        "first gentleman",
        "advisor",
        "adviser",
        "senior advisor",
    ];
    let offices = [
        "president",
        "minister",
        "secretary",
        "senator",
        "governor",
        "nominee",
        "candidate",
        "mayor",
        "speaker",
        "representative",
        "chancellor",
        "leader",
        "premier",
        "king",
        "queen",
        "prince",
    ];
    !minor.iter().any(|m| t.starts_with(m))
        && !t.contains("surrogate")
        && offices.iter().any(|o| t.contains(o))
}

/// Which of several leaders a bare surname means, or `None` when the news could mean
/// more than one:
/// 1. the one leader in office at `year`, if only one is;
/// 2. else the one holding a head-of-state or -government office at `year`;
/// 3. else (or undated) the one who has been a head of state or government, when no
///    other is a politician in their own right ("Trump" is Donald Trump, not a
///    relative; "Clinton" and "Bush" are no one without a date).
pub(crate) fn choose(hits: &[usize], year: Option<u16>) -> Option<usize> {
    let g = &*GAZETTEER;
    if let [i] = hits {
        return Some(*i);
    }
    let mut pool: Vec<usize> = hits.to_vec();
    if let Some(y) = year {
        let in_office: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&i| {
                g.leaders[i]
                    .roles
                    .iter()
                    .any(|r| r.held_in(y) && (is_head(&r.title) || is_contender(&r.title)))
            })
            .collect();
        if let [i] = in_office[..] {
            return Some(i);
        }
        let heads_now: Vec<usize> = in_office
            .iter()
            .copied()
            .filter(|&i| {
                g.leaders[i]
                    .roles
                    .iter()
                    .any(|r| is_head(&r.title) && r.held_in(y))
            })
            .collect();
        if let [i] = heads_now[..] {
            return Some(i);
        }
        if !in_office.is_empty() {
            pool = in_office;
        }
    }
    let heads: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| g.leaders[i].roles.iter().any(|r| is_head(&r.title)))
        .collect();
    let [head] = heads[..] else { return None };
    // Anyone else who has been a politician in their own right, at any time, makes
    // the surname ambiguous ("Clinton" in 2017 could be Bill or Hillary).
    let others_contend = pool
        .iter()
        .any(|&i| i != head && g.leaders[i].roles.iter().any(|r| is_contender(&r.title)));
    (!others_contend).then_some(head)
}

/// The leaders a one-word form may name: a one-word alias ("Assad") first, then derived
/// surnames; "al Assad" is also tried as "Assad".
pub(crate) fn surname_hits(key: &str) -> &'static [usize] {
    let g = &*GAZETTEER;
    if !key.contains(' ')
        && let Some(v) = g.names.get(key)
        && v.len() == 1
    {
        return v;
    }
    let hits = g.surnames.get(key).map_or(&[][..], Vec::as_slice);
    if hits.len() != 1
        && let Some(rest) = key.strip_prefix("al ").or_else(|| key.strip_prefix("el "))
    {
        let alt = surname_hits(rest);
        if alt.len() == 1 {
            return alt;
        }
    }
    hits
}

/// A name reduced for matching: lowercase, without diacritics, periods or possessive
/// marks' curl, hyphens and runs of spaces made single spaces.
/// "Erdoğan" and "erdogan", "George W. Bush" and "george w bush", "Jae-in" and "Jae In"
/// get the same key.
pub fn name_key(s: &str) -> String {
    // Most names are one ASCII word: only lowercased.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    if s.is_ascii() {
        return ascii_name_key(s);
    }
    any_name_key(s)
}

/// [`name_key`] of any text, character by character.
fn any_name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        match c {
            '.' => {
                // "W.Bush" keeps its word break.
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            '-' | '‐' | '‑' | '–' | ' ' | '\t' | '\u{a0}' | '\n' | ',' => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            '’' | '‘' | '`' | '\'' => {
                out.push('\'');
                space = false;
            }
            // Most names are ASCII: no case table or diacritics to look up.
            _ if c.is_ascii() => {
                out.push(c.to_ascii_lowercase());
                space = false;
            }
            _ => {
                for l in c.to_lowercase() {
                    push_folded(&mut out, l);
                }
                space = false;
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`name_key`] of ASCII text, byte by byte: the same rules without decoding
/// characters.
fn ascii_name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for b in s.bytes() {
        match b {
            b'.' | b'-' | b' ' | b'\t' | b'\n' | b',' => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            b'`' | b'\'' => {
                out.push('\'');
                space = false;
            }
            _ => {
                out.push(char::from(b.to_ascii_lowercase()));
                space = false;
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn strip_possessive(key: &str) -> &str {
    key.strip_suffix("'s")
        .or_else(|| key.strip_suffix('\''))
        .unwrap_or(key)
}

/// Push `c` (already lowercase) without its diacritics.
pub(crate) fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    // A combining accent (a decomposed "ú") folds to nothing.
    if matches!(c, '\u{300}'..='\u{36f}') {
        return;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ'
        | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ủ' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(base);
}

fn unique(hits: Option<&Vec<usize>>) -> Option<usize> {
    match hits.map(Vec::as_slice) {
        Some([i]) => Some(*i),
        _ => None,
    }
}

impl Gazetteer {
    fn new(leaders: Vec<Leader>) -> Gazetteer {
        // Sized once: growing a map step by step rehashes each time.
        let forms = leaders.iter().map(|l| 1 + l.aliases.len()).sum();
        let mut names: HashMap<String, Vec<usize>> = HashMap::default();
        names.reserve(forms);
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
        surnames.reserve(forms);
        let mut roles: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        roles.reserve(leaders.iter().map(|l| l.roles.len()).sum());
        let add = |map: &mut HashMap<String, Vec<usize>>, key: String, i: usize| {
            let v = map.entry(key).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        };
        let mut own_surnames = Vec::with_capacity(leaders.len());
        let mut first_words = Vec::with_capacity(leaders.len());
        for (i, l) in leaders.iter().enumerate() {
            let mut own = Vec::new();
            let name = name_key(&l.name);
            first_words.push(name.split(' ').next().unwrap_or("").to_string());
            for key in std::iter::once(name).chain(l.aliases.iter().map(|a| name_key(a))) {
                if key.contains(' ') {
                    add(&mut names, key.clone(), i);
                    for s in derived_surnames(&key, &l.country) {
                        add(&mut surnames, s.clone(), i);
                        own.push(s);
                    }
                } else {
                    // A one-word alias ("Lula", "Assad") is a surname-like form.
                    add(&mut names, key.clone(), i);
                    add(&mut surnames, key.clone(), i);
                    own.push(key);
                }
            }
            own_surnames.push(own);
            for (r, role) in l.roles.iter().enumerate() {
                let key = role_key(&role.title);
                let v = roles.entry(key).or_default();
                v.push((i, r));
            }
        }
        // A one-word alias names one leader; when it is also someone else's derived
        // surname the alias wins ("Assad" is Bashar al-Assad, not his father).
        for (key, v) in surnames.iter_mut() {
            if let Some(hits) = names.get(key)
                && let [i] = hits[..]
                && v.len() > 1
            {
                *v = vec![i];
            }
        }
        Gazetteer {
            leaders,
            names,
            surnames,
            roles,
            own_surnames,
            first_words,
        }
    }
}

/// A role title as a lookup key: "President of the United States" -> "president of
/// united states".
pub(crate) fn role_key(title: &str) -> String {
    let key = name_key(title);
    // Split and joined again, a key without "the" is itself.
    if !key.split(' ').any(|w| w == "the") {
        return key;
    }
    key.split(' ')
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The surname keys of a full-name key: the family name (last word, or first for names
/// written family name first), without an "al"/"el" article, and for names of three
/// words or more also the last two ("lopez obrador", "da silva", "von der leyen").
pub(crate) fn derived_surnames(key: &str, country: &str) -> Vec<String> {
    let mut tokens: Vec<&str> = key.split(' ').collect();
    while tokens.len() > 1 && tokens.last().is_some_and(|t| SUFFIXES.contains(t)) {
        tokens.pop();
    }
    let mut out = Vec::new();
    if tokens.len() < 2 {
        return out;
    }
    if FAMILY_NAME_FIRST.contains(&country) {
        out.push(tokens[0].to_string());
        return out;
    }
    let last = tokens[tokens.len() - 1];
    out.push(last.to_string());
    let particles = [
        "al", "el", "da", "de", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "bin",
        "ibn", "la", "le", "del",
    ];
    // Gather the particles before the last word: "von der leyen", "al assad".
    let mut start = tokens.len() - 1;
    while start > 1 && particles.contains(&tokens[start - 1]) {
        start -= 1;
    }
    if start < tokens.len() - 1 {
        out.push(tokens[start..].join(" "));
    } else if tokens.len() >= 3 && tokens[tokens.len() - 2].len() > 1 {
        out.push(tokens[tokens.len() - 2..].join(" "));
    }
    out
}

/// Parse the gazetteer file: `name \t gender \t country \t roles \t aliases`.
fn parse(text: &str) -> Result<Vec<Leader>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 {
            return Err(format!(
                "line {n}: {} fields, want 5 (name, gender, country, roles, aliases)",
                fields.len()
            ));
        }
        let name = fields[0].trim();
        if name.is_empty() || name != fields[0] {
            return Err(format!("line {n}: empty or padded name {:?}", fields[0]));
        }
        let gender = match fields[1] {
            "m" => Gender::Male,
            "f" => Gender::Female,
            g => return Err(format!("line {n}: gender {g:?}, want m or f")),
        };
        let country = fields[2].trim();
        if country.is_empty() {
            return Err(format!("line {n}: no country"));
        }
        let mut roles = Vec::new();
        for role in fields[3].split(';') {
            roles.push(parse_role(role.trim()).map_err(|e| format!("line {n}: {e}"))?);
        }
        let aliases: Vec<String> = if fields[4].trim().is_empty() {
            Vec::new()
        } else {
            fields[4]
                .split('|')
                .map(|a| {
                    let a = a.trim();
                    if a.is_empty() {
                        Err(format!("line {n}: empty alias"))
                    } else {
                        Ok(a.to_string())
                    }
                })
                .collect::<Result<_, _>>()?
        };
        out.push(Leader {
            name: name.to_string(),
            gender,
            country: country.to_string(),
            roles,
            aliases,
        });
    }
    Ok(out)
}

/// "President of Russia (2000-2008, 2012-)".
fn parse_role(s: &str) -> Result<Role, String> {
    let open = s
        .rfind('(')
        .ok_or_else(|| format!("role {s:?} has no (years)"))?;
    let title = s[..open].trim();
    let years = s[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| format!("role {s:?}: years do not end with ')'"))?;
    if title.is_empty() {
        return Err(format!("role {s:?} has no title"));
    }
    let mut spans = Vec::new();
    for span in years.split(',') {
        let span = span.trim();
        let year = |y: &str| -> Result<u16, String> {
            let v: u16 = y
                .trim()
                .parse()
                .map_err(|_| format!("role {s:?}: bad year {y:?}"))?;
            if (1900..=2100).contains(&v) {
                Ok(v)
            } else {
                Err(format!("role {s:?}: year {v} out of range"))
            }
        };
        let (from, to) = match span.split_once(['-', '–']) {
            Some((a, "")) => (year(a)?, None),
            Some((a, b)) => (year(a)?, Some(year(b)?)),
            None => (year(span)?, Some(year(span)?)),
        };
        if to.is_some_and(|t| t < from) {
            return Err(format!("role {s:?}: {span} ends before it starts"));
        }
        spans.push((from, to));
    }
    Ok(Role {
        title: title.to_string(),
        years: spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_leave_out_the() {
        let rows = [
            (
                "President of the United States",
                "president of united states",
            ),
            ("Prime Minister of India", "prime minister of india"),
            ("The Chancellor of Germany", "chancellor of germany"),
            (
                "Secretary-General of the United Nations",
                "secretary general of united nations",
            ),
            ("Theocrat of Thebes", "theocrat of thebes"),
        ];
        for (title, want) in rows {
            assert_eq!(role_key(title), want, "{title}");
        }
    }

    #[test]
    fn ascii_name_keys_follow_the_same_rules() {
        let rows = [
            "Vladimir Putin",
            "George W. Bush",
            "W.Bush",
            "Jae-in  Moon ",
            " Samir Ja'ja'",
            "O`Brien, Jr.",
            "a-\tb\nc,d",
            "Trump's",
            "...",
            "",
            "x\r y",
        ];
        for s in rows {
            assert_eq!(ascii_name_key(s), any_name_key(s), "{s:?}");
        }
    }

    #[test]
    fn the_whole_file_parses() {
        let leaders = parse(LEADERS_TSV).unwrap();
        assert!(!leaders.is_empty());
        for l in &leaders {
            assert!(!l.roles.is_empty(), "{} has no role", l.name);
        }
    }

    #[test]
    fn malformed_lines_are_errors() {
        let bad = [
            "A B\tm\tX\tPresident of X (2000-)",
            "A B\tx\tX\tPresident of X (2000-)\t",
            "A B\tm\tX\tPresident of X\t",
            "A B\tm\tX\tPresident of X (2000-1990)\t",
            "A B\tm\tX\tPresident of X (20x0-)\t",
            "A B\tm\t\tPresident of X (2000-)\t",
            "A B\tm\tX\tPresident of X (2000-)\tC||D",
        ];
        for line in bad {
            assert!(parse(line).is_err(), "{line:?} parsed");
        }
        let good = "# comment\n\nA B\tf\tX\tPresident of X (1999, 2001-2003, 2010-)\tC|D\n";
        let l = parse(good).unwrap();
        assert_eq!(
            l[0].roles[0].years,
            [(1999, Some(1999)), (2001, Some(2003)), (2010, None)]
        );
        assert_eq!(l[0].aliases, ["C", "D"]);
    }

    #[test]
    fn keys_ignore_case_diacritics_and_punctuation() {
        let rows = [
            ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
            ("George W. Bush", "george w bush"),
            ("  Moon  Jae-in ", "moon jae in"),
            ("Putin’s", "putin's"),
            ("Luiz Inácio Lula da Silva", "luiz inacio lula da silva"),
            ("ANGELA MERKEL", "angela merkel"),
            ("Merkel", "merkel"),
            ("G7", "g7"),
            ("Merkel's", "merkel's"),
        ];
        for (input, want) in rows {
            assert_eq!(name_key(input), want, "{input}");
        }
    }

    #[test]
    fn resolve_any_form() {
        let rows = [
            ("Putin", Some("Vladimir Putin")),
            ("putin", Some("Vladimir Putin")),
            ("President Putin", Some("Vladimir Putin")),
            ("Mr. Putin", Some("Vladimir Putin")),
            ("Putin's", Some("Vladimir Putin")),
            ("Russian President Vladimir Putin", Some("Vladimir Putin")),
            ("VLADIMIR PUTIN", Some("Vladimir Putin")),
            ("Merkel", Some("Angela Merkel")),
            ("Chancellor Angela Merkel", Some("Angela Merkel")),
            ("Erdogan", Some("Recep Tayyip Erdoğan")),
            ("Erdoğan", Some("Recep Tayyip Erdoğan")),
            ("Assad", Some("Bashar al-Assad")),
            ("al-Assad", Some("Bashar al-Assad")),
            ("Lula", Some("Luiz Inácio Lula da Silva")),
            ("Xi", Some("Xi Jinping")),
            ("Kim Jong-un", Some("Kim Jong Un")),
            ("von der Leyen", Some("Ursula von der Leyen")),
            ("Donald J. Trump", Some("Donald Trump")),
            ("Trump", Some("Donald Trump")),
            ("Bill Clinton", Some("Bill Clinton")),
            ("Hillary Clinton", Some("Hillary Clinton")),
            // Shared surnames resolve to no one.
            ("Bush", None),
            ("Clinton", None),
            ("Mr. Clinton", None),
            ("George Bush", None),
            ("Donald Trump Jr.", Some("Donald Trump Jr.")),
            ("Trump Jr.", None),
            ("Oksana Petrenko", None),
            ("", None),
            ("President", None),
        ];
        for (input, want) in rows {
            assert_eq!(resolve(input).map(|l| l.name.as_str()), want, "{input}");
        }
    }

    #[test]
    fn every_name_and_alias_resolves_to_its_leader() {
        let g = &*GAZETTEER;
        let mut wrong = Vec::new();
        for (i, l) in g.leaders.iter().enumerate() {
            for form in std::iter::once(&l.name).chain(&l.aliases) {
                // A form two leaders share names neither.
                if g.names.get(&name_key(form)).is_some_and(|v| v.len() > 1) {
                    continue;
                }
                let got = resolve(form).map(|r| r.name.as_str());
                if got != Some(g.leaders[i].name.as_str()) {
                    wrong.push(format!("{form:?} -> {got:?}, want {:?}", l.name));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn resolve_with_titles_and_odd_spellings() {
        let rows = [
            ("Mr Putin", Some("Vladimir Putin")),
            ("mr. putin", Some("Vladimir Putin")),
            ("  Putin  ", Some("Vladimir Putin")),
            ("Putin’s", Some("Vladimir Putin")),
            ("Chancellor Merkel", Some("Angela Merkel")),
            ("German Chancellor Angela Merkel", Some("Angela Merkel")),
            ("President Erdogan", Some("Recep Tayyip Erdoğan")),
            ("RECEP TAYYIP ERDOGAN", Some("Recep Tayyip Erdoğan")),
            ("Trump", Some("Donald Trump")),
            ("Macron", Some("Emmanuel Macron")),
        ];
        for (input, want) in rows {
            assert_eq!(resolve(input).map(|l| l.name.as_str()), want, "{input}");
        }
    }

    #[test]
    fn leader_keys_made_once() {
        let index = |name: &str| leaders().iter().position(|l| l.name == name).unwrap();
        let assad = index("Bashar al-Assad");
        // The name's derived surnames, then each alias's, in file order.
        assert_eq!(leader_surnames(assad)[..3], ["assad", "al assad", "assad"]);
        assert_eq!(leader_first_word(assad), "bashar");
        // Family name first: "Xi" is the surname, and also the first word.
        let xi = index("Xi Jinping");
        assert_eq!(leader_surnames(xi), ["xi"]);
        assert_eq!(leader_first_word(xi), "xi");
        let moon = index("Moon Jae-in");
        assert_eq!(leader_surnames(moon), ["moon", "moon"]);
    }

    #[test]
    fn role_at_dates() {
        let putin = resolve("Putin").unwrap();
        let d = |y| NaiveDate::from_ymd_opt(y, 6, 1);
        assert_eq!(role_at(putin, d(2017)), Some("President of Russia"));
        assert_eq!(role_at(putin, d(2010)), Some("Prime Minister of Russia"));
        assert_eq!(role_at(putin, None), Some("President of Russia"));
        // Not in office at the date: the most important role.
        assert_eq!(role_at(putin, d(1990)), Some("President of Russia"));
        let obama = resolve("Obama").unwrap();
        assert_eq!(
            role_at(obama, d(2020)),
            Some("President of the United States")
        );
    }
}
