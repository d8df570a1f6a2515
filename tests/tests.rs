//! Integration tests: the real binary on temporary folders and on `sample-corpus/`.

mod robust;
mod util;

use std::io::Write;

use util::{TestDir, sample_corpus, txt};

/// Index `dir` (relative to the test folder) and parse the JSON summary.
fn index(t: &TestDir, dirs: &[&str]) -> (i32, serde_json::Value, String) {
    let mut args = vec!["index", "--json", "--quiet"];
    args.extend_from_slice(dirs);
    let run = t.run(&args);
    let summary = run
        .json()
        .pop()
        .unwrap_or_else(|| panic!("no summary: {}", run.stderr));
    (run.code, summary, run.stderr)
}

fn search(t: &TestDir, args: &[&str]) -> Vec<serde_json::Value> {
    listing(t, "search", args)
}

/// Run a listing command with `--json`: its results, after checking the summary line.
fn listing(t: &TestDir, command: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec![command, "--json"];
    all.extend_from_slice(args);
    let run = t.run(&all);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let mut lines = run.json();
    let summary = lines.pop().expect("summary line");
    assert_eq!(summary["type"], "summary");
    lines
}

fn titles(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// One article in every format we read, each with a word found nowhere else.
fn every_format(t: &TestDir) {
    t.write(
        "a/plain.txt",
        txt(
            "Plain text story",
            "2017-11-21",
            "Wire One",
            "The alphaword is here.",
        ),
    );
    t.write(
        "a/front.md",
        "---\ntitle: Markdown story\ndate: 11/22/2017\nsource: Wire Two\nauthors: [Ana Ruiz]\n---\n\nThe *betaword* is here.\n",
    );
    t.write(
        "a/one.json",
        r#"{"title":"JSON story","content_original":"The gammaword is here.","date":"Tue, 21 Nov 2017 14:03:00 +0000","source":"Wire One","authors":"Tom Lee"}"#,
    );
    t.write(
        "a/many.json",
        r#"[{"headline":"Array story one","articleBody":"The deltaword is here.","datePublished":"2018-01-02"},{"headline":"Array story two","articleBody":"The epsilonword is here.","datePublished":"2018-01-03"}]"#,
    );
    t.write(
        "a/lines.jsonl",
        "{\"title\":\"Lines story one\",\"text\":\"The zetaword is here.\",\"publishedAt\":\"2019-05-01T10:00:00Z\"}\n\n{\"title\":\"Lines story two\",\"text\":\"The etaword is here.\",\"publishedAt\":\"2019-05-02T10:00:00Z\"}\n",
    );
    t.write(
        "a/page.html",
        "<html><head><title>HTML story</title><meta property=\"article:published_time\" content=\"2020-03-04T05:06:07Z\"></head><body><nav>Home | World</nav><article><p>The thetaword is here, in the main text of the page.</p></article><footer>Copyright</footer></body></html>",
    );
    t.write(
        "a/packed.html.gz",
        gzip(b"<html><head><title>Gzip story</title></head><body><article><p>The iotaword is here, in a compressed page.</p></article></body></html>"),
    );
    t.write(
        "a/packed.jsonl.gz",
        gzip(b"{\"title\":\"Gzip lines story\",\"body\":\"The kappaword is here.\"}\n"),
    );
}

#[test]
fn indexes_every_format() {
    let t = TestDir::new();
    every_format(&t);
    let (code, summary, stderr) = index(&t, &["a"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary["added"], 10);
    assert_eq!(summary["failed"], 0);
    for (word, title) in [
        ("alphaword", "Plain text story"),
        ("betaword", "Markdown story"),
        ("gammaword", "JSON story"),
        ("deltaword", "Array story one"),
        ("epsilonword", "Array story two"),
        ("zetaword", "Lines story one"),
        ("etaword", "Lines story two"),
        ("thetaword", "HTML story"),
        ("iotaword", "Gzip story"),
        ("kappaword", "Gzip lines story"),
    ] {
        assert_eq!(titles(&search(&t, &[word])), [title], "{word}");
    }
}

#[test]
fn dates_from_every_format_are_stored() {
    let t = TestDir::new();
    every_format(&t);
    index(&t, &["a"]);
    let hits = search(
        &t,
        &[
            "--since",
            "2017-11-21",
            "--until",
            "2017-11-22",
            "--sort",
            "date",
        ],
    );
    let mut got = titles(&hits);
    got.sort();
    assert_eq!(got, ["JSON story", "Markdown story", "Plain text story"]);
    assert_eq!(hits[0]["date"], "2017-11-22");
    let hits = search(&t, &["--since", "2020"]);
    assert_eq!(titles(&hits), ["HTML story"]);
}

#[test]
fn reindex_reads_only_changes_and_never_duplicates() {
    let t = TestDir::new();
    every_format(&t);
    let (_, first, _) = index(&t, &["a"]);
    assert_eq!(first["added"], 10);

    let (_, again, _) = index(&t, &["a"]);
    assert_eq!(again["read"], 0);
    assert_eq!(again["unchanged"], 8);
    assert_eq!(again["added"], 0);

    // Change one file, delete another, add a third.
    std::thread::sleep(std::time::Duration::from_millis(20));
    t.write(
        "a/plain.txt",
        txt(
            "Plain text story, revised",
            "2017-11-21",
            "Wire One",
            "The alphaword is here twice.",
        ),
    );
    std::fs::remove_file(t.path().join("a/many.json")).unwrap();
    t.write(
        "a/new.txt",
        txt("New story", "2021-01-01", "Wire One", "A lambdaword."),
    );
    let (_, third, _) = index(&t, &["a"]);
    assert_eq!(third["read"], 2);
    assert_eq!(third["updated"], 1);
    assert_eq!(third["added"], 1);
    assert_eq!(third["removed"], 2);

    assert_eq!(
        titles(&search(&t, &["alphaword"])),
        ["Plain text story, revised"]
    );
    assert!(search(&t, &["deltaword"]).is_empty());
    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert_eq!(stats["articles"], 9);
    assert_eq!(stats["files"], 8);
}

#[test]
fn touched_file_is_not_reindexed() {
    let t = TestDir::new();
    let p = t.write("a/x.txt", txt("Touched", "2017-01-01", "S", "Body text."));
    index(&t, &["a"]);
    let f = std::fs::File::options().append(true).open(&p).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let (_, s, _) = index(&t, &["a"]);
    assert_eq!(s["unchanged"], 1);
    assert_eq!(s["updated"], 0);
    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert_eq!(stats["articles"], 1);
}

#[test]
fn indexing_one_folder_keeps_another() {
    let t = TestDir::new();
    t.write("a/x.txt", txt("From A", "2017-01-01", "S", "Body."));
    t.write("b/y.txt", txt("From B", "2017-01-01", "S", "Body."));
    index(&t, &["a"]);
    index(&t, &["b"]);
    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert_eq!(stats["articles"], 2);
    // The same folder twice, or a folder and its child, is still read once.
    let (_, s, _) = index(&t, &["a", "a", "."]);
    assert_eq!(s["added"], 0);
    assert_eq!(t.run(&["stats", "--json"]).json()[0]["articles"], 2);
}

#[test]
fn bad_input_is_named_and_the_run_goes_on() {
    let t = TestDir::new();
    t.write(
        "bad/good.txt",
        txt("Good story", "2017-01-01", "S", "The goodword."),
    );
    t.write("bad/empty.txt", "");
    t.write("bad/blank.md", "  \n\n ");
    t.write("bad/binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    t.write("bad/broken.json", "{\"title\": \"Broken\", \"body\": ");
    t.write("bad/nobody.json", r#"{"title":"No body here"}"#);
    t.write(
        "bad/mixed.jsonl",
        "{\"title\":\"Mixed good\",\"body\":\"The mixedword.\"}\n{not json}\n{\"title\":\"no body\"}\n",
    );
    t.write(
        "bad/latin1.txt",
        b"Caf\xe9 story\n\nThe caf\xe9word is \x93here\x94.\n",
    );
    t.write("bad/deep.json", "[".repeat(200_000));
    t.write("bad/deep.html", "<div>".repeat(200_000));
    t.write(
        "bad/baddate.txt",
        "Undated story\nDate: sometime last spring\n\nThe undatedword.\n",
    );
    let big = format!("Big story\n\n{}", "word ".repeat(11_000_000));
    t.write("bad/big.txt", big);
    // Not --quiet: notes about files that were read are part of what is checked.
    let run = t.run(&["index", "--json", "bad"]);
    let (code, summary, stderr) = (run.code, run.json().remove(0), run.stderr);
    assert_eq!(code, 2, "a failed file makes the exit code say so");
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("binary.txt", "binary file"),
        ("broken.json", "invalid JSON"),
        ("nobody.json", "no article body"),
        ("mixed.jsonl", "line 2: invalid JSON"),
        ("mixed.jsonl", "record 3: no article body"),
        ("latin1.txt", "decoded as Windows-1252"),
        ("deep.json", "invalid JSON"),
        ("big.txt", "too large"),
        ("deep.html", "no article body"),
        (
            "baddate.txt",
            "date \"sometime last spring\" not understood",
        ),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "no message for {file} ({reason}) in:\n{stderr}"
        );
    }
    assert_eq!(summary["added"], 4, "{stderr}");
    assert_eq!(titles(&search(&t, &["goodword"])), ["Good story"]);
    assert_eq!(titles(&search(&t, &["mixedword"])), ["Mixed good"]);
    assert_eq!(titles(&search(&t, &["caféword"])), ["Café story"]);
    let undated = search(&t, &["undatedword"]);
    assert_eq!(undated[0]["date"], serde_json::Value::Null);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_are_not_followed_unless_asked() {
    let t = TestDir::new();
    t.write(
        "root/a.txt",
        txt("Inside", "2017-01-01", "S", "The insideword."),
    );
    t.write(
        "outside/b.txt",
        txt("Outside", "2017-01-01", "S", "The outsideword."),
    );
    std::os::unix::fs::symlink(t.path().join("root"), t.path().join("root/loop")).unwrap();
    std::os::unix::fs::symlink(t.path().join("outside"), t.path().join("root/out")).unwrap();
    let (code, summary, _) = index(&t, &["root"]);
    assert_eq!(code, 0);
    assert_eq!(summary["added"], 1);
    assert!(search(&t, &["outsideword"]).is_empty());

    let run = t.run(&["index", "--quiet", "--json", "--follow", "root"]);
    assert!(
        run.stderr.contains("loop") && run.stderr.contains("root/loop"),
        "{}",
        run.stderr
    );
    assert_eq!(titles(&search(&t, &["outsideword"])), ["Outside"]);
}

#[cfg(unix)]
#[test]
fn fifo_is_not_read() {
    let t = TestDir::new();
    t.write("f/a.txt", txt("Story", "2017-01-01", "S", "Body."));
    let fifo = t.path().join("f/pipe.txt");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !ok.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this machine
    }
    let (_, summary, stderr) = index(&t, &["f"]);
    assert_eq!(summary["added"], 1);
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_folder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestDir::new();
    t.write("u/ok.txt", txt("Readable", "2017-01-01", "S", "Body."));
    t.write("u/locked/x.txt", txt("Locked", "2017-01-01", "S", "Body."));
    let locked = t.path().join("u/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads every folder: run newsdex as nobody then, in a folder nobody may use.
    let as_root = std::fs::read_dir(&locked).is_ok();
    let output = if as_root {
        for dir in [t.path().to_path_buf(), t.path().join("u")] {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_newsdex"))
            .args(["index", "--json", "u"])
            .current_dir(t.path())
            .env_remove("NEWSDEX_INDEX")
            .output()
            .expect("setpriv (util-linux) runs newsdex as nobody")
    } else {
        t.command(&["index", "--json", "u"]).output().unwrap()
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert!(
        stderr.contains("locked") && stderr.contains("permission denied"),
        "{stderr}"
    );
    assert_eq!(summary["added"], 1, "{stderr}");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn second_writer_is_told_the_index_is_busy() {
    let t = TestDir::new();
    t.write("a/x.txt", txt("Story", "2017-01-01", "S", "Body."));
    index(&t, &["a"]);
    let archive = newsdex::index::Archive::open(&t.path().join(".newsdex")).unwrap();
    let writer: tantivy::IndexWriter = archive.index.writer(50_000_000).unwrap();
    let run = t.run(&["index", "a"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("index is busy"), "{}", run.stderr);
    // Reading still works while another writes.
    assert_eq!(t.run(&["search", "story"]).code, 0);
    drop(writer);
    assert_eq!(t.run(&["index", "a"]).code, 0);
}

#[test]
fn killed_run_leaves_an_index_that_opens_and_the_next_run_completes_it() {
    let t = TestDir::new();
    for i in 0..3000 {
        t.write(
            &format!("k/{:02}/{i}.txt", i % 50),
            txt(
                &format!("Story {i}"),
                "2017-01-01",
                "S",
                &format!(
                    "Body of story number {i} with the killword. {}",
                    "More text. ".repeat(50)
                ),
            ),
        );
    }
    let mut child = t
        .command(&["index", "--quiet", "--commit-every", "1", "k"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let stats = t.run(&["stats", "--json"]);
    assert!(stats.code == 0 || stats.code == 1, "{}", stats.stderr);
    let (code, _, stderr) = index(&t, &["k"]);
    assert_eq!(code, 0, "{stderr}");
    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert_eq!(stats["articles"], 3000);
    assert_eq!(stats["files"], 3000);
}

#[test]
fn foreign_folder_is_refused_with_advice() {
    let t = TestDir::new();
    t.write("a/x.txt", txt("Story", "2017-01-01", "S", "Body."));
    t.write("notindex/meta.json", "{\"this is\": \"not tantivy\"}");
    let run = t.run(&["--index", "notindex", "search", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--rebuild"), "{}", run.stderr);
    let run = t.run(&["--index", "notindex", "index", "--rebuild", "a"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = t.run(&["--index", "nothing-here", "search", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no index"), "{}", run.stderr);
}

#[test]
fn index_location_from_flag_and_environment() {
    let t = TestDir::new();
    t.write("a/x.txt", txt("Story", "2017-01-01", "S", "The placeword."));
    let run = t
        .command(&["index", "--quiet", "a"])
        .env("NEWSDEX_INDEX", t.path().join("elsewhere"))
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(t.path().join("elsewhere/meta.json").exists());
    assert!(!t.path().join(".newsdex").exists());
    assert_eq!(
        t.run(&["--index", "elsewhere", "search", "placeword"]).code,
        0
    );
}

/// An index of the sample corpus, built once per test that needs it.
fn sample_index() -> TestDir {
    let t = TestDir::new();
    let corpus = sample_corpus();
    let run = t.run(&["index", "--quiet", "--json", corpus.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    t
}

#[test]
fn sample_corpus_indexes_cleanly() {
    let t = TestDir::new();
    let corpus = sample_corpus();
    let run = t.run(&["index", "--json", corpus.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = &run.json()[0];
    assert!(s["added"].as_u64().unwrap() >= 30);
    assert_eq!(s["failed"], 0);
    // The one article whose date cannot be read says so.
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("not understood"))
            .count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn search_options_on_the_sample_corpus() {
    let t = sample_index();
    // Phrase, boolean, field queries.
    let syria = search(&t, &["syria", "-n", "50"]);
    assert!(syria.len() >= 3);
    let phrase = search(&t, &["\"security council\""]);
    assert!(!phrase.is_empty());
    for h in &phrase {
        let text = format!("{} {}", h["title"], h["snippet"]).to_lowercase();
        assert!(text.contains("security council"), "{text}");
    }
    let not = search(&t, &["syria -council", "-n", "50"]);
    assert!(not.len() < syria.len());
    let title_only = search(&t, &["title:brexit"]);
    assert!(!title_only.is_empty());
    for h in &title_only {
        assert!(
            h["title"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("brexit")
        );
    }
    // Limits and sorting.
    let two = search(&t, &["syria", "--limit", "2"]);
    assert_eq!(two.len(), 2);
    let by_date = search(&t, &["--sort", "date", "-n", "100"]);
    let dates: Vec<&str> = by_date.iter().filter_map(|h| h["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    // Dates and sources.
    for h in search(&t, &["--since", "2017", "--until", "2017", "-n", "100"]) {
        assert!(h["date"].as_str().unwrap().starts_with("2017"), "{h}");
    }
    let src = search(&t, &["--source", "northgate wire", "-n", "100"]);
    assert!(!src.is_empty());
    for h in &src {
        assert_eq!(h["source"], "Northgate Wire");
    }
}

#[test]
fn show_and_stats_on_the_sample_corpus() {
    let t = sample_index();
    let hit = &search(&t, &["syria"])[0];
    let id = hit["id"].as_str().unwrap();
    let run = t.run(&["show", id]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(hit["title"].as_str().unwrap()));
    let shown = t.run(&["show", "--json", &id[..8]]).json().remove(0);
    assert_eq!(shown["id"], id);
    assert!(shown["body"].as_str().unwrap().len() > 100);
    assert_eq!(t.run(&["show", "0000000000000000"]).code, 1);
    // A quote's id shows its article.
    let quote = &quotes(&t, &["-n", "1"])[0];
    let of_quote = t.run(&["show", "--json", quote["id"].as_str().unwrap()]);
    assert_eq!(of_quote.json().remove(0)["id"], quote["article"]);

    let stats = t.run(&["stats", "--json"]).json().remove(0);
    assert!(stats["articles"].as_u64().unwrap() >= 30);
    assert!(stats["sources"].as_u64().unwrap() >= 4);
    assert!(stats["first_date"].as_str().unwrap() < stats["last_date"].as_str().unwrap());
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
}

#[test]
fn exit_codes() {
    let t = sample_index();
    assert_eq!(t.run(&["search", "syria"]).code, 0);
    assert_eq!(t.run(&["search", "zzzznotaword"]).code, 1);
    assert_eq!(t.run(&["search", "--since", "notadate"]).code, 2);
    assert_eq!(t.run(&["search", "title:(unclosed"]).code, 2);
}

#[test]
fn closed_pipe_exits_quietly() {
    let t = sample_index();
    let mut child = t
        .command(&["search", "the", "-n", "1000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn topic_filter_accepts_id_label_and_alias() {
    let t = sample_index();
    let by_label = search(&t, &["--topic", "North Korea", "-n", "50"]);
    assert!(!by_label.is_empty());
    for q in [
        "DPRK",
        "place/asia/north-korea",
        "/place/asia/north-korea",
        "north korea",
    ] {
        assert_eq!(
            titles(&search(&t, &["--topic", q, "-n", "50"])),
            titles(&by_label),
            "{q}"
        );
    }
    // A parent finds its children.
    let asia = search(&t, &["--topic", "place/asia", "-n", "100"]);
    assert!(asia.len() > by_label.len());
    let run = t.run(&["search", "--topic", "Atlantis"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown topic"), "{}", run.stderr);
}

#[test]
fn topics_command_counts_and_narrows_by_kind() {
    let t = sample_index();
    let all = t.run(&["topics", "--json", "-n", "200"]).json();
    assert!(all.len() > 10);
    let kinds: std::collections::HashSet<&str> =
        all.iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    let counts: Vec<u64> = all
        .iter()
        .map(|t| t["articles"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    for kind in ["place", "org", "subject"] {
        let some = t.run(&["topics", "--json", "--kind", kind]).json();
        assert!(!some.is_empty(), "{kind}");
        assert!(some.iter().all(|t| {
            t["kind"] == kind
                && t["id"]
                    .as_str()
                    .unwrap()
                    .starts_with(if kind == "org" { "org/" } else { kind })
        }));
    }
    // The topics of the Syria articles include Syria itself.
    let syria = t
        .run(&["topics", "--json", "--kind", "place", "syria"])
        .json();
    assert_eq!(syria[0]["label"], "Syria");
}

#[test]
fn timeline_by_month() {
    let t = sample_index();
    let months = t.run(&["topics", "--timeline", "Syria", "--json"]).json();
    assert!(months.len() >= 2);
    let total: u64 = months.iter().map(|m| m["articles"].as_u64().unwrap()).sum();
    let articles = search(&t, &["--topic", "Syria", "-n", "100"]);
    let dated = articles.iter().filter(|a| !a["date"].is_null()).count() as u64;
    assert_eq!(total, dated);
    // Every month between the first and the last is there, quiet ones included.
    let keys: Vec<&str> = months
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    for w in keys.windows(2) {
        let (y0, m0) = (
            w[0][..4].parse::<u32>().unwrap(),
            w[0][5..].parse::<u32>().unwrap(),
        );
        let (y1, m1) = (
            w[1][..4].parse::<u32>().unwrap(),
            w[1][5..].parse::<u32>().unwrap(),
        );
        assert_eq!(y1 * 12 + m1, y0 * 12 + m0 + 1, "{keys:?}");
    }
    let chart = t.run(&["topics", "--timeline", "Syria"]);
    assert!(chart.stdout.contains('█'));
}

#[test]
fn person_filter_accepts_any_alias() {
    let t = sample_index();
    let merkel = titles(&search(&t, &["--person", "Angela Merkel", "-n", "50"]));
    assert!(!merkel.is_empty());
    for alias in [
        "Merkel",
        "Chancellor Merkel",
        "angela merkel",
        "Angela Dorothea Merkel",
    ] {
        assert_eq!(
            titles(&search(&t, &["--person", alias, "-n", "50"])),
            merkel,
            "{alias}"
        );
    }
    // A person outside the gazetteer is found by the name the article gives, in part
    // or in full.
    let full = titles(&search(&t, &["--person", "Oksana Petrenko", "-n", "50"]));
    assert!(full.len() >= 3);
    assert_eq!(
        titles(&search(&t, &["--person", "Petrenko", "-n", "50"])),
        full
    );
    // Two people: both must be mentioned.
    let both = search(
        &t,
        &["--person", "Petrenko", "--person", "Putin", "-n", "50"],
    );
    assert!(both.len() < full.len());
}

#[test]
fn people_lists_who_is_mentioned_alongside_someone() {
    let t = sample_index();
    let all = t.run(&["people", "--json", "-n", "100"]).json();
    assert!(all.len() > 10);
    let counts: Vec<u64> = all
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    let trump = all
        .iter()
        .find(|p| p["name"] == "Donald Trump")
        .expect("Trump listed");
    assert_eq!(trump["role"], "President of the United States");
    assert_eq!(trump["country"], "United States");

    let merkel_articles = search(&t, &["--person", "Merkel", "-n", "50"]).len() as u64;
    let alongside = t.run(&["people", "--json", "--person", "Merkel"]).json();
    assert!(!alongside.is_empty());
    for p in &alongside {
        assert_ne!(
            p["name"], "Angela Merkel",
            "the person asked about is left out"
        );
        assert!(p["articles"].as_u64().unwrap() <= merkel_articles);
    }
    assert_eq!(t.run(&["people", "zzzznotaword"]).code, 1);
}

#[test]
fn show_lists_people() {
    let t = sample_index();
    let hit = &search(&t, &["--person", "Merkel"])[0];
    let run = t.run(&["show", hit["id"].as_str().unwrap()]);
    assert!(run.stdout.contains("people:"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Angela Merkel, Chancellor of Germany"),
        "{}",
        run.stdout
    );
}

fn quotes(t: &TestDir, args: &[&str]) -> Vec<serde_json::Value> {
    listing(t, "quotes", args)
}

#[test]
fn quotes_by_speaker_under_any_form_of_the_name() {
    let t = sample_index();
    let full = quotes(&t, &["--speaker", "Oksana Petrenko", "-n", "100"]);
    assert!(full.len() >= 4, "{full:?}");
    for q in &full {
        assert_eq!(q["quote"]["speaker"], "Oksana Petrenko");
        assert!(!q["snippet"].as_str().unwrap().is_empty());
        assert!(!q["title"].as_str().unwrap().is_empty());
    }
    let short = quotes(&t, &["--speaker", "Petrenko", "-n", "100"]);
    assert_eq!(short.len(), full.len());
    // A quote found by its words is highlighted and names its article.
    let found = quotes(
        &t,
        &[
            "--speaker",
            "Petrenko",
            "-n",
            "1",
            "referendum OR occupation OR sanctions",
        ],
    );
    if let Some(q) = found.first() {
        let article = q["article"].as_str().unwrap();
        assert_eq!(t.run(&["show", article]).code, 0);
    }
}

#[test]
fn quotes_filters_topic_dates_kind() {
    let t = sample_index();
    let all = quotes(&t, &["-n", "1000"]);
    assert!(all.len() > 50, "{}", all.len());
    let ukraine = quotes(&t, &["--topic", "Ukraine", "-n", "1000"]);
    assert!(!ukraine.is_empty() && ukraine.len() < all.len());
    let ukraine_articles: std::collections::HashSet<String> =
        search(&t, &["--topic", "Ukraine", "-n", "100"])
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
    for q in &ukraine {
        assert!(ukraine_articles.contains(q["article"].as_str().unwrap()));
    }
    let y2017 = quotes(
        &t,
        &["--since", "2017", "--until", "2017-12-31", "-n", "1000"],
    );
    assert!(!y2017.is_empty());
    for q in &y2017 {
        assert!(q["date"].as_str().unwrap().starts_with("2017"), "{q}");
    }
    for kind in ["direct", "indirect"] {
        let some = quotes(&t, &["--kind", kind, "-n", "1000"]);
        assert!(!some.is_empty(), "{kind}");
        assert!(some.iter().all(|q| q["quote"]["kind"] == kind));
    }
    let by_date = quotes(&t, &["--sort", "date", "-n", "1000"]);
    let dates: Vec<&str> = by_date.iter().filter_map(|q| q["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    // Undated quotes come last.
    let first_undated = by_date.iter().position(|q| q["date"].is_null());
    assert!(first_undated.is_some_and(|i| by_date[i..].iter().all(|q| q["date"].is_null())));
    let source = all[0]["source"].as_str().unwrap();
    let from_source = quotes(&t, &["--source", source, "-n", "1000"]);
    assert!(!from_source.is_empty() && from_source.len() < all.len());
    assert!(from_source.iter().all(|q| q["source"] == source));
    let all_from_source = all.iter().filter(|q| q["source"] == source).count();
    assert_eq!(from_source.len(), all_from_source);
    // A word search finds articles only, and a quote search quotes only, with or
    // without a kind clause in the query.
    for word in ["said", "the", "\"security council\"", "title:syria"] {
        let articles = search(&t, &[word, "-n", "1000"]);
        assert!(
            articles
                .iter()
                .all(|h| h["quote"].is_null() && h["id"] == h["article"])
        );
        let quoted = quotes(&t, &[word, "-n", "1000"]);
        assert!(quoted.iter().all(|q| q["quote"].is_object()), "{word}");
    }
    assert!(!search(&t, &["said", "-n", "1000"]).is_empty());
    assert!(!quotes(&t, &["said", "-n", "1000"]).is_empty());
}

#[test]
fn no_invented_words_for_real_leaders_in_the_sample_corpus() {
    // The sample corpus names real leaders only in factual sentences ("ordered the
    // sanctions" may read as reported speech): no quoted words may be attributed to a
    // leader in the gazetteer.
    let t = sample_index();
    let quoted = quotes(&t, &["-n", "10000", "--kind", "direct"])
        .into_iter()
        .chain(quotes(&t, &["-n", "10000", "--kind", "partial"]));
    for q in quoted {
        if let Some(speaker) = q["quote"]["speaker"].as_str() {
            assert!(
                newsdex::extract::gazetteer::resolve(speaker).is_none_or(|l| l.name != speaker),
                "{speaker} is a real leader: {q}"
            );
        }
    }
}

#[test]
fn reindexing_an_article_replaces_its_quotes() {
    let t = TestDir::new();
    t.write(
        "q/a.txt",
        txt("Port strike", "2019-03-01", "S", "\"The port will stay closed until Friday,\" said Marta Quillfeather, a union organiser."),
    );
    index(&t, &["q"]);
    assert_eq!(quotes(&t, &["--speaker", "Quillfeather"]).len(), 1);
    std::thread::sleep(std::time::Duration::from_millis(20));
    t.write(
        "q/a.txt",
        txt(
            "Port strike ends",
            "2019-03-02",
            "S",
            "\"The port opens on Monday,\" said Marta Quillfeather, a union organiser.",
        ),
    );
    index(&t, &["q"]);
    let q = quotes(&t, &["--speaker", "Quillfeather"]);
    assert_eq!(q.len(), 1);
    assert!(q[0]["snippet"].as_str().unwrap().contains("Monday"));
    std::fs::remove_file(t.path().join("q/a.txt")).unwrap();
    index(&t, &["q"]);
    assert!(quotes(&t, &["--speaker", "Quillfeather"]).is_empty());
}

#[test]
fn date_ranges_across_month_and_year_edges() {
    // Date filters read whole months from the month terms and the days around them
    // from the day terms: every range must give exactly the articles dated in it.
    let days = [
        "2016-12-31",
        "2017-01-01",
        "2017-01-02",
        "2017-01-31",
        "2017-02-01",
        "2017-02-15",
        "2017-02-28",
        "2017-03-01",
        "2017-12-31",
        "2018-01-01",
        "2018-02-28",
    ];
    let t = TestDir::new();
    for (i, day) in days.iter().enumerate() {
        t.write(
            &format!("d/{i}.txt"),
            txt(
                &format!("Harbour report {i}"),
                day,
                "S",
                "The harbour opened.",
            ),
        );
    }
    t.write("d/undated.txt", "Undated note\n\nThe harbour opened.\n");
    index(&t, &["d"]);
    let bounds = [
        None,
        Some("2016-12-31"),
        Some("2017-01-01"),
        Some("2017-01-02"),
        Some("2017-01-31"),
        Some("2017-02-01"),
        Some("2017-02-28"),
        Some("2017-03-01"),
        Some("2017-12-31"),
        Some("2018-01-01"),
        Some("2018-03-01"),
    ];
    for since in bounds {
        for until in bounds {
            if let (Some(s), Some(u)) = (since, until)
                && s > u
            {
                continue; // refused, with a message
            }
            let mut args = vec!["-n", "100"];
            if let Some(s) = since {
                args.extend(["--since", s]);
            }
            if let Some(u) = until {
                args.extend(["--until", u]);
            }
            let mut got: Vec<String> = search(&t, &args)
                .iter()
                .map(|h| h["date"].as_str().unwrap_or("none").to_string())
                .collect();
            got.sort();
            let want: Vec<String> = days
                .iter()
                .filter(|d| since.is_none_or(|s| **d >= s) && until.is_none_or(|u| **d <= u))
                .map(|d| d.to_string())
                .chain((since.is_none() && until.is_none()).then(|| "none".to_string()))
                .collect();
            assert_eq!(got, want, "--since {since:?} --until {until:?}");
        }
    }
}

#[test]
fn counts_over_everything_equal_counts_through_a_query_before_and_after_deletes() {
    // `people`, `topics` and `stats` with nothing asked read every value of a column
    // where a segment has no deletes; `*` goes through the query. Both must agree,
    // also once re-indexing has left deleted documents behind.
    let t = TestDir::new();
    for (i, (who, place)) in [
        ("Dana Vale", "Norway"),
        ("Orrin Mabe", "Chile"),
        ("Dana Vale", "Chile"),
        ("Ines Marlow", "Kenya"),
    ]
    .iter()
    .enumerate()
    {
        t.write(
            &format!("c/{i}.txt"),
            txt(
                &format!("Talks in {place}"),
                "2019-03-01",
                &format!("Source {}", i % 2),
                &format!("{who} arrived in {place} on Monday. {who} met officials in {place}."),
            ),
        );
    }
    let listing = |args: &[&str]| -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = t
            .run(args)
            .json()
            .iter()
            .filter(|v| v["type"] != "summary")
            .map(|v| {
                let name = v["name"].as_str().or(v["id"].as_str()).unwrap_or("?");
                (name.to_string(), v["articles"].as_u64().unwrap_or(0))
            })
            .collect();
        out.sort();
        out
    };
    let check = |vale: u64| {
        let people = listing(&["people", "--json", "-n", "100"]);
        assert_eq!(people, listing(&["people", "--json", "-n", "100", "*"]));
        assert!(
            people.contains(&("Dana Vale".to_string(), vale)),
            "{people:?}"
        );
        let topics = listing(&["topics", "--json", "-n", "100"]);
        assert_eq!(topics, listing(&["topics", "--json", "-n", "100", "*"]));
        assert!(!topics.is_empty());
    };
    index(&t, &["c"]);
    check(2);
    std::fs::remove_file(t.path().join("c/2.txt")).unwrap();
    index(&t, &["c"]);
    check(1);
    let stats = t.run(&["stats", "--json"]).json();
    assert_eq!(stats[0]["articles"], 3, "{stats:?}");
}
