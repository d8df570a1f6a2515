//! Adversarial input that makes naive code quadratic or overflow the stack: one
//! enormous line, a wall of quote marks, a name of thousands of capitalised words,
//! deep nesting. Each must finish without a panic, and doubling the input twice (n
//! to 4n) must cost well under the 16x of quadratic time: the best of five runs is
//! compared (CPU time of the test's thread), and the bound (10x) leaves room for a noisy
//! machine while still telling linear from quadratic.

use std::time::Duration;

use newsdex::Article;
use newsdex::extract::enrich;
use newsdex::ingest::{Format, read_bytes};

fn article(body: String) -> Article {
    Article {
        id: "0".repeat(16),
        path: "scale.txt".to_string(),
        title: "Scale".to_string(),
        body,
        ..Article::default()
    }
}

/// The CPU time this thread has used. Wall time would count the other tests and
/// programs the machine runs meanwhile: under load (CI runs tests in parallel) a
/// linear run measured by wall clock once came out 11x.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec, and CLOCK_THREAD_CPUTIME_ID is
    // supported on every Linux this project runs on.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn time(f: &dyn Fn()) -> Duration {
    let t = thread_cpu();
    f();
    thread_cpu() - t
}

/// Time `run` on the input `make(n)` and `make(4n)`; panic if the growth looks
/// quadratic. Returns the ratio. The two are run in turns, five times each, and the
/// best of each compared, so that a slow moment weighs on both.
fn assert_linear<T>(what: &str, n: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) -> f64 {
    let small = make(n);
    let large = make(4 * n);
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        a = a.min(time(&|| run(&small)));
        b = b.min(time(&|| run(&large)));
    }
    // Below a few milliseconds, timer and allocator noise dominates.
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(0.002);
    eprintln!("{what}: n={n} {a:?}, 4n {b:?}, ratio {ratio:.1}");
    assert!(
        ratio < 10.0,
        "{what}: 4x the input took {ratio:.1}x the time ({a:?} -> {b:?}): quadratic?"
    );
    ratio
}

fn enrich_body(a: &Article) {
    let e = enrich(a);
    for q in &e.quotes {
        assert_eq!(a.body.get(q.start..q.end), Some(q.text.as_str()));
    }
}

#[test]
fn quote_marks_by_the_hundred_thousand() {
    for (what, unit, n) in [
        ("straight quotes", "\" ", 10_000),
        // Also a person named thousands of times (was quadratic in people extraction).
        (
            "curly quotes",
            "\u{201c}a\u{201d} said Oksana Petrenko, ",
            1_500,
        ),
        ("unbalanced openers", "\u{201c}word ", 5_000),
        ("apostrophes", "'tis O'Neil's ", 3_000),
    ] {
        assert_linear(what, n, |n| article(unit.repeat(n)), enrich_body);
    }
    // The full size once: 100,000 marks.
    enrich_body(&article("\" ".repeat(100_000)));
}

#[test]
fn a_name_of_thousands_of_capitalised_words() {
    let words = |n: usize| {
        (0..n)
            .map(|i| format!("Zorbal{}", (b'a' + (i % 26) as u8) as char))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_linear(
        "capitalised run",
        1_000,
        |n| article(format!("President {} said \"we will\".", words(n))),
        enrich_body,
    );
    enrich_body(&article(format!("{} said that it rained.", words(10_000))));
}

#[test]
fn one_enormous_line() {
    let line = |n: usize| {
        "the minister said that Putin told reporters in Syria \u{201c}no\u{201d} and ".repeat(n)
    };
    assert_linear("long line", 500, |n| article(line(n)), enrich_body);
    // A 10 MB line through every reader (extraction of it is covered above at a size
    // a debug build runs quickly).
    let ten_mb = format!("Title\n\n{}", line(10_000_000 / 70));
    for (format, name) in [
        (Format::Text, "x.txt"),
        (Format::Markdown, "x.md"),
        (Format::Html, "x.html"),
    ] {
        let out = read_bytes(name, format, ten_mb.as_bytes());
        assert!(out.failure.is_none(), "{name}: {:?}", out.failure);
    }
    let json = format!("{{\"title\":\"t\",\"body\":\"{}\"}}", line(10_000_000 / 70));
    for (format, name) in [(Format::Json, "x.json"), (Format::JsonLines, "x.jsonl")] {
        let out = read_bytes(name, format, json.as_bytes());
        assert_eq!(out.articles.len(), 1, "{name}: {:?}", out.failure);
    }
}

#[test]
fn deep_nesting_is_refused_or_flattened_never_a_stack_overflow() {
    // Each runs in a thread with a small stack, so recursion would show here first.
    let check = |what: &'static str, format: Format, make: fn(usize) -> String| {
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || {
                let ext = match format {
                    Format::Html => "html",
                    Format::Markdown => "md",
                    Format::Json => "json",
                    _ => "jsonl",
                };
                // HTML is the slowest reader in a debug build: smaller sizes.
                let (n, full) = if format == Format::Html {
                    (1_500, 20_000)
                } else {
                    (20_000, 100_000)
                };
                assert_linear(what, n, make, |s: &String| {
                    let _ = read_bytes(&format!("deep.{ext}"), format, s.as_bytes());
                });
                let _ = read_bytes(&format!("deep.{ext}"), format, make(full).as_bytes());
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{what} panicked or overflowed"));
    };
    check("json arrays", Format::Json, |n| "[".repeat(n));
    check("json objects", Format::Json, |n| {
        format!("{{\"body\":\"x\",\"a\":{}", "{\"a\":".repeat(n))
    });
    check("json lines", Format::JsonLines, |n| {
        format!("{}\n{{\"body\":\"x\"}}\n", "[".repeat(n))
    });
    check("html divs", Format::Html, |n| {
        format!("<p>text</p>{}", "<div>".repeat(n))
    });
    check("html inline", Format::Html, |n| {
        format!("<p>text</p>{}", "<b><i><a href=x>".repeat(n))
    });
    check("html tables", Format::Html, |n| {
        format!("<p>text</p>{}", "<table><tr><td>".repeat(n))
    });
    check("html misnested", Format::Html, |n| {
        format!("<p>text</p>{}", "<b><p></b></p>".repeat(n))
    });
    check("markdown quotes", Format::Markdown, |n| {
        format!("{} text", ">".repeat(n))
    });
    check("markdown lists", Format::Markdown, |n| {
        format!("{}x", "- ".repeat(n))
    });
    check("markdown brackets", Format::Markdown, |n| {
        format!("text {}", "[".repeat(n))
    });
}

#[test]
fn a_person_named_thousands_of_times() {
    assert_linear(
        "one person, many mentions",
        4_000,
        |n| article("Oksana Petrenko spoke. Petrenko left. ".repeat(n)),
        |a| {
            let people = newsdex::extract::people::extract_people(a);
            assert_eq!(people[0].mentions.len(), a.body.matches("Petrenko").count());
        },
    );
}
