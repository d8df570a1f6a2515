#!/usr/bin/env bash
# The newsdex benchmark (issue 6), in one command:
#
#   scripts/bench/run.sh            # a ~200 MB corpus made from allsides-4k
#   scripts/bench/run.sh 100        # a ~100 MB corpus
#   FULL=1 scripts/bench/run.sh     # 1,000,000 articles in ~1 GB (FULL_MB to change)
#
# It builds release, makes the corpus outside the project (scripts/bench/make_corpus.py),
# then measures, one after the other on the same corpus:
#   - newsdex index, 1 thread and 2 threads (MB/s, articles/s, CPU time, peak RSS);
#   - bare tantivy (examples/bare_tantivy.rs) the same way, and the ratio;
#   - newsdex extract (enrichment only, JSON to /dev/null), 1 and 2 threads;
#   - re-index with nothing changed, and with 1% of the files changed;
#   - query latencies (examples/query_bench.rs) on the index;
#   - index sizes against the corpus size, and bare tantivy's when it stores its
#     documents as newsdex does (zstd): the floor for stored, phrase-searchable text;
# and prints a table (Markdown) with the targets of issue 6 met or missed. Everything
# it writes goes under $WORK (default /tmp/newsdex-bench): results.json, results.md,
# the raw outputs and /usr/bin/time reports of every step.
#
# "1 thread" pins the whole process to one CPU (taskset -c 0, RAYON_NUM_THREADS=1,
# --threads 1): one core's throughput. "2 threads" is --threads 2 and rayon's default
# pool, unpinned. Wall-clock times are from /usr/bin/time and include start-up and the
# walk, for newsdex and the baseline alike.
#
# Environment: WORK (output folder), SOURCE (folder of articles instead of allsides-4k),
# NEWSDEX_SHARED (where ../shared is), MEMORY (MB for --memory, default newsdex's),
# QUERIES (per class, default 200), REPEAT (rounds of the indexing and extract runs,
# default 3, 1 with FULL; the fastest counts), PERF=1 (also perf-record one 2-thread
# index run), FULL=1 / FULL_MB, SEED.
#
# Needs: cargo, python3, /usr/bin/time (GNU time), taskset (util-linux); perf for PERF=1.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${WORK:-/tmp/newsdex-bench}
QUERIES=${QUERIES:-200}
if [ -n "${FULL:-}" ]; then REPEAT=${REPEAT:-1}; else REPEAT=${REPEAT:-3}; fi
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: REPEAT must be a positive number" >&2; exit 2; }
SEED=${SEED:-6}
MB=${1:-200}

die() { echo "run.sh: $*" >&2; exit 2; }

