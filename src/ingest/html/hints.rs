//! What an element's tag, class, id and role say about it: part of an article, or
//! boilerplate (navigation, sharing, ads, related stories, comments, …).

use super::dom::Node;

/// What the markup of one element says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    /// Words like article, story, content, entry, post.
    Article,
    /// `itemprop="articleBody"` or class names that mean exactly the article's body.
    ArticleBody,
    /// Navigation, share buttons, ads, captions and the like, unless it holds most of
    /// the page's text (a site whose whole layout sits in a `<div class="sidebar-x">`).
    Boilerplate,
    /// Comments, related stories, newsletters, cookie banners: never the article,
    /// however much text they hold.
    Never,
}

/// Words in class names and ids that mark a part of the page that is never the article.
const NEVER: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "respond",
    "replies",
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "recirculation",
    "outbrain",
    "taboola",
    "newsletter",
    "newsletters",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "trending",
    "mostread",
    "mostpopular",
    "popular",
    "paywall",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promos",
    "sponsored",
    "sponsor",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "adslot",
    "adunit",
    "adsense",
    "dfp",
    "share",
    "sharing",
    "sharebar",
    "social",
    "sociallinks",
];

/// Words that mark boilerplate, which a safety net may still keep.
const BOILERPLATE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "masthead",
    "header",
    "sidebar",
    "aside",
    "rail",
    "widget",
    "widgets",
    "banner",
    "caption",
    "captions",
    "credit",
    "credits",
    "copyright",
    "byline",
    "dateline",
    "timestamp",
    "tags",
    "tag",
    "keywords",
    "pagination",
    "pager",
    "popup",
    "modal",
    "overlay",
    "lightbox",
    "toolbar",
    "tools",
    "print",
    "skip",
    "hidden",
    "hide",
    "sronly",
    "offscreen",
    "login",
    "follow",
    "author",
    "bio",
    "meta",
    "carousel",
    "slideshow",
    "gallery",
    "thumbnail",
    "thumb",
    "video",
    "player",
    "email",
    "rss",
    "search",
    "btn",
    "button",
    "icon",
    "logo",
    "badge",
    "kicker",
    "headline",
    "more",
    "next",
    "prev",
    "previous",
    "image",
    "img",
    "photo",
    "picture",
    "tooltip",
    "popover",
    "hovercard",
    "rollover",
];

/// Stems that mark boilerplate even inside a longer word ("relatedpoststitle",
/// "sharebuttons"): distinctive enough not to turn up in names of article parts.
const NEVER_STEMS: &[&str] = &[
    "related",
    "comment",
    "sidebar",
    "newsletter",
    "outbrain",
    "taboola",
    "advert",
    "sharing",
    "sharebar",
    "socialshare",
    "cookie",
    "disqus",
    "recommend",
    "subscribe",
    "breadcrumb",
];

/// Words that mark the article or its text.
const ARTICLE: &[&str] = &[
    "article", "story", "content", "entry", "post", "body", "text", "main", "blog", "prose",
    "richtext", "rte", "copy", "hentry",
];

/// Parts of class names that mean the article's body itself, squashed (no `-` or `_`):
/// "RichTextArticleBody", "c-entry-content".
const ARTICLE_BODY: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articlebodytext",
    "storybody",
    "storycontent",
    "storytext",
    "entrycontent",
    "entrybody",
    "postcontent",
    "postbody",
    "posttext",
    "bodytext",
    "articlebodycontent",
    "contentbody",
    "mainarticle",
];

/// Roles that mark boilerplate.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
    "tablist",
];

/// Tags that hold boilerplate.
const BOILERPLATE_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "figcaption",
    "figure",
    "dialog",
    "menu",
    "address",
];

