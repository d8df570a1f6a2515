//! Where an index's bytes go, by file kind and by field: `cargo run --release
//! --example space_usage -- INDEX_DIR`. For BENCHMARKS.md's size rows.

use std::collections::BTreeMap;

use newsdex::index::Archive;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: space_usage INDEX_DIR")?;
    let archive = Archive::open(std::path::Path::new(&dir))?;
    let searcher = archive.index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    let mut by_field: BTreeMap<(String, &str), u64> = BTreeMap::new();
    let mut store = 0u64;
    for seg in usage.segments() {
        let parts = [
            ("postings", seg.postings()),
            ("positions", seg.positions()),
            ("terms", seg.termdict()),
            ("fast", seg.fast_fields()),
            ("norms", seg.fieldnorms()),
        ];
        for (kind, per_field) in parts {
            for u in per_field.fields() {
                let name = u.field_name().to_string();
                *by_field.entry((name, kind)).or_default() += u.total().get_bytes();
            }
        }
        store += seg.store().total().get_bytes();
    }
    let mb = |b: u64| b as f64 / 1e6;
    println!(
        "total {:.1} MB, doc store {:.1} MB",
        mb(usage.total().get_bytes()),
        mb(store)
    );
    // Every part of at least 0.5% of the index, largest first.
    let total = usage.total().get_bytes();
    let mut rows: Vec<_> = by_field.into_iter().collect();
    rows.sort_by_key(|(_, b)| std::cmp::Reverse(*b));
    for ((field, kind), bytes) in rows.into_iter().filter(|(_, b)| *b * 200 >= total) {
        let share = 100.0 * bytes as f64 / total as f64;
        println!("{:>8.2} MB {share:>5.1}%  {field} {kind}", mb(bytes));
    }
    Ok(())
}
