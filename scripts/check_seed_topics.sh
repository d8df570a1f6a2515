#!/usr/bin/env bash
# Check the topics newsdex extracts from the seed article against
# ../shared/seed/expected.json: every expected place, organisation and subject must be
# there, and no subject beyond them. Extra places and organisations are listed but
# allowed. Exit 1 on a mismatch, 2 if the check cannot run.
#
#   cargo build --release && scripts/check_seed_topics.sh [BIN] [SEED_DIR]
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/target/release/newsdex}"
seed="${2:-${NEWSDEX_SEED:-$here/../shared/seed}}"
[ -d "$seed" ] || seed=/work/shared/seed

if [ ! -x "$bin" ]; then echo "check_seed_topics: no binary at $bin (cargo build --release)" >&2; exit 2; fi
if [ ! -f "$seed/expected.json" ]; then echo "check_seed_topics: no $seed/expected.json" >&2; exit 2; fi

"$bin" extract --json "$seed/seed-article.txt" | python3 -c '
import json, sys
expected = json.load(open(sys.argv[1]))
record = json.loads(sys.stdin.readline())
got = {"place": set(), "org": set(), "subject": set()}
for t in record["topics"]:
    got[t["kind"]].add(t["label"].lower())
ok = True
for kind, key, exact in [("place", "places_expected", False),
                         ("org", "organizations_expected", False),
                         ("subject", "subjects_expected", True)]:
    want = {w.lower() for w in expected[key]}
    missing = sorted(want - got[kind])
    extra = sorted(got[kind] - want)
    if missing:
        ok = False
        print(f"{kind}: missing {missing}")
    if extra:
        if exact:
            ok = False
        word = "unexpected" if exact else "also"
        print(f"{kind}: {word} {extra}")
print("seed topics:", "ok" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
' "$seed/expected.json"
