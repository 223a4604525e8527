"""The tables of run.py (`scripts/bench`): the run's report, before/after beside each other
(--compare), and the summary kept in BENCHMARKS.md.

`samples[document name][program][figure]` holds a run's samples; the programs are "docbao" (the
build measured), "less" and, with --compare, "before" (the other docbao). `inproc[name]` and
`inproc_before[name]` hold SearchBenchmark's JSON figures (figure 6).
"""
import math
import os
import statistics
import sys

SEARCH_QUERY = "ngoai giao"          # figure 6 (many matches; the same string is given to grep -c)
WORSE = 1.05                         # --compare: after/before above this is flagged

TASK_FIGURES = [("first", "1. exec to first full screen"), ("scroll", "2. 1,000 j then q: exit"),
                ("end", "3. G: last line shown"), ("search", "4. /word: hit shown"),
                ("middle", "4b. /word in the middle: hit shown"),
                ("middle_exact", "4c. the same in exact mode"),
                ("middle_vi", "4f. a phrase of common letters in the middle, typed without accents"),
                ("loaded", "4d. the same once the whole is imported"),
                ("typing", "4e. typing “ngoai giao” once imported: slowest key after the first search")]


def fmt_time(t):
    if t is None:
        return "—"
    if math.isinf(t):
        return "timeout"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def fmt_mb(b):
    return f"{b / 1e6:.1f} MB"


def fmt_size(b):
    return f"{b / 1e3:.1f} KB" if b < 1e6 else fmt_mb(b)


def median(xs):
    """Median with timeouts counted as infinitely slow; None when there are no samples."""
    return statistics.median_low(xs) if xs else None


def ratio(a, b):
    if a is None or b is None or math.isinf(a) or math.isinf(b) or b == 0:
        return None
    return a / b


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}x"


def target_for(figure, doc):
    """The issue's limit on docbao/less for this figure and document, or None."""
    if figure in ("first", "scroll"):
        return 1.5
    if figure == "end":
        return 2.0 if doc.huge else None
    if figure == "search":
        return 1.5 if doc.name == "bundled" else (0.1 if doc.huge else None)
    if figure in ("middle", "middle_exact", "middle_vi", "loaded"):
        return 0.1 if doc.huge else None
    return None


def verdict(r, limit, a=None):
    if limit is None:
        return "—"
    if a is not None and math.isinf(a):
        return "missed (timeout)"
    if r is None:
        return "?"
    return "met" if r <= limit else "**missed**"


def peak(samples, doc, prog):
    """The highest VmHWM over every session of `prog` on `doc` (0 without a sample)."""
    return max(samples[doc.name][prog].get("rss", [0]) or [0])


def memory_limit(samples, doc):
    """Figure 5's target: 2 × less's peak + the file's size."""
    return 2 * peak(samples, doc, "less") + doc.size


def resident_after_search(samples, doc, prog):
    """The median resident memory just after the middle search is shown (figure 5b), or None."""
    return median([x for x in samples[doc.name][prog].get("rss_search", []) if x])


def resident_limit(samples, doc):
    """Figure 5b's target (issue 19): 2 × less's + half the file's size."""
    less = resident_after_search(samples, doc, "less")
    return None if less is None else 2 * less + doc.size / 2


def search_over_grep(f):
    """Figure 6's target figure: smart-search throughput over grep -c's (higher is better)."""
    return f["grep_s"] / f["count_s"]


