//! The newsdex binary: parse arguments, run one command, turn its outcome into an exit
//! code (0 results, 1 none, 2 error). Everything else lives in the library and `cli`.

use std::process::ExitCode;

fn main() -> ExitCode {
    newsdex::cli::main()
}
