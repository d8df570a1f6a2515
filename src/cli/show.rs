//! `newsdex show ID`: one article with its people, topics and quotes.

use std::io::Write;

use super::{Outcome, output};
use crate::index::Archive;
use crate::query;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The article's id, as search prints it (a unique prefix of 6 or more characters
    /// will do).
    id: String,
    /// Write the article's enrichment record as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, archive: &Archive) -> anyhow::Result<Outcome> {
    let searcher = archive.index.reader()?.searcher();
    let Some(stored) = query::show(archive, &searcher, &args.id)? else {
        eprintln!("newsdex: no article with id {:?}", args.id);
        return Ok(Outcome::Nothing);
    };
    let mut out = output::stdout();
    if args.json {
        output::json_line(&mut out, &stored)?;
        out.flush()?;
        return Ok(Outcome::Found);
    }
    let color = output::color();
    let (a, e) = (&stored.article, &stored.enriched);
    writeln!(out, "{}", output::paint(color, output::BOLD, &a.title))?;
    writeln!(
        out,
        "{}",
        output::paint(
            color,
            output::DIM,
            &output::meta_line(a.date, a.source.as_deref(), &a.id, &a.path)
        )
    )?;
    if !a.authors.is_empty() {
        writeln!(out, "by {}", a.authors.join(", "))?;
    }
    if let Some(url) = &a.url {
        writeln!(out, "{url}")?;
    }
    if !e.people.is_empty() {
        writeln!(out, "\npeople:")?;
        for p in &e.people {
            let role = p
                .role
                .as_deref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{role} ({} mention{})",
                p.name,
                p.mentions.len(),
                if p.mentions.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    if !e.topics.is_empty() {
        writeln!(out, "\ntopics:")?;
        for t in &e.topics {
            writeln!(out, "  {} ({}, {:.2})", t.label, t.id, t.score)?;
        }
    }
    if !e.quotes.is_empty() {
        writeln!(out, "\nquotes:")?;
        for q in &e.quotes {
            writeln!(out, "  {}", output::quote_line(q))?;
        }
    }
    writeln!(out, "\n{}", a.body)?;
    out.flush()?;
    Ok(Outcome::Found)
}
