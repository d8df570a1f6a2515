//! HTML pages: the article's main text, without navigation, ads and scripts; title,
//! date and author from the page's meta tags.
//!
//! A page goes through four steps: [`guard`] cuts hostile nesting so html5ever stays
//! fast, html5ever (through scraper) parses it, [`meta`] reads its metadata and
//! [`body`] scores its elements to find the article's text in a flat copy of the tree
//! ([`dom`]). JSON-LD `articleBody`, when a page has one, backs up the text found.

mod body;
mod dom;
mod guard;
mod hints;
mod meta;

use std::collections::HashSet;

use scraper::Html;

use super::{Decoded, RawArticle};

/// Decode a page: UTF-8 if it is valid, else the charset it declares, else Windows-1252.
pub fn decode(bytes: &[u8]) -> Decoded {
    let utf8 = super::decode(bytes);
    if !utf8.lossy {
        return utf8;
    }
    match declared_encoding(bytes) {
        // A page that says UTF-8 but is not: keep what is UTF-8, read the rest as
        // Windows-1252 rather than lose it.
        Some(enc) if enc == encoding_rs::UTF_8 => Decoded {
            text: utf8_or_1252(bytes),
            lossy: true,
        },
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            Decoded {
                text: text.into_owned(),
                lossy: had_errors,
            }
        }
        None => utf8,
    }
}

/// The encoding a page declares in its first bytes: `<meta charset>`,
/// `<meta http-equiv content="…; charset=…">` or an XML declaration.
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(16 * 1024)]).to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = head[at..].find('<') {
        let start = at + i + 1;
        let end = head[start..].find('>').map_or(head.len(), |j| start + j);
        at = end;
        let tag = &head[start..end];
        let (kind, key) = if tag.starts_with("meta") {
            ("meta", "charset")
        } else if tag.starts_with("?xml") {
            ("?xml", "encoding")
        } else {
            continue;
        };
        let Some(rest) = tag[kind.len()..].find(key).and_then(|k| {
            tag[kind.len() + k + key.len()..]
                .trim_start()
                .strip_prefix('=')
        }) else {
            continue;
        };
        let label: String = rest
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return Some(enc);
        }
    }
    None
}

/// UTF-8 where the bytes are valid UTF-8, Windows-1252 for the bytes that are not.
fn utf8_or_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        out.push_str(
            &encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(chunk.invalid())
                .0,
        );
    }
    out
}

/// Read the article in a page.
pub fn read_html(text: &str) -> RawArticle {
    let text = guard::tame(text);
    let doc = Html::parse_document(&text);
    let meta = meta::Meta::new(&doc);
    let dom = dom::Dom::new(&doc);
    let ld = meta
        .ld
        .body
        .as_deref()
        .map(linked_data_paragraphs)
        .unwrap_or_default();
    // A long articleBody says which text is the article's.
    let teaser = ld
        .last()
        .is_some_and(|p| p.ends_with("...") || p.ends_with('…'));
    let known = (ld_len(&ld) >= LONG_LINKED_DATA && !teaser).then(|| body::Known {
        words: ld.iter().flat_map(|p| body::words(p)).collect(),
        len: ld_len(&ld),
    });
    let found = body::extract(&dom, known.as_ref());
    let title = meta.title();
    let mut paragraphs = found.paragraphs;
    // The headline often sits at the top of the article's container.
    while paragraphs
        .first()
        .is_some_and(|p| same_text(p, &title) || meta.is_headline(p))
    {
        paragraphs.remove(0);
    }
    if prefer_linked_data(&paragraphs, &ld) {
        paragraphs = ld;
    }
    RawArticle {
        title,
        body: paragraphs.join("\n\n"),
        date: meta.date(found.time.as_deref()),
        source: meta.source(),
        authors: meta.authors(),
        url: meta.url(),
    }
}

fn same_text(a: &str, b: &str) -> bool {
    !b.is_empty() && meta::squash(a) == meta::squash(b)
}

/// The paragraphs of a JSON-LD `articleBody`, which may be plain text or HTML.
fn linked_data_paragraphs(text: &str) -> Vec<String> {
    let looks_html = ["</p>", "<p>", "<p ", "<br", "</div>"]
        .iter()
        .any(|t| text.contains(t));
    if looks_html {
        let frag = Html::parse_fragment(&guard::tame(text));
        let dom = dom::Dom::new(&frag);
        return body::all_paragraphs(&dom);
    }
    meta::unescape(text)
        .split('\n')
        .map(super::clean_line)
        .filter(|p| !p.is_empty())
        .collect()
}

