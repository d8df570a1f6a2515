//! Finding the article's main text in a page.
//!
//! 1. Mark the elements whose markup says boilerplate (`nav`, `footer`, class names like
//!    `share`, `related`, `comments`, hidden ones) as removed, unless one of them holds
//!    most of the page's text, which happens when a site names its whole layout oddly.
//!    A heading that announces boilerplate ("Related stories", "Leia também") removes
//!    the section it opens.
//! 2. Cut the remaining text into paragraphs at block elements (`p`, `div`, `li`, `h2`,
//!    `td`, a double `<br>`, …), each with its length and how much of it is link text.
//! 3. Give each paragraph a value: long prose is worth its length; short bits (labels,
//!    dates, "Share") and link text cost a little. The article is the element whose
//!    paragraphs are worth the most, each counted in full up to two levels above its
//!    block and less and less beyond, nudged by names like `article-body`: the
//!    tightest container that holds the prose wins over one that also holds teasers.
//!    Siblings alike to it (same tag and class) are further parts of the article.
//! 4. The body is those elements' paragraphs, minus link lists and stock phrases
//!    ("Advertisement", "Read more").
//!
//! Every pass is a loop over the flat node list; nothing recurses.

use std::collections::HashSet;

use super::dom::{Dom, Kind};
use super::hints::{self, Hint};

/// One paragraph of text between block boundaries.
#[derive(Debug, Clone)]
struct Paragraph {
    /// The innermost block element holding it.
    owner: usize,
    text: String,
    /// Length of the text (CJK characters count double: they carry more per character).
    len: usize,
    /// Length of the part of it inside links.
    link_len: usize,
    /// Words outside links.
    own_words: usize,
}

impl Paragraph {
    fn link_density(&self) -> f64 {
        if self.len == 0 {
            0.0
        } else {
            self.link_len as f64 / self.len as f64
        }
    }
}

/// The article's text as the page states it apart from its markup: its words, and its
/// length as [`text_len`] counts it.
pub struct Known {
    pub words: HashSet<String>,
    pub len: usize,
}

/// What was found: the body, and where it came from.
#[derive(Debug, Default)]
pub struct Body {
    pub paragraphs: Vec<String>,
    /// The `datetime` of the first `<time>` inside the article, if any.
    pub time: Option<String>,
}

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

fn is_block(tag: &str) -> bool {
    BLOCKS.contains(&tag)
}

/// A paragraph counts in full for its block and the two elements above it, then fades
/// by this factor a level (up to 30 more levels): an article's paragraphs sit close
/// together under one container, a list of teasers spreads its blurbs under many.
const FADE_AFTER: usize = 2;
const FADE: f64 = 0.85;

