#!/usr/bin/env python3
"""Turn the raw outputs of scripts/bench/run.sh into figures: WORK/results.json, and a
Markdown report on stdout with the targets of issue 6 met or missed.

    scripts/bench/summarize.py /tmp/newsdex-bench
"""

import json
import os
import platform
import sys


def fail(msg):
    print(f"summarize.py: {msg}", file=sys.stderr)
    sys.exit(2)


def read(path, default=None):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        if default is None:
            fail(f"{path} is missing: did run.sh finish?")
        return default


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return {}


def gnu_time(text):
    """Wall, user, system seconds and peak RSS (bytes) from /usr/bin/time -v."""
    out = {}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock)"):
            secs = 0.0
            for part in value.split(":"):
                secs = secs * 60 + float(part)
            out["wall"] = secs
        elif key == "User time (seconds)":
            out["user"] = float(value)
        elif key == "System time (seconds)":
            out["sys"] = float(value)
        elif key == "Maximum resident set size (kbytes)":
            out["rss"] = int(value) * 1024
        elif key == "Exit status":
            out["status"] = int(value)
    return out


# What each kind of tantivy file holds.
PARTS = {
    "store": "stored fields (zstd blocks)",
    "pos": "positions",
    "idx": "postings (doc ids, freqs)",
    "term": "term dictionaries",
    "fast": "fast fields (columns)",
    "fieldnorm": "field norms",
    "del": "deletes",
}


def by_kind(listing):
    """Bytes of an index by kind of file, from `find -printf '%s %f'` lines."""
    out = {}
    for line in listing.splitlines():
        size, _, name = line.partition(" ")
        ext = name.rsplit(".", 1)[-1] if "." in name.lstrip(".") else "other"
        kind = ext if ext in PARTS else "other"
        out[kind] = out.get(kind, 0) + int(size)
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def machine():
    cpu = "unknown"
    for line in read("/proc/cpuinfo", "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in read("/proc/meminfo", "").splitlines():
        if line.startswith("MemTotal:"):
            mem = int(line.split()[1]) * 1024
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem / 2**30, 1),
        "kernel": platform.release(),
    }


