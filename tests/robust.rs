//! Robustness (issue 7): hostile input, interrupted runs, concurrent use, a full disk
//! or a read-only index, files that change under us, damaged or outdated indexes, and
//! links and special files. Each test names the property it checks; the long soak
//! versions are scripts (`scripts/kill-loop.sh`, `scripts/fuzz-all.sh`).

mod changing;
mod concurrent;
mod damaged;
mod disk;
mod garbage;
mod interrupted;
mod scaling;
mod special;
