#!/usr/bin/env bash
# Print the README's example section: each command run for real on sample-corpus/,
# with its real output. Run from the repository root after `cargo build --release`.
set -uo pipefail
bin="$PWD/target/release/newsdex"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sample-corpus "$work/"
cd "$work"
export NO_COLOR=1
show() {
    printf '```console\n$ %s\n' "$1"
    "$bin" "${@:2}" 2>&1 | sed "s#$work/##g"
    printf '```\n\n'
}
show "newsdex index sample-corpus" index --quiet sample-corpus
show 'newsdex search "security council" --since 2016' search '"security council"' --since 2016 -n 3
show 'newsdex search --person "President Putin"' search --person "President Putin"
show "newsdex search --topic Ukraine --since 2022 --limit 3" search --topic Ukraine --since 2022 --limit 3
show "newsdex search brexit --sort date --limit 2 --json" search brexit --sort date --limit 2 --json
show "newsdex quotes --speaker Petrenko --limit 3" quotes --speaker Petrenko --limit 3
show "newsdex quotes sanctions --topic 'North Korea' --limit 3" quotes sanctions --topic 'North Korea' -n 3
show "newsdex people --person Merkel" people --person Merkel -n 8
show "newsdex people --limit 8" people -n 8
show "newsdex people --topic Ukraine" people --topic Ukraine -n 8
show "newsdex topics --kind place --limit 8" topics --kind place -n 8
show "newsdex topics syria --kind subject" topics syria --kind subject
show "newsdex topics --timeline Ukraine --since 2022 --until 2022-12" topics --timeline Ukraine --since 2022 --until 2022-12
id=$("$bin" search --json --limit 1 '"sixth nuclear test"' | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf '```console\n$ newsdex show %s   # first 30 lines\n' "$id"
"$bin" show "$id" | head -30
printf '```\n\n'
show "newsdex stats" stats
printf '```console\n$ newsdex extract --json sample-corpus/txt/crimea-referendum.txt   # shortened: mentions counted, 3 quotes\n'
"$bin" extract --json sample-corpus/txt/crimea-referendum.txt | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(json.dumps({"title": r["title"], "date": r["date"],
  "people": [{"name": p["name"], "role": p["role"], "mentions": len(p["mentions"])} for p in r["people"]],
  "topics": [t["id"] for t in r["topics"]],
  "quotes": [{k: q[k] for k in ("text", "speaker", "speaker_mention", "cue", "kind")} for q in r["quotes"][:3]]}, indent=1, ensure_ascii=False))'
printf '```\n'
