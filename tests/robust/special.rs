//! Untrusted folders: without `--follow` nothing outside the folders given is read,
//! through a link to a file or to a folder; device files and FIFOs are refused with a
//! message and never waited on, whether the walk finds them, a link leads to them
//! (with `--follow`), or one takes a file's place after the walk.

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use newsdex::ingest::{Limits, read_file};

use crate::util::{TestDir, txt};

fn mkfifo(path: &std::path::Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn links_out_of_the_folders_are_not_read_without_follow() {
    let t = TestDir::new();
    t.write(
        "root/in.txt",
        txt("Inside", "2017-01-01", "S", "The insideword."),
    );
    t.write(
        "secret/file.txt",
        txt("Secret file", "2017-01-01", "S", "The secretword."),
    );
    t.write(
        "secret/dir/deep.txt",
        txt("Secret dir", "2017-01-01", "S", "The secretword."),
    );
    symlink(
        t.path().join("secret/file.txt"),
        t.path().join("root/link.txt"),
    )
    .unwrap();
    symlink(t.path().join("secret/dir"), t.path().join("root/linkdir")).unwrap();
    symlink("../secret/file.txt", t.path().join("root/relative.txt")).unwrap();
    for cmd in [
        &["index", "--quiet", "--json", "root"][..],
        &["extract", "--json", "root"],
    ] {
        let r = t.run(cmd);
        assert!(
            !r.stdout.contains("secretword") && !r.stdout.contains("Secret"),
            "{cmd:?}: {}",
            r.stdout
        );
        assert!(
            r.stderr.contains("link.txt") && r.stderr.contains("not followed"),
            "{cmd:?}: the link is not named: {}",
            r.stderr
        );
    }
    let r = t.run(&["search", "--json", "secretword"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    // With --follow, both are read (the two links to one file, once).
    let r = t.run(&["index", "--quiet", "--json", "--follow", "root"]);
    assert_eq!(r.json()[0]["added"], 2, "{}", r.stderr);
    assert_eq!(t.run(&["search", "--json", "secretword"]).json().len(), 3);
}

#[test]
fn a_link_swapped_in_after_the_walk_is_not_followed() {
    let t = TestDir::new();
    let p = t.write("root/a.txt", txt("Inside", "2017-01-01", "S", "Body."));
    t.write(
        "secret.txt",
        txt("Secret", "2017-01-01", "S", "The secretword."),
    );
    std::fs::remove_file(&p).unwrap();
    symlink(t.path().join("secret.txt"), &p).unwrap();
    let out = read_file(&p, Limits::default());
    assert!(out.articles.is_empty());
    assert!(
        out.failure
            .as_deref()
            .is_some_and(|f| f.contains("symbolic link")),
        "{:?}",
        out.failure
    );
}

#[test]
fn devices_and_fifos_are_refused_and_never_waited_on() {
    let t = TestDir::new();
    t.write("d/ok.txt", txt("Story", "2017-01-01", "S", "Body."));
    symlink("/dev/zero", t.path().join("d/zero.txt")).unwrap();
    symlink("/dev/urandom", t.path().join("d/random.jsonl")).unwrap();
    let fifo = t.path().join("d/pipe.jsonl");
    let have_fifo = mkfifo(&fifo);
    let started = Instant::now();
    for args in [
        &["index", "--quiet", "--json", "--follow", "d"][..],
        &["index", "--quiet", "--json", "d/pipe.jsonl", "/dev/null"],
        &["extract", "--json", "--follow", "d"],
    ] {
        let r = t.run(args);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
        for name in ["zero.txt", "random.jsonl"] {
            if args.contains(&"--follow") {
                assert!(
                    r.stderr.contains(name) && r.stderr.contains("not a regular file"),
                    "{args:?}: {name} not refused: {}",
                    r.stderr
                );
            }
        }
        if have_fifo {
            assert!(
                r.stderr.contains("pipe.jsonl") && r.stderr.contains("not a regular file"),
                "{args:?}: the FIFO is not refused: {}",
                r.stderr
            );
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "something waited"
    );
    // A FIFO or a device in a file's place after the walk: refused at once when read.
    let late = t.path().join("late.txt");
    if mkfifo(&late) {
        let out = read_file(&late, Limits::default());
        assert!(
            out.failure
                .as_deref()
                .is_some_and(|f| f.contains("not a regular file")),
            "{:?}",
            out.failure
        );
    }
}
