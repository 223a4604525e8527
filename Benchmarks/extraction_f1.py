#!/usr/bin/env python3
"""How well docbao finds the article in a saved web page (issue 16).

For each ../shared/web/readability/*/ (Mozilla Readability's test pages), runs
`docbao export --format json source.html` and compares the article's text with the text of
`expected.html` (the article Readability.js extracts): precision, recall and F1 over word 4-gram
shingles (sets), and exact title and byline matches against expected-metadata.json.

The text measured is the body: the blocks other than title, lead (the page's description),
byline and source, with the link references "[n]" docbao writes after a link's words taken out;
expected.html's text is its text nodes (html.parser, no patterns over markup), whitespace
collapsed. Words are runs of letters and digits, lower-cased.

    python3 Benchmarks/extraction_f1.py [--docbao PATH] [--suite DIR] [--json OUT] [--reference]
                                        [--min-f1 X] [--only NAME]

--reference also runs readability-lxml (if importable: pip install readability-lxml into
.bench-cache/venv and run this script with its python) on the same pages, for the same measure.
--big PAGE times one large page (whole process, and peak resident memory) with both.
Times: docbao is a whole `export` process per page (start-up included, peak memory from wait4);
the reference is timed inside Python, around Document(...).summary() only.
--min-f1 exits 1 when the mean F1 is below X (the test in Tests/e2e/test_html.py uses it).
"""
import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
import time

WORD = re.compile(r"\w+", re.UNICODE)


BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "pre",
          "blockquote", "section", "article", "figure", "figcaption", "header", "footer", "dd", "dt", "dl", "hr", "img"}


