//! The "bare tantivy" baseline of the benchmark (issue 6): what tantivy alone needs to
//! index the same articles, so newsdex's cost on top of it can be measured.
//!
//! It reads the files exactly as newsdex does (`ingest::walk`, `ingest::read_file`,
//! rayon over batches of 256 files, documents added from the rayon threads) and
//! indexes title and body, stored, with newsdex's own prose analyzer, then commits
//! once. No enrichment, no quote documents, no file state, no deletes.
//!
//! cargo run --release --example bare_tantivy -- DIR INDEX_DIR [--threads N] [--memory MB]
//!     [--store-as-newsdex]
//!
//! `--threads` is tantivy's indexing threads, as `newsdex index --threads`; reading
//! uses rayon's pool (`RAYON_NUM_THREADS`), as newsdex does. INDEX_DIR must be absent
//! or empty. Prints one JSON object. `--store-as-newsdex` stores the documents the way
//! newsdex does (zstd level 1, not tantivy's default LZ4): the smallest index of
//! stored, phrase-searchable text that newsdex's settings can make, for the size rows.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

use newsdex::index::schema::{TEXT_ANALYZER, register_analyzers};
use newsdex::ingest::{self, walk};

const USAGE: &str =
    "usage: bare_tantivy DIR INDEX_DIR [--threads N] [--memory MB] [--store-as-newsdex]";

struct Args {
    dir: PathBuf,
    index: PathBuf,
    threads: usize,
    memory_mb: usize,
    store_as_newsdex: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut memory_mb = 256;
    let mut store_as_newsdex = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" | "--memory" => {
                let v = args
                    .next()
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&v| v > 0)
                    .ok_or_else(|| format!("{a} needs a positive number"))?;
                if a == "--threads" {
                    threads = v;
                } else {
                    memory_mb = v;
                }
            }
            "--store-as-newsdex" => store_as_newsdex = true,
            "-h" | "--help" => {
                return Err(USAGE.to_string());
            }
            _ => positional.push(PathBuf::from(a)),
        }
    }
    match <[PathBuf; 2]>::try_from(positional) {
        Ok([dir, index]) => Ok(Args {
            dir,
            index,
            threads,
            memory_mb,
            store_as_newsdex,
        }),
        Err(_) => Err(USAGE.to_string()),
    }
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bare_tantivy: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    std::fs::create_dir_all(&args.index)?;
    if std::fs::read_dir(&args.index)?.next().is_some() {
        return Err(format!("{} is not empty", args.index.display()).into());
    }

    // The same options newsdex gives its title and body fields.
    let prose = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let mut builder = Schema::builder();
    let title = builder.add_text_field("title", prose.clone());
    let body = builder.add_text_field("body", prose);
    let mut index = Index::builder().schema(builder.build());
    if args.store_as_newsdex {
        index = index.settings(newsdex::index::schema::settings());
    }
    let index = index.create_in_dir(&args.index)?;
    register_analyzers(&index);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(args.threads, (args.memory_mb << 20).max(15 << 20))?;

    let walked = walk::walk(
        std::slice::from_ref(&args.dir),
        walk::WalkOptions::default(),
        Some(&args.index),
    );
    let limits = ingest::Limits::default();
    let articles = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    for batch in walked.files.chunks(256) {
        batch.par_iter().for_each(|entry| {
            let outcome = ingest::read_file(&entry.path, limits);
            if outcome.failure.is_some() {
                failed.fetch_add(1, Ordering::Relaxed);
                return;
            }
            bytes.fetch_add(entry.size as usize, Ordering::Relaxed);
            articles.fetch_add(outcome.articles.len(), Ordering::Relaxed);
            for article in &outcome.articles {
                let mut doc = TantivyDocument::new();
                doc.add_text(title, &article.title);
                doc.add_text(body, &article.body);
                let _ = writer.add_document(doc);
            }
        });
    }
    writer.commit()?;
    writer.wait_merging_threads()?;

    let secs = started.elapsed().as_secs_f64().max(0.001);
    let articles = articles.into_inner();
    let bytes = bytes.into_inner();
    let index_bytes: u64 = std::fs::read_dir(&args.index)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    println!(
        "{}",
        serde_json::json!({
            "files": walked.files.len(),
            "failed": failed.into_inner() + walked.errors.len(),
            "articles": articles,
            "bytes": bytes,
            "threads": args.threads,
            "seconds": secs,
            "mb_per_second": bytes as f64 / 1e6 / secs,
            "articles_per_second": articles as f64 / secs,
            "index_bytes": index_bytes,
            "store": if args.store_as_newsdex { "zstd-1" } else { "lz4" },
        })
    );
    Ok(())
}