def main():
    if len(sys.argv) != 2:
        fail("usage: summarize.py WORK")
    work = sys.argv[1]
    log = os.path.join(work, "steps")
    corpus = last_json(read(os.path.join(log, "corpus.json")))
    start = json.loads(read(os.path.join(log, "start.json")))
    end = json.loads(read(os.path.join(log, "end.json"), "{}"))
    cbytes, carticles = corpus["bytes"], corpus["articles"]

    def load_step(name):
        t = gnu_time(read(os.path.join(log, f"{name}.time")))
        t["out"] = last_json(read(os.path.join(log, f"{name}.out"), "{}"))
        t["load"] = read(os.path.join(log, f"{name}.load"), "").strip()
        # Sampled peaks of anonymous and file-backed resident memory, in kB.
        mem = read(os.path.join(log, f"{name}.mem"), "0 0").split()
        t["anon"], t["file"] = int(mem[0]) * 1024, int(mem[1]) * 1024
        # A run shorter than one sample has no anonymous figure: its RSS bounds it.
        t["anon_sampled"] = t["anon"] > 0
        if not t["anon_sampled"]:
            t["anon"] = t["rss"]
        return t

    steps = {}
    for name in ["index-1t", "index-2t", "bare-1t", "bare-2t", "extract-1t", "extract-2t"]:
        # Rounds NAME.1, NAME.2, ...: the fastest counts, the peak memory is the highest.
        rounds = []
        while os.path.exists(os.path.join(log, f"{name}.{len(rounds) + 1}.time")):
            rounds.append(load_step(f"{name}.{len(rounds) + 1}"))
        if not rounds:
            fail(f"{log}/{name}.1.time is missing: did run.sh finish?")
        best = dict(min(rounds, key=lambda t: t["wall"]))
        best["rss"] = max(t["rss"] for t in rounds)
        best["anon"] = max(t["anon"] for t in rounds)
        best["rounds"] = [t["wall"] for t in rounds]
        best["loads"] = [t["load"] for t in rounds]
        steps[name] = best
    for name in ["reindex-unchanged", "reindex-1pct", "queries"]:
        steps[name] = load_step(name)

    def throughput(name, articles=carticles, nbytes=cbytes):
        s = steps[name]
        return {
            "seconds": round(s["wall"], 2),
            "mb_per_s": round(nbytes / 1e6 / s["wall"], 2),
            "articles_per_s": round(articles / s["wall"]),
            "cpu_seconds": round(s["user"] + s["sys"], 2),
            "mb_per_cpu_s": round(nbytes / 1e6 / (s["user"] + s["sys"]), 2),
            "peak_rss_mb": round(s["rss"] / 1e6),
            "peak_anon_mb": round(s["anon"] / 1e6),
            "rounds_seconds": s["rounds"],
            "load_at_start": s["loads"],
        }

    rows = {
        "newsdex index, 1 thread": throughput("index-1t"),
        "newsdex index, 2 threads": throughput("index-2t"),
        "bare tantivy, 1 thread": throughput("bare-1t"),
        "bare tantivy, 2 threads": throughput("bare-2t"),
        "newsdex extract, 1 thread": throughput("extract-1t"),
        "newsdex extract, 2 threads": throughput("extract-2t"),
    }
    ratio1 = rows["newsdex index, 1 thread"]["mb_per_s"] / rows["bare tantivy, 1 thread"]["mb_per_s"]
    ratio2 = rows["newsdex index, 2 threads"]["mb_per_s"] / rows["bare tantivy, 2 threads"]["mb_per_s"]
    cpu_ratio = (
        rows["bare tantivy, 2 threads"]["cpu_seconds"] / rows["newsdex index, 2 threads"]["cpu_seconds"]
    )
    full = steps["index-2t"]["wall"]
    unchanged = steps["reindex-unchanged"]
    changed = steps["reindex-1pct"]
    mutate = last_json(read(os.path.join(log, "mutate.json"), "{}"))
    index_parts = by_kind(read(os.path.join(log, "index-files")))
    bare_parts = by_kind(read(os.path.join(log, "bare-files")))
    index_bytes, bare_bytes = sum(index_parts.values()), sum(bare_parts.values())
    # Absent from runs made before the step existed.
    bare_zstd_bytes = sum(by_kind(read(os.path.join(log, "bare-zstd-files"), "")).values())
    queries = steps["queries"]["out"]

    results = {
        "date": start.get("date"),
        "machine": machine(),
        "load_before": start.get("load_before"),
        "load_after": end.get("load_after"),
        "corpus": corpus,
        "indexing": rows,
        "ratio_newsdex_to_bare": {
            "1 thread": round(ratio1, 3),
            "2 threads": round(ratio2, 3),
            "per CPU second, 2 threads": round(cpu_ratio, 3),
        },
        "reindex": {
            "full_seconds": round(full, 2),
            "unchanged_seconds": round(unchanged["wall"], 2),
            "unchanged_pct_of_full": round(100 * unchanged["wall"] / full, 2),
            "unchanged_peak_rss_mb": round(unchanged["rss"] / 1e6),
            "unchanged_peak_anon_mb": round(unchanged["anon"] / 1e6),
            "changed_peak_rss_mb": round(changed["rss"] / 1e6),
            "changed_peak_anon_mb": round(changed["anon"] / 1e6),
            "changed_files": mutate.get("mutated_files"),
            "of_files": mutate.get("of_files"),
            "changed_seconds": round(changed["wall"], 2),
            "changed_pct_of_full": round(100 * changed["wall"] / full, 2),
            "changed_summary": {k: changed["out"].get(k) for k in ("read", "unchanged", "updated")},
        },
        "index_size": {
            "corpus_bytes": cbytes,
            "newsdex_bytes": index_bytes,
            "newsdex_pct_of_corpus": round(100 * index_bytes / cbytes, 1),
            "bare_bytes": bare_bytes,
            "bare_pct_of_corpus": round(100 * bare_bytes / cbytes, 1),
            "bare_zstd_bytes": bare_zstd_bytes or None,
            "bare_zstd_pct_of_corpus": round(100 * bare_zstd_bytes / cbytes, 1) if bare_zstd_bytes else None,
            "newsdex_parts": index_parts,
            "bare_parts": bare_parts,
        },
        "queries": queries,
    }

    # Targets of issue 6.
    q = {c["class"]: c for c in queries.get("classes", [])}
    indexing = ("index-1t", "index-2t", "reindex-unchanged", "reindex-1pct")
    peak = max(steps[n]["rss"] for n in indexing)
    peak_anon = max(steps[n]["anon"] for n in indexing)
    targets = [
        ("indexing ≥ 50% of bare tantivy (2 threads)", f"{100 * ratio2:.0f}%", ratio2 >= 0.5),
        ("indexing ≥ 50% of bare tantivy (1 thread)", f"{100 * ratio1:.0f}%", ratio1 >= 0.5),
        (
            "≥ 20 MB/s with 2 threads",
            f"{rows['newsdex index, 2 threads']['mb_per_s']} MB/s",
            rows["newsdex index, 2 threads"]["mb_per_s"] >= 20,
        ),
        ("peak memory < 1 GB: RSS (mapped index files included)", f"{peak / 1e6:.0f} MB", peak < 1e9),
        (
            "peak memory < 1 GB: anonymous memory (sampled every 0.2 s)",
            f"{peak_anon / 1e6:.0f} MB",
            peak_anon < 1e9,
        ),
        (
            "re-index, nothing changed < 2% of full",
            f"{results['reindex']['unchanged_pct_of_full']}%",
            results["reindex"]["unchanged_pct_of_full"] < 2,
        ),
        (
            "re-index, 1% changed < 5% of full",
            f"{results['reindex']['changed_pct_of_full']}%",
            results["reindex"]["changed_pct_of_full"] < 5,
        ),
    ]
    for cls in [
        "search: one word",
        "search: phrase",
        "search --person",
        "search --topic",
        "search date range",
        "quotes --speaker",
    ]:
        c = q.get(cls)
        if c is None or "skipped" in c:
            why = c["skipped"] if c else "not measured"
            targets.append((f"{cls}: p50 < 2 ms, p99 < 20 ms", f"not measured: {why}", None))
        else:
            targets.append(
                (
                    f"{cls}: p50 < 2 ms, p99 < 20 ms",
                    f"p50 {c['p50_ms']:.2f} ms, p99 {c['p99_ms']:.2f} ms",
                    c["p50_ms"] < 2 and c["p99_ms"] < 20,
                )
            )
    c = q.get("people (all)")
    if c and "skipped" not in c:
        targets.append(
            ("`people` over the whole archive: p50 < 50 ms", f"p50 {c['p50_ms']:.1f} ms", c["p50_ms"] < 50)
        )
    pct = results["index_size"]["newsdex_pct_of_corpus"]
    targets.append(("index size < 60% of corpus", f"{pct}%", pct < 60))
    results["targets"] = [{"target": t, "figure": f, "met": m} for t, f, m in targets]

    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)

    m = results["machine"]
    p = print
    p(f"Run of {results['date']} on {m['cpus']} CPUs ({m['cpu']}), {m['ram_gb']} GB RAM, "
      f"Linux {m['kernel']}. Load average (1, 5, 15 min) before: {results['load_before']}; "
      f"after: {results['load_after']}.")
    p()
    p(f"Corpus: {carticles:,} articles in {corpus['files']:,} {corpus['format']} files, "
      f"{cbytes / 1e6:.1f} MB, made from {corpus['source_articles']:,} articles of "
      f"`{os.path.basename(corpus['source'])}` (seed {corpus['seed']}).")
    p()
    n_rounds = len(rows["newsdex index, 1 thread"]["rounds_seconds"])
    p(f"Fastest of {n_rounds} round(s) for each row; every round's seconds in the last column.")
    p()
    p("| run | seconds | MB/s | articles/s | CPU s | MB per CPU s | peak RSS | peak anon | all rounds (s) |")
    p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, r in rows.items():
        rounds = ", ".join(f"{x:.1f}" for x in r["rounds_seconds"])
        p(f"| {name} | {r['seconds']} | {r['mb_per_s']} | {r['articles_per_s']:,} | "
          f"{r['cpu_seconds']} | {r['mb_per_cpu_s']} | {r['peak_rss_mb']} MB | {r['peak_anon_mb']} MB | "
          f"{rounds} |")
    p()
    p(f"newsdex / bare tantivy throughput: **{100 * ratio1:.0f}%** with 1 thread, "
      f"**{100 * ratio2:.0f}%** with 2 threads; per CPU second (2 threads), "
      f"**{100 * cpu_ratio:.0f}%**.")
    p()
    r = results["reindex"]
    full_row = rows["newsdex index, 2 threads"]
    p("| re-index (2 threads) | seconds | % of the full index time | peak RSS | peak anon |")
    p("| --- | ---: | ---: | ---: | ---: |")
    p(f"| full (from the row above) | {r['full_seconds']} | 100% | "
      f"{full_row['peak_rss_mb']} MB | {full_row['peak_anon_mb']} MB |")
    def anon(step, mb):
        return f"{mb} MB" if steps[step]["anon_sampled"] else "– (too short to sample)"

    p(f"| nothing changed | {r['unchanged_seconds']} | {r['unchanged_pct_of_full']}% | "
      f"{r['unchanged_peak_rss_mb']} MB | {anon('reindex-unchanged', r['unchanged_peak_anon_mb'])} |")
    p(f"| {r['changed_files']} of {r['of_files']} files changed (1%) | {r['changed_seconds']} | "
      f"{r['changed_pct_of_full']}% | {r['changed_peak_rss_mb']} MB | "
      f"{anon('reindex-1pct', r['changed_peak_anon_mb'])} |")
    p()
    s = results["index_size"]
    p("| on disk | MB | % of corpus |")
    p("| --- | ---: | ---: |")
    p(f"| corpus | {cbytes / 1e6:.1f} | 100% |")
    p(f"| newsdex index | {s['newsdex_bytes'] / 1e6:.1f} | {s['newsdex_pct_of_corpus']}% |")
    p(f"| bare tantivy index (title + body, stored) | {s['bare_bytes'] / 1e6:.1f} | "
      f"{s['bare_pct_of_corpus']}% |")
    if s["bare_zstd_bytes"]:
        p(f"| bare tantivy index, documents stored as newsdex stores them (zstd) | "
          f"{s['bare_zstd_bytes'] / 1e6:.1f} | {s['bare_zstd_pct_of_corpus']}% |")
    for kind, size in index_parts.items():
        p(f"| newsdex: {PARTS.get(kind, 'other files')} | {size / 1e6:.1f} | "
          f"{100 * size / cbytes:.1f}% |")
    p()
    p(f"Queries on the 2-thread index ({queries.get('articles', '?'):,} articles), "
      f"{queries.get('queries_per_class')} different queries per class, warm:")
    p()
    p("| class | p50 ms | p95 ms | p99 ms | max ms | median hits | example |")
    p("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for c in queries.get("classes", []):
        if "skipped" in c:
            p(f"| {c['class']} | – | – | – | – | – | skipped: {c['skipped']} |")
        else:
            ex = c["example"].replace("|", "\\|")
            p(f"| {c['class']} | {c['p50_ms']:.2f} | {c['p95_ms']:.2f} | {c['p99_ms']:.2f} | "
              f"{c['max_ms']:.2f} | {c['median_hits']:,} | `{ex}` |")
    p()
    p("| target (issue 6) | figure | met |")
    p("| --- | --- | --- |")
    for t, f, met in targets:
        p(f"| {t} | {f} | {'yes' if met else ('–' if met is None else '**no**')} |")
    kinds = read(os.path.join(work, "perf-kinds.md"), "")
    if kinds:
        p()
        p("Where the CPU goes in one 2-thread `newsdex index` run (perf, self time):")
        p()
        p(kinds.rstrip())


if __name__ == "__main__":
    main()
