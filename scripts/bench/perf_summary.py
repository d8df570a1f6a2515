#!/usr/bin/env python3
"""Where a `newsdex index` run spends its CPU, by kind of work, from a perf profile.

    perf report -i perf.data --no-children --sort comm,sym --stdio -g none \\
        | scripts/bench/perf_summary.py

Reads perf's flat self-time report (one line per thread name and function) and sums
it into kinds of work: topic matching, people, stemming, postings, malloc, ... split
by thread: newsdex's own threads (the main thread and rayon's, which read, enrich and
build documents) against tantivy's (indexing, doc-store compression, merges). Prints
a Markdown table. Self time only: a function's callees count for themselves.
"""

import re
import sys

# First match wins; the order puts specific kinds before the crates they live in.
KINDS = [
    ("topics: Aho-Corasick matching", r"aho_corasick::"),
    ("topics: the rest", r"newsdex::extract::topics"),
    ("people (names, gazetteer)", r"newsdex::extract::(people|gazetteer)"),
    ("quotes", r"newsdex::extract::quotes"),
    ("extract text utilities (sentences, words)", r"newsdex::extract::text"),
    ("reading (JSON, decoding, hashing files)", r"serde_json|newsdex::ingest|blake3|encoding_rs"),
    ("tantivy: stemming", r"frostem|[Ss]temmer"),
    ("tantivy: tokenizing, lowercasing, folding", r"tokenizer|TokenStream|LowerCaser|AsciiFolding"),
    ("tantivy: postings and term hash table", r"tantivy::postings|tantivy_stacker|ArenaHashMap|Arena"),
    ("tantivy: doc store (zstd)", r"zstd|ZSTD|lz4|tantivy::store"),
    ("tantivy: the rest", r"tantivy"),
    ("malloc and free", r"malloc|calloc|_int_free|cfree|unlink_chunk|realloc|\bfree\b"),
    ("memcpy, memmove, memcmp", r"__mem(move|cpy|cmp|set)|memcpy|memcmp"),
    ("hashing (SipHash, hashbrown)", r"sip::|hash_one|hashbrown|Hasher"),
    ("kernel", r"\[k\]"),
]

# tantivy names its threads; newsdex's main thread and rayon's workers are "newsdex".
TANTIVY_THREADS = ("thrd-tantivy", "thread-tantivy", "docstore", "merge_thread", "segment_updater")
OTHER = "other (mostly std: sorting, lowercasing, iterators, Vec building)"

LINE = re.compile(r"^\s*([\d.]+)%\s+(\S+(?: \S+)*?)\s{2,}(\[[.k]\])\s+(.*)$")


def main():
    totals, threads = {}, {}
    total = 0.0
    for line in sys.stdin:
        m = LINE.match(line)
        if not m:
            continue
        pct, comm, level, sym = float(m[1]), m[2].strip(), m[3], m[4]
        text = f"{level} {sym}"
        kind = next((k for k, rx in KINDS if re.search(rx, text)), OTHER)
        side = "tantivy" if comm.startswith(TANTIVY_THREADS) else "newsdex"
        totals[kind] = totals.get(kind, 0.0) + pct
        threads[(kind, side)] = threads.get((kind, side), 0.0) + pct
        total += pct
    if total == 0:
        print(
            "perf_summary.py: no samples read; give it `perf report --sort comm,sym --stdio -g none`",
            file=sys.stderr,
        )
        sys.exit(2)
    side_total = {s: sum(v for (k, t), v in threads.items() if t == s) for s in ("newsdex", "tantivy")}
    print("| kind of work | % of all CPU | in newsdex threads (read, enrich) | in tantivy threads |")
    print("| --- | ---: | ---: | ---: |")
    for kind, pct in sorted(totals.items(), key=lambda kv: -kv[1]):
        a = threads.get((kind, "newsdex"), 0.0)
        b = threads.get((kind, "tantivy"), 0.0)
        print(f"| {kind} | {pct:.1f}% | {a:.1f}% | {b:.1f}% |")
    print(f"| all | {total:.1f}% | {side_total['newsdex']:.1f}% | {side_total['tantivy']:.1f}% |")


if __name__ == "__main__":
    main()
