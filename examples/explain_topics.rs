//! Why an article gets the topics it gets: every topic its text speaks for, the
//! evidence and the words behind it, kept or not. For tuning `extract/data/`.
//!
//! cargo run --release --example explain_topics -- FILE... [--all]
//! cargo run --release --example explain_topics -- DIR --time   (articles/s, one core)

use std::path::PathBuf;
use std::time::Instant;

use newsdex::extract::topics::explain_topics;
use newsdex::ingest;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    if args.iter().any(|a| a == "--time") {
        time(&args);
        return;
    }
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let outcome = ingest::read_file(&PathBuf::from(path), ingest::Limits::default());
        for article in &outcome.articles {
            println!("== {path}: {}", article.title);
            for e in explain_topics(article) {
                if !e.kept && !all {
                    continue;
                }
                println!(
                    "  {} {:5.2} {:<45} {}",
                    if e.kept { '+' } else { '-' },
                    e.evidence,
                    e.topic.id,
                    e.matched.join(" | ")
                );
            }
        }
    }
}

/// Read every article under the paths, then time topic extraction alone.
fn time(args: &[String]) {
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let options = ingest::walk::WalkOptions {
        follow_links: false,
        hidden: false,
    };
    let walked = ingest::walk::walk(&paths, options, None);
    let articles: Vec<_> = walked
        .files
        .iter()
        .flat_map(|f| ingest::read_file(&f.path, ingest::Limits::default()).articles)
        .collect();
    // The first call builds the automaton: leave it out of the timing.
    let _ = newsdex::extract::topics::extract_topics(&newsdex::Article::default());
    let start = Instant::now();
    let topics: usize = articles
        .iter()
        .map(|a| newsdex::extract::topics::extract_topics(a).len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    let mb = articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{} articles, {topics} topics, {mb:.1} MB of text in {secs:.2} s: {:.0} articles/s, {:.1} MB/s on one core",
        articles.len(),
        articles.len() as f64 / secs,
        mb / secs
    );
}
