//! Candidates: a run of capitalised words cut into a title and a name, with the
//! evidence around it that the name is a person's (a reporting verb, an apposition, a
//! role noun before it).

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{TitleKind, lexicon};
use super::scan::{LowerWords, Tok, span_name_key};
use crate::extract::Gender;
use crate::extract::gazetteer;

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "stated",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "asked",
    "asks",
    "replied",
    "responded",
    "insisted",
    "insists",
    "warned",
    "claimed",
    "acknowledged",
    "admitted",
    "recalled",
    "recalls",
    "testified",
    "remarked",
    "commented",
    "urged",
    "believes",
    "thinks",
    "contends",
    "contended",
    "countered",
    "cautioned",
    "complained",
    "conceded",
    "maintained",
    "emphasized",
    "emphasised",
    "stressed",
    "texted",
    "emailed",
    "answered",
    "objected",
    "quipped",
    "joked",
    "wondered",
    "lamented",
    "mused",
];

/// [`REPORTING_VERBS`] and [`VERB_BRIDGES`] as sets: a name's next word is looked up
/// for every candidate.
static REPORTING: LazyLock<HashSet<&str>> =
    LazyLock::new(|| REPORTING_VERBS.iter().copied().collect());
static BRIDGES: LazyLock<HashSet<&str>> = LazyLock::new(|| VERB_BRIDGES.iter().copied().collect());

/// Words that may stand between a name and its verb: "Trump also said".
const VERB_BRIDGES: &[&str] = &[
    "also",
    "later",
    "has",
    "had",
    "have",
    "then",
    "previously",
    "recently",
    "repeatedly",
    "once",
    "would",
    "will",
    "often",
    "again",
    "further",
    "earlier",
    "first",
    "last",
    "himself",
    "herself",
    "reportedly",
    "allegedly",
    "publicly",
    "privately",
    "told",
    "is",
    "was",
    "who",
];

/// Words after "NAME, " that open an apposition.
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "who", "whose", "his", "her", "its", "their", "former", "now", "then", "one",
    "both", "himself", "herself",
];

/// One stretch of the text that may name a person.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Token range of the name, titles left out.
    pub(super) name: Range<usize>,
    /// Title tokens before the name ("Russian President", "Sen.").
    pub(super) title: Option<Range<usize>>,
    pub(super) title_gender: Option<Gender>,
    /// Lowercase role phrase before the name: "Kremlin spokesman" (byte range).
    pub(super) role_before: Option<Range<usize>>,
    /// Ends before an organisation word ("Obama administration" is fine, but "Clinton
    /// Foundation" is no naming of a person unless it resolves): only resolvable.
    pub(super) modifier: bool,
    /// A sentence-starting common word ("May"): only an article person's name.
    pub(super) common_start: bool,
    /// Capitalised words before it were dropped ("Fort Greene"): a lone word left is
    /// only an article person's name, never a gazetteer guess.
    pub(super) stripped: bool,
    /// A title or role noun stands before the name.
    pub(super) titled: bool,
    /// A reporting verb, an age or a role apposition stands next to the name.
    pub(super) said: bool,
    /// "of", "for", "and"… and a capitalised word before: part of a longer proper
    /// name ("Bureau of Labor Statistics"), unless a first name says otherwise.
    pub(super) connector: bool,
    pub(super) apposition: Option<Range<usize>>,
}

