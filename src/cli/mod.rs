//! The command line: clap definitions (their doc comments are the help text), one
//! module per command, and the rendering shared by them. The library never sees clap.

mod extract;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Search news archives by who, what and who said it.
#[derive(Parser, Debug)]
#[command(name = "newsdex", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Enrich article files without indexing them: people, topics and quotes.
    Extract(extract::Args),
}

/// What a command found, for the exit code.
pub enum Outcome {
    /// Results were printed.
    Found,
    /// The command ran and found nothing.
    Nothing,
    /// Nothing was found because input failed (each failure named on stderr).
    Failed,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
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
