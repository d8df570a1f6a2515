//! People extraction on arbitrary text: no panic, every mention's offsets give its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let a = newsdex_fuzz::article(data);
    let people = newsdex::extract::people::extract_people(&a);
    newsdex_fuzz::check_people(&a, &people);
});