/// How long a JSON-LD `articleBody` must be to be more than a teaser (many sites cut
/// it at 500 characters).
const LONG_LINKED_DATA: usize = 600;

fn ld_len(ld: &[String]) -> usize {
    ld.iter().map(|p| body::text_len(p)).sum()
}

/// Whether the JSON-LD body should replace the text found in the page: when the page
/// gave none, or when it shows less than a long JSON-LD body and misses much of it (a
/// teaser on the page, the whole story in JSON-LD). A page with more text of its own
/// than the JSON-LD body is not replaced by it.
fn prefer_linked_data(found: &[String], ld: &[String]) -> bool {
    let ld_len = ld_len(ld);
    if ld_len == 0 {
        return false;
    }
    if found.is_empty() {
        return true;
    }
    if ld_len < LONG_LINKED_DATA || ld_len <= found.iter().map(|p| body::text_len(p)).sum() {
        return false;
    }
    let found_words: HashSet<String> = found.iter().flat_map(|p| body::words(p)).collect();
    let ld_words: Vec<String> = ld.iter().flat_map(|p| body::words(p)).collect();
    let covered = ld_words.iter().filter(|w| found_words.contains(*w)).count();
    covered * 5 < ld_words.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prose for test pages, long enough to read as article text.
    const P1: &str = "The harbour council of Westmere voted on Tuesday to rebuild the old \
        sea wall, after a winter of storms that flooded the fish market twice.";
    const P2: &str = "Engineers told the council that the new wall would rise a metre \
        higher than the old one, and that the work would take most of two summers.";
    const P3: &str = "Fishing crews, who had asked for the repairs since the first flood, \
        said they would move their boats to the north quay while the builders work.";

    fn article(extra_head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>Page</title>{extra_head}</head><body>{body}</body></html>"
        )
    }

    fn body_of(html: &str) -> String {
        read_html(html).body
    }

    fn paragraphs(ps: &[&str]) -> String {
        ps.iter().map(|p| format!("<p>{p}</p>")).collect()
    }

    #[test]
    fn keeps_the_article_and_drops_boilerplate() {
        let main = paragraphs(&[P1, P2, P3]);
        let rows = [
            (
                "nav",
                "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul><p>Menu text that is long enough to look like prose if it were not in a nav.</p></nav>",
            ),
            (
                "aside",
                "<aside><h3>Related stories</h3><p>Another story about the harbour that is long enough to look like prose, with a summary.</p></aside>",
            ),
            (
                "footer",
                "<footer><p>Copyright Westmere Gazette, all rights reserved, and this footer is long enough to be prose.</p></footer>",
            ),
            (
                "ads",
                "<div class=\"ad-slot\"><p>Buy the best boots for wet weather at our shop today, sale ends on Sunday night for sure.</p></div>",
            ),
            (
                "share",
                "<div class=\"share-buttons\"><a href=#>Facebook</a> <a href=#>Twitter</a> <span>Share this story with all your friends and family today please.</span></div>",
            ),
            (
                "comments",
                "<section id=\"comments\"><p>I think the wall should have been rebuilt years ago, the council is always late with these things.</p></section>",
            ),
            (
                "newsletter",
                "<div class=\"newsletter-signup\"><p>Sign up for our morning newsletter and get the news of the harbour in your inbox every day.</p></div>",
            ),
            (
                "cookie banner",
                "<div id=\"cookie-consent\"><p>We use cookies to make this site work and to understand how you use it, please accept them.</p></div>",
            ),
            (
                "hidden",
                "<div style=\"display: none\"><p>This paragraph is hidden from readers and is long enough to be taken for article prose.</p></div>",
            ),
            (
                "related heading",
                "<div><h2>You may also like</h2><div><p>A story about the lighthouse keeper that is long enough to pass for article text here.</p></div></div>",
            ),
            (
                "caption",
                "<figure><img src=wall.jpg><figcaption>The old sea wall at low tide, seen from the fish market on a grey morning in March.</figcaption></figure>",
            ),
            (
                "form",
                "<form action=/search><label>Search the site for stories about the harbour and the fishing fleet and more</label><input name=q></form>",
            ),
        ];
        for (what, junk) in rows {
            for page in [
                article("", &format!("{junk}<article>{main}</article>")),
                article("", &format!("<article>{main}</article>{junk}")),
                article("", &format!("<div class=\"story-body\">{main}{junk}</div>")),
            ] {
                assert_eq!(body_of(&page), [P1, P2, P3].join("\n\n"), "{what}: {page}");
            }
        }
    }

    #[test]
    fn keeps_headings_and_list_items_inside_the_article() {
        let page = article(
            "",
            &format!(
                "<article><p>{P1}</p><h2>What the wall will cost</h2><p>{P2}</p>\
                 <ul><li>Stone from the Carrow quarry</li><li>Steel piles driven into the bay</li></ul>\
                 <p>{P3}</p></article>"
            ),
        );
        assert_eq!(
            body_of(&page),
            [
                P1,
                "What the wall will cost",
                P2,
                "Stone from the Carrow quarry",
                "Steel piles driven into the bay",
                P3
            ]
            .join("\n\n")
        );
    }

    #[test]
    fn inside_the_article_keeps_sentences_and_drops_clutter() {
        let linked = "The mayor was <a href=/a>fined by the harbour authority last spring</a>.";
        let rows = [
            // A sentence stays however much of it is a link.
            (
                linked,
                Some("The mayor was fined by the harbour authority last spring."),
            ),
            // An address the writer pasted is not a menu.
            (
                "<p>Source: <a href=/r>https://harbour.example/report.pdf</a></p>",
                Some("Source: https://harbour.example/report.pdf"),
            ),
            // A list of links goes.
            (
                "<ul><li><a href=/a>Storm closes ferry</a></li><li><a href=/b>Quay reopens</a></li></ul>",
                None,
            ),
            // So do ad labels, in any language, and post filing lines.
            ("<p>Advertisement</p>", None),
            ("<p>Publicidade</p>", None),
            ("<div>Anzeige</div>", None),
            ("<p>Filed under: Harbour | Council</p>", None),
            // And captions that sit in a block named for its image.
            (
                "<div class=\"image top\"><img src=a.jpg><p>The wall at low tide.</p></div>",
                None,
            ),
        ];
        for (inner, kept) in rows {
            let page = article(
                "",
                &format!("<article><p>{P1}</p>{inner}<p>{P2}</p></article>"),
            );
            let want = match kept {
                Some(k) => [P1, k, P2].join("\n\n"),
                None => [P1, P2].join("\n\n"),
            };
            assert_eq!(body_of(&page), want, "{inner}");
        }
    }

    #[test]
    fn double_line_breaks_split_paragraphs() {
        let page = article(
            "",
            &format!("<div class=\"post\">{P1}<br><br>{P2}<br>{P3}</div>"),
        );
        assert_eq!(body_of(&page), format!("{P1}\n\n{P2}\n{P3}"));
    }

    #[test]
    fn json_ld_article_body_stands_in_for_a_thin_page() {
        let ld = format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Council votes to rebuild the sea wall","articleBody":"{P1}\n{P2}\n{P3}\n{P1}"}}</script>"#
        );
        // The page itself shows a teaser only.
        let page = article(&ld, "<div id=app><p>Loading the story…</p></div>");
        assert_eq!(body_of(&page), [P1, P2, P3, P1].join("\n\n"));
        // A page that shows the article keeps its own text and paragraphs.
        let page = article(
            &ld,
            &format!("<article>{}</article>", paragraphs(&[P1, P2, P3, P1])),
        );
        assert_eq!(body_of(&page), [P1, P2, P3, P1].join("\n\n"));
        // An articleBody written as HTML, as some sites do.
        let ld = format!(
            r#"<script type="application/ld+json">{{"@type":"Article","articleBody":"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P2}</p>"}}</script>"#
        );
        assert_eq!(body_of(&article(&ld, "")), [P1, P2, P3, P2].join("\n\n"));
    }

    #[test]
    fn json_ld_article_body_picks_the_article_among_blocks_of_prose() {
        let p4 = "The council will pay for the work from its reserves, and the harbour \
            master said the fish market would stay open through both summers of building.";
        let other = [
            "Letters to the editor this week were mostly about the new bus timetable, \
             which several readers said leaves the villages without a service on Sundays.",
            "One reader wrote at length about the hedges along the coast road, which she \
             said have not been cut back properly since the county took over the work.",
            "Another asked why the library closes at four on weekdays when most people \
             who work in town cannot reach it before half past five in the evening.",
        ];
        let p5 = "Work on the northern half of the wall is due to start in April, once \
            the last of the winter storms has passed and the tides are lower again.";
        let p6 = "A public meeting about the plans will be held in the fish market hall \
            next Thursday evening, and the drawings can be seen at the council office.";
        let story = [P1, P2, P3, p4, p5, p6];
        let page = |head: &str| {
            article(
                head,
                &format!(
                    "<div class=\"a\">{}</div><div class=\"b\">{}{}</div>",
                    paragraphs(&story),
                    paragraphs(&other),
                    paragraphs(&other)
                ),
            )
        };
        // Without JSON-LD both blocks read as the article.
        let both = body_of(&page(""));
        assert!(both.contains(P1) && both.contains(other[0]), "{both}");
        let ld = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{}"}}</script>"#,
            story.join(" ")
        );
        assert_eq!(body_of(&page(&ld)), story.join("\n\n"));
        // An articleBody the page does not bear out (another story) steers nothing.
        let elsewhere = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{}"}}</script>"#,
            "A ferry ran aground off the point in thick fog, and its passengers were \
             taken ashore by the lifeboat crew without injury. "
                .repeat(6)
        );
        assert_eq!(body_of(&page(&elsewhere)), both);
    }

    #[test]
    fn reads_json_ld_as_sites_write_it() {
        let rows = [
            r#"{"@type":"NewsArticle","headline":"A","datePublished":"2019-11-19",}"#,
            "{\"@type\":\"NewsArticle\",\"headline\":\"A\",\n// a comment\n\"datePublished\":\"2019-11-19\"}",
            "{'@type':'NewsArticle','headline':'A','datePublished':'2019-11-19'}",
            "{\"@type\":\"NewsArticle\",\"headline\":\"A\nB\",\"datePublished\":\"2019-11-19\"}",
            r#"{"@graph":[{"@type":"WebSite","name":"W"},{"@type":"NewsArticle","headline":"A","datePublished":"2019-11-19"}]}"#,
            r#"[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"A","datePublished":"2019-11-19"}]"#,
        ];
        for json in rows {
            let page = article(
                &format!(r#"<script type="application/ld+json">{json}</script>"#),
                &paragraphs(&[P1, P2]),
            );
            let raw = read_html(&page);
            assert_eq!(raw.date.as_deref(), Some("2019-11-19"), "{json}");
            assert!(raw.title.starts_with('A'), "{json}: {}", raw.title);
        }
    }

    #[test]
    fn titles_by_source_and_without_site_names() {
        let rows = [
            (
                r#"<meta property="og:title" content="From OG">"#,
                "",
                "From OG",
            ),
            (
                r#"<meta name="twitter:title" content="From Twitter">"#,
                "",
                "From Twitter",
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script>"#,
                "",
                "From JSON-LD",
            ),
            ("", "<h1>From H1</h1>", "From H1"),
            ("", "", "Page"),
            (
                r#"<meta property="og:site_name" content="Westmere Gazette"><meta property="og:title" content="Sea wall to be rebuilt | Westmere Gazette">"#,
                "",
                "Sea wall to be rebuilt",
            ),
            (
                r#"<meta property="og:site_name" content="Westmere Gazette"><meta property="og:title" content="Sea wall to be rebuilt - News - Westmere Gazette">"#,
                "",
                "Sea wall to be rebuilt - News",
            ),
            (
                r#"<link rel="canonical" href="https://www.gazette.example/news/1"><meta property="og:title" content="Sea wall to be rebuilt — Gazette">"#,
                "",
                "Sea wall to be rebuilt",
            ),
            // Without a known site name, a dash in a headline stays.
            (
                r#"<meta property="og:title" content="Wall vote - a long time coming">"#,
                "",
                "Wall vote - a long time coming",
            ),
        ];
        for (head, body, want) in rows {
            let page = article(head, &format!("{body}{}", paragraphs(&[P1, P2])));
            assert_eq!(read_html(&page).title, want, "{head}{body}");
        }
    }

    #[test]
    fn title_suffix_in_the_title_element() {
        let page = format!(
            r#"<html><head><title>Sea wall to be rebuilt | Westmere Gazette</title>
            <meta property="og:site_name" content="Westmere Gazette"></head>
            <body>{}</body></html>"#,
            paragraphs(&[P1, P2])
        );
        let raw = read_html(&page);
        assert_eq!(raw.title, "Sea wall to be rebuilt");
        assert_eq!(raw.source.as_deref(), Some("Westmere Gazette"));
    }

    #[test]
    fn dates_by_source() {
        let rows = [
            (
                r#"<meta property="article:published_time" content="2019-11-19T08:00:00Z">"#,
                "",
                "2019-11-19T08:00:00Z",
            ),
            (
                r#"<meta property="og:published_time" content="2019-11-18">"#,
                "",
                "2019-11-18",
            ),
            (
                r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-11-17"}</script>"#,
                "",
                "2019-11-17",
            ),
            (
                r#"<meta name="date" content="2019-11-16">"#,
                "",
                "2019-11-16",
            ),
            (
                r#"<meta name="pubdate" content="20191115">"#,
                "",
                "20191115",
            ),
            (
                r#"<meta name="publishdate" content="2019-11-14">"#,
                "",
                "2019-11-14",
            ),
            (
                r#"<meta name="DC.date.issued" content="2019-11-13">"#,
                "",
                "2019-11-13",
            ),
            (
                r#"<meta name="sailthru.date" content="2019-11-12 10:00:00">"#,
                "",
                "2019-11-12 10:00:00",
            ),
            (
                r#"<meta name="parsely-pub-date" content="2019-11-11T10:00:00Z">"#,
                "",
                "2019-11-11T10:00:00Z",
            ),
            (
                "",
                r#"<time datetime="2019-11-10T09:00">10 Nov</time>"#,
                "2019-11-10T09:00",
            ),
            (
                "",
                r#"<span itemprop="datePublished" content="2019-11-08">8 Nov</span>"#,
                "2019-11-08",
            ),
            // JSON-LD too broken to read still gives its date.
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"say "hi"","datePublished":"2019-11-07"}</script>"#,
                "",
                "2019-11-07",
            ),
            // A date on the page's WebPage object, not on a related story's.
            (
                r#"<script type="application/ld+json">[{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","datePublished":"2001-01-01"}]},{"@type":"WebPage","datePublished":"2019-11-06"}]</script>"#,
                "",
                "2019-11-06",
            ),
            // The first date that reads as one wins over an unreadable one.
            (
                r#"<meta property="article:published_time" content="soon"><meta name="date" content="2019-11-09">"#,
                "",
                "2019-11-09",
            ),
        ];
        for (head, in_article, want) in rows {
            let page = article(
                head,
                &format!("<article>{in_article}{}</article>", paragraphs(&[P1, P2])),
            );
            assert_eq!(
                read_html(&page).date.as_deref(),
                Some(want),
                "{head}{in_article}"
            );
        }
        assert_eq!(read_html(&article("", &paragraphs(&[P1]))).date, None);
    }

    #[test]
    fn authors_by_source() {
        let rows: [(&str, &str, &[&str]); 13] = [
            (
                r#"<meta name="author" content="Ada Brook">"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<meta name="author" content="By Ada Brook and Tom Reed">"#,
                "",
                &["Ada Brook", "Tom Reed"],
            ),
            (
                r#"<meta property="article:author" content="Ada Brook">"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<meta property="article:author" content="https://www.facebook.com/adabrook">"#,
                "",
                &[],
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","author":"Ada Brook"}</script>"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ada Brook"}}</script>"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ada Brook"},{"name":"Tom Reed"}]}</script>"#,
                "",
                &["Ada Brook", "Tom Reed"],
            ),
            (
                "",
                r#"<a rel="author" href="/staff/ada">Ada Brook</a>"#,
                &["Ada Brook"],
            ),
            (
                "",
                r#"<div itemprop="author" itemscope><span itemprop="name">By Ada Brook</span></div>"#,
                &["Ada Brook"],
            ),
            // Bylines carry jobs and outlets; some shout.
            (
                r#"<meta name="author" content="ADA BROOK, Gazette Staff Writer">"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<meta property="og:site_name" content="Westmere Gazette"><meta name="author" content="Ada Brook, Westmere Gazette">"#,
                "",
                &["Ada Brook"],
            ),
            (
                r#"<meta property="og:site_name" content="Westmere Gazette"><meta name="author" content="Westmere Gazette">"#,
                "",
                &["Westmere Gazette"],
            ),
            (
                r#"<meta name="author" content="Brook, Ada">"#,
                "",
                &["Brook, Ada"],
            ),
        ];
        for (head, in_body, want) in rows {
            let page = article(head, &format!("{in_body}{}", paragraphs(&[P1, P2])));
            assert_eq!(read_html(&page).authors, want, "{head}{in_body}");
        }
    }

    #[test]
    fn source_and_url_by_source() {
        let rows = [
            (
                r#"<meta property="og:site_name" content="Westmere Gazette">"#,
                Some("Westmere Gazette"),
                None,
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Gazette Media"}}</script>"#,
                Some("Gazette Media"),
                None,
            ),
            (
                r#"<link rel="canonical" href="https://gazette.example/a/1">"#,
                None,
                Some("https://gazette.example/a/1"),
            ),
            (
                r#"<meta property="og:url" content="https://gazette.example/a/2">"#,
                None,
                Some("https://gazette.example/a/2"),
            ),
            (
                r#"<link rel="canonical" href="/a/3"><meta property="og:url" content="https://gazette.example/a/3">"#,
                None,
                Some("https://gazette.example/a/3"),
            ),
        ];
        for (head, source, url) in rows {
            let raw = read_html(&article(head, &paragraphs(&[P1, P2])));
            assert_eq!(raw.source.as_deref(), source, "{head}");
            assert_eq!(raw.url.as_deref(), url, "{head}");
        }
    }

    #[test]
    fn decodes_by_declared_charset() {
        let rows: [(&[u8], &str); 5] = [
            (b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xe9 cr\xe8me</p></body></html>", "café crème"),
            (b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>", "Москва"),
            (b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><p>\xb3\xf3d\xbc</p>", "łódź"),
            // Says UTF-8 but holds a stray Latin-1 byte: keep the UTF-8, read the byte.
            ("<meta charset=\"utf-8\"><p>caf\u{e9} ".as_bytes(), "café"),
            // Valid UTF-8 wins over a wrong declaration.
            ("<meta charset=\"iso-8859-1\"><p>caf\u{e9}</p>".as_bytes(), "café"),
        ];
        for (bytes, want) in rows {
            let text = decode(bytes).text;
            assert!(text.contains(want), "{text}");
        }
        let mixed = [b"<meta charset=\"utf-8\"><p>caf\xc3\xa9 \xe9t\xe9</p>".as_slice()].concat();
        let d = decode(&mixed);
        assert!(d.lossy);
        assert!(d.text.contains("café été"), "{}", d.text);
        let d = decode(b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>");
        assert!(!d.lossy, "a declared charset is not a fallback");
    }

    #[test]
    fn survives_100000_nested_divs() {
        let n = 100_000;
        let page = format!(
            "<html><body>{}<p>{P1}</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let started = std::time::Instant::now();
        assert_eq!(body_of(&page), P1);
        // Seconds even in a debug build; minutes without the depth guard.
        assert!(started.elapsed().as_secs() < 30);
    }

    #[test]
    fn survives_hostile_shapes() {
        let rows = [
            "<span>".repeat(50_000),
            "<b><i>".repeat(30_000),
            "<table><tr><td>".repeat(20_000),
            "<p>".repeat(100_000),
            "<li>x".repeat(50_000),
            "<a href=x>".repeat(30_000),
            format!("<div {}>", "a=1 ".repeat(20_000)),
            "<!--".repeat(10_000),
            "<script>".repeat(10_000),
            "<svg><g>".repeat(20_000),
            String::from_utf8_lossy(&[0xff; 10_000]).into_owned(),
        ];
        for page in rows {
            let _ = read_html(&page);
        }
    }

    #[test]
    fn a_page_without_an_article() {
        // Only navigation: no body, so the caller reports "no article body".
        let page = article(
            "",
            "<nav><a href=/>Home</a> <a href=/news>News</a></nav><footer>© Gazette</footer>",
        );
        assert_eq!(body_of(&page), "");
        assert_eq!(body_of(""), "");
        // A one-line article is still an article.
        let page = article(
            "",
            "<nav><a href=/>Home</a></nav><article><p>The wall vote passed.</p></article>",
        );
        assert_eq!(body_of(&page), "The wall vote passed.");
        // One block of text and nothing else: that block.
        let page = article(
            "",
            "<div><span>Opening hours: the harbour office is open every weekday from nine until five.</span></div>",
        );
        assert_eq!(
            body_of(&page),
            "Opening hours: the harbour office is open every weekday from nine until five."
        );
    }

    #[test]
    fn drops_the_headline_at_the_top_of_the_article() {
        let page = article(
            r#"<meta property="og:title" content="Sea wall to be rebuilt">"#,
            &format!(
                "<article><h1>Sea wall to be rebuilt</h1>{}</article>",
                paragraphs(&[P1, P2])
            ),
        );
        assert_eq!(body_of(&page), [P1, P2].join("\n\n"));
    }
}
