#!/usr/bin/env bash
# Fuzz every reader and extractor in turn with cargo-fuzz (libFuzzer), one process at
# a time, SECONDS_PER_TARGET each (default 180). Needs the nightly toolchain and
# cargo-fuzz (`cargo install cargo-fuzz`). Crashes land in fuzz/artifacts/TARGET/:
# fix them, then copy the input to tests/fuzz-regressions/TARGET/ so `cargo test`
# replays it (tests/robust/garbage.rs).
#
#   scripts/fuzz-all.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-180}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(read_txt read_md read_json read_jsonl read_html read_file people topics quotes dates)
fi
cargo +nightly fuzz build -s none
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    # Seed with the sample corpus and the regression inputs.
    case $t in
        read_txt) cp ../sample-corpus/txt/* "corpus/$t/" ;;
        read_md) cp ../sample-corpus/md/* "corpus/$t/" ;;
        read_json) cp ../sample-corpus/json/* "corpus/$t/" ;;
        read_jsonl) cp ../sample-corpus/jsonl/* "corpus/$t/" ;;
        read_html) cp ../sample-corpus/html/* "corpus/$t/" ;;
        people | topics | quotes) cp ../sample-corpus/txt/* "corpus/$t/" ;;
    esac
    if [ -d "../tests/fuzz-regressions/$t" ]; then
        cp "../tests/fuzz-regressions/$t"/* "corpus/$t/" 2>/dev/null || true
    fi
    echo "== $t: ${secs}s"
    cargo +nightly fuzz run -s none "$t" -- -jobs=1 -workers=1 \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 2>&1 | tee "/tmp/fuzz-$t.log" | grep -E "^(stat::|==|SUMMARY|thread|Done)" || true
done
