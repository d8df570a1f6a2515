//! `newsdex index DIR...`: build or update the index from folders of articles.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::{Outcome, output};
use crate::index::Archive;
use crate::index::writer::{self, Event, UpdateOptions};
use crate::ingest::{human_bytes, walk};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folders (or files) of articles: .txt, .md, .json, .jsonl/.ndjson, .html, and
    /// any of them gzip-compressed (.gz).
    #[arg(required = true, value_name = "DIR")]
    paths: Vec<PathBuf>,
    /// Throw away the index (one made by another version, or damaged) and build it
    /// anew.
    #[arg(long)]
    rebuild: bool,
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long)]
    follow: bool,
    /// Read hidden files and folders too.
    #[arg(long)]
    hidden: bool,
    /// Indexing threads (default: the number of cores, at most 8).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Memory budget of the index writer, in MB.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    memory: usize,
    /// The largest article file (txt, md, html) or JSON Lines record to read, in MB.
    #[arg(long, value_name = "MB", default_value_t = 16)]
    max_file_size: u64,
    /// Commit at least this often, in seconds, so an interrupted run loses little.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    commit_every: u64,
    /// Print the summary as one JSON object.
    #[arg(long)]
    json: bool,
    /// No progress bar, no per-file notes; failures and the summary only.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    index: String,
    files: usize,
    read: usize,
    unchanged: usize,
    bytes_read: u64,
    added: usize,
    updated: usize,
    removed: usize,
    skipped: usize,
    failed: usize,
    failures: Vec<JsonFailure<'a>>,
    seconds: f64,
    mb_per_second: f64,
    articles_per_second: f64,
}

#[derive(Serialize)]
struct JsonFailure<'a> {
    path: String,
    reason: &'a str,
}

pub fn run(args: Args, index_path: PathBuf) -> anyhow::Result<Outcome> {
    let archive = Archive::open_or_create(&index_path, args.rebuild)?;
    let walked = walk::walk(
        &args.paths,
        walk::WalkOptions {
            follow_links: args.follow,
            hidden: args.hidden,
        },
        Some(&index_path),
    );
    for (path, reason) in &walked.errors {
        eprintln!("{}: {reason}", path.display());
    }
    let mut options = UpdateOptions {
        memory: args.memory << 20,
        commit_every: Duration::from_secs(args.commit_every.max(1)),
        ..UpdateOptions::default()
    };
    options.limits.max_article_bytes = args.max_file_size << 20;
    if let Some(t) = args.threads {
        options.threads = t.max(1);
    }
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(0)
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files, {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let articles = Mutex::new((0usize, 0u64));
    let quiet = args.quiet;
    let on_event = |event: Event| match event {
        Event::Start { to_read, .. } => {
            bar.set_length(to_read as u64);
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Event::Read {
            articles: n, bytes, ..
        } => {
            let mut a = articles.lock().unwrap_or_else(|p| p.into_inner());
            a.0 += n;
            a.1 += bytes;
            let secs = bar.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{} articles, {:.1} MB/s",
                a.0,
                a.1 as f64 / 1e6 / secs
            ));
            bar.inc(1);
        }
        Event::Note { path, note } => {
            if !quiet {
                bar.suspend(|| eprintln!("{path}: {note}"));
            }
        }
        Event::Failed { path, reason } => {
            bar.suspend(|| eprintln!("{path}: {reason}"));
            bar.inc(1);
        }
    };
    let summary = writer::update(&archive, &walked, &options, &on_event)
        .with_context(|| format!("indexing into {}", index_path.display()))?;
    bar.finish_and_clear();

    let secs = summary.elapsed.as_secs_f64().max(0.001);
    let mut out = output::stdout();
    if args.json {
        output::json_line(
            &mut out,
            &JsonSummary {
                index: index_path.display().to_string(),
                files: summary.files,
                read: summary.read,
                unchanged: summary.unchanged,
                bytes_read: summary.bytes_read,
                added: summary.added,
                updated: summary.updated,
                removed: summary.removed,
                skipped: summary.skipped,
                failed: summary.failures.len(),
                failures: summary
                    .failures
                    .iter()
                    .map(|(p, r)| JsonFailure {
                        path: p.display().to_string(),
                        reason: r,
                    })
                    .collect(),
                seconds: secs,
                mb_per_second: summary.bytes_read as f64 / 1e6 / secs,
                articles_per_second: (summary.added + summary.updated) as f64 / secs,
            },
        )?;
    } else {
        writeln!(
            out,
            "{} files: {} read ({}), {} unchanged, {} failed",
            summary.files,
            summary.read,
            human_bytes(summary.bytes_read),
            summary.unchanged,
            summary.failures.len()
        )?;
        writeln!(
            out,
            "articles: {} added, {} updated, {} removed, {} skipped",
            summary.added, summary.updated, summary.removed, summary.skipped
        )?;
        writeln!(
            out,
            "{:.2}s, {:.1} MB/s, {:.0} articles/s, index at {}",
            secs,
            summary.bytes_read as f64 / 1e6 / secs,
            (summary.added + summary.updated) as f64 / secs,
            index_path.display()
        )?;
        if !summary.failures.is_empty() {
            writeln!(out, "failed:")?;
            for (path, reason) in &summary.failures {
                writeln!(out, "  {}: {reason}", path.display())?;
            }
        }
    }
    out.flush()?;
    Ok(if summary.failures.is_empty() {
        Outcome::Found
    } else {
        Outcome::Failed
    })
}
