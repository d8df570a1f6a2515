//! An article's title, date, authors, source and address from a page's metadata:
//! `<meta>` tags (Open Graph, Twitter, Dublin Core, Parse.ly, Sailthru), JSON-LD, the
//! canonical link, `rel=author` links, `<h1>` and `<title>`.

use std::collections::HashMap;

use scraper::{ElementRef, Html};
use serde_json::Value;

/// Everything the metadata of a page says, before choosing among the sources.
#[derive(Debug, Default)]
pub struct Meta {
    /// `<meta>` contents by lowercased `property`, `name` or `itemprop`; the first wins.
    tags: HashMap<String, String>,
    canonical: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    rel_authors: Vec<String>,
    /// The text of elements marked `itemprop="author"` (microdata).
    item_authors: Vec<String>,
    pub ld: LinkedData,
}

/// At most this many names from one kind of author markup: a page listing a thousand
/// `rel=author` links is not naming its article's authors.
const MAX_AUTHORS: usize = 20;

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
}

impl Meta {
    /// Read the metadata of a parsed page.
    pub fn new(doc: &Html) -> Meta {
        let mut meta = Meta::default();
        let mut ld_values = Vec::new();
        let mut ld_unread = Vec::new();
        for node in doc.tree.nodes() {
            let Some(node) = ElementRef::wrap(node) else {
                continue;
            };
            let e = node.value();
            if e.name() != "meta"
                && let Some(prop) = e.attr("itemprop")
            {
                meta.microdata(node, prop);
            }
            match e.name() {
                "meta" => {
                    let Some(content) = e.attr("content").map(str::trim) else {
                        continue;
                    };
                    if content.is_empty() {
                        continue;
                    }
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = e.attr(key) {
                            meta.tags
                                .entry(k.trim().to_ascii_lowercase())
                                .or_insert_with(|| content.to_string());
                        }
                    }
                }
                "link" => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") && meta.canonical.is_none()
                    {
                        meta.canonical = e.attr("href").map(|h| h.trim().to_string());
                    }
                }
                "a" => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "author") {
                        let name = text_of(node);
                        if !name.is_empty()
                            && meta.rel_authors.len() < MAX_AUTHORS
                            && !meta.rel_authors.contains(&name)
                        {
                            meta.rel_authors.push(name);
                        }
                    }
                }
                "title" if meta.title.is_none() => {
                    meta.title = Some(text_of(node)).filter(|t| !t.is_empty());
                }
                "h1" if meta.h1.is_none() => {
                    meta.h1 = Some(text_of(node)).filter(|t| !t.is_empty());
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    let text = text_of_raw(node);
                    let values = parse_json_lenient(&text);
                    if values.is_empty() {
                        ld_unread.push(text);
                    }
                    ld_values.extend(values);
                }
                _ => {}
            }
        }
        meta.ld = LinkedData::from_values(&ld_values);
        // JSON-LD broken beyond repair may still say when it was published.
        if meta.ld.date.is_none() {
            meta.ld.date = ld_unread
                .iter()
                .find_map(|t| scan_string(t, "datePublished"));
        }
        meta
    }

    /// Read an element's microdata property: `datePublished` and `author`.
    fn microdata(&mut self, node: ElementRef<'_>, prop: &str) {
        let e = node.value();
        if prop.eq_ignore_ascii_case("datePublished") {
            if let Some(date) = e.attr("datetime").or(e.attr("content")) {
                self.tags
                    .entry("datepublished".to_string())
                    .or_insert_with(|| date.trim().to_string());
            }
        } else if prop.eq_ignore_ascii_case("author") && self.item_authors.len() < MAX_AUTHORS {
            // The author's name, or the whole element when it names no part.
            let name = node
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|d| d.value().attr("itemprop") == Some("name"))
                .map(|d| {
                    d.value()
                        .attr("content")
                        .map(clean)
                        .unwrap_or_else(|| text_of(d))
                })
                .unwrap_or_else(|| text_of(node));
            if !name.is_empty() && name.len() <= 100 && !self.item_authors.contains(&name) {
                self.item_authors.push(name);
            }
        }
    }

    fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The names the page gives its site, to strip from titles.
    fn site_names(&self) -> Vec<String> {
        let mut names: Vec<String> = [
            self.tag("og:site_name"),
            self.ld.publisher.as_deref(),
            self.tag("application-name"),
            self.tag("twitter:site").map(|s| s.trim_start_matches('@')),
        ]
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect();
        if let Some(host) = self.url().as_deref().and_then(host_of) {
            let host = host.trim_start_matches("www.");
            names.push(host.to_string());
            if let Some(label) = host.split('.').next() {
                names.push(label.to_string());
            }
        }
        names
    }

    pub fn title(&self) -> String {
        let title = [
            self.tag("og:title"),
            self.tag("twitter:title"),
            self.ld.headline.as_deref(),
            self.h1.as_deref(),
            self.title.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(clean)
        .find(|t| !t.is_empty())
        .unwrap_or_default();
        strip_site_name(&title, &self.site_names())
    }

    /// The first date the page gives that reads as a date (else the first it gives,
    /// which the caller will report as not understood); `time` is the `datetime` of
    /// a `<time>` inside the article.
    pub fn date(&self, time: Option<&str>) -> Option<String> {
        let candidates: Vec<&str> = [
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
        ]
        .into_iter()
        .map(|k| self.tag(k))
        .chain([self.ld.date.as_deref()])
        .chain(
            [
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "datepublished",
                "article.published",
            ]
            .into_iter()
            .map(|k| self.tag(k)),
        )
        .chain([time])
        .flatten()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .collect();
        candidates
            .iter()
            .find(|d| super::super::date::parse_date(d).is_some())
            .or(candidates.first())
            .map(|d| d.to_string())
    }

    pub fn authors(&self) -> Vec<String> {
        let meta_author: Vec<String> = self.tag("author").map(split_names).unwrap_or_default();
        let article_author: Vec<String> = self
            .tags
            .get("article:author")
            .filter(|a| !looks_like_url(a))
            .map(|a| split_names(a))
            .unwrap_or_default();
        let sources = [
            meta_author,
            article_author,
            self.ld
                .authors
                .iter()
                .flat_map(|a| split_names(a))
                .collect(),
            self.item_authors
                .iter()
                .flat_map(|a| split_names(a))
                .collect(),
            self.rel_authors.clone(),
        ];
        let sites: Vec<String> = self.site_names().iter().map(|s| squash(s)).collect();
        // A byline's extras: "Jane Doe, CNN Business", "TOM LEE, AP Auto Writer".
        let is_site_or_role = |name: &str| {
            let squashed = squash(name);
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            sites
                .iter()
                .any(|s| !s.is_empty() && squashed.starts_with(s.as_str()))
                || words.iter().any(|w| ROLES.contains(&w.as_str()))
        };
        for names in sources {
            let cleaned: Vec<String> = names
                .iter()
                .map(|n| clean_author(n))
                .filter(|n| !n.is_empty() && !looks_like_url(n))
                .collect();
            let people: Vec<String> = cleaned
                .iter()
                .filter(|n| !is_site_or_role(n))
                .cloned()
                .collect();
            // A site that names itself as the author still says who wrote it.
            let names = dedup(if people.is_empty() { cleaned } else { people }.into_iter());
            if !names.is_empty() {
                return names;
            }
        }
        Vec::new()
    }

    /// Whether a paragraph is the article's headline, by any of the page's titles.
    pub fn is_headline(&self, paragraph: &str) -> bool {
        let p = squash(paragraph);
        !p.is_empty()
            && [
                self.tag("og:title"),
                self.tag("twitter:title"),
                self.ld.headline.as_deref(),
                self.h1.as_deref(),
                self.title.as_deref(),
            ]
            .into_iter()
            .flatten()
            .any(|t| squash(t) == p)
    }

    pub fn source(&self) -> Option<String> {
        self.tag("og:site_name")
            .map(clean)
            .or_else(|| self.ld.publisher.as_deref().map(clean))
            .filter(|s| !s.is_empty())
    }

    pub fn url(&self) -> Option<String> {
        let absolute = |u: &&str| u.starts_with("http://") || u.starts_with("https://");
        let candidates = [
            self.canonical.as_deref(),
            self.tag("og:url"),
            self.ld.url.as_deref(),
        ];
        candidates
            .iter()
            .flatten()
            .map(|u| u.trim())
            .find(absolute)
            .or_else(|| candidates.iter().flatten().map(|u| u.trim()).next())
            .filter(|u| !u.is_empty())
            .map(str::to_string)
    }
}

