//! `newsdex search [QUERY]`: ranked articles with highlighted snippets.

use std::io::Write;

use super::filters::FilterArgs;
use super::{Outcome, output};
use crate::index::Archive;
use crate::query::{self, SearchRequest, Sort};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Words, "exact phrases", AND / OR / NOT (or -word), and field:word for the
    /// fields title, body, source and authors. Leave out to list by filters alone.
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Order of results.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// How many results to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    limit: usize,
    /// Skip this many results first (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Write JSON Lines: one object per result, then a summary object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let req = SearchRequest {
        query: Some(args.query.join(" ")).filter(|q| !q.trim().is_empty()),
        filters: args.filters.to_filters()?,
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        ..SearchRequest::default()
    };
    let results = query::search::search(archive, &searcher, &req)?;
    let mut out = output::stdout();
    let color = output::color();
    for hit in &results.hits {
        if args.json {
            output::json_line(&mut out, hit)?;
            continue;
        }
        writeln!(out, "{}", output::paint(color, output::BOLD, &hit.title))?;
        writeln!(
            out,
            "  {}",
            output::paint(
                color,
                output::DIM,
                &output::meta_line(hit.date, hit.source.as_deref(), &hit.id, &hit.path)
            )
        )?;
        writeln!(
            out,
            "  {}\n",
            output::highlight(color, &hit.snippet, &hit.highlights)
        )?;
    }
    output::finish_listing(
        &mut out,
        args.json,
        results.total,
        results.hits.len(),
        "articles",
    )
}
