//! Taming hostile markup before html5ever sees it.
//!
//! html5ever parses without recursion, but its tree builder scans the stack of open
//! elements on many start tags ("is there a `<p>` in button scope?"), so a page that
//! nests 100,000 `<div>`s costs it time quadratic in the depth: minutes, not
//! milliseconds. No real page nests more than a few dozen levels, so before parsing we
//! follow the nesting with a small model of the tree builder's stack and drop the tags
//! (never the text) that would open elements deeper than [`MAX_DEPTH`], along with their
//! end tags. The model errs towards counting too deep, never too shallow, for the
//! elements that html5ever keeps open; a page within the limit is passed on untouched.
//! Tags with absurdly many attributes go too, for the same reason.

use std::borrow::Cow;
use std::collections::HashMap;

/// The deepest nesting of elements handed to the parser.
pub const MAX_DEPTH: usize = 256;

/// `html` without the tags that would nest deeper than [`MAX_DEPTH`] or that carry
/// more than [`MAX_ATTRIBUTES`] attributes.
pub fn tame(html: &str) -> Cow<'_, str> {
    let drops = tags_to_drop(html.as_bytes(), MAX_DEPTH);
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end) in drops {
        out.push_str(&html[at..start]);
        at = end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag (scripting is on, so noscript too).
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Start tags that close an open `<p>` (in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
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
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
    "dd",
    "dt",
];

/// Elements that bound the default scope: a search for an open element stops there.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// Formatting elements, which html5ever closes with the adoption agency algorithm.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements of the HTML "special" category: an end tag of some other element
/// does not close past them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

fn is(set: &[&str], name: &str) -> bool {
    set.contains(&name)
}

/// Where the search for an open `<li>`, `<dd>` or `<dt>` to close stops: at special
/// elements other than address, div and p.
fn closes_items_past(name: &str) -> bool {
    is(SPECIAL, name) && !matches!(name, "address" | "div" | "p")
}

/// More attributes than any real tag has. html5ever checks each attribute of a tag
/// against the others, so a tag with 100,000 of them would take seconds.
const MAX_ATTRIBUTES: usize = 256;

/// The model of html5ever's stack of open elements.
struct Stack {
    open: Vec<String>,
    /// Open `<svg>` and `<math>` elements, inside which `<x/>` closes itself.
    foreign: usize,
}

impl Stack {
    /// The position of the innermost open `name`, looking no further than an element
    /// for which `stop` holds.
    fn find(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, open) in self.open.iter().enumerate().rev() {
            if open == name {
                return Some(i);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// Pop the elements from `len` up. Formatting elements closed on the way stay
    /// active and html5ever opens them again at the next text, so they stay counted.
    fn truncate(&mut self, len: usize) {
        let mut reopened = Vec::new();
        for (i, name) in self.open[len..].iter().enumerate() {
            if name == "svg" || name == "math" {
                self.foreign -= 1;
            }
            if i > 0 && is(FORMATTING, name) && self.foreign == 0 {
                reopened.push(name.clone());
            }
        }
        self.open.truncate(len);
        self.open.extend(reopened);
    }

    fn close(&mut self, name: &str, stop: impl Fn(&str) -> bool) {
        if let Some(i) = self.find(name, stop) {
            self.truncate(i);
        }
    }

    /// Close what a start tag of `name` closes implicitly.
    fn start_closes(&mut self, name: &str) {
        if is(CLOSES_P, name) {
            self.close("p", |n| is(SCOPE, n) || n == "button");
        }
        match name {
            "li" => self.close("li", closes_items_past),
            "dd" | "dt" => {
                let stop = closes_items_past;
                let at = self.find("dd", stop).max(self.find("dt", stop));
                if let Some(i) = at {
                    self.truncate(i);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self
                    .open
                    .last()
                    .is_some_and(|n| is(&["h1", "h2", "h3", "h4", "h5", "h6"], n)) =>
            {
                self.open.pop();
            }
            "option" | "optgroup" if self.open.last().is_some_and(|n| n == "option") => {
                self.open.pop();
            }
            "tr" => self.close("tr", |n| n == "table" || n == "html" || n == "template"),
            "td" | "th" => {
                let stop = |n: &str| n == "tr" || n == "table" || n == "html" || n == "template";
                let at = self.find("td", stop).max(self.find("th", stop));
                if let Some(i) = at {
                    self.truncate(i);
                }
            }
            // `<a>` and `<nobr>` close an open one by the adoption agency, which keeps
            // the blocks inside it open: count them as nesting.
            "button" => self.close(name, |n| is(SCOPE, n)),
            _ => {}
        }
    }

    /// Close what an end tag of `name` closes.
    fn end(&mut self, name: &str) {
        if self.foreign > 0 {
            self.close(name, |_| false);
        } else if is(FORMATTING, name) {
            // The adoption agency may keep blocks open below the formatting element;
            // counting them as still open errs on the safe side.
            if self.open.last().is_some_and(|n| n == name) {
                self.open.pop();
            }
        } else if name == "li" {
            self.close(name, |n| is(SCOPE, n) || n == "ul" || n == "ol");
        } else if name == "p" {
            self.close(name, |n| is(SCOPE, n) || n == "button");
        } else if is(SPECIAL, name) {
            self.close(name, |n| is(SCOPE, n));
        } else {
            self.close(name, |n| is(SPECIAL, n));
        }
    }
}

/// The byte ranges of the tags in `html` that open elements deeper than `max_depth` or
/// have too many attributes, and of their end tags, in order.
fn tags_to_drop(html: &[u8], max_depth: usize) -> Vec<(usize, usize)> {
    let mut drops = Vec::new();
    let mut stack = Stack {
        open: Vec::new(),
        foreign: 0,
    };
    // Start tags dropped for their depth, by name, whose end tags are still to come.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut at = 0;
    while let Some(off) = html[at..].iter().position(|&b| b == b'<') {
        let start = at + off;
        let rest = &html[start + 1..];
        if rest.starts_with(b"!--") {
            at = find(html, start + 4, b"-->").map_or(html.len(), |i| i + 3);
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                at = find(html, start + 1, b">").map_or(html.len(), |i| i + 1);
            }
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, name_end) = tag_name(html, start + 2);
                let (end, attributes) = tag_end(html, name_end);
                at = end;
                if attributes > MAX_ATTRIBUTES {
                    drops.push((start, end));
                    continue;
                }
                match dropped.get_mut(&name) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        drops.push((start, end));
                    }
                    _ => stack.end(&name),
                }
            }
            Some(b'/') => {
                at = find(html, start + 1, b">").map_or(html.len(), |i| i + 1);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, name_end) = tag_name(html, start + 1);
                let (end, attributes) = tag_end(html, name_end);
                at = end;
                let self_closing = end >= 2 && html[end - 2] == b'/' && html[end - 1] == b'>';
                if is(RAW_TEXT, &name) {
                    at = raw_text_end(html, end, &name);
                } else if name == "plaintext" {
                    break;
                }
                if is(VOID, &name) || (self_closing && stack.foreign > 0) {
                    continue;
                }
                if matches!(name.as_str(), "html" | "head" | "body" | "frameset")
                    || (name == "form" && stack.open.iter().any(|n| n == "form"))
                {
                    continue;
                }
                stack.start_closes(&name);
                if stack.open.len() >= max_depth || attributes > MAX_ATTRIBUTES {
                    drops.push((start, end));
                    *dropped.entry(name).or_default() += 1;
                    continue;
                }
                if name == "svg" || name == "math" {
                    stack.foreign += 1;
                }
                stack.open.push(name);
            }
            _ => at = start + 1,
        }
    }
    drops
}

