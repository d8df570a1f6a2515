//! JSON articles: one object, an array of objects, an object wrapping an array
//! (`{"articles": [...]}`), or JSON Lines. Field names are the ones real news datasets
//! use (AllSides, news-please, NewsAPI, schema.org's NewsArticle, CC-News, …).

use serde_json::{Map, Value};

use super::RawArticle;

const TITLE: &[&str] = &["title", "headline", "name"];
/// `content_original` comes before `content`: AllSides masks the outlet's name in
/// `content` and keeps the real text in `content_original`.
const BODY: &[&str] = &[
    "body",
    "content_original",
    "articleBody",
    "article_body",
    "maintext",
    "text",
    "content",
    "full_text",
    "story",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "published_at",
    "date_publish",
    "publish_date",
    "datePublished",
    "pubDate",
    "publication_date",
    "created_at",
];
const URL: &[&str] = &["url", "link", "canonical_url", "web_url"];
const SOURCE: &[&str] = &[
    "source",
    "publication",
    "outlet",
    "source_domain",
    "publisher",
    "source_name",
    "site_name",
];
const AUTHOR: &[&str] = &["authors", "author", "byline", "creator"];
const WRAPPERS: &[&str] = &["articles", "data", "items", "results", "docs", "response"];

/// Read a `.json` file: every article it holds, or why it holds none.
pub fn read_json(text: &str) -> Result<Vec<Result<RawArticle, String>>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    match value {
        Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| record(v).map_err(|e| format!("record {}: {e}", i + 1)))
            .collect()),
        Value::Object(ref map) => {
            if field(map, BODY).is_none()
                && let Some(items) = WRAPPERS.iter().find_map(|k| match map.get(*k) {
                    Some(Value::Array(items)) => Some(items),
                    Some(Value::Object(inner)) => match field(inner, WRAPPERS) {
                        Some(Value::Array(items)) => Some(items),
                        _ => None,
                    },
                    _ => None,
                })
            {
                return Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| record(v).map_err(|e| format!("record {}: {e}", i + 1)))
                    .collect());
            }
            // `{"id1": {article}, "id2": {article}}`: a map of records.
            let all_records = !map.is_empty()
                && map
                    .values()
                    .all(|v| matches!(v, Value::Object(m) if field(m, BODY).is_some()));
            if field(map, BODY).is_none() && all_records {
                return Ok(map.values().map(record).collect());
            }
            Ok(vec![record(&value)])
        }
        _ => Err("JSON holds no article object".to_string()),
    }
}

/// Read one line of a JSON Lines file; `None` for a blank line.
pub fn read_json_line(line: &str, line_no: usize) -> Option<Result<RawArticle, String>> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    Some(match serde_json::from_str::<Value>(line) {
        Ok(v) => record(&v).map_err(|e| format!("line {line_no}: {e}")),
        Err(e) => Err(format!("line {line_no}: invalid JSON: {e}")),
    })
}

/// Read a whole JSON Lines text held in memory.
pub fn read_json_lines_str(text: &str) -> Vec<Result<RawArticle, String>> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| read_json_line(l, i + 1))
        .collect()
}

fn field<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| match map.get(*n) {
        Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        other => other,
    })
}

/// The text of a value that may be a string, a number, a list of strings or an object
/// with a `name`/`text` (schema.org nests authors and publishers that way).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(m) => field(m, &["name", "text", "value", "title", "href"]).and_then(text_of),
        _ => None,
    }
}

fn record(v: &Value) -> Result<RawArticle, String> {
    let Value::Object(map) = v else {
        return Err("not a JSON object".to_string());
    };
    let mut raw = RawArticle {
        title: field(map, TITLE).and_then(text_of).unwrap_or_default(),
        body: field(map, BODY)
            .and_then(text_of)
            .map(|b| super::text::normalize_paragraphs(&b))
            .unwrap_or_default(),
        date: field(map, DATE).and_then(date_text),
        source: field(map, SOURCE).and_then(text_of),
        url: field(map, URL).and_then(text_of),
        authors: Vec::new(),
    };
    if let Some(a) = field(map, AUTHOR) {
        raw.authors = match a {
            Value::Array(items) => items.iter().filter_map(text_of).collect(),
            other => text_of(other)
                .map(|s| split_authors(&s))
                .unwrap_or_default(),
        };
    }
    Ok(raw)
}

/// Dates may be strings, Unix timestamps (seconds or milliseconds) or `{"$date": …}`.
fn date_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => {
            let n = n.as_i64()?;
            let secs = if n > 100_000_000_000 { n / 1000 } else { n };
            chrono::DateTime::from_timestamp(secs, 0).map(|d| d.to_rfc3339())
        }
        Value::Object(m) => m.get("$date").and_then(date_text),
        other => text_of(other),
    }
}

