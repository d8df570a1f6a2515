//! Quote extraction on arbitrary text, with and without the people found in it (as
//! `enrich` calls it, and alone): no panic, every quote's offsets give its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::extract::quotes::extract_quotes;

fuzz_target!(|data: &[u8]| {
    let a = newsdex_fuzz::article(data);
    newsdex_fuzz::check_quotes(&a, &extract_quotes(&a, &[]));
    let people = newsdex::extract::people::extract_people(&a);
    newsdex_fuzz::check_quotes(&a, &extract_quotes(&a, &people));
});