/// The text of an element, whitespace collapsed.
fn text_of(node: ElementRef<'_>) -> String {
    clean(&text_of_raw(node))
}

/// All the text under an element, as it stands.
fn text_of_raw(node: ElementRef<'_>) -> String {
    node.text().collect()
}

pub fn clean(s: &str) -> String {
    super::super::clean_line(s)
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("www.")
        || s.starts_with('/')
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host).filter(|h| !h.is_empty())
}

/// Lowercase letters and digits only, to compare site names.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `title` without a " | Site Name" suffix (or "Site Name | " prefix) naming the site.
pub fn strip_site_name(title: &str, sites: &[String]) -> String {
    let sites: Vec<String> = sites
        .iter()
        .map(|s| squash(s))
        .filter(|s| !s.is_empty())
        .collect();
    let is_site = |part: &str| {
        let part = squash(part);
        !part.is_empty()
            && sites
                .iter()
                .any(|s| *s == part || part.strip_suffix("com").is_some_and(|p| p == s))
    };
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ",
    ];
    let mut title = title.trim().to_string();
    // A title may end with a section and the site: "Story | Politics | Site".
    for _ in 0..3 {
        let cut = SEPARATORS
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
            .max_by_key(|&(i, _)| i);
        match cut {
            Some((i, len)) if i > 0 && is_site(&title[i + len..]) => {
                title.truncate(i);
                title = title.trim_end().to_string();
            }
            _ => break,
        }
    }
    let cut = SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|&(i, _)| i);
    if let Some((i, len)) = cut
        && is_site(&title[..i])
        && i + len < title.len()
    {
        title = title[i + len..].trim_start().to_string();
    }
    title
}

