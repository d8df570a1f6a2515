//! `newsdex people [QUERY]`: who is mentioned in the matching articles.

use std::io::Write;

use super::filters::FilterArgs;
use super::{Outcome, output};
use crate::index::Archive;
use crate::query::{SearchRequest, people};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only articles matching this query (same syntax as `search`).
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// How many people to list.
    #[arg(short = 'n', long, default_value_t = 20)]
    limit: usize,
    /// Write JSON Lines: one object per person.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let req = SearchRequest {
        query: Some(args.query.join(" ")).filter(|q| !q.trim().is_empty()),
        filters: args.filters.to_filters()?,
        limit: args.limit,
        ..SearchRequest::default()
    };
    let list = people::people(archive, &searcher, &req)?;
    let mut out = output::stdout();
    let color = output::color();
    for p in &list {
        if args.json {
            output::json_line(&mut out, p)?;
            continue;
        }
        let about = match (&p.role, &p.country) {
            (Some(r), _) => format!("  {}", output::paint(color, output::DIM, r)),
            (None, Some(c)) => format!("  {}", output::paint(color, output::DIM, c)),
            _ => String::new(),
        };
        writeln!(out, "{:>6}  {}{about}", p.articles, p.name)?;
    }
    out.flush()?;
    Ok(if list.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
