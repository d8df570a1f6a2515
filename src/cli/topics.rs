//! `newsdex topics [QUERY]`: what the matching articles are about; with `--timeline`,
//! how coverage of one topic or person changed month by month.

use std::io::Write;

use super::filters::FilterArgs;
use super::{Outcome, output};
use crate::extract::TopicKind;
use crate::index::Archive;
use crate::query::{SearchRequest, topics};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    Place,
    Org,
    Subject,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only articles matching this query (same syntax as `search`).
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Only topics of this kind.
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// Chart articles per month about this topic (id, label or alias) or person.
    #[arg(long, value_name = "TOPIC_OR_PERSON")]
    timeline: Option<String>,
    /// How many topics to list.
    #[arg(short = 'n', long, default_value_t = 30)]
    limit: usize,
    /// Write JSON Lines: one object per topic (or per month).
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let mut req = SearchRequest {
        query: Some(args.query.join(" ")).filter(|q| !q.trim().is_empty()),
        filters: args.filters.to_filters()?,
        limit: args.limit,
        ..SearchRequest::default()
    };
    let mut out = output::stdout();
    if let Some(subject) = &args.timeline {
        if crate::extract::topics::lookup(subject).is_some() {
            req.filters.topics.push(subject.clone());
        } else {
            req.filters.people.push(subject.clone());
        }
        let months = topics::timeline(archive, &searcher, &req)?;
        if args.json {
            for m in &months {
                output::json_line(&mut out, m)?;
            }
        } else {
            let max = months.iter().map(|m| m.articles).max().unwrap_or(0).max(1);
            for m in &months {
                let width = (m.articles * 50).div_ceil(max) as usize;
                writeln!(out, "{}  {:<50} {}", m.month, "█".repeat(width), m.articles)?;
            }
        }
        out.flush()?;
        return Ok(if months.is_empty() {
            Outcome::Nothing
        } else {
            Outcome::Found
        });
    }
    let kind = args.kind.map(|k| match k {
        Kind::Place => TopicKind::Place,
        Kind::Org => TopicKind::Org,
        Kind::Subject => TopicKind::Subject,
    });
    let list = topics::topics(archive, &searcher, &req, kind)?;
    let color = output::color();
    for t in &list {
        if args.json {
            output::json_line(&mut out, t)?;
        } else {
            writeln!(
                out,
                "{:>6}  {}  {}",
                t.articles,
                t.label,
                output::paint(color, output::DIM, &t.id)
            )?;
        }
    }
    out.flush()?;
    Ok(if list.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
