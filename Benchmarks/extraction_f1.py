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

--reference also runs readability-lxml (if importable) on the same pages, for the same measure.
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
REFERENCE = re.compile(r"\[\d+\]")


class TextOf(html.parser.HTMLParser):
    """The text nodes of a document (script and style skipped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "pre", "blockquote"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        else:
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


def docbao_article(docbao, page):
    started = time.perf_counter()
    out = subprocess.run([docbao, "export", "--format", "json", page], capture_output=True, timeout=120)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        return None, elapsed, out.stderr.decode("utf-8", "replace")
    return json.loads(out.stdout), elapsed, None


def body_text(article):
    kept = [b["text"] for b in article["blocks"] if b["kind"] not in ("title", "lead", "byline", "source")]
    return REFERENCE.sub("", " ".join(kept))


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
        article, elapsed, error = docbao_article(args.docbao, page)
        row = {"page": name, "seconds": elapsed}
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
               "seconds_per_page": mean("seconds")}
    if args.reference:
        summary.update(ref_precision=mean("ref_precision"), ref_recall=mean("ref_recall"), ref_f1=mean("ref_f1"),
                       ref_title=sum(r["ref_title"] for r in rows), ref_seconds_per_page=mean("ref_seconds"))
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