/// Split an author field that names several people ("A and B", "A, B").
fn split_names(s: &str) -> Vec<String> {
    let parts: Vec<String> = s
        .split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    // "Smith, John" is one person: only split when every part is a full name.
    if parts.len() > 1 && parts.iter().all(|p| p.split_whitespace().count() >= 2) {
        parts
    } else {
        vec![clean(s)]
    }
}

/// Words that make a part of a byline a job, not a name.
const ROLES: &[&str] = &[
    "writer",
    "correspondent",
    "editor",
    "reporter",
    "contributor",
    "columnist",
    "producer",
];

/// An author's name without a leading "By ", and in title case when the page shouts
/// it ("TOM LEE").
fn clean_author(name: &str) -> String {
    let name = clean(name);
    let name = match name.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => name[3..].trim().to_string(),
        _ => name,
    };
    let shouted = name.chars().filter(|c| c.is_alphabetic()).count() > 3
        && !name.chars().any(char::is_lowercase);
    if !shouted || name.split_whitespace().count() < 2 {
        return name;
    }
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_string()).unwrap_or_default();
            first + &chars.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The string value of `"key": "…"` in text that is not valid JSON.
fn scan_string(text: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    let at = text.find(&quoted)? + quoted.len();
    let rest = text[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let value = &rest[..rest.find('"')?];
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

fn dedup(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    out
}

impl LinkedData {
    /// Pick the article out of the JSON-LD objects of a page.
    fn from_values(values: &[Value]) -> LinkedData {
        // Every object, looked for without recursion (`@graph`, arrays, nesting).
        let mut objects: Vec<&serde_json::Map<String, Value>> = Vec::new();
        let mut stack: Vec<&Value> = values.iter().collect();
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(o) => {
                    objects.push(o);
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = o.get("mainEntity") {
                        stack.push(m);
                    }
                }
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
        let article = objects.iter().filter(|o| is_article(o)).max_by_key(|o| {
            (
                o.get("articleBody")
                    .and_then(Value::as_str)
                    .map_or(0, str::len),
                o.contains_key("headline"),
            )
        });
        let get = |key: &str| article.and_then(|a| a.get(key));
        let string = |key: &str| {
            get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        // The page (a WebPage, an ItemPage) may carry the date its article lacks; other
        // objects' dates (a list of related stories) are not this article's.
        let page_date = || {
            objects
                .iter()
                .filter(|o| type_is(o, |t| t.ends_with("Page")))
                .filter_map(|o| o.get("datePublished").and_then(Value::as_str))
                .map(str::trim)
                .find(|d| !d.is_empty())
                .map(str::to_string)
        };
        LinkedData {
            headline: string("headline")
                .or_else(|| string("name"))
                .map(|h| unescape(&h)),
            date: string("datePublished")
                .or_else(|| string("dateCreated"))
                .or_else(page_date),
            authors: get("author").map(names_in).unwrap_or_default(),
            publisher: get("publisher")
                .and_then(|p| names_in(p).into_iter().next())
                .or_else(|| {
                    objects
                        .iter()
                        .find(|o| {
                            type_is(o, |t| t == "NewsMediaOrganization" || t == "Organization")
                        })
                        .and_then(|o| o.get("name"))
                        .and_then(Value::as_str)
                        .map(clean)
                }),
            body: string("articleBody"),
            url: string("url").or_else(|| match get("mainEntityOfPage") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(str::to_string),
                _ => None,
            }),
        }
    }
}

fn type_is(o: &serde_json::Map<String, Value>, f: impl Fn(&str) -> bool) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => f(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(f),
        _ => false,
    }
}

fn is_article(o: &serde_json::Map<String, Value>) -> bool {
    type_is(o, |t| {
        t.ends_with("Article") || t.ends_with("Posting") || t.ends_with("Review") || t == "Report"
    }) || o.contains_key("articleBody")
}

/// The names in an `author` or `publisher` value: a string, an object with a name,
/// or an array of these.
fn names_in(v: &Value) -> Vec<String> {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o.get("name").and_then(|n| match n {
                Value::String(s) => Some(s.as_str()),
                Value::Array(a) => a.first().and_then(Value::as_str),
                _ => None,
            }),
            _ => None,
        })
        .map(|s| unescape(&clean(s)))
        .filter(|s| !s.is_empty() && !looks_like_url(s))
        .collect()
}