/// The position of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// The lowercased name of a tag that starts at `from`, and where the name ends.
fn tag_name(html: &[u8], from: usize) -> (String, usize) {
    let len = html[from..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .unwrap_or(html.len() - from);
    let name = String::from_utf8_lossy(&html[from..from + len]).to_ascii_lowercase();
    (name, from + len)
}

/// One past the `>` that ends a tag whose attributes start at `from` (quoted attribute
/// values may hold `>`), and about how many attributes it has.
fn tag_end(html: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    let mut after_equals = false;
    let mut attributes = 0;
    let mut in_name = false;
    while i < html.len() {
        match html[i] {
            b'>' => return (i + 1, attributes),
            b'=' => {
                after_equals = true;
                in_name = false;
            }
            q @ (b'"' | b'\'') if after_equals => {
                match html[i + 1..].iter().position(|&b| b == q) {
                    Some(len) => i += len + 1,
                    None => return (html.len(), attributes),
                }
                after_equals = false;
            }
            b if b.is_ascii_whitespace() || b == b'/' => in_name = false,
            _ => {
                if !after_equals && !in_name {
                    attributes += 1;
                    in_name = true;
                }
                after_equals = false;
            }
        }
        i += 1;
    }
    (html.len(), attributes)
}

/// Where the raw text of a `name` element that starts at `from` ends: at its end tag,
/// which is then read as an ordinary end tag.
fn raw_text_end(html: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(i) = find(html, at, b"</") {
        let candidate = &html[i + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && candidate
                .get(name.len())
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            return i;
        }
        at = i + 2;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_after(html: &str) -> usize {
        let doc = scraper::Html::parse_document(&tame(html));
        doc.tree
            .nodes()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn ordinary_pages_pass_untouched() {
        let rows = [
            "<html><body><div><p>one<p>two</div></body></html>",
            "<ul><li>a<li>b<li>c</ul><table><tr><td>x<td>y<tr><td>z</table>",
            "<p>text <b>bold <i>both</b> italic</i></p>",
            "<script>if (a < b) { document.write('<div>') }</script><div>x</div>",
            "<!-- <div><div><div> --><svg><path/><path/></svg>",
            "<div title='a > b'>x</div><input><br><img src=x>",
        ];
        for html in rows {
            assert!(matches!(tame(html), Cow::Borrowed(_)), "{html}");
        }
    }

    #[test]
    fn deep_nesting_is_cut_but_text_kept() {
        let rows = [
            ("<div>", "</div>"),
            ("<span>", "</span>"),
            ("<b>", "</b>"),
            ("<table><tr><td>", "</td></tr></table>"),
            ("<span><div>", "</span>"),
            ("<div><p>", ""),
            ("<div/>", ""),
            ("<ul><li>", ""),
        ];
        for (open, close) in rows {
            let n = 5_000;
            let html = format!("{}deep text{}", open.repeat(n), close.repeat(n));
            let cut = tame(&html);
            assert!(cut.contains("deep text"), "{open}");
            assert!(depth_after(&html) <= MAX_DEPTH * 3 + 10, "{open}");
        }
    }

    #[test]
    fn unclosed_paragraphs_and_items_are_not_deep() {
        let html = "<div>".to_string() + &"<p>para<li>item".repeat(2_000) + "</div>";
        assert!(matches!(tame(&html), Cow::Borrowed(_)));
    }
}
