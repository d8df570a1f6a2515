//! `newsdex quotes [QUERY]`: what people said, with who said it, where and when.

use std::io::Write;

use super::filters::FilterArgs;
use super::{Outcome, output};
use crate::index::Archive;
use crate::query::{SearchRequest, Sort, search};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    /// Inside quote marks.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Words or "phrases" in the quote (same syntax as `search`).
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    /// Only quotes by this speaker (any alias of a person; or a body, "White House").
    #[arg(long, value_name = "NAME")]
    speaker: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Only quotes of this kind.
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// Order of results.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// How many quotes to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    limit: usize,
    /// Write JSON Lines: one object per quote, then a summary object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let mut filters = args.filters.to_filters()?;
    filters.speakers = args.speaker.clone();
    let req = SearchRequest {
        query: Some(args.query.join(" ")).filter(|q| !q.trim().is_empty()),
        filters,
        sort: args.sort,
        limit: args.limit,
        quotes: true,
        quote_kind: args.kind.map(|k| {
            match k {
                Kind::Direct => "direct",
                Kind::Partial => "partial",
                Kind::Indirect => "indirect",
            }
            .to_string()
        }),
        ..SearchRequest::default()
    };
    let results = search::search(archive, &searcher, &req)?;
    let mut out = output::stdout();
    let color = output::color();
    for hit in &results.hits {
        if args.json {
            output::json_line(&mut out, hit)?;
            continue;
        }
        let q = hit.quote.as_ref();
        let speaker = q
            .and_then(|q| q.speaker.as_deref().or(q.speaker_mention.as_deref()))
            .unwrap_or("unknown speaker");
        let cue = q.and_then(|q| q.cue.as_deref()).unwrap_or("");
        let kind = q
            .map(|q| format!("{:?}", q.kind).to_lowercase())
            .unwrap_or_default();
        writeln!(
            out,
            "{} {}",
            output::paint(color, output::BOLD, speaker),
            output::paint(color, output::DIM, &format!("({cue}, {kind})"))
        )?;
        writeln!(
            out,
            "  \u{201c}{}\u{201d}",
            output::highlight(color, &hit.snippet, &hit.highlights)
        )?;
        let article_id = hit.article.as_str();
        writeln!(
            out,
            "  {}\n",
            output::paint(
                color,
                output::DIM,
                &format!(
                    "{} · {}",
                    hit.title,
                    output::meta_line(hit.date, hit.source.as_deref(), article_id, "")
                )
            )
        )?;
    }
    output::finish_listing(
        &mut out,
        args.json,
        results.total,
        results.hits.len(),
        "quotes",
    )
}
