//! Files that change while a run reads them, or vanish between the walk and the read:
//! reported by name, never indexed half old and half new, the run goes on, and the
//! next run picks up what the file became. At library level (walk, then change the
//! files, then update), where the order of events is ours to choose.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use newsdex::index::Archive;
use newsdex::index::writer::{Summary, UpdateOptions, update};
use newsdex::ingest::walk::{WalkOptions, Walked, walk};

use crate::util::{TestDir, txt};

fn walked(t: &TestDir, dir: &str) -> Walked {
    walk(&[t.path().join(dir)], WalkOptions::default(), None)
}

fn update_with(t: &TestDir, w: &Walked) -> (Summary, Vec<String>) {
    let archive = Archive::open_or_create(&t.path().join(".newsdex"), false).unwrap();
    let notes = std::sync::Mutex::new(Vec::new());
    let summary = update(&archive, w, &UpdateOptions::default(), &|e| {
        if let newsdex::index::writer::Event::Note { path, note } = e {
            notes.lock().unwrap().push(format!("{path}: {note}"));
        }
    })
    .unwrap();
    (summary, notes.into_inner().unwrap())
}

fn titles(t: &TestDir) -> Vec<String> {
    let r = t.run(&["search", "--json", "-n", "100", "--sort", "date"]);
    let mut v: Vec<String> = r
        .json()
        .iter()
        .filter_map(|h| h["title"].as_str().map(str::to_string))
        .collect();
    v.sort();
    v
}

fn failure<'a>(s: &'a Summary, name: &str) -> Option<&'a str> {
    s.failures
        .iter()
        .find(|(p, _)| p.ends_with(name))
        .map(|(_, r)| r.as_str())
}

#[test]
fn file_that_vanishes_after_the_walk_is_reported_and_the_run_goes_on() {
    let t = TestDir::new();
    for name in ["one", "two", "three"] {
        t.write(
            &format!("a/{name}.txt"),
            txt(name, "2017-01-01", "S", "Body."),
        );
    }
    let w = walked(&t, "a");
    std::fs::remove_file(t.path().join("a/two.txt")).unwrap();
    let (s, _) = update_with(&t, &w);
    assert_eq!(s.added, 2);
    assert!(
        failure(&s, "two.txt").is_some_and(|r| r.contains("vanished")),
        "{:?}",
        s.failures
    );
    assert_eq!(titles(&t), ["one", "three"]);
    // The CLI reports such a file like any other failure: named, exit code 2.
    let gone = t.write("b/gone.txt", txt("gone", "2017-01-01", "S", "Body."));
    let w = walked(&t, "b");
    std::fs::remove_file(&gone).unwrap();
    let (s, _) = update_with(&t, &w);
    assert!(failure(&s, "gone.txt").is_some());
    // A file indexed before, changed, then gone before it is read again: its old
    // articles stay until the next run sees it gone.
    std::thread::sleep(Duration::from_millis(10));
    t.write(
        "a/one.txt",
        txt("one, changed", "2017-01-01", "S", "Body two."),
    );
    let w = walked(&t, "a");
    std::fs::remove_file(t.path().join("a/one.txt")).unwrap();
    let (s, _) = update_with(&t, &w);
    assert!(failure(&s, "one.txt").is_some_and(|r| r.contains("vanished")));
    assert_eq!(titles(&t), ["one", "three"]);
    let r = t.run(&["index", "--quiet", "--json", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(titles(&t), ["three"]);
}

#[test]
fn file_changed_after_the_walk_is_indexed_as_it_was_read() {
    let t = TestDir::new();
    t.write("a/x.txt", txt("Before", "2017-01-01", "S", "Short."));
    let w = walked(&t, "a");
    std::thread::sleep(Duration::from_millis(10));
    t.write(
        "a/x.txt",
        txt("After", "2017-01-01", "S", "A longer body than before."),
    );
    let (s, _) = update_with(&t, &w);
    assert_eq!((s.added, s.failures.len()), (1, 0));
    assert_eq!(titles(&t), ["After"]);
    let (s, _) = update_with(&t, &walked(&t, "a"));
    assert_eq!((s.added, s.updated), (0, 0), "nothing new to read");
}

/// File systems keep modification times to a few milliseconds: a file rewritten
/// (same size) in the same tick as it was indexed looks unchanged. The next run must
/// still read it: a file indexed moments after it was written is checked again.
#[test]
fn file_rewritten_within_the_same_timestamp_is_read_again() {
    let t = TestDir::new();
    let p = t.write("a/x.txt", txt("Version A", "2017-01-01", "S", "Body A."));
    let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::write(&p, txt("Version B", "2017-01-01", "S", "Body B.")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(titles(&t), ["Version B"]);
}

/// The `n`th version of a file: its number at the start and the end, and a length of
/// its own, so a read that mixes versions or stops short shows.
fn version(n: usize) -> String {
    txt(
        &format!("Version {n}"),
        "2017-01-01",
        "S",
        &format!(
            "Start of version {n}. {} End of version {n}.",
            "Filler text. ".repeat(20_000 + n * 7)
        ),
    )
}

fn rewrite_in_place(p: &Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::File::create(p).unwrap(); // truncates, then writes in pieces
    for chunk in text.as_bytes().chunks(4096) {
        f.write_all(chunk).unwrap();
    }
}

#[test]
fn file_rewritten_while_being_read_is_never_indexed_half_and_half() {
    let t = TestDir::new();
    let p: PathBuf = t.write("a/x.txt", version(0));
    let stop = AtomicBool::new(false);
    let last = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                rewrite_in_place(&p, &version(n));
            }
            n
        });
        for round in 0..6 {
            let w = walked(&t, "a");
            let (s, notes) = update_with(&t, &w);
            let archive = Archive::open(&t.path().join(".newsdex")).unwrap();
            let searcher = archive.index.reader().unwrap().searcher();
            let hits = newsdex::query::search::search(
                &archive,
                &searcher,
                &newsdex::query::SearchRequest {
                    limit: 10,
                    ..Default::default()
                },
            )
            .unwrap();
            for hit in &hits.hits {
                let shown = newsdex::query::show(&archive, &searcher, &hit.id)
                    .unwrap()
                    .unwrap();
                let n: usize = hit.title["Version ".len()..].parse().unwrap();
                let body = &shown.article.body;
                // A version caught while it was being written may be cut short (it is
                // what the file held then, and the next run reads it again); what must
                // never happen is the start of one version with the end of another.
                let end = body
                    .rfind("End of version ")
                    .map(|i| body[i + 15..].trim_end_matches('.').to_string());
                assert!(
                    body.starts_with(&format!("Start of version {n}."))
                        && end.as_ref().is_none_or(|m| *m == n.to_string()),
                    "round {round}: version {n} indexed with the end of version {end:?} ({} bytes); failures {:?}, notes {notes:?}",
                    body.len(),
                    s.failures
                );
            }
            if let Some(reason) = failure(&s, "x.txt") {
                assert!(
                    reason.contains("changed while being read") || reason.contains("empty file"),
                    "round {round}: {reason}"
                );
            }
        }
        stop.store(true, Ordering::Relaxed);
        writer.join().unwrap()
    });
    // Once the file stops changing, the next run indexes what it became.
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(titles(&t), [format!("Version {last}")]);
    let shown = t.run(&["search", "--json", &format!("\"end of version {last}\"")]);
    assert_eq!(shown.code, 0, "the last version is not indexed whole");
}
