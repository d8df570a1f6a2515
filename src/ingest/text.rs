//! Plain-text articles: the first non-empty line is the title, then an optional block
//! of `Key: value` header lines (date, source, author, url), then the body.

use super::RawArticle;

/// The header keys we understand, and the field each fills.
fn header_field(key: &str) -> Option<&'static str> {
    let key = key.trim().to_ascii_lowercase();
    Some(match key.as_str() {
        "date" | "published" | "publication date" | "pubdate" | "dateline date" => "date",
        "source" | "publication" | "outlet" | "publisher" => "source",
        "author" | "authors" | "by" | "byline" => "author",
        "url" | "link" => "url",
        "title" | "headline" => "title",
        _ => return None,
    })
}

/// Split `Key: value` if the key is one we know.
fn header_line(line: &str) -> Option<(&'static str, &str)> {
    let (key, value) = line.split_once(':')?;
    Some((header_field(key)?, value.trim()))
}

pub fn read_text(text: &str) -> RawArticle {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.lines().peekable();
    let mut raw = RawArticle::default();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    // A file that starts with a header block has no title line of its own.
    if let Some(first) = lines.peek()
        && header_line(first).is_none()
    {
        raw.title = first.trim().to_string();
        lines.next();
    }
    // The header block runs until the first line that is not a known `Key: value`.
    while let Some(line) = lines.peek() {
        let Some((field, value)) = header_line(line) else {
            break;
        };
        match field {
            "date" => raw.date = Some(value.to_string()),
            "source" => raw.source = Some(value.to_string()),
            "author" => raw.authors = super::json::split_authors(value),
            "url" => raw.url = Some(value.to_string()),
            "title" if raw.title.is_empty() => raw.title = value.to_string(),
            _ => {}
        }
        lines.next();
    }
    raw.body = normalize_paragraphs(&lines.collect::<Vec<_>>().join("\n"));
    raw
}

/// Trim lines, and keep paragraphs apart by exactly one blank line.
pub fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_header_body() {
        let raw = read_text(
            "Leaders meet\nDate: 2017-11-21\nSource: Northgate Wire\nAuthor: A. Writer\nURL: https://example.org/a\n\nFirst paragraph.\n\n\nSecond: with a colon.\n",
        );
        assert_eq!(raw.title, "Leaders meet");
        assert_eq!(raw.date.as_deref(), Some("2017-11-21"));
        assert_eq!(raw.source.as_deref(), Some("Northgate Wire"));
        assert_eq!(raw.authors, vec!["A. Writer"]);
        assert_eq!(raw.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(raw.body, "First paragraph.\n\nSecond: with a colon.");
    }

    #[test]
    fn bbc_shape_has_no_header() {
        let raw = read_text("Labour plans pay rise\n\nMaternity pay: to rise.\n\nMore.\n");
        assert_eq!(raw.title, "Labour plans pay rise");
        assert_eq!(raw.date, None);
        assert_eq!(raw.body, "Maternity pay: to rise.\n\nMore.");
    }

    #[test]
    fn a_body_line_with_a_colon_is_not_a_header() {
        let raw = read_text("Title\nWarning: storms ahead.\nMore text.");
        assert_eq!(raw.body, "Warning: storms ahead.\nMore text.");
    }

    #[test]
    fn crlf_and_leading_blank_lines() {
        let raw = read_text("\r\n\r\nTitle\r\n\r\nBody line.\r\n");
        assert_eq!(raw.title, "Title");
        assert_eq!(raw.body, "Body line.");
    }
}
