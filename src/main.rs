//! The newsdex binary: parse arguments, run one command, turn its outcome into an exit
//! code (0 results, 1 none, 2 error). Everything else lives in the library and `cli`.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction and tantivy's indexing make
/// many small, short-lived allocations, and glibc's malloc took a seventh of the
/// extraction time (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newsdex::cli::main()
}
