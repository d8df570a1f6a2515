//! Index folders newsdex did not make, made by another version, or damaged: every
//! command says what is wrong and what to do (`newsdex index --rebuild`), never
//! panics, and `--rebuild` brings back a working index.

use crate::util::{TestDir, txt};

fn small_index(t: &TestDir) {
    small_index_files(t);
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// Every reading command and `index` itself fail with advice; `--rebuild` repairs.
fn assert_refused_then_rebuilt(t: &TestDir, what: &str, expect: &str) {
    for args in [
        &["search", "fine"][..],
        &["stats"],
        &["quotes"],
        &["people"],
        &["topics"],
        &["show", "0000"],
        &["index", "--quiet", "a"],
    ] {
        let r = t.run(args);
        assert_eq!(r.code, 2, "{what}: {args:?} gave {}: {}", r.code, r.stderr);
        assert!(
            !r.stderr.contains("panicked"),
            "{what}: {args:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("newsdex index --rebuild") && r.stderr.contains(expect),
            "{what}: {args:?} gives no clear advice: {}",
            r.stderr
        );
    }
    let r = t.run(&["index", "--quiet", "--rebuild", "a"]);
    assert_eq!(r.code, 0, "{what}: --rebuild: {}", r.stderr);
    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert_eq!(stats["articles"], 3, "{what}");
}

#[test]
fn index_from_an_older_or_newer_newsdex_is_named_as_such() {
    let marker = newsdex::index::schema::MARKER;
    let ours = newsdex::index::schema::VERSION;
    for (found, expect) in [(0, "an older newsdex"), (ours + 1, "a newer newsdex")] {
        let t = TestDir::new();
        small_index(&t);
        t.write(
            &format!(".newsdex/{marker}"),
            format!("{{\"schema\": {found}}}"),
        );
        assert_refused_then_rebuilt(&t, expect, &format!("schema {found}; this one"));
    }
}

/// An index made before the marker existed, with another schema: the schema itself
/// tells it apart.
#[test]
fn index_with_another_schema_is_refused_with_advice() {
    let t = TestDir::new();
    t.write("a/x.txt", "x");
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("title", tantivy::schema::TEXT | tantivy::schema::STORED);
    let dir = t.path().join(".newsdex");
    std::fs::create_dir(&dir).unwrap();
    tantivy::Index::create_in_dir(&dir, b.build()).unwrap();
    small_index_files(&t);
    assert_refused_then_rebuilt(&t, "old schema", "another version of newsdex");
}

fn small_index_files(t: &TestDir) {
    for i in 0..3 {
        t.write(
            &format!("a/{i}.txt"),
            txt(
                &format!("Story {i}"),
                "2017-01-01",
                "S",
                "\"Fine,\" said Ada Pollexfen, a clerk.",
            ),
        );
    }
    let _ = std::fs::remove_file(t.path().join("a/x.txt"));
}

#[test]
fn garbage_meta_json_is_a_damaged_index() {
    let t = TestDir::new();
    small_index(&t);
    t.write(".newsdex/meta.json", b"\x00\x01{{{ not json");
    assert_refused_then_rebuilt(&t, "garbage meta.json", "damaged");
}

#[test]
fn missing_segment_file_is_a_damaged_index() {
    let t = TestDir::new();
    small_index(&t);
    let store = std::fs::read_dir(t.path().join(".newsdex"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .expect("a .store file");
    std::fs::remove_file(&store).unwrap();
    assert_refused_then_rebuilt(&t, "missing .store", "is missing");
}

/// Each file of the index cut short or overwritten in the middle: a clear error or a
/// working answer, never a panic; `--rebuild` always repairs.
#[test]
fn truncated_or_overwritten_index_files_never_panic() {
    let t = TestDir::new();
    small_index(&t);
    let dir = t.path().join(".newsdex");
    let pristine = t.path().join("pristine");
    std::fs::create_dir(&pristine).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".tantivy")
        })
        .collect();
    files.sort();
    for f in &files {
        std::fs::copy(f, pristine.join(f.file_name().unwrap())).unwrap();
    }
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let original = std::fs::read(f).unwrap();
        let half = original[..original.len() / 2].to_vec();
        let mut scribbled = original.clone();
        let mid = scribbled.len() / 2;
        for b in scribbled.iter_mut().skip(mid).take(64) {
            *b = 0xA5;
        }
        for (how, bytes) in [("truncated", half), ("overwritten", scribbled)] {
            std::fs::write(f, &bytes).unwrap();
            for args in [&["search", "fine"][..], &["quotes", "fine"]] {
                let r = t.run(args);
                assert!(
                    !r.stderr.contains("panicked") && r.code != 101,
                    "{name} {how}: {args:?}: {}",
                    r.stderr
                );
                if r.code == 2 {
                    assert!(
                        r.stderr.contains("--rebuild"),
                        "{name} {how}: {args:?} gives no advice: {}",
                        r.stderr
                    );
                }
            }
            let r = t.run(&["index", "--quiet", "--rebuild", "a"]);
            assert_eq!(r.code, 0, "{name} {how}: --rebuild: {}", r.stderr);
            assert_eq!(t.run(&["stats", "--json"]).json()[0]["articles"], 3);
            // Back to the index as it was, for the next file.
            std::fs::remove_dir_all(&dir).unwrap();
            std::fs::create_dir(&dir).unwrap();
            for p in &files {
                std::fs::copy(pristine.join(p.file_name().unwrap()), p).unwrap();
            }
        }
    }
}

/// A run killed as it created the index leaves only the schema marker, a lock file
/// and perhaps the temporary file tantivy writes `meta.json` through: that is no index
/// yet (not a foreign one), and the next run makes it.
#[test]
fn index_killed_before_its_first_commit_is_no_index_yet() {
    let t = TestDir::new();
    small_index_files(&t);
    let marker = newsdex::index::schema::MARKER;
    t.write(&format!(".newsdex/{marker}"), "{\"schema\": 1}");
    t.write(".newsdex/.tantivy-writer.lock", "");
    t.write(".newsdex/.tmpA1b2C3", "{\"index_settings\": ");
    let r = t.run(&["stats"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no index at"), "{}", r.stderr);
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(t.run(&["stats", "--json"]).json()[0]["articles"], 3);
}
