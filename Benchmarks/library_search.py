#!/usr/bin/env python3
"""Library search before and after a change, in one run (issue 18 items 9-11, issue 19's library goal).

One library is made with the BEFORE docbao (`docbao add DIR`), copied, and measured twice on the
same machine in the same run: BEFORE's LibraryBenchmark on one copy, AFTER's on the other (which
AFTER upgrades first, when its schema is newer: that upgrade is timed on its own with `docbao list`).
Prints p50/p95 of `store.search(q, limit: 50)` per query for both, the hits each found, and the
library's size before and after the upgrade (file + -wal + -shm, after a checkpoint).

Usage: library_search.py --before BIN_DIR --after BIN_DIR --articles DIR [--rounds R] [--query Q]...
  BIN_DIR holds release `docbao` and `LibraryBenchmark` (swift build -c release --show-bin-path).
  DIR: the articles, as scripts/bench-library makes them (.bench-cache/library-35000).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# The real queries of scripts/bench-library (library.py's QUERIES; that module needs pyte).
QUERIES = ["dau tranh", "ngoại giao", "kinh te", "covid", "Hà Nội", "tiptronic", "zqxjv"]

# Queries that start inside a syllable or run into the word before (issue 18, items 9-11).
INSIDE = ["ệ", "ười", "ại", "uý", "ồng", "người", "hòa"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def size(library):
    return sum(os.path.getsize(library + s) for s in ("", "-wal", "-shm") if os.path.exists(library + s))


def checkpoint(library):
    subprocess.run(["sqlite3", library, "PRAGMA wal_checkpoint(TRUNCATE);"], capture_output=True)


def bench(binary, library, rounds, queries):
    out = subprocess.run([binary, library, str(rounds), "--json"] + [a for q in queries for a in ("--query", q)],
                         capture_output=True, text=True)
    log(out.stdout.rstrip())
    for line in out.stdout.splitlines():
        if line.startswith("JSON "):
            return {r["query"]: r for r in json.loads(line[5:])["search"]}
    sys.exit(f"library_search.py: {binary} failed: {out.stderr.strip()[-500:]}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("--articles", required=True)
    p.add_argument("--rounds", type=int, default=20)
    p.add_argument("--query", action="append")
    p.add_argument("--keep", help="folder to make the libraries in (kept), instead of a temporary one")
    args = p.parse_args()
    queries = args.query or QUERIES + INSIDE
    folder = args.keep or tempfile.mkdtemp(prefix="docbao-library-search-")
    os.makedirs(folder, exist_ok=True)
    before_lib, after_lib = os.path.join(folder, "before.sqlite"), os.path.join(folder, "after.sqlite")
    if not os.path.exists(before_lib):
        log(f"== docbao add {args.articles} (BEFORE's docbao)")
        start = time.perf_counter()
        subprocess.run([os.path.join(args.before, "docbao"), "add", args.articles, "--library", before_lib],
                       check=True, capture_output=True)
        log(f"   {time.perf_counter() - start:.1f} s")
        checkpoint(before_lib)
    for s in ("-wal", "-shm"):
        if os.path.exists(after_lib + s):
            os.remove(after_lib + s)
    shutil.copyfile(before_lib, after_lib)
    start = time.perf_counter()
    subprocess.run([os.path.join(args.after, "docbao"), "list", "--library", after_lib], check=True, capture_output=True)
    upgrade = time.perf_counter() - start
    checkpoint(after_lib)
    before = bench(os.path.join(args.before, "LibraryBenchmark"), before_lib, args.rounds, queries)
    after = bench(os.path.join(args.after, "LibraryBenchmark"), after_lib, args.rounds, queries)
    print(f"library: {size(before_lib) / 1e6:.1f} MB before, {size(after_lib) / 1e6:.1f} MB after "
          f"(upgrade and `docbao list`: {upgrade:.1f} s); {args.rounds} rounds\n")
    print("| query | hits before | p50 before | p95 before | hits after | p50 after | p95 after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for q in queries:
        b, a = before[q], after[q]
        hits = lambda r: f"{r['hits']}{'' if r['complete'] else '+'}"  # noqa: E731
        print(f"| `{q}` | {hits(b)} | {b['p50_s'] * 1e3:.1f} ms | {b['p95_s'] * 1e3:.1f} ms "
              f"| {hits(a)} | {a['p50_s'] * 1e3:.1f} ms | {a['p95_s'] * 1e3:.1f} ms |")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
