#!/usr/bin/env python3
"""How many of feedparser's well-formed feeds docbao reads as feedparser does (issue 17).

For each ../shared/web/feeds/{rss,rdf,atom,atom10}/*.xml, runs `docbao feed show FILE --json`,
builds a feedparser-shaped dict from it (the fields a reader uses: title, link, id/guid, dates
and their *_parsed as UTC time.struct_time, author and author_detail, summary/description,
subtitle, content, enclosures) and evaluates the file's `Expect:` expression against it.

An expression that reads any other key (links, tags, cloud, rights, generator, *_detail types…)
is out of scope and not counted; `bozo` is False (docbao does not report well-formedness). The
agreement is agreed / (agreed + disagreed) over the expressions in scope.

    python3 Benchmarks/feed_suite.py [--docbao PATH] [--suite DIR] [--json OUT] [--min-agree X] [-v]

--min-agree exits 1 when the agreement is below X (Tests/e2e/test_feeds.py uses it).
"""
import argparse
import calendar
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

# The keys a reader uses, as feedparser names them (and its aliases). Dates only parsed: feedparser
# keeps each date's string as written, docbao its instant (ISO 8601 in UTC).
FEED_KEYS = {"title", "link", "id", "guid", "author", "author_detail", "summary", "description",
             "subtitle", "tagline", "updated_parsed", "modified_parsed", "published_parsed",
             "issued_parsed", "name", "email", "href", "url", "value", "type", "language"}
ENTRY_KEYS = FEED_KEYS | {"content", "enclosures", "length"}


class Tracked(dict):
    """A dict that notes when an expression asks for a key outside the reader's fields."""

    def __init__(self, values, allowed, log):
        super().__init__(values)
        self.allowed = allowed
        self.log = log

    def __getitem__(self, key):
        if key not in self.allowed:
            self.log.add(key)
        if key == "url" and "url" not in self and "href" in self:  # feedparser's alias
            key = "href"
        return super().__getitem__(key)

    def has_key(self, key):
        return key in self

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)

    def get(self, key, default=None):
        if key not in self.allowed:
            self.log.add(key)
        return super().get(key, default)


def parsed(iso):
    return time.gmtime(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))


def person(obj, allowed, log):
    name, email, uri = obj.get("author"), obj.get("author_email"), obj.get("author_uri")
    detail = {k: v for k, v in (("name", name if name not in (email, uri) else None), ("email", email), ("href", uri)) if v}
    shown = detail.get("name")
    if shown and email:
        shown = f"{shown} ({email})"
    shown = shown or email or uri
    return shown, (Tracked(detail, allowed, log) if detail else None)


def shaped(obj, allowed, log, entry):
    """feedparser's dict (with its aliases) from one level of docbao's JSON."""
    d = {}
    for key in ("title", "link", "id", "language"):
        if obj.get(key) is not None:
            d[key] = obj[key]
    if "id" in d:
        d["guid"] = d["id"]
    author, detail = person(obj, allowed, log)
    if author:
        d["author"] = author
        d["author_detail"] = detail
    kind = {"html": "text/html", "text": "text/plain"}
    if obj.get("summary") is not None:
        summary = obj["summary"]
        d["summary"] = summary
        d["description"] = summary
        d["summary_detail"] = Tracked({"value": summary, "type": kind[obj.get("summary_type", "html")]}, allowed, log)
        if not entry:
            d["subtitle"] = d["tagline"] = summary
    if entry and obj.get("content") is not None:
        d["content"] = [Tracked({"value": obj["content"], "type": kind[obj.get("content_type", "html")]}, allowed, log)]
    for key in ("published", "updated"):
        if obj.get(key):
            d[key + "_parsed"] = parsed(obj[key])
    # feedparser answers `updated` with the published date when there is no other.
    if "updated_parsed" not in d and "published_parsed" in d:
        d["updated_parsed"] = d["published_parsed"]
    if "updated_parsed" in d:
        d["modified_parsed"] = d["updated_parsed"]
    if "published_parsed" in d:
        d["issued_parsed"] = d["published_parsed"]
    if entry:
        d["enclosures"] = [Tracked({k: v for k, v in (("href", e["url"]), ("type", e.get("type")),
                                                      ("length", str(e["length"]) if e.get("length") is not None else None)) if v is not None},
                                   allowed, log) for e in obj.get("enclosures", [])]
    return Tracked(d, allowed, log)


