//! The html reader on arbitrary bytes: never a panic, every article well formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::{Format, read_bytes};

fuzz_target!(|data: &[u8]| {
    let out = read_bytes("fuzz.html", Format::Html, data);
    newsdex_fuzz::check_outcome(&out);
});