/// What `node`'s markup says about it.
pub fn hint(node: &Node<'_>) -> Hint {
    let Some(e) = node.element() else {
        return Hint::None;
    };
    if e.attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return Hint::ArticleBody;
    }
    let mut article = false;
    let mut body = false;
    let mut boilerplate = false;
    let mut never = false;
    for name in e
        .attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(str::split_whitespace)
    {
        let squashed: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let mut name_article = false;
        let mut name_never = NEVER_STEMS.iter().any(|stem| squashed.contains(stem));
        let mut name_boilerplate = false;
        for word in words(name) {
            let word = word.as_str();
            name_never |= NEVER.contains(&word);
            name_boilerplate |= BOILERPLATE.contains(&word);
            name_article |= ARTICLE.contains(&word);
        }
        // A negative word wins inside one class name ("related-content",
        // "article-footer"), a positive one across names.
        never |= name_never;
        boilerplate |= name_boilerplate && !name_never;
        let positive = !name_never && !name_boilerplate;
        article |= name_article && positive;
        body |= positive && ARTICLE_BODY.iter().any(|b| squashed.contains(b));
    }
    if let Some(role) = e.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if BOILERPLATE_ROLES.contains(&role.as_str()) {
            boilerplate = true;
        } else if role == "main" || role == "article" {
            article = true;
        }
    }
    if never && !body {
        Hint::Never
    } else if body {
        Hint::ArticleBody
    } else if boilerplate || BOILERPLATE_TAGS.contains(&e.name()) {
        if article && !BOILERPLATE_TAGS.contains(&e.name()) {
            Hint::Article
        } else {
            Hint::Boilerplate
        }
    } else if article || matches!(e.name(), "article" | "main") {
        Hint::Article
    } else {
        Hint::None
    }
}

/// Whether the element is hidden from readers.
pub fn hidden(node: &Node<'_>) -> bool {
    let Some(e) = node.element() else {
        return false;
    };
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    e.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// The lowercase words of a class name or id: split at `-`, `_`, `:`, digits and
/// camelCase humps ("relatedStories-2" → related, stories).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphabetic() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::dom::Dom;
    use super::*;

    #[test]
    fn reads_what_markup_says() {
        let rows = [
            (r#"<div itemprop="articleBody">"#, Hint::ArticleBody),
            (r#"<div class="article-body">"#, Hint::ArticleBody),
            (
                r#"<div class="c-entry-content RichTextArticleBody">"#,
                Hint::ArticleBody,
            ),
            (r#"<div id="story">"#, Hint::Article),
            ("<article>", Hint::Article),
            (r#"<div class="related-content">"#, Hint::Never),
            (r#"<h3 class="relatedpoststitle">"#, Hint::Never),
            (r#"<div id="comments">"#, Hint::Never),
            (r#"<div class="ad-slot">"#, Hint::Never),
            (r#"<div class="shadow">"#, Hint::None),
            (r#"<div class="article-footer">"#, Hint::Boilerplate),
            (r#"<div class="socialShareBar">"#, Hint::Never),
            (r#"<div role="navigation">"#, Hint::Boilerplate),
            ("<nav>", Hint::Boilerplate),
            (r#"<aside class="story">"#, Hint::Boilerplate),
            (r#"<div class="main-nav">"#, Hint::Boilerplate),
            (r#"<div class="loaded">"#, Hint::None),
            (r#"<div class="header-ad article-body">"#, Hint::ArticleBody),
        ];
        for (tag, want) in rows {
            let doc = scraper::Html::parse_document(&format!("<body>{tag}x"));
            let dom = Dom::new(&doc);
            assert_eq!(hint(&dom.nodes[1]), want, "{tag}");
        }
    }

    #[test]
    fn splits_class_names_into_words() {
        let rows = [
            ("relatedStories-2", vec!["related", "stories"]),
            ("article__body", vec!["article", "body"]),
            ("ad-slot", vec!["ad", "slot"]),
            ("HTMLContent", vec!["htmlcontent"]),
            ("", vec![]),
        ];
        for (name, want) in rows {
            assert_eq!(words(name), want, "{name}");
        }
    }
}
