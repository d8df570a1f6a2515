//! Why an article gets the topics it gets: every topic its text speaks for, the
//! evidence and the words behind it, kept or not. For tuning `extract/data/`.
//!
//! cargo run --release --example explain_topics -- FILE... [--all]

use std::path::PathBuf;

use newsdex::extract::topics::explain_topics;
use newsdex::ingest;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
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
