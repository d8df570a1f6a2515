#!/usr/bin/env python3
"""Build a benchmark corpus of any size out of real articles, outside the project.

The articles of a source folder (by default ../shared/corpora/allsides-4k) are cut into
paragraphs, and new articles are made of runs of consecutive paragraphs from two to
four different source articles, so people, their pronouns and their quotes stay
together the way extraction meets them in real text. Each new article gets a title
from one of its sentences, a new id, a date spread over 2012-2024, a source and
authors drawn from the source pool. No whole document is repeated, so the corpus can
reach 1 GB and 1,000,000 articles; the same arguments and seed give the same corpus.

    make_corpus.py --mb 200 --out /tmp/newsdex-bench/corpus
    make_corpus.py --articles 1000000 --mb 1000 --out /tmp/newsdex-bench/corpus-1m
    make_corpus.py --mutate 1 /tmp/newsdex-bench/corpus      # change 1% of its files

With both --articles and --mb, articles are sized so that N of them make about M MB.
The corpus is written in sub-folders of at most 1,000 files. A hidden `.corpus-manifest` (JSON)
records what was made: articles, files, bytes, arguments.

Standard library only. The text written is the source's, recombined: it is for
benchmarks and must never be written into the project.
"""

import argparse
import datetime
import json
import os
import random
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SOURCE = os.path.join(os.path.dirname(PROJECT), "shared", "corpora", "allsides-4k")

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("content_original", "body", "articleBody", "maintext", "text", "content")
SOURCE_KEYS = ("source", "publication", "outlet", "source_domain", "publisher")
AUTHOR_KEYS = ("authors", "author", "byline")

