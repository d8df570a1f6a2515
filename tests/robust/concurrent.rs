//! Reading while `index` runs: every search sees at least the last commit made before
//! it started and never goes back; a second writer is told the index is busy and the
//! first finishes unharmed.

use std::process::Stdio;
use std::time::Duration;

use crate::util::{TestDir, txt};

/// `n` articles in `dir/`, each with one quote.
pub fn many_articles(t: &TestDir, dir: &str, n: usize) {
    for i in 0..n {
        t.write(
            &format!("{dir}/{:02}/{i}.txt", i % 40),
            txt(
                &format!("Story {i}"),
                "2017-01-01",
                "S",
                &format!(
                    "Body of story number {i} with the busyword. {}\n\n\"Story {i} is told,\" said Wenna Trevithick, a clerk.",
                    "More text about the harbour. ".repeat(30)
                ),
            ),
        );
    }
}

/// Articles in the last commit, read with the library (not the CLI under test).
fn committed(index: &std::path::Path) -> Option<usize> {
    let archive = newsdex::index::Archive::open(index).ok()?;
    let searcher = archive.index.reader().ok()?.searcher();
    Some(newsdex::query::stats(&archive, &searcher).ok()?.articles)
}

#[test]
fn search_while_indexing_sees_the_last_commit_and_a_second_writer_is_busy() {
    let t = TestDir::new();
    let total = 2000;
    many_articles(&t, "big", total);
    let mut writer = t
        .command(&["index", "--quiet", "--json", "--commit-every", "1", "big"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let index = t.path().join(".newsdex");
    let (mut seen, mut between, mut busy_checked) = (0usize, 0usize, false);
    while writer.try_wait().unwrap().is_none() {
        let Some(before) = committed(&index) else {
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        let run = t.run(&["stats", "--json"]);
        if run.stderr.contains("no index") {
            continue;
        }
        assert!(run.code <= 1, "stats while indexing: {}", run.stderr);
        let now = run.json()[0]["articles"].as_u64().unwrap() as usize;
        assert!(
            now >= before,
            "search saw {now} articles, {before} were committed before it started"
        );
        assert!(now >= seen, "articles went back from {seen} to {now}");
        seen = now;
        if 0 < now && now < total {
            between += 1;
            let found = t.run(&["search", "--json", "-n", "5", "busyword"]);
            assert_eq!(found.code, 0, "{}", found.stderr);
            if !busy_checked {
                let second = t.run(&["index", "--quiet", "big"]);
                assert_eq!(second.code, 2, "{}", second.stderr);
                assert!(second.stderr.contains("index is busy"), "{}", second.stderr);
                busy_checked = true;
            }
        }
    }
    let out = writer.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        between > 0 && busy_checked,
        "the run ended before a search could see one of its commits (seen {seen})"
    );
    let snap = super::interrupted::snapshot(&t, ".newsdex", 10 * total);
    assert_eq!((snap.articles, snap.files), (total, total));
}
