#!/usr/bin/env python3
"""Builds a large test article from the shared test-data articles, varied so it is not one text
repeated: paragraphs are drawn at random, rotated and sometimes shuffled word by word, and numbered.
A rare marker sentence ends it, another stands at its middle (issue 19's search in the middle).
Usage: make_article.py OUT SIZE_MB [--nfd]"""
import glob
import os
import random
import sys
import unicodedata

out_path, size_mb = sys.argv[1], float(sys.argv[2])
nfd = "--nfd" in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, "..", "..", "shared", "testdata")
random.seed(29)
paragraphs = []
for path in sorted(glob.glob(os.path.join(shared, "articles", "*.txt")) + glob.glob(os.path.join(shared, "articles-dantri", "*.txt"))):
    with open(path, encoding="utf-8") as f:
        paragraphs += [l.strip() for l in f if len(l.strip()) > 40 and not l.startswith("#")]
target = int(size_mb * 1_000_000)
parts, size, n = ["Bài báo rất dài để đo tốc độ", ""], 0, 0
middle = False
while size < target:
    if not middle and size >= target // 2:
        parts += ["Một từ hiếm gặp ở giữa bài: qjvwkx ở giữa.", ""]
        middle = True
    words = random.choice(paragraphs).split(" ")
    k = random.randrange(len(words))
    words = words[k:] + words[:k]
    if random.random() < 0.3:
        random.shuffle(words)
    p = " ".join(words) + f" ({n})"
    parts += [p, ""]
    size += len(p.encode()) + 2
    n += 1
parts.append("Một từ hiếm gặp ở cuối bài: zyxwvu kết thúc.")
text = "\n".join(parts)
if nfd:
    text = unicodedata.normalize("NFD", text)
with open(out_path, "w", encoding="utf-8") as f:
    f.write(text)
