//! The command line: clap definitions (their doc comments are the help text), one
//! module per command, and the rendering shared by them. The library never sees clap.

mod extract;
mod filters;
mod index;
mod output;
mod people;
mod quotes;
mod search;
mod show;
mod stats;
mod topics;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::index::{Archive, DEFAULT_DIR};

/// Search news archives by who, what and who said it.
#[derive(Parser, Debug)]
#[command(name = "newsdex", version, about, max_term_width = 100)]
pub struct Cli {
    /// The index folder.
    #[arg(long, global = true, env = "NEWSDEX_INDEX", value_name = "PATH", default_value = DEFAULT_DIR)]
    index: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build or update the index from folders of articles.
    Index(index::Args),
    /// Search articles: ranked, filtered, with highlighted snippets.
    Search(search::Args),
    /// List quotes: who said what, with filters by speaker, topic and date.
    Quotes(quotes::Args),
    /// List who is mentioned in the matching articles, with article counts.
    People(people::Args),
    /// List what the matching articles are about, or chart a topic by month.
    Topics(topics::Args),
    /// Print one article with its people, topics and quotes.
    Show(show::Args),
    /// Say what the index holds.
    Stats(stats::Args),
    /// Enrich article files without indexing them: people, topics and quotes.
    Extract(extract::Args),
}

/// What a command found, for the exit code.
pub enum Outcome {
    /// Results were printed.
    Found,
    /// The command ran and found nothing.
    Nothing,
    /// Some input failed (each failure named on stderr).
    Failed,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let index = cli.index;
    let result = match cli.command {
        Command::Index(args) => index::run(args, index),
        Command::Extract(args) => extract::run(args),
        Command::Search(args) => open(&index).and_then(|a| search::run(args, &a)),
        Command::Quotes(args) => open(&index).and_then(|a| quotes::run(args, &a)),
        Command::People(args) => open(&index).and_then(|a| people::run(args, &a)),
        Command::Topics(args) => open(&index).and_then(|a| topics::run(args, &a)),
        Command::Show(args) => open(&index).and_then(|a| show::run(args, &a)),
        Command::Stats(args) => open(&index).and_then(|a| stats::run(args, &a)),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::from(0),
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(e) => {
            if output::is_broken_pipe(&e) {
                return ExitCode::from(0);
            }
            eprintln!("newsdex: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn open(path: &std::path::Path) -> anyhow::Result<Archive> {
    Ok(Archive::open(path)?)
}