/// Cut a run of capitalised words into a title and a name, and weigh the evidence
/// around it. `None` when nothing in it can name a person. `np` is room for a flag a
/// word, lent by the caller so that each run need not allocate its own.
pub(super) fn analyse_run(
    toks: &[Tok<'_>],
    run: Range<usize>,
    lower: &LowerWords<'_>,
    body: &str,
    np: &mut Vec<bool>,
) -> Option<Cand> {
    let lex = lexicon();
    let first_name = |t: &Tok<'_>| t.info().is_first_name();
    let end = run.end;
    let mut a = run.start;
    // "Alliance Defending Freedom", "Council Leader": an organisation word first.
    if toks[a].info().org_word() == Some(true)
        && !toks[run.clone()].iter().any(|t| t.info().title().is_some())
    {
        return None;
    }
    let mut common_start = false;
    // Sentence-starting and function words at the front: "Both", "According", "The".
    while a < end {
        let t = &toks[a];
        let info = t.info();
        let is_title = info.title().is_some();
        let common = info.is_common() && !is_title;
        let gerund = (t.sent_start
            && (t.key.ends_with("ing") || t.key.ends_with("ly"))
            && !info.is_first_name())
            || t.key
                .strip_suffix('s')
                .is_some_and(|k| lex.role_noun(k).is_some() && !info.is_first_name());
        let lowered = gerund
            || t.sent_start
                && !is_title
                && (lower.contains(t.key.as_ref()) && t.text != t.key
                    || info.role_noun().is_some());
        let opens_phrase = phrase_at(&toks[a..end]) >= 2;
        if ((common && (t.sent_start || !info.is_first_name() || t.key == "the")) || lowered)
            && !opens_phrase
        {
            if a + 1 == end || end - a == 2 && toks[a + 1].is_suffix() {
                common_start = t.sent_start && !is_title;
                break;
            }
            a += 1;
        } else if t.is_particle() {
            a += 1;
        } else {
            break;
        }
    }
    if a >= end {
        return None;
    }
    // The title: the rightmost title word with a name after it and no first name
    // before it ("Martin Luther King Jr." has no title).
    let mut title_end = None;
    for k in (a..end - 1).rev() {
        let info = toks[k].info().title();
        let is_title = info.is_some_and(|i| matches!(i.kind, TitleKind::Abbr | TitleKind::Title));
        if !is_title || toks[k + 1].is_suffix() {
            continue;
        }
        let names_before = toks[a..k].iter().any(|t| {
            let info = t.info();
            info.is_first_name()
                && !info.is_not_person()
                && !info.is_common()
                && info.title().is_none()
        });
        if !names_before {
            title_end = Some(k + 1);
            break;
        }
    }
    let mut b = title_end.unwrap_or(a);
    let mut title_gender = None;
    for t in &toks[a..b] {
        if let Some(g) = t.info().title().and_then(|i| i.gender) {
            title_gender = Some(g);
        }
    }
    // Not-a-person words: phrases ("White House") and single words ("Geneva").
    np.clear();
    np.resize(end - b, false);
    let mut p = 0;
    while p < np.len() {
        let len = phrase_at(&toks[b + p..end]);
        if len >= 2 {
            np[p..p + len].iter_mut().for_each(|x| *x = true);
            p += len;
        } else {
            let info = toks[b + p].info();
            np[p] = info.is_not_person() || info.is_country_word();
            p += 1;
        }
    }
    // Leading not-a-person words belong to the title, or to nothing: "Geneva Process".
    let base = b;
    let stripped_from = b;
    let mut e = end;
    // "President Moon Jae-in": a leader's full name keeps all its words.
    let whole = span_name_key(toks, b..e, body);
    let is_leader_name = !gazetteer::by_name(&whole).is_empty();
    while !is_leader_name
        && b < e
        && (np[b - base] || toks[b].info().title().is_some() || !toks[b].cap)
        && !(first_name(&toks[b]) && b + 1 < e && !np[b + 1 - base])
    {
        b += 1;
    }
    if b >= e {
        return None;
    }
    // An organisation word after the first name word: "Security Council", "Trump
    // Tower", "Stanford University". What stands before it may still be resolved.
    let org_at = (b + 1..e).find(|&q| match toks[q].info().org_word() {
        Some(true) => true,
        Some(false) => !first_name(&toks[q - 1]),
        None => false,
    });
    let modifier = org_at.is_some();
    if let Some(q) = org_at {
        e = q;
    }
    if modifier && toks[b].info().org_word() == Some(true) {
        return None;
    }
    // A headline run into the text ("Nikki Haley Has Decided That…"): the name
    // ends before the first function word or auxiliary.
    const AUXILIARIES: &[&str] = &[
        "has", "have", "had", "is", "are", "was", "were", "would", "should", "could", "can",
        "might", "must", "does", "did", "do", "that", "this", "the", "a", "an", "of", "for", "to",
        "in", "on", "at", "with", "says", "said", "and", "or", "but", "not", "no",
    ];
    if let Some(q) =
        (b + 1..e).find(|&q| !toks[q].initial && AUXILIARIES.contains(&toks[q].key.as_ref()))
    {
        e = q;
    }
    // Trailing function words ("Meet The") never end a name.
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "it", "its", "be", "if", "is", "are", "was", "of", "and", "or", "but",
        "to", "in", "on", "at", "for", "with", "this", "that", "you", "we", "i",
    ];
    while e > b + 1 && FUNCTION_WORDS.contains(&toks[e - 1].key.as_ref()) {
        e -= 1;
    }
    // Trailing not-a-person words, unless a first name opens the name ("Theresa May").
    if !first_name(&toks[b]) && !is_leader_name {
        while e > b + 1
            && np[e - 1 - base]
            && !toks[e - 1].is_suffix()
            && (toks[e - 1].info().is_country_word() || toks[e - 1].info().org_word().is_some())
        {
            e -= 1;
        }
    }
    if e == b + 1 && np[b - base] && title_end.is_none() {
        // A lone place, demonym or organisation — unless an article person has it as
        // surname (checked later), it is no one.
        common_start = true;
    }
    let title = title_end.map(|t| a..t.max(b).min(b));
    let title = title.filter(|t| !t.is_empty());
    // A lowercase title or role noun right before the run.
    let mut role_before = None;
    if title.is_none() && run.start > 0 && toks[run.start].joins_prev {
        let p = &toks[run.start - 1];
        if !p.cap
            && let Some(info) = lex.role_noun(p.text)
        {
            if title_gender.is_none() {
                title_gender = info.gender;
            }
            let mut s = run.start - 1;
            while s > 0 && toks[s].joins_prev {
                let q = &toks[s - 1];
                let qualifies = (q.cap && !q.info().is_common())
                    || q.info().title().is_some_and(|i| i.kind == TitleKind::Mod)
                    || matches!(
                        q.text,
                        "former"
                            | "deputy"
                            | "chief"
                            | "senior"
                            | "top"
                            | "press"
                            | "foreign"
                            | "vice"
                            | "state"
                            | "party"
                            | "campaign"
                            | "defense"
                            | "defence"
                            | "prime"
                            | "white"
                            | "house"
                            | "senate"
                            | "assistant"
                            | "acting"
                    );
                if !qualifies {
                    break;
                }
                s -= 1;
            }
            role_before = Some(toks[s].start..p.end);
        }
    }
    if toks[b..e].iter().all(|t| t.is_suffix()) {
        return None;
    }
    let name = b..e;
    let (evidence_after, apposition) = if modifier || toks[e - 1].possessive {
        (false, None)
    } else {
        evidence_after(toks, e, body)
    };
    let evidence_before =
        run.start > 0 && &body[toks[run.start - 1].raw_end..toks[run.start].start] == " " && {
            let p = &toks[run.start - 1];
            matches!(
            p.text,
            "said" | "says" | "added" | "adds" | "wrote" | "writes" | "named" | "called"
        ) || (p.text == "to" && run.start > 1 && toks[run.start - 2].text == "according")
            // "CNN's Wolf Blitzer", "Fox News' Ami Horowitz": someone of an outlet.
            || (p.possessive && e - b >= 2 && (p.acronym || p.info().is_not_person()))
        };
    // "Bureau of Labor Statistics", "Immigration and Customs Enforcement".
    let connector = run.start > 1 && toks[run.start].joins_prev && {
        let p = &toks[run.start - 1];
        matches!(
            p.text,
            "of" | "for" | "and" | "to" | "on" | "against" | "&" | "de"
        ) && toks[run.start - 2].cap
            && toks[run.start - 1].joins_prev
            && !first_name(&toks[b])
    };
    // "R-Texas", "D-Calif.", "Paris-based": no names.
    let t0 = toks[b].text;
    if t0.len() > 2 && t0.as_bytes()[1] == b'-' && matches!(t0.as_bytes()[0], b'R' | b'D' | b'I')
        || toks[b..e].iter().any(|t| t.key.ends_with("-based"))
    {
        return None;
    }
    // A photo credit: "Jonathan Ernst/Reuters".
    if body[toks[e - 1].raw_end..].starts_with('/') {
        return None;
    }
    // A title in quotes: "“Hope Starts Here” program".
    if toks[run.clone()]
        .iter()
        .any(|t| t.info().is_common() || lower.contains(t.key.as_ref()))
        && body[..toks[run.start].start].ends_with(['“', '"'])
        && body[toks[run.end - 1].raw_end..].starts_with(['”', '"'])
    {
        return None;
    }
    let general = title.as_ref().is_some_and(|t| {
        matches!(
            toks[t.end - 1].text,
            "General" | "Major" | "Private" | "King"
        )
    });
    // "Archbishop of Canterbury", "Secretary of State": after "of" comes a place.
    if b > run.start && toks[b - 1].text == "of" && !first_name(&toks[b]) {
        return None;
    }
    // "Radio Five Live", "Council Leader": an organisation word first.
    if toks[b].info().org_word() == Some(true) {
        return None;
    }
    // The Hill's "Mitch McConnell Addison (Mitch) Mitchell McConnell": the full legal
    // name after a nickname in brackets repeats someone already named.
    if run.start > 1 && body[..toks[run.start].start].ends_with(") ") && {
        let before = &body[..toks[run.start - 1].start];
        before.ends_with('(')
    } {
        return None;
    }
    // "Georgia Carry, a pro-gun group,": an apposition naming an organisation.
    const ORG_NOUNS: &[&str] = &[
        "group",
        "organization",
        "organisation",
        "company",
        "firm",
        "agency",
        "party",
        "coalition",
        "campaign",
        "network",
        "newspaper",
        "website",
        "site",
        "union",
        "association",
        "nonprofit",
        "charity",
        "bank",
        "fund",
        "program",
        "programme",
        "magazine",
        "outlet",
        "band",
        "film",
        "movie",
        "book",
        "show",
        "series",
        "team",
        "club",
        "brand",
        "chain",
        "airline",
        "institute",
        "center",
        "centre",
        "tank",
        "committee",
        "council",
        "service",
        "platform",
        "app",
        "startup",
        "corporation",
        "subsidiary",
    ];
    if let Some(r) = &apposition {
        let words: Vec<&str> = body[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        // The first noun that says what it is, before any preposition: "a pro-gun
        // group", "the beer company thought to…" are organisations; "a member of the
        // party" is a person.
        let stops = [
            "of", "for", "in", "at", "that", "which", "with", "on", "to", "who",
        ];
        let kind = words
            .iter()
            .skip(1)
            .take_while(|w| !stops.contains(*w))
            .find_map(|w| {
                if ORG_NOUNS.contains(w) {
                    Some(true)
                } else if lex.role_noun(w).is_some() {
                    Some(false)
                } else {
                    None
                }
            });
        if kind == Some(true) {
            return None;
        }
    }
    // "Petrenko, a former journalist,": an apposition naming a person's role.
    let appos_person = apposition.as_ref().is_some_and(|r| {
        body[r.clone()]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lex.role_noun(w).is_some())
    });
    Some(Cand {
        stripped: b > stripped_from
            && toks[stripped_from..b].iter().any(|t| {
                t.cap
                    && t.info().title().is_none()
                    && !t.info().is_country_word()
                    && !matches!(
                        t.key.as_ref(),
                        "republican"
                            | "democrat"
                            | "democratic"
                            | "gop"
                            | "labour"
                            | "tory"
                            | "conservative"
                            | "liberal"
                            | "independent"
                            | "socialist"
                    )
            }),
        titled: (title.is_some() && !general)
            || role_before.is_some()
            || title_gender.is_some()
            || appos_person,
        said: evidence_after || evidence_before,
        connector,
        name,
        title,
        title_gender,
        role_before,
        modifier,
        common_start: common_start && !modifier,
        apposition,
    })
}