/// Split a byline into names: "By Ana Ruiz and Tom Lee", "Ruiz, Ana" stays one name.
pub fn split_authors(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(s);
    let parts: Vec<&str> = s
        .split([';', '|', '\n'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .collect();
    let mut out = Vec::new();
    for part in parts {
        let commas: Vec<&str> = part.split(',').map(str::trim).collect();
        // "Ruiz, Ana" is one person written surname first; "Ana Ruiz, Tom Lee" is two.
        if commas.len() == 2 && commas.iter().all(|c| !c.contains(' ')) {
            out.push(part.trim().to_string());
        } else {
            out.extend(commas.iter().map(|c| c.to_string()));
        }
    }
    out.retain(|a| !a.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> RawArticle {
        read_json(json).unwrap().pop().unwrap().unwrap()
    }

    #[test]
    fn allsides_fields() {
        let raw = one(
            r#"{"title":"T","content":"masked ███","content_original":"Real text.","date":"2018-07-17","authors":"Jonathan Doe","source":"Reuters","url":"https://example.org"}"#,
        );
        assert_eq!(raw.title, "T");
        assert_eq!(raw.body, "Real text.");
        assert_eq!(raw.date.as_deref(), Some("2018-07-17"));
        assert_eq!(raw.authors, vec!["Jonathan Doe"]);
        assert_eq!(raw.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn other_dataset_field_names() {
        let rows = [
            r#"{"headline":"H","articleBody":"B","datePublished":"2019-01-02","author":{"name":"A B"},"publisher":{"name":"P"}}"#,
            r#"{"title":"H","maintext":"B","date_publish":"2019-01-02 10:00:00","authors":["A B"],"source_domain":"P"}"#,
            r#"{"title":"H","text":"B","publishedAt":"2019-01-02T10:00:00Z","byline":"By A B","outlet":"P"}"#,
            r#"{"title":"H","content":"B","publish_date":"2019-01-02","author":"A B","publication":"P"}"#,
        ];
        for json in rows {
            let raw = one(json);
            assert_eq!(raw.title, "H", "{json}");
            assert_eq!(raw.body, "B", "{json}");
            assert!(raw.date.is_some(), "{json}");
            assert_eq!(raw.authors, vec!["A B"], "{json}");
            assert_eq!(raw.source.as_deref(), Some("P"), "{json}");
        }
    }

    #[test]
    fn arrays_and_wrappers() {
        assert_eq!(
            read_json(r#"[{"body":"a"},{"body":"b"}]"#).unwrap().len(),
            2
        );
        assert_eq!(
            read_json(
                r#"{"status":"ok","articles":[{"content":"a"},{"content":"b"},{"content":"c"}]}"#
            )
            .unwrap()
            .len(),
            3
        );
    }

    #[test]
    fn map_of_records() {
        let recs = read_json(r#"{"a1":{"articleBody":"x"},"b2":{"articleBody":"y"}}"#).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].as_ref().unwrap().body, "y");
        // An article with nested objects is still one article.
        let recs = read_json(r#"{"body":"x","author":{"name":"A"}}"#).unwrap();
        assert_eq!(recs.len(), 1);
    }

    #[test]
    fn broken_and_odd_json() {
        assert!(
            read_json("{\"title\": ")
                .unwrap_err()
                .starts_with("invalid JSON")
        );
        assert!(read_json("42").is_err());
        let deep = "[".repeat(100_000);
        assert!(read_json(&deep).is_err());
        let recs = read_json(r#"[{"body":"a"}, 7]"#).unwrap();
        assert_eq!(recs[1].as_ref().unwrap_err(), "record 2: not a JSON object");
    }

    #[test]
    fn timestamps() {
        let raw = one(r#"{"body":"b","date":1511222400}"#);
        assert!(raw.date.unwrap().starts_with("2017-11-21"));
        let raw = one(r#"{"body":"b","date":1511222400000}"#);
        assert!(raw.date.unwrap().starts_with("2017-11-21"));
    }

    #[test]
    fn authors() {
        let rows: [(&str, &[&str]); 5] = [
            ("By Ana Ruiz and Tom Lee", &["Ana Ruiz", "Tom Lee"]),
            ("Ana Ruiz, Tom Lee", &["Ana Ruiz", "Tom Lee"]),
            ("Ruiz, Ana", &["Ruiz, Ana"]),
            ("Ana Ruiz; Tom Lee", &["Ana Ruiz", "Tom Lee"]),
            ("", &[]),
        ];
        for (input, want) in rows {
            assert_eq!(split_authors(input), want, "{input}");
        }
    }
}
