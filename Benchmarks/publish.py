"""Where a benchmark's results go with --write: the whole run into a new dated file in
Benchmarks/runs/, and its latest figures into a summary block of BENCHMARKS.md.

Shared by run.py (`scripts/bench`) and library.py (`scripts/bench-library`). BENCHMARKS.md keeps
one summary per benchmark between an HTML comment marker pair; everything else in the file is the
authors' and is left as it is.
"""
import datetime
import os
import subprocess

RUNS = os.path.join("Benchmarks", "runs")


def run_path(benchmarks_md, date, kind):
    """A new file for a run of `kind` ("reader", "library") on `date` (YYYY-MM-DD), in
    Benchmarks/runs/ beside `benchmarks_md`: YYYY-MM-DD-KIND.md, or -2, -3… when the day has one."""
    folder = os.path.join(os.path.dirname(os.path.abspath(benchmarks_md)), RUNS)
    os.makedirs(folder, exist_ok=True)
    path, n = os.path.join(folder, f"{date}-{kind}.md"), 1
    while os.path.exists(path):
        n += 1
        path = os.path.join(folder, f"{date}-{kind}-{n}.md")
    return path


def write_run(benchmarks_md, kind, title, text, when=None):
    """Writes one run's report into a new dated file and returns its path. `title` is the
    benchmark's name ("docbao beside less"); the file opens with it, the date and a link back."""
    when = when or datetime.datetime.now()
    path = run_path(benchmarks_md, when.strftime("%Y-%m-%d"), kind)
    back = os.path.relpath(os.path.abspath(benchmarks_md), os.path.dirname(path))
    readme = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(benchmarks_md)), "Benchmarks",
                                          "README.md"), os.path.dirname(path))
    with open(path + ".part", "w", encoding="utf-8") as f:
        f.write(f"# {title}: run of {when.strftime('%Y-%m-%d %H:%M')}\n\n"
                f"Written by the benchmark's `--write`. The latest figures: [BENCHMARKS.md]({back}); how each "
                f"is taken: [Benchmarks/README.md]({readme}).\n\n{text}")
    os.replace(path + ".part", path)
    return path


def link_from(benchmarks_md, path):
    """`path` as a link target relative to BENCHMARKS.md."""
    return os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(benchmarks_md)))


def write_summary(benchmarks_md, begin, end, block, heading):
    """Replaces the text between the line starting as `begin` does (up to its first space and
    parenthesis: older markers said other words after it) and `end` in `benchmarks_md`; without
    the markers, appends the block under `heading`. The file is replaced whole (write, then rename)."""
    stem = begin.split(" (")[0]
    new = f"{begin}\n{block}{end}"
    text = ""
    if os.path.exists(benchmarks_md):
        with open(benchmarks_md, encoding="utf-8") as f:
            text = f.read()
    start = text.find(stem)
    stop = text.find(end, start) if start >= 0 else -1
    if start >= 0 and stop >= 0:
        text = text[:start] + new + text[stop + len(end):]
    elif text:
        text = text.rstrip("\n") + "\n\n" + heading + new + "\n"
    else:
        text = f"# Benchmarks\n\n{heading}{new}\n"
    with open(benchmarks_md + ".part", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(benchmarks_md + ".part", benchmarks_md)


def commit_of(path):
    """The commit checked out where `path` lies ("abc1234 subject"), or None outside a git
    checkout: for a binary in another checkout's .build, the commit it was most likely built from."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    try:
        out = subprocess.run(["git", "-C", folder, "log", "-1", "--format=%h %s"], capture_output=True,
                             text=True)
    except OSError:
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None
