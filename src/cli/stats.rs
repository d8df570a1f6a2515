//! `newsdex stats`: what the index holds.

use std::io::Write;

use super::{Outcome, output};
use crate::index::Archive;
use crate::ingest::human_bytes;
use crate::query;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Write the figures as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let s = query::stats(archive, &searcher)?;
    let mut out = output::stdout();
    if args.json {
        output::json_line(&mut out, &s)?;
    } else {
        writeln!(out, "index:     {}", s.index)?;
        writeln!(out, "articles:  {}", s.articles)?;
        writeln!(out, "quotes:    {}", s.quotes)?;
        writeln!(out, "files:     {}", s.files)?;
        let range = match (s.first_date, s.last_date) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "none".to_string(),
        };
        writeln!(out, "dates:     {range} ({} undated)", s.undated)?;
        writeln!(out, "sources:   {}", s.sources)?;
        for (name, n) in &s.top_sources {
            writeln!(out, "  {n:>7}  {name}")?;
        }
        writeln!(out, "size:      {}", human_bytes(s.size_bytes))?;
    }
    out.flush()?;
    Ok(if s.articles == 0 {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