/// Undo the HTML entities that some sites leave in JSON-LD strings.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    frag.tree
        .nodes()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// Parse JSON-LD as sites write it: with comments, trailing commas, single quotes,
/// raw newlines in strings, or several values in a row. What cannot be read is dropped.
pub fn parse_json_lenient(text: &str) -> Vec<Value> {
    let relaxed = relax_json(text);
    let mut out = Vec::new();
    for value in serde_json::Deserializer::from_str(&relaxed).into_iter::<Value>() {
        match value {
            Ok(v) => out.push(v),
            Err(_) => break,
        }
    }
    out
}

/// Rewrite near-JSON into JSON: drop comments and trailing commas, turn single-quoted
/// strings into double-quoted ones, escape control characters inside strings.
fn relax_json(text: &str) -> String {
    let text = text
        .trim()
        .trim_start_matches("<!--")
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("-->")
        .trim_end_matches("//]]>");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => {
                out.push('"');
                i += 1;
                while i < chars.len() && chars[i] != c {
                    match chars[i] {
                        '\\' if i + 1 < chars.len() => {
                            let next = chars[i + 1];
                            if next == '\'' {
                                out.push('\'');
                            } else if "\"\\/bfnrtu".contains(next) {
                                out.push('\\');
                                out.push(next);
                            } else {
                                out.push(next);
                            }
                            i += 2;
                            continue;
                        }
                        '"' => out.push_str("\\\""),
                        ch if (ch as u32) < 0x20 => out.push(' '),
                        ch => out.push(ch),
                    }
                    i += 1;
                }
                out.push('"');
                i += 1;
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i += 2;
            }
            ',' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if !matches!(chars.get(j), Some('}' | ']')) {
                    out.push(',');
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}