/// Find the article's text in `dom`. `known` holds the words of the article's text
/// when the page states it elsewhere (a long JSON-LD `articleBody`): if the page's
/// paragraphs bear it out, only those made of its words count towards the container
/// (though all in the container are kept).
pub fn extract(dom: &Dom<'_>, known: Option<&Known>) -> Body {
    let n = dom.len();
    if n == 0 {
        return Body::default();
    }
    let hints: Vec<Hint> = dom.nodes.iter().map(hints::hint).collect();
    let removed = removed(dom, &hints);
    let paragraphs = paragraphs(dom, &removed);

    // What each element's paragraphs are worth in plain sum, and with the worth of
    // paragraphs deep below it fading, which favours the tightest container.
    let mut flat = vec![0.0f64; n];
    let mut worth = vec![0.0f64; n];
    let confirmed: Vec<bool> = match known {
        Some(k) => paragraphs.iter().map(|p| confirmed(p, &k.words)).collect(),
        None => vec![false; paragraphs.len()],
    };
    // The statement is borne out when a good part of it is found in paragraphs; else
    // it is about another text (a teaser, another story) and not to be followed.
    let known_len = known.map_or(0, |k| k.len);
    let confirmed_len: usize = paragraphs
        .iter()
        .zip(&confirmed)
        .filter(|(_, c)| **c)
        .map(|(p, _)| p.len)
        .sum();
    let follow_known = known_len > 0 && confirmed_len * 10 >= known_len * 3;
    for (p, &confirmed) in paragraphs.iter().zip(&confirmed) {
        if keep(p) {
            let mut v = value(p);
            if follow_known && v > 0.0 && !confirmed {
                v = 0.0;
            }
            flat[p.owner] += v;
            let mut at = p.owner;
            let mut weight = 1.0;
            for d in 0..FADE_AFTER + 30 {
                if d > FADE_AFTER {
                    weight *= FADE;
                }
                worth[at] += v * weight;
                if at == 0 {
                    break;
                }
                at = dom.nodes[at].parent;
            }
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for (i, node) in dom.nodes.iter().enumerate() {
        if removed[i] || node.element().is_none() || worth[i] <= 0.0 {
            continue;
        }
        let bonus = match hints[i] {
            Hint::ArticleBody => 1.25,
            Hint::Article => 1.05,
            _ => 1.0,
        };
        let score = worth[i] * bonus;
        // Ties go to the later, deeper element: the tighter container.
        if best.is_none_or(|(_, s)| score >= s) {
            best = Some((i, score));
        }
    }
    let Some((root, _)) = best else {
        return fallback(dom, &hints, &paragraphs);
    };
    for i in (1..n).rev() {
        let parent = dom.nodes[i].parent;
        flat[parent] += flat[i];
    }
    let mut in_article = vec![false; n];
    for part in with_similar_siblings(dom, root, &flat) {
        in_article[part..dom.nodes[part].end].fill(true);
    }
    let paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| in_article[p.owner] && keep(p))
        .map(|p| p.text)
        .collect();
    Body {
        paragraphs,
        time: first_time(dom, root),
    }
}

/// Whether most words of a paragraph are among `known` words.
fn confirmed(p: &Paragraph, known: &HashSet<String>) -> bool {
    let words: Vec<String> = words(&p.text).collect();
    words.len() >= 5 && words.iter().filter(|w| known.contains(*w)).count() * 5 >= words.len() * 4
}

/// The lowercased words of a text, for comparing texts regardless of markup.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Every paragraph of a page or fragment, nothing removed.
pub fn all_paragraphs(dom: &Dom<'_>) -> Vec<String> {
    let removed = vec![false; dom.len()];
    paragraphs(dom, &removed)
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// The article's container and the other parts of the article: sites that cut an
/// article into sections (around figures, ads) give each the same tag and class, so
/// siblings alike to the container, or to one of its near ancestors, join it.
fn with_similar_siblings(dom: &Dom<'_>, root: usize, flat: &[f64]) -> Vec<usize> {
    let mut at = root;
    for _ in 0..5 {
        if at == 0 {
            break;
        }
        let node = &dom.nodes[at];
        let class = node.attr("class").map(str::trim).filter(|c| !c.is_empty());
        if let Some(class) = class {
            let parent = node.parent;
            let mut parts = Vec::new();
            let mut sibling = parent + 1;
            while sibling < dom.nodes[parent].end {
                let s = &dom.nodes[sibling];
                if sibling == at
                    || (s.tag() == node.tag()
                        && s.attr("class").map(str::trim) == Some(class)
                        && flat[sibling] > 0.0)
                {
                    parts.push(sibling);
                }
                sibling = s.end;
            }
            if parts.len() > 1 {
                return parts;
            }
        }
        at = node.parent;
    }
    vec![root]
}

/// With no element worth anything, the longest paragraph that says something,
/// preferring one inside an element named like the article.
fn fallback(dom: &Dom<'_>, hints: &[Hint], paragraphs: &[Paragraph]) -> Body {
    let in_article = |p: &Paragraph| {
        std::iter::once(p.owner)
            .chain(dom.ancestors(p.owner))
            .any(|a| matches!(hints[a], Hint::Article | Hint::ArticleBody))
    };
    let best = paragraphs
        .iter()
        .filter(|p| keep(p) && p.len - p.link_len >= 15 && p.text.split_whitespace().count() >= 4)
        .max_by_key(|p| (in_article(p), p.len));
    Body {
        paragraphs: best.map(|p| vec![p.text.clone()]).unwrap_or_default(),
        time: None,
    }
}

/// The value of a paragraph as evidence of article text: its length less a fixed cost,
/// so a prose paragraph adds and a label or a date takes away; link text counts against.
fn value(p: &Paragraph) -> f64 {
    let own = (p.len - p.link_len) as f64 - 0.5 * p.link_len as f64;
    (own - 40.0).max(-40.0)
}

/// Whether a paragraph belongs in the body if its container is the article.
fn keep(p: &Paragraph) -> bool {
    // Link lists go; a sentence that links many of its words stays.
    if p.link_density() > 0.5 && p.len - p.link_len < 80 && !is_sentence(p) {
        return false;
    }
    if !p.text.chars().any(char::is_alphanumeric) {
        return false;
    }
    !is_stock_phrase(&p.text)
}

/// Whether a paragraph reads as a sentence with some words of its own around its links,
/// not as a headline or a menu entry: "He was <a>sentenced to life</a> last week."
fn is_sentence(p: &Paragraph) -> bool {
    let ends = p
        .text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', '。', '！', '？']);
    ends && p.own_words >= 3
}

/// Short lines that pages put between paragraphs and that are never the article.
fn is_stock_phrase(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let lower = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    const PHRASES: &[&str] = &[
        "advertisement",
        "advert",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "publicidade",
        "pubblicità",
        "iklan",
        "реклама",
        "광고",
        "广告",
        "広告",
        "ad",
        "ads",
        "sponsored",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "continue reading",
        "read more",
        "read more below",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "email",
        "print",
        "comments",
        "related",
        "related stories",
        "related articles",
        "related content",
        "recommended",
        "most read",
        "close",
        "skip",
        "loading",
        "click here",
        "see also",
        "image",
        "photo",
    ];
    const PREFIXES: &[&str] = &["filed under", "posted in", "tagged", "tags:", "categories:"];
    PHRASES.contains(&lower.as_str()) || PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Which nodes are inside boilerplate, by their markup.
fn removed(dom: &Dom<'_>, hints: &[Hint]) -> Vec<bool> {
    let n = dom.len();
    // Text length under each node, and the part of it outside links, to keep a
    // boilerplate-named element that holds most of the page.
    let mut text = vec![0usize; n];
    let mut link = vec![0usize; n];
    let mut anchors = vec![0usize; n];
    let in_link = in_link(dom);
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag() == "a" {
            anchors[i] = 1;
        }
        if let Kind::Text(t) = node.kind {
            let len = text_len(t);
            text[i] = len;
            if in_link[i] {
                link[i] = len;
            }
        }
    }
    for i in (1..n).rev() {
        let parent = dom.nodes[i].parent;
        text[parent] += text[i];
        link[parent] += link[i];
        anchors[parent] += anchors[i];
    }
    let page_prose = text[0].saturating_sub(link[0]);
    let mut removed = vec![false; n];
    for (i, node) in dom.nodes.iter().enumerate() {
        if i > 0 && removed[node.parent] {
            removed[i] = true;
            continue;
        }
        if node.element().is_none() {
            continue;
        }
        let prose = text[i].saturating_sub(link[i]);
        // The body, and layout wrappers that hold most of the page, carry class names
        // about the page's state ("cookies-not-set"), not about themselves.
        removed[i] = i > 0
            && (hints::hidden(node)
                || match hints[i] {
                    Hint::Never => prose * 4 < page_prose * 3,
                    Hint::Boilerplate => prose * 2 < page_prose,
                    _ => false,
                }
                // A cluster of links inside running text: a hover card, a list of
                // an author's other stories.
                || (!is_block(node.tag())
                    && node.tag() != "a"
                    && anchors[i] >= 3
                    && text[i] >= 60
                    && link[i] * 10 >= text[i] * 8));
    }
    cut_announced_sections(dom, hints, &mut removed, &text, &link, page_prose);
    removed
}

/// Remove what a heading announces as not the article ("Related stories", "You may
/// also like", "Comments"): its whole section when the heading opens one, else the rest
/// of the container it sits in.
fn cut_announced_sections(
    dom: &Dom<'_>,
    hints: &[Hint],
    removed: &mut [bool],
    text: &[usize],
    link: &[usize],
    page_prose: usize,
) {
    let n = dom.len();
    // The first text node left in each subtree, to tell whether a heading opens its
    // container.
    let mut first_text = vec![usize::MAX; n];
    for i in (0..n).rev() {
        if !removed[i]
            && let Kind::Text(t) = dom.nodes[i].kind
            && t.chars().any(char::is_alphanumeric)
        {
            first_text[i] = i;
        }
        if i > 0 {
            let parent = dom.nodes[i].parent;
            first_text[parent] = first_text[parent].min(first_text[i]);
        }
    }
    // The prose (text outside links) before each node, in document order.
    let mut prose = vec![0usize; n + 1];
    for i in 0..n {
        let own = match dom.nodes[i].kind {
            Kind::Text(_) => text[i] - link[i],
            Kind::Element(_) => 0,
        };
        prose[i + 1] = prose[i] + own;
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (h, node) in dom.nodes.iter().enumerate() {
        if h == 0 || removed[node.parent] || node.element().is_none() || text[h] > 60 {
            continue;
        }
        if cuts.last().is_some_and(|&(_, end)| h < end) {
            continue;
        }
        let heading = matches!(node.tag(), "h2" | "h3" | "h4" | "h5" | "h6");
        // A link that says "Comments" is a button, not a heading.
        if !heading && (link[h] > 0 || node.tag() == "a") {
            continue;
        }
        // A heading named like "related-title" announces even though it is removed
        // itself; other elements only by what they say.
        let announces = if removed[h] {
            heading && hints[h] == Hint::Never
        } else {
            text[h] > 0 && is_section_title(&squashed_text(dom, h), heading)
        };
        if !announces {
            continue;
        }
        // Climb while the heading is the first thing in the container, but never into
        // the article's body or a container holding most of the page.
        let mut section = h;
        loop {
            let parent = dom.nodes[section].parent;
            if section == 0
                || first_text[parent] < h
                || (text[parent] - link[parent]) * 5 > page_prose * 4
                || hints[parent] == Hint::ArticleBody
            {
                break;
            }
            section = parent;
        }
        // A heading after the article's text in the same container ends the article
        // there, unless much prose follows it.
        let parent = dom.nodes[section].parent;
        let mut end = dom.nodes[section].end;
        if heading && section > 0 && first_text[parent] < h {
            let before = prose[h] - prose[parent];
            let after = prose[dom.nodes[parent].end] - prose[end];
            if after * 4 < page_prose && after <= before {
                end = dom.nodes[parent].end;
            }
        }
        cuts.push((section, end));
    }
    for (start, end) in cuts {
        removed[start..end].fill(true);
    }
}

/// The text of an element, lowercased, in single spaces, without the punctuation
/// around it.
fn squashed_text(dom: &Dom<'_>, i: usize) -> String {
    let mut s = String::new();
    for node in &dom.nodes[i..dom.nodes[i].end] {
        if let Kind::Text(t) = node.kind {
            s.push_str(t);
            s.push(' ');
        }
    }
    let s = s.to_lowercase();
    let words: Vec<&str> = s.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Whether a heading's text announces a section that is not the article; headings
/// may go on ("More from Politics"), other elements must say just that.
fn is_section_title(text: &str, heading: bool) -> bool {
    const TITLES: &[&str] = &[
        // English
        "related",
        "related stories",
        "related articles",
        "related posts",
        "related content",
        "related coverage",
        "related links",
        "related news",
        "related topics",
        "more stories",
        "more from",
        "more on this",
        "more on this story",
        "more news",
        "more like this",
        "you may also like",
        "you might also like",
        "you may like",
        "you might like",
        "recommended",
        "recommended for you",
        "recommended stories",
        "read next",
        "read more",
        "what to read next",
        "trending",
        "trending now",
        "trending stories",
        "most popular",
        "most read",
        "most viewed",
        "popular stories",
        "latest news",
        "latest stories",
        "top stories",
        "editor's picks",
        "editors' picks",
        "around the web",
        "from around the web",
        "sponsored content",
        "sponsored stories",
        "promoted stories",
        "comments",
        "leave a reply",
        "leave a comment",
        "join the conversation",
        "join the discussion",
        "share this",
        "share this article",
        "sign up for our newsletter",
        "subscribe to our newsletter",
        "newsletter",
        // Portuguese, Spanish, French, German, Italian
        "você pode gostar",
        "você também pode gostar",
        "leia também",
        "veja também",
        "posts relacionados",
        "artigos relacionados",
        "notícias relacionadas",
        "comentários",
        "deixe um comentário",
        "te puede interesar",
        "también te puede interesar",
        "noticias relacionadas",
        "artículos relacionados",
        "lee también",
        "comentarios",
        "à lire aussi",
        "lire aussi",
        "sur le même sujet",
        "articles similaires",
        "vous aimerez aussi",
        "commentaires",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "lesen sie auch",
        "ähnliche artikel",
        "weitere artikel",
        "kommentare",
        "articoli correlati",
        "potrebbe interessarti",
        "ti potrebbe interessare",
        "leggi anche",
        "commenti",
        // Indonesian, Russian, Chinese, Japanese, Korean
        "baca juga",
        "artikel terkait",
        "berita terkait",
        "читайте также",
        "похожие статьи",
        "по теме",
        "комментарии",
        "相关文章",
        "相关阅读",
        "相關文章",
        "関連記事",
        "관련기사",
        "관련 기사",
    ];
    if text.is_empty() {
        return false;
    }
    TITLES.iter().any(|t| {
        text == *t
            || (heading
                && text
                    .strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric())))
    })
}

/// Which nodes are inside a link.
fn in_link(dom: &Dom<'_>) -> Vec<bool> {
    let mut in_link = vec![false; dom.len()];
    for (i, node) in dom.nodes.iter().enumerate() {
        in_link[i] = node.tag() == "a" || (i > 0 && in_link[node.parent]);
    }
    in_link
}

/// Cut the text that is not removed into paragraphs.
fn paragraphs(dom: &Dom<'_>, removed: &[bool]) -> Vec<Paragraph> {
    let in_link = in_link(dom);
    let mut out = Vec::new();
    let mut builder = Builder::default();
    // Open block elements, innermost last.
    let mut blocks: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < dom.len() {
        while blocks.last().is_some_and(|&b| dom.nodes[b].end <= i) {
            blocks.pop();
            builder.flush(&mut out);
        }
        let node = &dom.nodes[i];
        if removed[i] {
            if is_block(node.tag()) {
                builder.flush(&mut out);
            } else {
                builder.space();
            }
            i = node.end;
            continue;
        }
        match node.kind {
            Kind::Text(t) => {
                let owner = blocks.last().copied().unwrap_or(0);
                builder.push(owner, t, in_link[i]);
            }
            Kind::Element(e) => match e.name() {
                "br" => builder.line_break(&mut out),
                "img" | "wbr" => {}
                tag if is_block(tag) => {
                    builder.flush(&mut out);
                    blocks.push(i);
                }
                _ => {}
            },
        }
        i += 1;
    }
    builder.flush(&mut out);
    out
}

/// Collects the text of one paragraph.
#[derive(Default)]
struct Builder {
    owner: usize,
    text: String,
    len: usize,
    link_len: usize,
    own_words: usize,
    /// A `<br>` was seen since the last text; a second one ends the paragraph.
    pending_break: bool,
}

impl Builder {
    fn push(&mut self, owner: usize, t: &str, in_link: bool) {
        if t.trim().is_empty() {
            if !t.is_empty() {
                self.space();
            }
            return;
        }
        if self.text.is_empty() {
            self.owner = owner;
        } else if self.pending_break {
            self.text.push('\n');
        }
        self.pending_break = false;
        let len = text_len(t);
        self.len += len;
        // A link that shows its address was pasted by the writer ("Source:
        // http://…"); menus and teasers link words.
        if in_link && !looks_like_url(t) {
            self.link_len += len;
        } else {
            self.own_words += t.split_whitespace().count();
        }
        self.text.push_str(t);
    }

    fn space(&mut self) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
    }

    fn line_break(&mut self, out: &mut Vec<Paragraph>) {
        if self.pending_break {
            self.flush(out);
        } else {
            self.pending_break = !self.text.is_empty();
        }
    }

    fn flush(&mut self, out: &mut Vec<Paragraph>) {
        self.pending_break = false;
        if self.len > 0 {
            out.push(Paragraph {
                owner: self.owner,
                text: clean(&self.text),
                len: self.len,
                link_len: self.link_len,
                own_words: self.own_words,
            });
        }
        self.text.clear();
        self.len = 0;
        self.link_len = 0;
        self.own_words = 0;
    }
}

fn looks_like_url(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Collapse whitespace, keeping single line breaks from `<br>`.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == '\u{200b}')
            .filter(|w| !w.is_empty())
            .collect();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line.join(" "));
    }
    out
}

/// The length of a text as evidence: non-space characters, CJK counted double.
pub fn text_len(t: &str) -> usize {
    t.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_cjk(c) { 2 } else { 1 })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// The `datetime` of the first `<time>` inside `root`, or else inside the `<article>`
/// around it, or else between the page's `<h1>` and `root` (the article's header).
fn first_time(dom: &Dom<'_>, root: usize) -> Option<String> {
    let article = dom
        .ancestors(root)
        .filter(|&a| dom.nodes[a].tag() == "article")
        .last()
        .unwrap_or(root);
    let h1 = (0..root)
        .find(|&i| dom.nodes[i].tag() == "h1")
        .unwrap_or(root);
    [
        root..dom.nodes[root].end,
        article..dom.nodes[article].end,
        h1..root,
    ]
    .into_iter()
    .find_map(|range| {
        range
            .filter(|&j| dom.nodes[j].tag() == "time")
            .filter_map(|j| dom.nodes[j].attr("datetime"))
            .map(str::trim)
            .find(|d| !d.is_empty())
            .map(str::to_string)
    })
}
