//! `index` runs killed with SIGKILL at random moments: after every kill the index
//! opens, every article in it is whole (its file's version, with all its quotes, and
//! all the articles of its file), and the next run reaches exactly the state of a
//! clean run. `kill_loop_short` runs in `cargo test`; `scripts/kill-loop.sh N` runs
//! `kill_loop` N times (default 50) on a larger corpus with the release build.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{TestDir, sample_corpus};

/// What an article looks like from outside: enough to tell one version from another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub path: String,
    pub date: String,
    pub source: String,
    pub quotes: usize,
}

/// Everything the CLI says the index holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub articles: usize,
    pub quotes: usize,
    pub files: usize,
    /// Articles by path, sorted.
    pub by_path: BTreeMap<String, Vec<Row>>,
}

fn run_json(t: &TestDir, args: &[&str]) -> Vec<serde_json::Value> {
    let run = t.run(args);
    assert!(
        (run.code == 0 || run.code == 1) && !run.stderr.contains("panicked"),
        "newsdex {args:?} failed ({}): {}",
        run.code,
        run.stderr
    );
    run.json()
}

/// Read the index at `index` through the CLI: stats, every article, every quote;
/// panics on duplicate ids or counts that disagree.
pub fn snapshot(t: &TestDir, index: &str, most: usize) -> Snapshot {
    // Killed before it made the index: there is none yet, and nothing is broken.
    let probe = t.run(&["--index", index, "stats", "--json"]);
    if probe.code == 2 && probe.stderr.contains("no index at") {
        return Snapshot {
            articles: 0,
            quotes: 0,
            files: 0,
            by_path: BTreeMap::new(),
        };
    }
    let stats = run_json(t, &["--index", index, "stats", "--json"]).remove(0);
    let n = most.to_string();
    let mut quotes: BTreeMap<String, usize> = BTreeMap::new();
    let mut quote_ids = std::collections::HashSet::new();
    let mut listed = run_json(t, &["--index", index, "quotes", "--json", "-n", &n]);
    listed.pop(); // summary
    for q in &listed {
        let id = q["id"].as_str().expect("quote id").to_string();
        assert!(
            quote_ids.insert(id.clone()),
            "quote {id} is in the index twice"
        );
        *quotes
            .entry(q["article"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let mut listed = run_json(t, &["--index", index, "search", "--json", "-n", &n]);
    listed.pop();
    let mut ids = std::collections::HashSet::new();
    let mut by_path: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    for a in &listed {
        let id = s(&a["id"]);
        assert!(ids.insert(id.clone()), "article {id} is in the index twice");
        let row = Row {
            quotes: quotes.remove(&id).unwrap_or(0),
            id,
            title: s(&a["title"]),
            path: s(&a["path"]),
            date: s(&a["date"]),
            source: s(&a["source"]),
        };
        by_path.entry(row.path.clone()).or_default().push(row);
    }
    assert!(
        quotes.is_empty(),
        "quotes of articles not in the index: {quotes:?}"
    );
    for rows in by_path.values_mut() {
        rows.sort();
    }
    let snap = Snapshot {
        articles: stats["articles"].as_u64().unwrap() as usize,
        quotes: stats["quotes"].as_u64().unwrap() as usize,
        files: stats["files"].as_u64().unwrap() as usize,
        by_path,
    };
    assert_eq!(snap.articles, ids.len(), "stats and listing disagree");
    assert_eq!(snap.quotes, quote_ids.len(), "stats and quotes disagree");
    snap
}

/// Every file in `snap` is whole: its articles are exactly those of one of the clean
/// versions given (each with all its quotes).
fn assert_whole(snap: &Snapshot, versions: &[&Snapshot], context: &str) {
    for (path, rows) in &snap.by_path {
        assert!(
            versions.iter().any(|v| v.by_path.get(path) == Some(rows)),
            "{context}: {path} is not whole: {rows:#?}"
        );
    }
    let most = versions.iter().map(|v| v.files).max().unwrap_or(0);
    assert!(snap.files <= most, "{context}: {} files", snap.files);
}

/// A corpus of `copies` copies of the sample corpus, in `name/`.
pub fn copy_corpus(t: &TestDir, name: &str, copies: usize) {
    let from = sample_corpus();
    for c in 0..copies {
        for entry in walk(&from) {
            let rel = entry.strip_prefix(&from).unwrap();
            let to = t.path().join(name).join(format!("c{c:03}")).join(rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&entry, &to).unwrap();
        }
    }
}

/// Every file of the sample corpus.
pub fn sample_files() -> Vec<std::path::PathBuf> {
    walk(&sample_corpus())
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The second version of the corpus: some files changed (title, a new quote), some
/// gone, some new.
fn make_version_b(t: &TestDir, name: &str) {
    let root = t.path().join(name);
    let files = walk(&root);
    for (i, p) in files.iter().enumerate() {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        match (i % 7, ext) {
            (0, "txt") => {
                let old = std::fs::read_to_string(p).unwrap();
                let (title, rest) = old.split_once('\n').unwrap();
                std::fs::write(
                    p,
                    format!(
                        "{title} (updated)\n{rest}\n\n\"We are updating the story,\" said Edda Quarrington, a night editor.\n"
                    ),
                )
                .unwrap();
            }
            (3, _) => std::fs::remove_file(p).unwrap(),
            _ => {}
        }
    }
    for i in 0..20 {
        std::fs::write(
            root.join(format!("new-{i}.txt")),
            format!(
                "New story {i}\nDate: 2020-02-{:02}\nSource: Kill Wire\n\n\"Story {i} is new,\" said Ottilie Brandvold, a spokeswoman.\n",
                i + 1
            ),
        )
        .unwrap();
    }
}

fn set_corpus(t: &TestDir, from: &str) {
    let to = t.path().join("corpus");
    let _ = std::fs::remove_dir_all(&to);
    // `cp -a` keeps modification times, so unchanged files stay unchanged.
    let ok = Command::new("cp")
        .arg("-a")
        .arg(t.path().join(from))
        .arg(&to)
        .status()
        .unwrap();
    assert!(ok.success());
}

fn copy_index(t: &TestDir, from: &str, to: &str) {
    let to = t.path().join(to);
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(t.path().join(from)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// A small deterministic random source (xorshift), so a failing run can be replayed
/// with its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn clean_index(t: &TestDir, index: &str) -> Duration {
    let started = Instant::now();
    let run = t.run(&["--index", index, "index", "--quiet", "--json", "corpus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    started.elapsed()
}

/// What one kill loop saw.
#[derive(Debug, Default)]
pub struct Tally {
    pub kills: usize,
    /// Kills that landed while the run was still going (the rest came after it ended).
    pub mid_run: usize,
    /// Kills whose index held some but not all of the articles.
    pub partial: usize,
}

/// Kill `index` runs at random moments, `runs` times; every third run updates an index
/// to a second version of the corpus instead of building one from nothing.
pub fn kill_loop(runs: usize, copies: usize, seed: u64) -> Tally {
    let t = TestDir::new();
    copy_corpus(&t, "a", copies);
    set_corpus(&t, "a");
    make_version_b(&t, "corpus");
    let _ = std::fs::rename(t.path().join("corpus"), t.path().join("b"));
    set_corpus(&t, "b");
    let time_b = clean_index(&t, "clean-b");
    set_corpus(&t, "a");
    let time_a = clean_index(&t, "clean-a");
    let most = 100_000;
    let clean_a = snapshot(&t, "clean-a", most);
    let clean_b = snapshot(&t, "clean-b", most);
    assert!(clean_a.articles > 0 && clean_a != clean_b);
    eprintln!(
        "kill loop: {runs} runs, seed {seed}, corpus of {} articles ({} quotes), clean run {:.2}s",
        clean_a.articles,
        clean_a.quotes,
        time_a.as_secs_f64()
    );
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    for run in 0..runs {
        let update = run % 3 == 2;
        let (target, time, versions): (&Snapshot, Duration, Vec<&Snapshot>) = if update {
            copy_index(&t, "clean-a", "idx");
            set_corpus(&t, "b");
            (&clean_b, time_b, vec![&clean_a, &clean_b])
        } else {
            let _ = std::fs::remove_dir_all(t.path().join("idx"));
            set_corpus(&t, "a");
            (&clean_a, time_a, vec![&clean_a])
        };
        // One kill, sometimes two in a row (the second on what the first left).
        for _ in 0..1 + rng.below(3) / 2 {
            let mut child = t
                .command(&[
                    "--index",
                    "idx",
                    "index",
                    "--quiet",
                    "--commit-every",
                    "1",
                    "corpus",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let wait = rng.below(time.as_millis() as u64 * 11 / 10 + 1);
            std::thread::sleep(Duration::from_millis(wait));
            if child.try_wait().unwrap().is_none() {
                tally.mid_run += 1;
            }
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            tally.kills += 1;
            let context = format!("run {run} (seed {seed}), killed after {wait} ms");
            let snap = snapshot(&t, "idx", most);
            assert_whole(&snap, &versions, &context);
            if snap != *target && snap.articles > 0 {
                tally.partial += 1;
            }
        }
        let done = t.run(&["--index", "idx", "index", "--quiet", "--json", "corpus"]);
        assert_eq!(done.code, 0, "run {run}: {}", done.stderr);
        let snap = snapshot(&t, "idx", most);
        assert!(
            snap == *target,
            "run {run} (seed {seed}): after the kill, the next run did not reach the clean state:\n{} articles, {} quotes, {} files; clean: {} articles, {} quotes, {} files",
            snap.articles,
            snap.quotes,
            snap.files,
            target.articles,
            target.quotes,
            target.files
        );
    }
    eprintln!("kill loop: {tally:?}");
    tally
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn kill_loop_short() {
    let tally = kill_loop(4, 2, env_or("KILL_LOOP_SEED", 7));
    assert!(tally.kills >= 4);
}

/// The soak version: `scripts/kill-loop.sh [RUNS]`.
#[test]
#[ignore = "long: run with scripts/kill-loop.sh"]
fn kill_loop_soak() {
    let runs = env_or("KILL_LOOP_RUNS", 50) as usize;
    let copies = env_or("KILL_LOOP_COPIES", 12) as usize;
    let seed = env_or("KILL_LOOP_SEED", 0x5eed);
    let tally = kill_loop(runs, copies, seed);
    assert!(tally.kills >= runs);
}