def expectation(path):
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", "replace")
    m = re.search(r"Expect:\s*(.*?)\s*-->", head, re.S)
    d = re.search(r"Description:\s*(.*)", head)
    return (m.group(1).strip() if m else None), (d.group(1).strip() if d else "")


def run_one(docbao, path):
    expect, description = expectation(path)
    if not expect:
        return {"file": path, "result": "no expectation"}
    proc = subprocess.run([docbao, "feed", "show", path, "--json"], capture_output=True, timeout=60)
    log = set()
    if proc.returncode != 0:
        return {"file": path, "result": "disagree", "why": "error: " + proc.stderr.decode("utf-8", "replace").strip()[:200],
                "expect": expect, "description": description}
    data = json.loads(proc.stdout)
    feed = shaped(data, FEED_KEYS, log, entry=False)
    entries = [shaped(e, ENTRY_KEYS, log, entry=True) for e in data.get("entries", [])]
    names = {"feed": feed, "entries": entries, "bozo": False, "bozo_exception": None, "encoding": "utf-8",
             "version": data.get("format"), "headers": {}, "namespaces": {}, "time": time}
    try:
        ok = bool(eval(expect, {}, names))
        why = None
    except Exception as e:  # a key docbao does not have, or an entry it did not find
        ok, why = False, f"{type(e).__name__}: {e}"
    if log or any(word in expect for word in ("version", "namespaces", "encoding", "headers")):
        return {"file": path, "result": "out of scope", "keys": sorted(log)}
    return {"file": path, "result": "agree" if ok else "disagree", "why": why, "expect": expect,
            "description": description}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--docbao", default=os.environ.get("DOCBAO_BIN", os.path.join(repo, ".build/debug/docbao")))
    parser.add_argument("--suite", default=os.path.join(repo, "../shared/web/feeds"))
    parser.add_argument("--json")
    parser.add_argument("--min-agree", type=float)
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    files = sorted(os.path.join(root, f) for root, _, names in os.walk(args.suite) for f in names if f.endswith(".xml"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: run_one(args.docbao, p), files))
    counts = {}
    for r in results:
        counts[r["result"]] = counts.get(r["result"], 0) + 1
    agreed, disagreed = counts.get("agree", 0), counts.get("disagree", 0)
    rate = agreed / max(1, agreed + disagreed)
    print(f"{len(results)} feeds: {agreed} agree, {disagreed} disagree, {counts.get('out of scope', 0)} out of scope "
          f"(keys docbao does not keep) -> agreement {rate:.3f}")
    by_folder = {}
    for r in results:
        if r["result"] in ("agree", "disagree"):
            folder = os.path.basename(os.path.dirname(r["file"]))
            a, n = by_folder.get(folder, (0, 0))
            by_folder[folder] = (a + (r["result"] == "agree"), n + 1)
    for folder, (a, n) in sorted(by_folder.items()):
        print(f"  {folder}: {a}/{n}")
    if args.v:
        for r in results:
            if r["result"] == "disagree":
                print(f"- {os.path.relpath(r['file'], args.suite)}: {r['expect']}  [{r.get('why') or 'false'}]")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"agreement": rate, "counts": counts, "results": results}, f, indent=1, ensure_ascii=False)
    if args.min_agree is not None and rate < args.min_agree:
        print(f"agreement {rate:.3f} below {args.min_agree}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