class TextOf(html.parser.HTMLParser):
    """The text nodes of a document (script and style skipped), a space at each block's edges only
    (a drop cap `<span>W</span>hatever` is one word, as on the page)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path):
    parser = TextOf()
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    return " ".join("".join(parser.parts).split())


def shingles(text, n=4):
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def score(found, expected):
    a, b = shingles(found), shingles(expected)
    if not a and not b:
        return 1.0, 1.0, 1.0
    common = len(a & b)
    p = common / len(a) if a else 0.0
    r = common / len(b) if b else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def collapse(s):
    return " ".join((s or "").split())


def measured(command):
    """Runs `command`; its stdout, stderr, status, wall seconds and peak resident KB (wait4)."""
    started = time.perf_counter()
    with open(os.devnull, "rb") as nothing:
        proc = subprocess.Popen(command, stdin=nothing, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return out, err, proc.returncode, elapsed, usage.ru_maxrss


def docbao_article(docbao, page):
    out, err, status, elapsed, peak = measured([docbao, "export", "--format", "json", page])
    if status != 0:
        return None, elapsed, peak, err.decode("utf-8", "replace")
    return json.loads(out), elapsed, peak, None


REFERENCE_RUN = """
import resource, sys, time
from readability import Document
raw = open(sys.argv[1], "rb").read()
started = time.perf_counter()
doc = Document(raw)
summary = doc.summary()
title = doc.short_title()
print(time.perf_counter() - started)
"""


def reference_process(python, page):
    """readability-lxml on one page in a process of its own: (extraction seconds, peak KB)."""
    out, err, status, _, peak = measured([python, "-c", REFERENCE_RUN, page])
    if status != 0:
        raise RuntimeError(err.decode("utf-8", "replace")[-300:])
    return float(out.decode().strip()), peak


def body_text(article):
    """The body's text without docbao's link references: each link's "[n]", found in order after
    the one before (a page's own "[12]", such as Wikipedia's citations, stays)."""
    text = " ".join(b["text"] for b in article["blocks"] if b["kind"] not in ("title", "lead", "byline", "source"))
    out, at = [], 0
    for link in article.get("links", []):
        mark = f"[{link['number']}]"
        found = text.find(mark, at)
        if found < 0:
            continue
        out.append(text[at:found])
        at = found + len(mark)
    out.append(text[at:])
    return "".join(out)


def reference_text(page):
    from readability import Document  # readability-lxml
    with open(page, "rb") as f:
        raw = f.read()
    started = time.perf_counter()
    doc = Document(raw)
    summary = doc.summary()
    title = doc.short_title()
    elapsed = time.perf_counter() - started
    parser = TextOf()
    parser.feed(summary)
    return " ".join("".join(parser.parts).split()), title, elapsed


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--docbao", default=os.environ.get("DOCBAO_BIN", os.path.join(root, ".build/debug/docbao")))
    ap.add_argument("--suite", default=os.path.join(root, "..", "shared", "web", "readability"))
    ap.add_argument("--json")
    ap.add_argument("--reference", action="store_true")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--only")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--big", help="also time this (large) page with docbao and, with --reference, the reference")
    args = ap.parse_args()

    names = sorted(d for d in os.listdir(args.suite) if os.path.isfile(os.path.join(args.suite, d, "source.html")))
    if args.only:
        names = [n for n in names if args.only in n]
    rows = []
    for name in names:
        folder = os.path.join(args.suite, name)
        page = os.path.join(folder, "source.html")
        expected = html_text(os.path.join(folder, "expected.html"))
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        article, elapsed, peak, error = docbao_article(args.docbao, page)
        row = {"page": name, "seconds": elapsed, "peak_kb": peak}
        if article is None:
            row.update(precision=0, recall=0, f1=0, title=False, byline=False, error=error.strip())
        else:
            p, r, f = score(body_text(article), expected)
            md = article.get("metadata", {})
            row.update(precision=p, recall=r, f1=f,
                       title=collapse(article.get("title")) == collapse(meta.get("title")),
                       byline=collapse(md.get("byline")) == collapse(meta.get("byline")),
                       found_title=article.get("title"), expected_title=meta.get("title"),
                       found_byline=md.get("byline"), expected_byline=meta.get("byline"))
        if args.reference:
            try:
                text, title, seconds = reference_text(page)
                rp, rr, rf = score(text, expected)
                row.update(ref_precision=rp, ref_recall=rr, ref_f1=rf, ref_seconds=seconds,
                           ref_title=collapse(title) == collapse(meta.get("title")))
            except Exception as e:  # noqa: BLE001 - a page the reference cannot read scores 0
                row.update(ref_precision=0, ref_recall=0, ref_f1=0, ref_seconds=0, ref_title=False, ref_error=str(e)[:200])
        rows.append(row)
        if not args.quiet:
            print(f"{name:45s} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}"
                  f" title {'✓' if row['title'] else '✗'} byline {'✓' if row['byline'] else '✗'}"
                  + (f"   ref F1 {row['ref_f1']:.3f}" if args.reference else ""), flush=True)

    n = len(rows)
    mean = lambda key: sum(r[key] for r in rows) / n if n else 0
    summary = {"pages": n, "precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1"),
               "title": sum(r["title"] for r in rows), "byline": sum(r["byline"] for r in rows),
               "seconds_per_page": mean("seconds"), "median_seconds": sorted(r["seconds"] for r in rows)[n // 2] if n else 0,
               "peak_kb_max": max((r["peak_kb"] for r in rows), default=0)}
    if args.reference:
        summary.update(ref_precision=mean("ref_precision"), ref_recall=mean("ref_recall"), ref_f1=mean("ref_f1"),
                       ref_title=sum(r["ref_title"] for r in rows), ref_seconds_per_page=mean("ref_seconds"))
    if args.big:
        _, _, status, seconds, peak = measured([args.docbao, "export", "--format", "json", args.big])
        summary.update(big_page=args.big, big_bytes=os.path.getsize(args.big), big_seconds=seconds, big_peak_kb=peak,
                       big_status=status)
        if args.reference:
            try:
                ref_seconds, ref_peak = reference_process(sys.executable, args.big)
                summary.update(ref_big_seconds=ref_seconds, ref_big_peak_kb=ref_peak)
            except Exception as e:  # noqa: BLE001
                summary.update(ref_big_error=str(e)[:300])
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "pages": rows}, f, indent=1, ensure_ascii=False)
    if args.min_f1 is not None and summary["f1"] < args.min_f1:
        print(f"mean F1 {summary['f1']:.4f} is below {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