FIRST_DAY = datetime.date(2012, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
FILES_PER_DIR = 1000
MANIFEST = ".corpus-manifest"  # JSON; an extension no reader takes, so never an article

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def fail(msg):
    print(f"make_corpus.py: {msg}", file=sys.stderr)
    sys.exit(2)


def first(record, keys):
    for k in keys:
        v = record.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            return ", ".join(x.strip() for x in v if x.strip())
    return ""


def records_of(path):
    """The article records of one JSON, JSON Lines or text file, as dicts."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        print(f"{path}: {e.strerror}, skipped", file=sys.stderr)
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if path.endswith((".jsonl", ".ndjson")):
        out = []
        for line in text.splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return [r for r in out if isinstance(r, dict)]
    if path.endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError:
            print(f"{path}: not JSON, skipped", file=sys.stderr)
            return []
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if isinstance(data, dict):
            data = [data]
        return [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    # Plain text: the first line is the title, then an optional `Key: value` block.
    lines = text.splitlines()
    if not lines:
        return []
    record = {"title": lines[0].strip()}
    i = 1
    while i < len(lines) and re.match(r"^[A-Za-z][A-Za-z -]{0,20}:\s", lines[i]):
        key, _, value = lines[i].partition(":")
        record[key.strip().lower()] = value.strip()
        i += 1
    record["body"] = "\n".join(lines[i:])
    return [record]


class Pool:
    """What new articles are made of: paragraphs grouped by source article."""

    def __init__(self, folder):
        self.articles = []  # lists of paragraphs
        self.sources = []  # one entry per source article, so common outlets stay common
        self.authors = []
        self.lengths = []  # body lengths in bytes, to size new articles like real ones
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not name.endswith((".json", ".jsonl", ".ndjson", ".txt")):
                    continue
                for r in records_of(os.path.join(root, name)):
                    self.add(r)
        if len(self.articles) < 4:
            fail(f"{folder}: found {len(self.articles)} usable articles, need at least 4")
        self.mean_length = sum(self.lengths) / len(self.lengths)

    def add(self, record):
        body = first(record, BODY_KEYS)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body)]
        # Captions, bylines and credits are short; keep the prose.
        paragraphs = [p for p in paragraphs if len(p) >= 40]
        if not paragraphs:
            return
        self.articles.append(paragraphs)
        self.lengths.append(sum(len(p.encode("utf-8")) + 2 for p in paragraphs))
        source = first(record, SOURCE_KEYS)
        if source:
            self.sources.append(source)
        authors = first(record, AUTHOR_KEYS)
        if authors:
            self.authors.append(authors)


class Maker:
    def __init__(self, pool, rng, target_length=None):
        self.pool = pool
        self.rng = rng
        # Scale the lengths of real articles so their mean is the target.
        self.scale = (target_length / pool.mean_length) if target_length else 1.0
        self.days = (LAST_DAY - FIRST_DAY).days + 1

    def body(self):
        rng = self.rng
        want = max(1, int(rng.choice(self.pool.lengths) * self.scale))
        parts, size, donors = [], 0, 0
        # Runs of one to four consecutive paragraphs, from at least two articles, so no
        # new article is a whole source article (or a part of only one).
        while donors < 2 or size < want:
            donor = rng.choice(self.pool.articles)
            start = rng.randrange(len(donor))
            for p in donor[start : start + rng.randint(1, 4)]:
                parts.append(p)
                size += len(p.encode("utf-8")) + 2
                if size >= want:
                    break
            donors += 1
        return "\n\n".join(parts)

    def title(self, body):
        sentences = [s.strip() for s in SENTENCE.split(body) if 20 <= len(s.strip()) <= 160]
        s = self.rng.choice(sentences) if sentences else body[:120]
        words = s.split()
        if len(words) > 14:
            words = words[: self.rng.randint(8, 14)]
        return " ".join(words).rstrip(".,;:").strip("\"“”")

    def article(self, n, seed):
        rng = self.rng
        body = self.body()
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(self.days))
        source = rng.choice(self.pool.sources) if self.pool.sources else "Newsdex Bench"
        authors = rng.choice(self.pool.authors) if self.pool.authors and rng.random() < 0.6 else ""
        aid = f"b{seed:x}-{n:08d}"
        slug = re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-") or "news"
        return {
            "id": aid,
            "title": self.title(body),
            "date": day.isoformat(),
            "source": source,
            "authors": authors,
            "url": f"https://bench.invalid/{slug}/{day.year}/{aid}",
            "body": body,
        }


def as_text(a):
    head = [a["title"], f"Date: {a['date']}", f"Source: {a['source']}"]
    if a["authors"]:
        head.append(f"Author: {a['authors']}")
    head.append(f"URL: {a['url']}")
    return "\n".join(head) + "\n\n" + a["body"] + "\n"


def file_path(out, n, ext):
    return os.path.join(out, f"{n // FILES_PER_DIR:05d}", f"{n:07d}.{ext}")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def encode(articles, fmt):
    if fmt == "jsonl":
        return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles).encode("utf-8")
    if fmt == "json":
        return json.dumps(articles[0], ensure_ascii=False).encode("utf-8")
    return as_text(articles[0]).encode("utf-8")


def check_out(out):
    real = os.path.realpath(out)
    if real == PROJECT or real.startswith(PROJECT + os.sep):
        fail(f"{out} is inside the project: corpus text must never be written there")
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, MANIFEST)):
            fail(f"{out} is not empty and is not a corpus made by this script; choose another --out")


def clear_corpus(out):
    """Remove a previous corpus made by this script (only its files)."""
    for root, dirs, files in os.walk(out, topdown=False):
        for name in files:
            if re.fullmatch(r"\d{7}\.(jsonl|json|txt)", name) or name == MANIFEST:
                os.remove(os.path.join(root, name))
        for d in dirs:
            try:
                os.rmdir(os.path.join(root, d))
            except OSError:
                pass


def shared_candidates():
    """Where ../shared may be: $NEWSDEX_SHARED, beside this checkout, or beside the
    main checkout when this is a git worktree."""
    out = []
    if os.environ.get("NEWSDEX_SHARED"):
        out.append(os.environ["NEWSDEX_SHARED"])
    out.append(os.path.join(os.path.dirname(PROJECT), "shared"))
    try:
        common = subprocess.run(
            ["git", "-C", PROJECT, "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        out.append(os.path.join(os.path.dirname(os.path.dirname(common)), "shared"))
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def find_source(given):
    if given:
        if not os.path.isdir(given):
            fail(f"{given}: no such folder of articles")
        return given
    for shared in shared_candidates():
        s = os.path.join(shared, "corpora", "allsides-4k")
        if os.path.isdir(s):
            return s
    fail(
        f"no source articles: {DEFAULT_SOURCE} is missing. The shared corpora live in "
        "../shared beside the project (or set NEWSDEX_SHARED); or give any folder of "
        "JSON/txt articles with --source DIR"
    )


def make(args):
    source = find_source(args.source)
    if args.articles is None and args.mb is None:
        args.mb = 200
    out = os.path.abspath(args.out)
    check_out(out)
    started = time.time()
    pool = Pool(source)
    rng = random.Random(args.seed)
    target_length = None
    if args.articles and args.mb:
        # Per-article overhead of the record (id, title, date, url, JSON) is ~300 bytes.
        target_length = max(200, args.mb * 1e6 / args.articles - 300)
    maker = Maker(pool, rng, target_length)
    clear_corpus(out)
    os.makedirs(out, exist_ok=True)
    per_file = args.per_file if args.format == "jsonl" else 1
    ext = args.format
    limit_bytes = args.mb * 1e6 if args.mb else None
    n_articles, n_files, n_bytes = 0, 0, 0
    while True:
        if args.articles is not None and n_articles >= args.articles:
            break
        if args.articles is None and n_bytes >= limit_bytes:
            break
        k = per_file
        if args.articles is not None:
            k = min(k, args.articles - n_articles)
        batch = [maker.article(n_articles + i, args.seed) for i in range(k)]
        n_bytes += write(file_path(out, n_files, ext), encode(batch, args.format))
        n_articles += k
        n_files += 1
        if target_length:
            # Steer the length of the next articles so that N articles make M MB.
            want, got = limit_bytes / args.articles, n_bytes / n_articles
            maker.scale *= min(2.0, max(0.5, want / got)) ** 0.3
        if not args.quiet and n_files % 500 == 0:
            print(f"\r{n_articles} articles, {n_bytes / 1e6:.0f} MB", end="", file=sys.stderr)
    if not args.quiet:
        print(file=sys.stderr)
    manifest = {
        "articles": n_articles,
        "files": n_files,
        "bytes": n_bytes,
        "format": args.format,
        "per_file": per_file,
        "seed": args.seed,
        "source": os.path.abspath(source),
        "source_articles": len(pool.articles),
        "arguments": {"articles": args.articles, "mb": args.mb},
        "seconds": round(time.time() - started, 1),
    }
    with open(os.path.join(out, MANIFEST), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps({"corpus": out, **manifest}))


def corpus_files(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(
            os.path.join(root, f) for f in sorted(files) if re.fullmatch(r"\d{7}\.(jsonl|json|txt)", f)
        )
    return out


def mutate(args):
    pct, folder = args.mutate
    try:
        pct = float(pct)
    except ValueError:
        fail(f"--mutate PCT DIR: {pct!r} is not a percentage")
    if not 0 < pct <= 100:
        fail("--mutate PCT DIR: PCT must be in (0, 100]")
    if not os.path.exists(os.path.join(folder, MANIFEST)):
        fail(f"{folder}: not a corpus made by this script (no {MANIFEST})")
    files = corpus_files(folder)
    if not files:
        fail(f"{folder}: no corpus files")
    pool = Pool(find_source(args.source))
    with open(os.path.join(folder, MANIFEST)) as f:
        manifest = json.load(f)
    # Each mutation of a corpus changes other files, and the same ones on every machine.
    round_ = manifest.get("mutations", 0) + 1
    rng = random.Random(args.seed * 7919 + round_)
    chosen = rng.sample(files, max(1, round(len(files) * pct / 100)))
    for path in chosen:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        # One paragraph of one article is rewritten: the file's hash changes, and
        # newsdex must read, enrich and index the whole file again.
        new_par = rng.choice(rng.choice(pool.articles))
        if path.endswith(".jsonl"):
            lines = text.splitlines()
            i = rng.randrange(len(lines))
            a = json.loads(lines[i])
            pars = a["body"].split("\n\n")
            pars[rng.randrange(len(pars))] = new_par
            a["body"] = "\n\n".join(pars)
            lines[i] = json.dumps(a, ensure_ascii=False)
            text = "\n".join(lines) + "\n"
        elif path.endswith(".json"):
            a = json.loads(text)
            pars = a["body"].split("\n\n")
            pars[rng.randrange(len(pars))] = new_par
            a["body"] = "\n\n".join(pars)
            text = json.dumps(a, ensure_ascii=False)
        else:
            head, _, body = text.partition("\n\n")
            pars = body.split("\n\n")
            pars[rng.randrange(len(pars))] = new_par
            text = head + "\n\n" + "\n\n".join(pars)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    manifest["mutations"] = round_
    with open(os.path.join(folder, MANIFEST), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps({"mutated_files": len(chosen), "of_files": len(files), "percent": pct}))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, help="number of articles to make")
    p.add_argument("--mb", type=float, help="corpus size in MB (1e6 bytes); default 200")
    p.add_argument("--out", default="/tmp/newsdex-bench/corpus", help="output folder")
    p.add_argument("--source", help="folder of JSON/JSON Lines/txt articles (default allsides-4k)")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--format", choices=["jsonl", "json", "txt"], default="jsonl")
    p.add_argument("--per-file", type=int, default=100, help="articles per JSON Lines file")
    p.add_argument("--quiet", action="store_true")
    p.add_argument(
        "--mutate", nargs=2, metavar=("PCT", "DIR"), help="change PCT%% of the files of a corpus"
    )
    args = p.parse_args()
    if args.per_file < 1:
        fail("--per-file must be at least 1")
    if args.articles is not None and args.articles < 1:
        fail("--articles must be at least 1")
    if args.mb is not None and args.mb <= 0:
        fail("--mb must be positive")
    if args.mutate:
        mutate(args)
    else:
        make(args)


if __name__ == "__main__":
    main()