def report(docs, samples, inproc, args, elapsed, about):
    """The run's tables: figures 1–5 docbao beside less, figure 6 in process."""
    out = []
    w = out.append
    w("Machine and run:\n")
    for k, v in about:
        w(f"- {k}: {v}")
    huge = "" if args.quick else f" (100 MB documents: {args.rounds_huge})"
    w(f"- rounds: {args.rounds}{huge}; every figure is the median of "
      f"its sessions (figure 1: of every session, {len(TASK_FIGURES) - 1} per round); whole run "
      f"{elapsed / 60:.1f} min")
    w(f"- command: `{os.environ.get('BENCH_COMMAND') or ' '.join(sys.argv)}`")
    w("")
    w("Figures 1–4 (time, median) and 5 (peak resident memory), docbao beside `less FILE` in a 120x40 "
      "pty:\n")
    w("| document | figure | docbao | less | docbao/less | target | |")
    w("|---|---|---:|---:|---:|---|---|")
    for d in docs:
        label = f"{d.name} ({fmt_size(d.size)})"
        for key, title in TASK_FIGURES:
            a = median(samples[d.name]["docbao"].get(key, []))
            b = median(samples[d.name]["less"].get(key, []))
            r, limit = ratio(a, b), target_for(key, d)
            n = len(samples[d.name]["docbao"].get(key, []))
            w(f"| {label} | {title} (n={n}) | {fmt_time(a)} | {fmt_time(b)} | {fmt_ratio(r)} | "
              f"{'≤ %gx' % limit if limit is not None else '—'} | {verdict(r, limit, a)} |")
            label = ""
        a, b, limit_bytes = peak(samples, d, "docbao"), peak(samples, d, "less"), memory_limit(samples, d)
        ok = "met" if a <= limit_bytes else "**missed**"
        w(f"| | 5. peak RSS | {fmt_mb(a)} | {fmt_mb(b)} | {fmt_ratio(ratio(a, b))} | "
          f"≤ 2×less + file = {fmt_mb(limit_bytes)} | {ok} |")
        if d.middle:
            g = median(samples[d.name].get("grep", {}).get("middle", []))
            w(f"| | 4b. `grep -c {d.middle}` beside it, whole process | {fmt_time(g)} | | | — | |")
            a, b, limit_bytes = (resident_after_search(samples, d, "docbao"), resident_after_search(samples, d, "less"),
                                 resident_limit(samples, d))
            ok = "—" if a is None or limit_bytes is None or not d.huge else ("met" if a <= limit_bytes else "**missed**")
            w(f"| | 5b. resident after 4b (VmRSS) | {fmt_mb(a or 0)} | {fmt_mb(b or 0)} | {fmt_ratio(ratio(a, b))} | "
              f"≤ 2×less + half the file = {fmt_mb(limit_bytes or 0)} | {ok} |")
            for key, title in (("rss_exact", "5c. resident after 4c"), ("rss_loaded", "5d. resident after 4d"),
                               ("rss_typing", "5e. resident after 4e")):
                a = median([x for x in samples[d.name]["docbao"].get(key, []) if x])
                if a is None:
                    continue
                b = median([x for x in samples[d.name]["less"].get(key, []) if x])
                ok = "—" if limit_bytes is None or not d.huge else ("met" if a <= limit_bytes else "**missed**")
                w(f"| | {title} (VmRSS) | {fmt_mb(a)} | {fmt_mb(b or 0)} | {fmt_ratio(ratio(a, b))} | "
                  f"≤ {fmt_mb(limit_bytes or 0)} (as 5b) | {ok} |")
            if d.huge:
                keys = [k for sample in samples[d.name]["docbao"].get("keys", []) for k in sample[3:]]
                if keys:
                    worst = max(keys)
                    w(f"| | 4e. every key after the first search (n={len(keys)}): median, slowest | "
                      f"{fmt_time(median(keys))}, {fmt_time(worst)} | | | ≤ 50 ms a key | "
                      f"{'met' if worst <= 0.05 else '**missed**'} |")
    if inproc:
        w("")
        w(f"Figure 6, in process (`SearchBenchmark`, release): the whole article laid out at 80 columns, "
          f"and every match of \"{SEARCH_QUERY}\" counted in smart mode (accent-insensitive) once the text "
          f"is folded, beside `grep -c \"{SEARCH_QUERY}\"` on the same file in the same run (medians; MB of "
          f"the file per second):\n")
        w("| document | import | fold once | layout, 80 columns | search (smart) | grep -c | "
          "search / grep -c | target |")
        w("|---|---:|---:|---:|---:|---:|---:|---|")
        for d in docs:
            f = inproc.get(d.name)
            if not f:
                continue
            mb = f["megabytes"]
            search, grep = mb / f["count_s"], mb / f["grep_s"]
            t = ("≥ 1x: " + ("met" if search >= grep else "**missed**")) if d.huge else "—"
            w(f"| {d.name} ({mb:.1f} MB) | {fmt_time(f['import_s'])} | {fmt_time(f['fold_s'])} | "
              f"{mb / f['layout_s']:.1f} MB/s | {search:.0f} MB/s | {grep:.0f} MB/s | "
              f"{search / grep:.2f}x | {t} |")
    errors = [(d.name, p, e) for d in docs for p in samples[d.name]
              for e in samples[d.name][p].get("errors", [])]
    if errors:
        w("")
        w("Sessions that did not finish:")
        for name, prog, e in errors:
            w(f"- {name}, {prog}: {e}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Before and after (--compare)


def change(before, after):
    """after/before and whether it is more than 5 % worse (figures where higher is worse; a
    timeout counts as infinitely slow). Returns (ratio or None, worse)."""
    if after is None or before is None:
        return None, False
    if math.isinf(after) or math.isinf(before):
        return None, math.isinf(after) and not math.isinf(before)
    if before == 0:
        return None, after > 0
    r = after / before
    return r, r > WORSE


def apart(befores, afters):
    """Whether the samples do not overlap: every after sample more than 5 % above every before
    one. A worse median whose samples overlap may be the machine's noise."""
    befores = [x for x in befores if x is not None]
    afters = [x for x in afters if x is not None]
    return bool(befores and afters) and min(afters) > max(befores) * WORSE


def fmt_change(before, after, befores=(), afters=()):
    """The after/before cell, the flag and whether the figure is more than 5 % worse. The flag
    says "samples overlap" when the samples of the two do (see `apart`)."""
    r, worse = change(before, after)
    cell = fmt_ratio(r) if r is not None else ("timeout" if worse else "—")
    flag = f"**{(r - 1) * 100:.0f} % worse**" if worse and r is not None else ("**worse**" if worse else "")
    if worse and not apart(befores, afters):
        flag += " (samples overlap)"
    return cell, flag, worse


def compare_report(docs, samples, inproc, inproc_before, args):
    """Every figure of both docbao binaries, measured in the same rounds, and after/before.
    Returns (text, the figures more than 5 % worse as "document: figure" strings)."""
    out, worse = [], []
    w = out.append
    w(f"Before and after, in the same rounds (the three programs taking turns): before = "
      f"`{args.compare}`, after = `{args.docbao}`. after/before per figure (times and memory: lower is "
      f"better); a figure more than {(WORSE - 1) * 100:.0f} % worse is flagged. less is the yardstick "
      f"of the machine's noise in the same rounds.\n")
    w("| document | figure | before | after | after/before | | less |")
    w("|---|---|---:|---:|---:|---|---:|")
    for d in docs:
        label = f"{d.name} ({fmt_size(d.size)})"
        for key, title in TASK_FIGURES:
            bs, as_ = samples[d.name]["before"].get(key, []), samples[d.name]["docbao"].get(key, [])
            b, a, n = median(bs), median(as_), len(as_)
            cell, flag, bad = fmt_change(b, a, bs, as_)
            if bad:
                worse.append(f"{d.name}: {title}" + ("" if apart(bs, as_) else " (samples overlap)"))
            w(f"| {label} | {title} (n={n}) | {fmt_time(b)} | {fmt_time(a)} | {cell} | {flag} | "
              f"{fmt_time(median(samples[d.name]['less'].get(key, [])))} |")
            label = ""
        b, a = peak(samples, d, "before"), peak(samples, d, "docbao")
        cell, flag, bad = fmt_change(b or None, a or None, [b or None], [a or None])
        if bad:
            worse.append(f"{d.name}: 5. peak RSS")
        w(f"| | 5. peak RSS | {fmt_mb(b)} | {fmt_mb(a)} | {cell} | {flag} | {fmt_mb(peak(samples, d, 'less'))} |")
    if inproc and inproc_before:
        w("")
        w(f"Figure 6, in process: `{args.compare_search_benchmark}` (before) and `{args.search_benchmark}` "
          f"(after) on the same file, one process each in the order after, before, before, after, each "
          f"figure the lower of the two (import and fold: once a process; the rest: medians of the "
          f"process's rounds). `grep -c` is timed inside each process: the yardstick of the noise.\n")
        w("| document | figure | before | after | after/before | |")
        w("|---|---|---:|---:|---:|---|")
        for d in docs:
            fa, fb = inproc.get(d.name), inproc_before.get(d.name)
            if not fa or not fb:
                continue
            runs_a, runs_b = fa.get("runs", [fa]), fb.get("runs", [fb])
            label = f"{d.name} ({fmt_size(d.size)})"
            for key, title in (("import_s", "import"), ("fold_s", "fold once"),
                               ("layout_s", "layout, 80 columns"), ("count_s", "search (smart)"),
                               ("grep_s", "grep -c (yardstick)")):
                b, a = fb.get(key), fa.get(key)
                bs, as_ = [f.get(key) for f in runs_b], [f.get(key) for f in runs_a]
                cell, flag, bad = fmt_change(b, a, bs, as_)
                if bad and key != "grep_s":
                    worse.append(f"{d.name}: 6. {title}" + ("" if apart(bs, as_) else " (samples overlap)"))
                elif key == "grep_s":
                    flag = ""
                w(f"| {label} | {title} | {fmt_time(b)} | {fmt_time(a)} | {cell} | {flag} |")
                label = ""
    w("")
    if worse:
        w(f"**{len(worse)} figure{'s' if len(worse) > 1 else ''} more than {(WORSE - 1) * 100:.0f} % worse**: "
          + "; ".join(worse) + ". (\"samples overlap\": some sample of the after binary is within 5 % of, or "
          "below, some sample of the before one: likely the machine's noise. Times under about 10 ms move by "
          "more than 5 % between runs on a shared machine: run again with more rounds before reading a "
          "flag as a regression.)")
    else:
        w(f"No figure more than {(WORSE - 1) * 100:.0f} % worse.")
    return "\n".join(out) + "\n", worse


# ---------------------------------------------------------------------------------------------
# The summary in BENCHMARKS.md


def short_commit(about):
    """The measured commit's hash from a run's description, and whether Sources had changes."""
    commit = about.get("docbao commit", "?")
    return commit.split(" ")[0] + (" with uncommitted changes" if "uncommitted changes" in commit else "")


def summary(docs, samples, inproc, args, about, run_link, worse=None):
    """The latest figures, one line per figure, a column per document, with the targets."""
    info = dict(about)
    met = total = 0

    def judged(cell, v):
        nonlocal met, total
        if v != "—":
            total += 1
            met += v == "met"
            return f"{cell}, {v}"
        return cell

    rows = []
    head = "| figure (target, docbao/less) | " + " | ".join(f"{d.name} ({fmt_size(d.size)})" for d in docs) + " |"
    rows += [head, "|---|" + "---|" * len(docs)]
    titles = {"first": "1. exec to first full screen (≤ 1.5x)", "scroll": "2. 1,000 j then q: exit (≤ 1.5x)",
              "end": "3. G: last line shown (≤ 2x on 100 MB)",
              "search": "4. /word: hit shown (≤ 1.5x bundled, ≤ 0.1x 100 MB)",
              "middle": "4b. /word in the middle: hit shown (≤ 0.1x 100 MB)"}
    for key, _ in TASK_FIGURES:
        cells = []
        for d in docs:
            a = median(samples[d.name]["docbao"].get(key, []))
            b = median(samples[d.name]["less"].get(key, []))
            r, limit = ratio(a, b), target_for(key, d)
            cells.append(judged(f"{fmt_time(a)}: {fmt_ratio(r)}", verdict(r, limit, a)))
        rows.append(f"| {titles[key]} | " + " | ".join(cells) + " |")
    cells = []
    for d in docs:
        a, limit = peak(samples, d, "docbao"), memory_limit(samples, d)
        cells.append(judged(f"{fmt_mb(a)} (≤ {fmt_mb(limit)})", "met" if a <= limit else "**missed**"))
    rows.append("| 5. peak resident memory (≤ 2×less + file) | " + " | ".join(cells) + " |")
    cells = []
    for d in docs:
        a, limit = resident_after_search(samples, d, "docbao"), resident_limit(samples, d)
        if a is None or limit is None:
            cells.append("—")
        else:
            cells.append(judged(f"{fmt_mb(a)} (≤ {fmt_mb(limit)})", ("met" if a <= limit else "**missed**") if d.huge else "—"))
    rows.append("| 5b. resident after 4b (≤ 2×less + half the file on 100 MB) | " + " | ".join(cells) + " |")
    rows.append("| 4b. `grep -c` of the same word, whole process | " + " | ".join(
        fmt_time(median(samples[d.name].get("grep", {}).get("middle", []))) for d in docs) + " |")
    if inproc:
        def row(title, cell):
            rows.append(f"| {title} | " + " | ".join(cell(d, inproc[d.name]) if d.name in inproc else "—"
                                                      for d in docs) + " |")

        def search_cell(d, f):
            r = search_over_grep(f)
            text = f"{f['megabytes'] / f['count_s']:.0f} MB/s: {r:.2f}x"
            return judged(text, ("met" if r >= 1 else "**missed**") if d.huge else "—")
        row("6. search in process (smart) / `grep -c` (≥ 1x on 100 MB)", search_cell)
        row("6. layout at 80 columns, in process", lambda d, f: f"{f['megabytes'] / f['layout_s']:.1f} MB/s")
        row("6. import, in process", lambda d, f: fmt_time(f["import_s"]))
        row("6. fold once for search, in process", lambda d, f: fmt_time(f["fold_s"]))
    huge = "" if args.quick else f" (100 MB: {args.rounds_huge})"
    out = [f"Latest run: [{info.get('date', '?')}]({run_link}), commit {short_commit(info)}; "
           f"medians of {args.rounds} rounds{huge}; docbao's figure, then docbao/less. "
           f"**{met} of {total} targets met.**", ""] + rows
    if worse is not None:
        pct = f"{(WORSE - 1) * 100:.0f} %"
        said = (f"**{len(worse)} figures more than {pct} worse**: " + "; ".join(worse)) if worse \
            else f"no figure more than {pct} worse"
        out += ["", f"Before/after in the same run (`--compare`): {said} ([the run]({run_link}))."]
    return "\n".join(out) + "\n"
