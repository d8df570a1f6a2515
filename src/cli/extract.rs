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
    let mut print = |out: &mut dyn Write,
                     articles: &[crate::Article],
                     enriched: &[Enriched]|
     -> std::io::Result<()> {
        for (article, enriched) in articles.iter().zip(enriched) {
            found += 1;
            if args.json {
                output::json_line(out, &Record { article, enriched })?;
            } else {
                render(out, color, article, enriched)?;
            }
        }
        Ok(())
    };
    // Files in order, in groups of at most CHUNK_BYTES read and enriched in parallel,
    // so memory stays bounded whatever the archive; a large JSON Lines file is
    // streamed, its articles enriched a batch at a time.
    let mut rest = walked.files.as_slice();
    while !rest.is_empty() {
        if walk::is_large_jsonl(&rest[0], CHUNK_BYTES) {
            let f = &rest[0];
            rest = &rest[1..];
            let mut error = None;
            let mut sink = |batch: Vec<crate::Article>| {
                // Once output fails (a closed pipe), the rest is read but not enriched.
                if error.is_none() {
                    let enriched: Vec<Enriched> = batch.par_iter().map(enrich).collect();
                    error = print(&mut out, &batch, &enriched).err();
                }
            };
            let outcome = ingest::read_file_streaming(&f.path, limits, Some(&mut sink));
            if let Some(e) = error {
                return Err(e.into());
            }
            failed |= report(f, &outcome);
            continue;
        }
        let mut bytes = 0;
        let n = rest
            .iter()
            .take_while(|f| {
                bytes += f.size;
                !walk::is_large_jsonl(f, CHUNK_BYTES) && (bytes <= CHUNK_BYTES || bytes == f.size)
            })
            .count()
            .max(1);
        let (chunk, next) = rest.split_at(n);
        rest = next;
        let results: Vec<_> = chunk
            .par_iter()
            .map(|f| {
                let outcome = ingest::read_file(&f.path, limits);
                let enriched: Vec<Enriched> = outcome.articles.iter().map(enrich).collect();
                (f, outcome, enriched)
            })
            .collect();
        for (f, outcome, enriched) in results {
            failed |= report(f, &outcome);
            print(&mut out, &outcome.articles, &enriched)?;
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

/// How many bytes of files are read and enriched together; JSON Lines files larger
/// than this are streamed.
const CHUNK_BYTES: u64 = 32 << 20;

/// Print a file's notes and failure; whether it failed.
fn report(f: &walk::FileEntry, outcome: &ingest::FileOutcome) -> bool {
    for note in &outcome.notes {
        eprintln!("{}: {note}", f.path.display());
    }
    if let Some(reason) = &outcome.failure {
        eprintln!("{}: {reason}", f.path.display());
        return true;
    }
    false
}

fn render<W: Write + ?Sized>(
    out: &mut W,
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
