//! Arbitrary and structured garbage thrown at every reader and extractor, with a
//! fixed number of cases from a fixed seed so the test is fast and deterministic
//! (cargo-fuzz in `fuzz/` does the open-ended search), and the inputs fuzzing found
//! (`tests/fuzz-regressions/TARGET/*`) replayed through the same checks.

use newsdex::Article;
use newsdex::extract::{enrich, quotes::extract_quotes};
use newsdex::ingest::{FileOutcome, Format, date::parse_date, read_bytes};

use super::interrupted::Rng;

const FORMATS: [(Format, &str); 5] = [
    (Format::Text, "txt"),
    (Format::Markdown, "md"),
    (Format::Json, "json"),
    (Format::JsonLines, "jsonl"),
    (Format::Html, "html"),
];

/// A reader's outcome: articles or a reason, never both or neither.
pub fn check_outcome(out: &FileOutcome, what: &str) {
    if out.failure.is_some() {
        assert!(out.articles.is_empty(), "{what}: failed file with articles");
    } else {
        assert!(
            !out.articles.is_empty(),
            "{what}: no articles and no reason"
        );
    }
    for a in &out.articles {
        assert!(!a.body.trim().is_empty(), "{what}: article with empty body");
        assert!(!a.title.contains('\n'), "{what}: title spans lines");
    }
}

fn check_span(body: &str, start: usize, end: usize, text: &str, what: &str) {
    assert_eq!(
        body.get(start..end),
        Some(text),
        "{what}: offsets {start}..{end} do not give its text"
    );
}

/// Enrich an article and check what came out against its body.
pub fn check_enrich(a: &Article, what: &str) {
    let e = enrich(a);
    for p in &e.people {
        assert!(!p.name.trim().is_empty(), "{what}: person without a name");
        for m in &p.mentions {
            check_span(&a.body, m.start, m.end, &m.text, what);
        }
    }
    for q in e.quotes.iter().chain(&extract_quotes(a, &[])) {
        // A headline's quote has offsets into the title.
        let text = if q.in_title { &a.title } else { &a.body };
        check_span(text, q.start, q.end, &q.text, what);
    }
    for t in &e.topics {
        assert!(t.score.is_finite() && !t.id.is_empty(), "{what}: {t:?}");
    }
}

/// An article from arbitrary bytes, as the fuzz targets make it.
pub fn article(data: &[u8]) -> Article {
    let text = String::from_utf8_lossy(data);
    let (title, body) = text.split_once('\n').unwrap_or(("", &text));
    Article {
        id: "0000000000000000".to_string(),
        path: "garbage.txt".to_string(),
        title: title.to_string(),
        body: body.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2017, 11, 21)
            .filter(|_| data.len().is_multiple_of(2)),
        ..Article::default()
    }
}

/// Pieces that mean something to some reader or extractor, so random strings of
/// them reach deep into the code: quote marks, names, cues, markup, dates, broken
/// UTF-8.
const PIECES: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "``",
    "''",
    " said ",
    " says ",
    " told reporters ",
    " according to ",
    ", she said.",
    " he added",
    ": ",
    ". ",
    ".\n\n",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "President ",
    "Vladimir Putin",
    "Putin",
    "Mr. ",
    "Ms ",
    "Angela Merkel",
    "Merkel",
    "Oksana Petrenko",
    "O'Neil",
    "van der ",
    "al-",
    "Jr.",
    "Syria",
    "North Korea",
    "the White House",
    "United Nations",
    "UN",
    "NATO",
    "Kyiv",
    "a spokeswoman for the ministry",
    "who",
    "that ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"title\":",
    "\"body\":",
    "\"date\":",
    "\"authors\":[",
    "\"articles\":",
    "null",
    "1e999",
    "-0",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<b>",
    "<i>",
    "</b>",
    "<a href=x>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<table><tr><td>",
    "<meta property=\"article:published_time\" content=\"",
    "<meta name=author content=",
    "<title>",
    "</title>",
    "<article>",
    "<br>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&nbsp;",
    "---\n",
    "+++\n",
    "title: ",
    "date: ",
    "# ",
    "> ",
    "* ",
    "1. ",
    "[x](",
    ")",
    "`",
    "```\n",
    "Date: ",
    "Source: ",
    "Author: ",
    "URL: ",
    "2017-11-21",
    "11/21/2017",
    "21-NOV-1987",
    "Tue, 21 Nov 2017 14:03:00 +0000",
    "31/02/2017",
    "1511273000",
    "99999-99-99",
    "0000-00-00",
    "\u{301}",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{1F600}",
    "\u{10FFFF}",
    "\u{0}",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "Ⅻ",
];

