#!/usr/bin/env bash
# Kill `newsdex index` with SIGKILL at random moments, RUNS times (default 50), on a
# corpus of COPIES copies of sample-corpus/ (default 12), and check after every kill
# that the index opens, that every file in it is whole (all its articles, each with
# all its quotes, all of one version) with no id twice, and that the next run reaches
# exactly the state of a clean run (articles, quotes, files, every article's title,
# date, source and quote count). Every third run updates an index to a second version
# of the corpus (files changed, removed, added) instead of building one from nothing.
# The loop is tests/robust/interrupted.rs (`kill_loop`), built in release mode;
# `cargo test` runs a short version of it.
#
#   scripts/kill-loop.sh [RUNS] [COPIES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export KILL_LOOP_RUNS=${1:-50} KILL_LOOP_COPIES=${2:-12} KILL_LOOP_SEED=${3:-24301}
exec cargo test --release --test tests -- --ignored --exact \
    robust::interrupted::kill_loop_soak --nocapture