/// The longest not-a-person phrase of two words or more that starts `toks`: how many
/// words it covers ([`Lexicon::phrase_at`](super::lexicon::Lexicon::phrase_at) on the
/// tokens' keys, with the first word's lists already looked up).
fn phrase_at(toks: &[Tok<'_>]) -> usize {
    let Some((first, rest)) = toks.split_first() else {
        return 0;
    };
    lexicon()
        .phrase_tails(first.info())
        .iter()
        .filter(|t| t.len() <= rest.len() && t.iter().zip(rest).all(|(a, b)| *a == b.key))
        .map(|t| t.len() + 1)
        .max()
        .unwrap_or(0)
}

/// What follows a name: a reporting verb ("Petrenko said", "Trump also told"), an
/// apposition ("Petrenko, a spokeswoman for the ministry,"), an age ("Smith, 45,").
/// Returns whether there is evidence, and the apposition as a role if it is one.
fn evidence_after(toks: &[Tok<'_>], e: usize, body: &str) -> (bool, Option<Range<usize>>) {
    let Some(next) = toks.get(e) else {
        return (false, None);
    };
    let last_end = toks[e - 1].raw_end;
    let gap = &body[last_end..next.start];
    // "Smith said", "Smith also said".
    if gap == " " {
        if REPORTING.contains(next.text) {
            return (true, None);
        }
        if BRIDGES.contains(next.text)
            && let Some(n2) = toks.get(e + 1)
            && REPORTING.contains(n2.text)
        {
            return (true, None);
        }
        return (false, None);
    }
    if gap != ", " {
        return (false, None);
    }
    // "Butcher, an analyst at Heritage, writes": a verb after a comma is the
    // verb of whoever the apposition followed, so it is no sign here.
    if next.text.chars().all(|c| c.is_ascii_digit()) {
        return (true, None);
    }
    if !APPOSITION_OPENERS.contains(&next.text) {
        return (false, None);
    }
    // The apposition runs to the next comma, period or dash, within 14 words.
    let mut j = e;
    while j < toks.len() && j - e < 14 {
        let after = &body[toks[j].raw_end..toks.get(j + 1).map_or(body.len(), |t| t.start)];
        if after.contains([',', '.', ';', '—', '–', ')', '(', ':', '"', '“', '”', '\n']) {
            let is_role = matches!(next.text, "a" | "an" | "the" | "former")
                && !toks[e..=j]
                    .iter()
                    .any(|t| matches!(t.text, "who" | "which" | "that" | "said" | "says"));
            let role = is_role.then(|| next.start..toks[j].raw_end);
            return (true, role);
        }
        j += 1;
    }
    (next.text == "who", None)
}
