//! `newsdex extract FILE...`: read and enrich files without touching the index.

use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{Outcome, output};
use crate::extract::{Enriched, enrich};
use crate::ingest::{self, walk};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Article files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write one JSON record per article (JSON Lines), as DESIGN.md defines it.
    #[arg(long)]
    json: bool,
    /// Follow symbolic links.
    #[arg(long)]
    follow: bool,
}

/// The enrichment record: the article's fields, then what extraction found.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    article: &'a crate::Article,
    #[serde(flatten)]
    enriched: &'a Enriched,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let walked = walk::walk(
        &args.paths,
        walk::WalkOptions {
            follow_links: args.follow,
            hidden: true,
        },
        None,
    );
    let mut failed = !walked.errors.is_empty();
    for (path, reason) in &walked.errors {
        eprintln!("{}: {reason}", path.display());
    }
    let limits = ingest::Limits::default();
    let color = output::color();
    let mut out = output::stdout();
    let mut found = 0usize;
    // Files in order, each file's articles enriched in parallel with the others'.
    for chunk in walked.files.chunks(256) {
        let results: Vec<_> = chunk
            .par_iter()
            .map(|f| {
                let outcome = ingest::read_file(&f.path, limits);
                let enriched: Vec<Enriched> = outcome.articles.iter().map(enrich).collect();
                (f, outcome, enriched)
            })
            .collect();
        for (f, outcome, enriched) in results {
            for note in &outcome.notes {
                eprintln!("{}: {note}", f.path.display());
            }
            if let Some(reason) = &outcome.failure {
                eprintln!("{}: {reason}", f.path.display());
                failed = true;
            }
            for (article, enriched) in outcome.articles.iter().zip(&enriched) {
                found += 1;
                if args.json {
                    output::json_line(&mut out, &Record { article, enriched })?;
                } else {
                    render(&mut out, color, article, enriched)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        Outcome::Failed
    } else if found == 0 {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}

fn render(
    out: &mut impl Write,
    color: bool,
    article: &crate::Article,
    e: &Enriched,
) -> std::io::Result<()> {
    use output::{BOLD, DIM, paint};
    let date = article.date.map(|d| d.to_string()).unwrap_or_default();
    writeln!(out, "{}", paint(color, BOLD, &article.title))?;
    writeln!(
        out,
        "  {}",
        paint(color, DIM, &format!("{} {date}", article.path))
    )?;
    if !e.people.is_empty() {
        let people: Vec<String> = e
            .people
            .iter()
            .map(|p| match &p.role {
                Some(r) => format!("{} ({r})", p.name),
                None => p.name.clone(),
            })
            .collect();
        writeln!(out, "  people: {}", people.join("; "))?;
    }
    if !e.topics.is_empty() {
        let topics: Vec<&str> = e.topics.iter().map(|t| t.label.as_str()).collect();
        writeln!(out, "  topics: {}", topics.join(", "))?;
    }
    for q in &e.quotes {
        writeln!(out, "  {}", output::quote_line(q))?;
    }
    writeln!(out)
}
