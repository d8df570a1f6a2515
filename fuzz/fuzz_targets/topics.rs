//! Topic extraction on arbitrary text: no panic, well-formed ids and scores.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let a = newsdex_fuzz::article(data);
    newsdex_fuzz::check_topics(&newsdex::extract::topics::extract_topics(&a));
});
