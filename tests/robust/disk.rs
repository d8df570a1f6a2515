//! A full disk and a read-only index folder: the run stops with an error that says
//! what is wrong, and the index keeps its last commit, whole.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use super::concurrent::many_articles;
use super::interrupted::snapshot;
use crate::util::{TestDir, txt};

fn run(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

/// An index of a few articles, and many more articles waiting to be indexed.
fn indexed_and_more(t: &TestDir) -> super::interrupted::Snapshot {
    for i in 0..5 {
        t.write(
            &format!("a/first-{i}.txt"),
            txt(
                &format!("First {i}"),
                "2017-01-01",
                "S",
                "\"Early,\" said Ada Pollexfen, a clerk.",
            ),
        );
    }
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = snapshot(t, ".newsdex", 10_000);
    many_articles(t, "a/more", 1500);
    before
}

fn assert_clear_disk_error(code: i32, stderr: &str) {
    assert_eq!(code, 2, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("newsdex:") && stderr.contains("disk is full"),
        "no clear message:\n{stderr}"
    );
    assert!(
        stderr.contains(".newsdex"),
        "the message names the index:\n{stderr}"
    );
}

/// The file size limit (RLIMIT_FSIZE, `ulimit -f`) makes writes fail with EFBIG as a
/// full disk makes them fail with ENOSPC; SIGXFSZ is ignored so the write returns an
/// error instead of killing the process.
#[test]
fn full_disk_by_file_size_limit_keeps_the_last_commit() {
    let t = TestDir::new();
    let before = indexed_and_more(&t);
    let (code, stderr) = run(Command::new("bash")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 64; exec \"$0\" index --quiet a",
        ])
        .arg(env!("CARGO_BIN_EXE_newsdex"))
        .current_dir(t.path())
        .env_remove("NEWSDEX_INDEX"));
    assert_clear_disk_error(code, &stderr);
    assert_eq!(
        snapshot(&t, ".newsdex", 10_000),
        before,
        "the last commit changed"
    );
    // With room again, the next run completes.
    let r = t.run(&["index", "--quiet", "a"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(snapshot(&t, ".newsdex", 10_000).articles, 1505);
}

/// A real full disk: a small tmpfs in a private mount namespace (needs root or user
/// namespaces; skipped with a reason otherwise).
#[test]
fn full_disk_on_a_small_filesystem_keeps_the_last_commit() {
    let t = TestDir::new();
    let before = indexed_and_more(&t);
    let size: u64 = std::fs::read_dir(t.path().join(".newsdex"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    std::fs::create_dir(t.path().join("mnt")).unwrap();
    std::fs::create_dir(t.path().join("after")).unwrap();
    // Inside the namespace: mount, put the index there, run, copy what is left out.
    let script = r#"
        mount -t tmpfs -o size="$1" tmpfs mnt || exit 99
        cp -a .newsdex/. mnt/
        "$0" --index mnt index --quiet a 2> index.err
        echo $? > index.code
        cp -a mnt/. after/
    "#;
    let status = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", script])
        .arg(env!("CARGO_BIN_EXE_newsdex"))
        .arg(format!("{}k", size / 1024 + 512))
        .current_dir(t.path())
        .env_remove("NEWSDEX_INDEX")
        .status();
    match status {
        Ok(s) if s.code() == Some(0) => {}
        other => {
            eprintln!(
                "skipped: cannot mount a tmpfs here ({other:?}); the RLIMIT_FSIZE test covers it"
            );
            return;
        }
    }
    let code: i32 = std::fs::read_to_string(t.path().join("index.code"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let stderr = std::fs::read_to_string(t.path().join("index.err")).unwrap();
    assert_eq!(code, 2, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("disk is full") && stderr.contains("mnt"),
        "{stderr}"
    );
    assert_eq!(
        snapshot(&t, "after", 10_000),
        before,
        "the last commit changed"
    );
}

/// Run newsdex as user nobody when we are root (root writes anywhere).
fn as_user(t: &TestDir, args: &[&str]) -> (i32, String, String) {
    let mut cmd = if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_newsdex"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_newsdex"))
    };
    let out = cmd
        .args(args)
        .current_dir(t.path())
        .env_remove("NEWSDEX_INDEX")
        .output()
        .expect("setpriv (util-linux) runs newsdex as nobody");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

#[test]
fn read_only_index_folder_is_named_and_kept_and_still_searchable() {
    let t = TestDir::new();
    let before = indexed_and_more(&t);
    let idx = t.path().join(".newsdex");
    let mode = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    mode(t.path(), 0o755);
    for e in std::fs::read_dir(&idx).unwrap() {
        mode(&e.unwrap().path(), 0o444);
    }
    mode(&idx, 0o555);
    let (code, _, stderr) = as_user(&t, &["index", "--quiet", "a"]);
    let (scode, sout, serr) = as_user(&t, &["search", "--json", "Early"]);
    mode(&idx, 0o755);
    assert_eq!(code, 2, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(".newsdex") && stderr.contains("read-only or not writable"),
        "no clear message:\n{stderr}"
    );
    assert_eq!(snapshot(&t, ".newsdex", 10_000), before);
    // Reading needs no lock file there: the search works.
    assert_eq!(scode, 0, "{serr}");
    assert_eq!(sout.lines().count(), 6, "{sout}");
}