case "$(cd "$(dirname "$WORK")" 2>/dev/null && pwd)/$(basename "$WORK")/" in
  "$ROOT"/*) die "WORK=$WORK is inside the project; corpus text must stay outside it" ;;
esac
[[ "$MB" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "usage: run.sh [MB]   (or FULL=1 run.sh)"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed for peak memory: apt-get install time"
command -v taskset >/dev/null || die "taskset is needed for the 1-thread runs (util-linux)"
command -v python3 >/dev/null || die "python3 is needed"

# ../shared beside this checkout, or beside the main checkout of a git worktree.
find_shared() {
  local common
  common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
  for d in "${NEWSDEX_SHARED:-}" "$ROOT/../shared" "${common:+$(dirname "$(dirname "$common")")/shared}"; do
    if [ -n "$d" ] && [ -d "$d/corpora/allsides-4k" ]; then (cd "$d" && pwd); return 0; fi
  done
  return 1
}
if [ -n "${SOURCE:-}" ]; then
  [ -d "$SOURCE" ] || die "SOURCE=$SOURCE is not a folder"
else
  SHARED=$(find_shared) || die "../shared is missing (looked beside $ROOT and beside the main checkout).
  The benchmark makes its corpus from ../shared/corpora/allsides-4k. Put the shared folder
  there, set NEWSDEX_SHARED=/path/to/shared, or set SOURCE=/any/folder/of/articles."
  SOURCE=$SHARED/corpora/allsides-4k
fi

mkdir -p "$WORK"
CORPUS=$WORK/corpus
LOG=$WORK/steps
# Results of earlier runs go, perf's too: a table must never show a run it did not make.
rm -rf "$LOG" "$WORK"/ix-* "$WORK"/bare-* "$WORK"/perf-kinds.md "$WORK"/perf-threads.txt "$WORK"/perf-symbols.txt "$WORK"/perf.data
mkdir -p "$LOG"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "{\"load_before\": \"$(load)\", \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}" >"$LOG/start.json"

echo "== build (release)" >&2
(cd "$ROOT" && cargo build --release --quiet --bin newsdex --example bare_tantivy --example query_bench)
BIN=$ROOT/target/release/newsdex
EX=$ROOT/target/release/examples

echo "== corpus" >&2
if [ -n "${FULL:-}" ]; then
  SIZE_ARGS=(--articles 1000000 --mb "${FULL_MB:-1000}")
else
  SIZE_ARGS=(--mb "$MB")
fi
python3 "$ROOT/scripts/bench/make_corpus.py" "${SIZE_ARGS[@]}" --seed "$SEED" \
  --source "$SOURCE" --out "$CORPUS" --quiet >"$LOG/corpus.json"
cat "$LOG/corpus.json" >&2
# Every run reads the corpus from the page cache: read it once now.
find "$CORPUS" -type f -exec cat {} + >/dev/null

MEM_ARGS=()
[ -n "${MEMORY:-}" ] && MEM_ARGS=(--memory "$MEMORY")

# Peak anonymous and file-backed resident memory (kB) of the command /usr/bin/time
# (pid $1) runs, sampled every 0.2 s: RSS counts the index files tantivy maps and
# touches, which the kernel can drop at will; anonymous memory is what the process
# really holds. Builtins only, so the sampling costs next to nothing.
sample_mem() {
  local tpid=$1 anon=0 file=0 child key value _
  while kill -0 "$tpid" 2>/dev/null; do
    child=
    read -r child _ <"/proc/$tpid/task/$tpid/children" 2>/dev/null || true
    if [ -n "$child" ] && [ -r "/proc/$child/status" ]; then
      while read -r key value _; do
        case $key in
          RssAnon:) [ "$value" -gt "$anon" ] && anon=$value ;;
          RssFile:) [ "$value" -gt "$file" ] && file=$value ;;
        esac
      done <"/proc/$child/status" 2>/dev/null || true
    fi
    sleep 0.2
  done
  echo "$anon $file"
}

# step NAME CMD...: run CMD under /usr/bin/time -v, keep its stdout, the report and
# the memory samples.
step() {
  local name=$1 tpid spid; shift
  echo "== $name  (load $(load))" >&2
  echo "$(load)" >"$LOG/$name.load"
  /usr/bin/time -v -o "$LOG/$name.time" "$@" >"${STDOUT:-$LOG/$name.out}" 2>"$LOG/$name.err" &
  tpid=$!
  sample_mem "$tpid" >"$LOG/$name.mem" &
  spid=$!
  wait "$tpid" || {
    echo "run.sh: step $name failed; see $LOG/$name.err" >&2
    tail -5 "$LOG/$name.err" >&2
    exit 2
  }
  wait "$spid"
}
ONE_CORE=(env RAYON_NUM_THREADS=1 taskset -c 0)

# Rounds of the same runs, interleaved so that load from others on the machine falls
# on newsdex and the baseline alike; the report takes the fastest of each.
for r in $(seq 1 "$REPEAT"); do
  rm -rf "$WORK"/ix-* "$WORK"/bare-*
  step "index-1t.$r" "${ONE_CORE[@]}" "$BIN" index "$CORPUS" --index "$WORK/ix-1t" --threads 1 "${MEM_ARGS[@]}" --json --quiet
  step "bare-1t.$r" "${ONE_CORE[@]}" "$EX/bare_tantivy" "$CORPUS" "$WORK/bare-1t" --threads 1 "${MEM_ARGS[@]}"
  step "index-2t.$r" "$BIN" index "$CORPUS" --index "$WORK/ix-2t" --threads 2 "${MEM_ARGS[@]}" --json --quiet
  step "bare-2t.$r" "$EX/bare_tantivy" "$CORPUS" "$WORK/bare-2t" --threads 2 "${MEM_ARGS[@]}"
  # The records are corpus text, and large: they go nowhere.
  STDOUT=/dev/null step "extract-1t.$r" "${ONE_CORE[@]}" "$BIN" extract "$CORPUS" --json
  STDOUT=/dev/null step "extract-2t.$r" "$BIN" extract "$CORPUS" --json
done
# For the size rows only: bare tantivy storing its documents as newsdex does (zstd),
# the smallest index of stored, phrase-searchable text these settings make.
rm -rf "$WORK/bare-zstd"
step bare-zstd "$EX/bare_tantivy" "$CORPUS" "$WORK/bare-zstd" --threads 2 "${MEM_ARGS[@]}" --store-as-newsdex
# Sizes of the last round's indexes, file by file, before re-indexing changes them.
find "$WORK/ix-2t" -type f -printf '%s %f\n' >"$LOG/index-files"
find "$WORK/bare-2t" -type f -printf '%s %f\n' >"$LOG/bare-files"
find "$WORK/bare-zstd" -type f -printf '%s %f\n' >"$LOG/bare-zstd-files"
step reindex-unchanged "$BIN" index "$CORPUS" --index "$WORK/ix-2t" --threads 2 "${MEM_ARGS[@]}" --json --quiet
python3 "$ROOT/scripts/bench/make_corpus.py" --mutate 1 "$CORPUS" --seed "$SEED" --source "$SOURCE" >"$LOG/mutate.json"
step reindex-1pct "$BIN" index "$CORPUS" --index "$WORK/ix-2t" --threads 2 "${MEM_ARGS[@]}" --json --quiet
step queries "$EX/query_bench" "$WORK/ix-2t" --queries "$QUERIES"
cat "$LOG/queries.err" >&2

if [ -n "${PERF:-}" ]; then
  command -v perf >/dev/null || die "PERF=1 needs perf"
  echo "== perf record (newsdex index, 2 threads)  (load $(load))" >&2
  rm -rf "$WORK/ix-perf"
  perf record -F 499 -g -o "$WORK/perf.data" -- \
    "$BIN" index "$CORPUS" --index "$WORK/ix-perf" --threads 2 "${MEM_ARGS[@]}" --quiet \
    >/dev/null 2>"$LOG/perf-record.err"
  # Self time per thread (tantivy's indexing threads against rayon's readers and
  # enrichers), then per function.
  perf report -i "$WORK/perf.data" --no-children --sort comm --stdio -g none \
    >"$WORK/perf-threads.txt" 2>/dev/null
  perf report -i "$WORK/perf.data" --no-children --sort dso,sym --stdio -g none \
    >"$WORK/perf-symbols.txt" 2>/dev/null
  perf report -i "$WORK/perf.data" --no-children --sort comm,sym --stdio -g none 2>/dev/null \
    | python3 "$ROOT/scripts/bench/perf_summary.py" >"$WORK/perf-kinds.md"
  rm -rf "$WORK/ix-perf"
  echo "perf: $WORK/perf-kinds.md, $WORK/perf-threads.txt, $WORK/perf-symbols.txt" >&2
fi

echo "{\"load_after\": \"$(load)\"}" >"$LOG/end.json"
python3 "$ROOT/scripts/bench/summarize.py" "$WORK" | tee "$WORK/results.md"
echo "results: $WORK/results.md, $WORK/results.json" >&2
