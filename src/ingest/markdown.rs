//! Markdown articles: YAML-style (`---`) or TOML-style (`+++`) front matter for the
//! metadata, then Markdown rendered down to plain paragraphs.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::RawArticle;

pub fn read_markdown(text: &str) -> RawArticle {
    let text = text.replace("\r\n", "\n");
    let (front, body) = split_front_matter(&text);
    let mut raw = RawArticle::default();
    if let Some(front) = front {
        read_front_matter(front, &mut raw);
    }
    let (heading, body) = render(body);
    if raw.title.is_empty()
        && let Some(h) = heading
    {
        raw.title = h;
    }
    raw.body = body;
    raw
}

fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    for fence in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(fence)
            && rest.starts_with('\n')
        {
            let rest = &rest[1..];
            let close = format!("\n{fence}");
            if let Some(after) = rest.strip_prefix(fence) {
                return (Some(""), after.trim_start_matches('\n'));
            }
            if let Some(end) = rest.find(&close) {
                let after = &rest[end + close.len()..];
                let after = after.split_once('\n').map_or("", |(_, b)| b);
                return (Some(&rest[..end]), after);
            }
        }
    }
    (None, text)
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// The subset of YAML (and TOML) that front matter uses: `key: value`, `key = value`,
/// inline lists `[a, b]` and block lists of `- item` lines.
fn read_front_matter(front: &str, raw: &mut RawArticle) {
    let mut current_list: Option<String> = None;
    for line in front.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            if current_list.as_deref() == Some("authors") {
                raw.authors.push(unquote(item).to_string());
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':').or_else(|| trimmed.split_once('=')) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        let field = match key.as_str() {
            "title" | "headline" => "title",
            "date" | "published" | "publishdate" | "publish_date" | "pubdate" => "date",
            "source" | "publication" | "outlet" | "publisher" => "source",
            "author" | "authors" | "byline" | "by" => "authors",
            "url" | "link" | "canonical" => "url",
            _ => {
                current_list = None;
                continue;
            }
        };
        current_list = Some(field.to_string());
        if value.is_empty() {
            continue;
        }
        match field {
            "title" => raw.title = unquote(value).to_string(),
            "date" => raw.date = Some(unquote(value).to_string()),
            "source" => raw.source = Some(unquote(value).to_string()),
            "url" => raw.url = Some(unquote(value).to_string()),
            _ => {
                if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                    raw.authors
                        .extend(inner.split(',').map(|a| unquote(a).to_string()));
                } else {
                    raw.authors
                        .extend(super::json::split_authors(unquote(value)));
                }
            }
        }
    }
    raw.authors.retain(|a| !a.trim().is_empty());
}

/// Plain text of the Markdown, one paragraph per block, and the first heading.
fn render(md: &str) -> (Option<String>, String) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut first_heading = None;
    let mut in_heading = false;
    let mut in_image = 0usize;
    let mut heading_text = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current.trim();
        if !p.is_empty() {
            paragraphs.push(p.to_string());
        }
        current.clear();
    };
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut paragraphs);
                in_heading = true;
                heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                let h = heading_text.trim().to_string();
                // The first heading of a file without a title is its title, not body.
                if first_heading.is_none() && paragraphs.is_empty() {
                    first_heading = Some(h);
                } else if !h.is_empty() {
                    paragraphs.push(h);
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableRow) => {
                flush(&mut current, &mut paragraphs)
            }
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                if in_heading {
                    heading_text.push_str(&t);
                } else {
                    current.push_str(&t);
                }
            }
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    (first_heading, paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let raw = read_markdown(
            "---\ntitle: \"Talks in Geneva\"\ndate: 2017-11-21\nsource: The Meridian Ledger\nauthors:\n  - Ana Ruiz\n  - Tom Lee\nurl: https://example.org/x\n---\n\nFirst *para* with a [link](https://example.org).\n\n## Sub\n\nSecond\nline.\n",
        );
        assert_eq!(raw.title, "Talks in Geneva");
        assert_eq!(raw.date.as_deref(), Some("2017-11-21"));
        assert_eq!(raw.authors, vec!["Ana Ruiz", "Tom Lee"]);
        assert_eq!(raw.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(raw.body, "First para with a link.\n\nSub\n\nSecond line.");
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let raw = read_markdown("# The headline\n\nBody ![img](a.png) text.\n");
        assert_eq!(raw.title, "The headline");
        assert_eq!(raw.body, "Body  text.");
    }

    #[test]
    fn inline_author_list_and_toml() {
        let raw = read_markdown("+++\ntitle = \"T\"\nauthors = [\"A B\", \"C D\"]\n+++\nBody.\n");
        assert_eq!(raw.title, "T");
        assert_eq!(raw.authors, vec!["A B", "C D"]);
        assert_eq!(raw.body, "Body.");
    }
}
