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
        Command::Index(args) => index::run(args, index.clone()),
        Command::Extract(args) => extract::run(args),
        Command::Search(args) => reading(&index, || search::run(args, &open(&index)?)),
        Command::Quotes(args) => reading(&index, || quotes::run(args, &open(&index)?)),
        Command::People(args) => reading(&index, || people::run(args, &open(&index)?)),
        Command::Topics(args) => reading(&index, || topics::run(args, &open(&index)?)),
        Command::Show(args) => reading(&index, || show::run(args, &open(&index)?)),
        Command::Stats(args) => reading(&index, || stats::run(args, &open(&index)?)),
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
            if let Some(advice) = advice(&e, &index) {
                eprintln!("newsdex: {advice}");
            }
            ExitCode::from(2)
        }
    }
}

/// Run a command that reads the index. tantivy can panic on index files damaged in
/// ways its checks miss (a doc store overwritten in the middle): that becomes an
/// error that says what to do, not a crash.
fn reading(
    index: &std::path::Path,
    run: impl FnOnce() -> anyhow::Result<Outcome>,
) -> anyhow::Result<Outcome> {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run));
    std::panic::set_hook(default_hook);
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(anyhow::anyhow!(
            "the index at {} could not be read ({what}); it may be damaged: \
             `newsdex index --rebuild PATH...` makes it anew",
            index.display()
        ))
    })
}

/// What to do about an error tantivy gave in its own words, which name neither the
/// index folder nor a way out.
fn advice(e: &anyhow::Error, index: &std::path::Path) -> Option<String> {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::LockError;
    let t = e
        .chain()
        .find_map(|c| match c.downcast_ref::<crate::Error>() {
            Some(crate::Error::Tantivy(t)) => Some(t),
            _ => c.downcast_ref::<T>(),
        })?;
    Some(match t {
        // Reading takes no lock a read-only folder cannot hold (`index::folder`), so
        // this is a write, or a folder that lost its permissions during the run.
        T::LockFailure(LockError::IoError(io), _)
            if io.kind() == std::io::ErrorKind::PermissionDenied
                || io.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
        {
            format!(
                "{} is not writable: make the folder writable, or copy the index to one \
                 that is and use --index",
                index.display()
            )
        }
        _ => format!(
            "the index at {} may be damaged: `newsdex index --rebuild DIR...` rebuilds it",
            index.display()
        ),
    })
}

fn open(path: &std::path::Path) -> anyhow::Result<Archive> {
    Ok(Archive::open(path)?)
}