fn garbage(rng: &mut Rng, max_pieces: u64) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(max_pieces) + 1 {
        match rng.below(20) {
            // Raw bytes, including invalid UTF-8.
            0 => out.extend((0..rng.below(8) + 1).map(|_| rng.next() as u8)),
            1 => {
                let word: String = (0..rng.below(12) + 1)
                    .map(|i| {
                        let c = (b'a' + rng.below(26) as u8) as char;
                        if i == 0 { c.to_ascii_uppercase() } else { c }
                    })
                    .collect();
                out.extend(word.bytes());
                out.push(b' ');
            }
            _ => out.extend(PIECES[rng.below(PIECES.len() as u64) as usize].bytes()),
        }
    }
    out
}

/// Change a real article: flip bytes, cut it short, repeat or drop a stretch.
fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    for _ in 0..rng.below(4) + 1 {
        if d.is_empty() {
            break;
        }
        let at = rng.below(d.len() as u64) as usize;
        let len = (rng.below(64) as usize).min(d.len() - at);
        match rng.below(5) {
            0 => d[at] = rng.next() as u8,
            1 => d.truncate(at),
            2 => {
                let piece = d[at..at + len].to_vec();
                for _ in 0..rng.below(50) {
                    d.splice(at..at, piece.iter().copied());
                }
            }
            3 => {
                d.drain(at..at + len);
            }
            _ => {
                let g = garbage(rng, 8);
                d.splice(at..at, g);
            }
        }
    }
    d
}

fn read_and_enrich(format: Format, ext: &str, data: &[u8], what: &str) {
    let out = read_bytes(&format!("garbage.{ext}"), format, data);
    check_outcome(&out, what);
    for a in &out.articles {
        check_enrich(a, what);
    }
}

#[test]
fn readers_and_extractors_survive_structured_garbage() {
    let mut rng = Rng::new(0x6a7ba6e);
    for case in 0..300 {
        let data = garbage(&mut rng, 200);
        for (format, ext) in FORMATS {
            read_and_enrich(
                format,
                ext,
                &data,
                &format!("case {case} as {ext}: {data:?}"),
            );
        }
        let s = String::from_utf8_lossy(&data);
        if let Some(d) = parse_date(&s) {
            let iso = d.format("%Y-%m-%d").to_string();
            assert_eq!(parse_date(&iso), Some(d), "{s:?}");
        }
    }
}

#[test]
fn readers_and_extractors_survive_mangled_sample_articles() {
    let mut rng = Rng::new(0xbadf11e);
    let files = super::interrupted::sample_files();
    for case in 0..120 {
        let path = &files[rng.below(files.len() as u64) as usize];
        let Some((format, _)) = newsdex::ingest::format_of(path) else {
            continue;
        };
        let ext = path.extension().unwrap().to_str().unwrap();
        let data = mutate(&mut rng, &std::fs::read(path).unwrap());
        read_and_enrich(
            format,
            ext,
            &data,
            &format!("case {case}: {}", path.display()),
        );
    }
}

/// Replay one input through what the fuzz target of that name checks.
pub fn replay(target: &str, data: &[u8]) {
    let what = format!("{target}: {:?}", String::from_utf8_lossy(data));
    match target {
        "people" | "topics" | "quotes" => check_enrich(&article(data), &what),
        "dates" => {
            let _ = parse_date(&String::from_utf8_lossy(data));
        }
        "read_file" => {
            // As the fuzz target does: the first byte picks the format and whether the
            // rest is stored as is, gzip-compressed, or is a gzip stream itself.
            let Some((&pick, rest)) = data.split_first() else {
                return;
            };
            let ext = FORMATS[usize::from(pick) % FORMATS.len()].1;
            let (name, bytes) = match (pick / 5) % 3 {
                0 => (format!("f.{ext}"), rest.to_vec()),
                1 => (format!("f.{ext}.gz"), crate::gzip(rest)),
                _ => (format!("f.{ext}.gz"), rest.to_vec()),
            };
            let t = crate::util::TestDir::new();
            let path = t.write(&name, bytes);
            let limits = newsdex::ingest::Limits {
                max_article_bytes: 4096,
                max_json_bytes: 8192,
            };
            let out = newsdex::ingest::read_file(&path, limits);
            check_outcome(&out, &what);
            for a in &out.articles {
                check_enrich(a, &what);
            }
        }
        _ => {
            let ext = target.trim_start_matches("read_");
            let (format, _) = FORMATS
                .iter()
                .find(|(_, e)| *e == ext)
                .unwrap_or_else(|| panic!("no fuzz target {target}"));
            read_and_enrich(*format, ext, data, &what);
        }
    }
}

#[test]
fn inputs_found_by_fuzzing_stay_fixed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let target = dir.file_name().unwrap().to_str().unwrap().to_string();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "md") {
                continue; // notes on what broke
            }
            replay(&target, &std::fs::read(&file).unwrap());
            n += 1;
        }
    }
    assert!(n > 0, "no regression inputs under {}", root.display());
}
