//! Date parsing on arbitrary strings: no panic, and a date read back from its own
//! ISO form is itself ("never a wrong date" starts with never a different one).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::date::parse_date;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Some(d) = parse_date(&s) {
        let iso = d.format("%Y-%m-%d").to_string();
        assert_eq!(
            parse_date(&iso),
            Some(d),
            "{s:?} gave {iso}, which reads back otherwise"
        );
    }
});
