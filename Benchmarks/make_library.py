#!/usr/bin/env python3
"""Makes N varied news-article files for the library benchmark from the shared test-data articles
(../shared/testdata/articles and articles-dantri), the way make_article.py varies text: paragraphs
drawn at random (mostly from one source article, some from others), rotated, sometimes shuffled word
by word. Every article is different (a set of texts is kept; a repeat is drawn again).

Shapes, as the importer sees real files:
- about 60 %: title line, blank line, paragraphs separated by blank lines (baochinhphu);
- about 25 %: dantri headers (`# doc_id = …`, `# url = …`, `# date = YYYYMMDD`), a title line, then one
  paragraph per line;
- about 15 %: title line, blank line, one paragraph per line;
- about 40 % end with a byline and/or a source line ("Theo VnExpress", "Nguồn Chính Phủ: https://…").
Sizes are drawn from the real articles' sizes (times 0.6–1.6), 1.5–55 KB. About 10 % of the files are
written in NFD. 100 files per folder (OUT/0000/, OUT/0001/, …). Deterministic (seeded).

Usage: make_library.py OUT_DIR N"""
import glob
import hashlib
import os
import random
import sys
import unicodedata

if len(sys.argv) != 3:
    sys.exit(__doc__.split("\n\n")[-1])
out_dir, count = sys.argv[1], int(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, "..", "..", "shared", "testdata")

SOURCES = ["VnExpress", "Tuổi Trẻ", "Thanh Niên", "Dân trí", "Vietnamplus", "Chính Phủ", "Nhân Dân",
           "Lao Động", "VTV", "Zing", "Tiền Phong", "Người Lao Động", "Health", "Reuters", "AFP"]
SITES = {"Chính Phủ": "https://baochinhphu.vn", "VnExpress": "https://vnexpress.net",
         "Dân trí": "https://dantri.com.vn", "Nhân Dân": "https://nhandan.vn", "VTV": "https://vtv.vn"}
AUTHORS = ["Tuấn Dũng", "Phương Hà", "Minh Anh", "Thu Trang", "Nguyễn Hoàng", "Lê Minh Châu",
           "Trần Quới", "Hải Minh", "Ngọc Lan", "Đức Thịnh", "Bảo Ngọc", "Quang Huy"]
SECTIONS = ["kinh-doanh", "xa-hoi", "the-gioi", "giao-duc", "suc-khoe", "the-thao", "giai-tri", "du-lich"]

def pieces(line, most=2_000):
    """A long line (the flat files hold a 49 KB one) cut after sentences into pieces of at most
    about `most` bytes, so that no article is one huge paragraph."""
    out, cur = [], ""
    for sentence in line.replace(". ", ".\n").split("\n"):
        if cur and len((cur + " " + sentence).encode()) > most:
            out.append(cur)
            cur = sentence
        else:
            cur = (cur + " " + sentence).strip()
    return out + ([cur] if cur else [])


# The source articles: each one's paragraphs (body lines, not headers, at least 40 bytes) and its size.
articles = []  # (paragraphs, size)
titles = []
for path in sorted(glob.glob(os.path.join(shared, "articles", "*.txt")) +
                   glob.glob(os.path.join(shared, "articles-dantri", "*.txt"))):
    with open(path, encoding="utf-8") as f:
        text = unicodedata.normalize("NFC", f.read())
    lines = [l.strip() for l in text.split("\n")]
    body = [l for l in lines if not l.startswith("#")]
    if "articles-dantri" not in path and body and 10 <= len(body[0]) <= 160:
        titles.append(body[0])
        body = body[1:]
    paragraphs = [piece for l in body if len(l.encode()) > 40 for piece in pieces(l)]
    if paragraphs:
        articles.append((paragraphs, len(text.encode())))
pool = [p for ps, _ in articles for p in ps]
sizes = [s for _, s in articles if s > 1000]
title_words = [t.split() for t in titles]


def vary(paragraph, r):
    """A paragraph rotated at a random word, sometimes shuffled word by word (make_article.py)."""
    words = paragraph.split(" ")
    k = r.randrange(len(words))
    words = words[k:] + words[:k]
    if r.random() < 0.3:
        r.shuffle(words)
    p = " ".join(w for w in words if w)
    return p[:1].upper() + p[1:]


def make_title(r):
    """The start of one real title and the end of another: a headline, never ending in punctuation."""
    a, b = r.choice(title_words), r.choice(title_words)
    words = a[:max(1, len(a) // 2 + r.randrange(-1, 2))] + b[len(b) // 2:]
    t = " ".join(words[:20]).rstrip(".,;:!?")
    return t[:1].upper() + t[1:]


def make_article(i, r):
    target = min(55_000, max(1_500, int(r.choice(sizes) * r.uniform(0.6, 1.6))))
    home = r.choice(articles)[0]
    title = make_title(r)
    paragraphs, size = [], len(title.encode())
    while size < target:
        p = vary(r.choice(home) if r.random() < 0.7 else r.choice(pool), r)
        paragraphs.append(p)
        size += len(p.encode()) + 2
    shape = r.random()
    head = []
    if shape < 0.25:
        section = r.choice(SECTIONS)
        date = f"20{r.randrange(17, 26)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
        head = [f"# doc_id = bench_{i:06d}", f"# url = https://dantri.com.vn/{section}/bai-{i:06d}-{date}.htm",
                f"# date = {date}"]
        sep = "\n"  # dantri: one paragraph per line, no blank line after the title
        lines = head + [title] + paragraphs
    else:
        sep = "\n\n" if shape < 0.85 else "\n"
        lines = [title, ""] + paragraphs if sep == "\n" else [title] + paragraphs
    ending = []
    if r.random() < 0.4:
        if r.random() < 0.6:
            ending.append(r.choice(AUTHORS))
        source = r.choice(SOURCES)
        if source in SITES and r.random() < 0.5:
            ending.append(f"Nguồn {source}: {SITES[source]}/bai-viet-{i}.htm")
        else:
            ending.append(f"Theo {source}")
    return sep.join(lines + ending) + "\n"


seen = set()
made = 0
for i in range(count):
    r = random.Random(f"35-{i}")
    text = make_article(i, r)
    while hashlib.sha1(text.encode()).digest() in seen:  # unlikely, but duplicates would not be added
        text = make_article(i, r)
    seen.add(hashlib.sha1(text.encode()).digest())
    if r.random() < 0.1:
        text = unicodedata.normalize("NFD", text)
    folder = os.path.join(out_dir, f"{i // 100:04d}")
    if i % 100 == 0:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    made += 1
print(f"{made} articles in {out_dir}", file=sys.stderr)
