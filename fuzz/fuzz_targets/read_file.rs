//! Reading a file from disk, as `newsdex index` does: the streaming JSON Lines reader,
//! the size limits and gzip (`MultiGzDecoder`) on arbitrary bytes. The first byte
//! picks the format and whether the rest is stored as is, gzip-compressed, or given
//! as a (likely broken) gzip stream itself.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use newsdex::ingest::{Limits, read_file};

const EXTS: [&str; 5] = ["txt", "md", "json", "jsonl", "html"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let ext = EXTS[usize::from(pick) % EXTS.len()];
    let mode = (pick / 5) % 3;
    let dir = std::env::temp_dir().join(format!("newsdex-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (name, bytes) = match mode {
        0 => (format!("f.{ext}"), rest.to_vec()),
        1 => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(rest).unwrap();
            (format!("f.{ext}.gz"), e.finish().unwrap())
        }
        _ => (format!("f.{ext}.gz"), rest.to_vec()),
    };
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    // Small limits, so the size checks and the skipping of long lines are reached.
    let limits = Limits {
        max_article_bytes: 4096,
        max_json_bytes: 8192,
    };
    let out = read_file(&path, limits);
    newsdex_fuzz::check_outcome(&out);
    let _ = std::fs::remove_file(&path);
});
