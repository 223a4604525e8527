#!/usr/bin/env python3
"""The library's size before and after a change (issue 20), in one run: for each article set and
each of two builds (BEFORE, AFTER), `docbao add` of the set into a fresh library (wall time,
articles/s), the database's size (file + -wal + -shm) per article and beside the input, what each
table holds (SQLite's dbstat), and LibraryBenchmark's in-process search p50/p95 (the two builds
alternating, BEFORE AFTER AFTER BEFORE, each over its own library); then AFTER opening the library
BEFORE made (the upgrade in place): its time and the size it leaves.

Usage: library_size.py --before DIR --after DIR --articles SET [--articles SET…] [--rounds R] [--out FILE]
  DIR   a folder holding release `docbao` and `LibraryBenchmark`
  SET   a folder of article files (Benchmarks/make_library.py)
Prints the run as Markdown; --out also writes it to FILE."""
import argparse
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import library  # noqa: E402  (import_library, database_size, in_process, folder_bytes, QUERIES)
from reader_report import fmt_time  # noqa: E402


def tables(path):
    """Bytes of pages per table (dbstat), the full-text index's shadow tables together."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    out = {}
    for name, size in rows:
        key = "fulltext" if name.startswith("fulltext") else name if name in ("article", "content") else "other"
        out[key] = out.get(key, 0) + size
    return out


def measure(which, build, articles, work):
    lib = os.path.join(work, which + "-" + os.path.basename(articles) + ".sqlite")
    imp = library.import_library(os.path.join(build, "docbao"), articles, lib)
    return lib, {"import": imp, "size": sum(library.database_size(lib).values()), "tables": tables(lib), "search": []}


def search(build, lib, rounds):
    figures = library.in_process(os.path.join(build, "LibraryBenchmark"), lib, rounds)
    return {s["query"]: (s["p50_s"], s["p95_s"], s["hits"]) for s in figures["search"]} if figures else {}


def upgrade(after, before_lib, work):
    lib = os.path.join(work, "upgraded.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(before_lib + suffix):
            shutil.copyfile(before_lib + suffix, lib + suffix)
    start = time.perf_counter()
    done = subprocess.run([os.path.join(after, "docbao"), "list", "--library", lib], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"library_size.py: the upgrade failed: {done.stderr[-500:]}")
    size = sum(library.database_size(lib).values())
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(lib + suffix):
            os.remove(lib + suffix)
    return wall, size


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("--articles", action="append", required=True)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--out")
    args = p.parse_args()
    began = datetime.datetime.now()
    out = [f"Run of {began:%Y-%m-%d %H:%M} UTC, `Benchmarks/library_size.py` (release builds, `--static-swift-stdlib`). "
           "The machine (2 cores) was shared with up to 8 other sessions building and testing: sizes and ratios "
           "are exact, times are only indicative (compare BEFORE and AFTER in the same run, never across runs).", ""]
    for articles in args.articles:
        files, in_bytes = library.folder_bytes(articles)
        work = tempfile.mkdtemp(prefix="docbao-sizebench-")
        try:
            before_lib, before = measure("before", args.before, articles, work)
            after_lib, after = measure("after", args.after, articles, work)
            samples = {"before": [], "after": []}
            for which in ("before", "after", "after", "before"):
                build, lib = (args.before, before_lib) if which == "before" else (args.after, after_lib)
                samples[which].append(search(build, lib, args.rounds))
            up_wall, up_size = upgrade(args.after, before_lib, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        w = out.append
        w(f"### {files:,} articles ({in_bytes / 1e6:.1f} MB of files, `{os.path.basename(articles)}`)\n")
        w("| figure | before | after |")
        w("|---|---:|---:|")
        for name, fig in (("import: `docbao add` wall time", lambda r: fmt_time(r["import"]["wall_s"])),
                          ("import throughput", lambda r: f"{files / r['import']['wall_s']:,.0f} articles/s"),
                          ("import CPU (user + system)", lambda r: fmt_time(r["import"]["cpu_s"])),
                          ("library (file + -wal + -shm)", lambda r: f"{r['size'] / 1e6:.1f} MB"),
                          ("per article", lambda r: f"{r['size'] / files / 1e3:.1f} KB"),
                          ("library / input", lambda r: f"{r['size'] / in_bytes:.2f}x")):
            w(f"| {name} | {fig(before)} | {fig(after)} |")
        for table in ("content", "fulltext", "article", "other"):
            w(f"| dbstat: {table} | {before['tables'].get(table, 0) / 1e6:.1f} MB | {after['tables'].get(table, 0) / 1e6:.1f} MB |")
        w(f"| the before library opened by after (upgrade to schema 2 and VACUUM) | | {fmt_time(up_wall)}, "
          f"leaves {up_size / 1e6:.1f} MB ({up_size / in_bytes:.2f}x) |")
        w("")
        w(f"In-process search, `store.search(q, limit: 50)`, {args.rounds} rounds a call, two calls each "
          "(BEFORE AFTER AFTER BEFORE); p50 and p95 are the mean of the two calls':\n")
        w("| query | found | before p50 | after p50 | before p95 | after p95 |")
        w("|---|---:|---:|---:|---:|---:|")
        for q in library.QUERIES:
            def mean(which, i):
                xs = [s[q][i] for s in samples[which] if q in s]
                return sum(xs) / len(xs) if xs else None
            found = {s[q][2] for which in samples for s in samples[which] if q in s}
            w(f"| {q} | {'/'.join(map(str, sorted(found)))} | {fmt_time(mean('before', 0))} | {fmt_time(mean('after', 0))} | "
              f"{fmt_time(mean('before', 1))} | {fmt_time(mean('after', 1))} |")
        w("")
    text = "\n".join(out)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
