"""Coloured output (grep, search, --dump with --color=always) is the plain output with docbao's
SGR codes around the right pieces: the expected bytes are built here from the plain output, the
JSON model and the documented looks, not taken from the program."""
import json
import re
import subprocess

import pytest

from tmux_harness import BINARY, SHARED

ARTICLES = sorted((SHARED / "testdata" / "articles").glob("*.txt"))
# With the seed: a photo title, a caption with its credit, a byline, a source with its address.
SOME = [SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt", ARTICLES[0], ARTICLES[3], ARTICLES[-1], ARTICLES[-3]]
RESET = "\x1b[0m"
# The looks of the dark theme (Theme.attributes and Theme.colours): attributes bold 1, dim 2,
# italic 3, underline 4, then the foreground 30+N; body text and list items plain.
DARK = {"title": "1;36", "lead": "1;3", "heading": "1;33", "photoTitle": "1;3;32", "caption": "3;32",
        "credit": "2;3;32", "byline": "1", "source": "2", "meta": "2", "url": "4;34", "paragraph": "", "listItem": ""}
# Light: no yellow, cyan or green text (they vanish on white).
LIGHT = {**DARK, "title": "1;34", "heading": "1;35", "photoTitle": "1;3", "caption": "3", "credit": "2;3"}
MONO = {kind: ";".join(c for c in look.split(";") if c and int(c) < 30) for kind, look in DARK.items()}


def run(*args, env=None):
    r = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=env)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


def highlighted(text, query):
    return re.sub(re.escape(query), lambda m: f"\x1b[1;31m{m.group(0)}{RESET}", text)


@pytest.mark.parametrize("query", ["thịt", "Việt Nam", "và"])
def test_grep_colours_the_name_line_number_and_matches(query):
    files = ARTICLES[:6]
    for names in (files[:1], files):
        plain = run("grep", "--exact", "--color=never", query, *names).splitlines(keepends=True)
        expected = ""
        for line in plain:
            name, number, text = (line.split(":", 2) if len(names) > 1 else ["", *line.split(":", 1)])
            name = name + ":" if len(names) > 1 else ""
            expected += f"\x1b[35m{name}\x1b[32m{number}\x1b[36m:{RESET}" + highlighted(text, query)
        assert run("grep", "--exact", "--color=always", query, *names) == expected


def test_search_colours_titles_and_matches(tmp_path):
    library = tmp_path / "library.sqlite"
    subprocess.run([str(BINARY), "add", "--library", library, *ARTICLES], check=True, capture_output=True)
    for query in ["thịt", "Hà Nội"]:
        hits = json.loads(run("search", "--library", library, "--exact", "--json", query))
        assert hits
        expected = ""
        for hit in hits:
            count = "1 hit" if hit["hits"] == 1 else f"{hit['hits']} hits"
            source = f" · {hit['source']}" if hit["source"] else ""
            expected += (f"{hit['id']}\t\x1b[1m{hit['title']}{RESET} ({count}{source})\n"
                         f"\t{highlighted(hit['snippet'], query)}\n")
        assert run("search", "--library", library, "--exact", "--color=always", query) == expected


def lines_by_kind(path, width):
    """The plain dump's lines, each with the kind of the block it shows (None: a blank line),
    found by laying the blocks' text, whitespace aside, over the lines in order. A caption's credit
    ("Ảnh: …") and a source's address are lines of their own, in the looks of credit and url; a
    credit and a source may be shown after a label. Under the title, the line of what the article
    carries (date, source, address) is "meta", up to the blank line."""
    lines = run("--dump", "--width", width, path).split("\n")[:-1]
    parts = []
    for block in json.loads(run("export", "--format", "json", path))["blocks"]:
        parts.append((block["kind"], block["text"]))
        if block["kind"] == "title" and len(parts) == 1:
            parts.append(("meta", None))
        parts += [(field, block[field]) for field in ("credit", "url") if block.get(field)]
    kinds, at = [], 0
    for kind, text in parts:
        if kind == "meta":
            while at < len(lines) and lines[at].strip():
                kinds.append("meta")
                at += 1
            continue
        want, got = re.sub(r"\s", "", text), ""
        while got != want:
            while not lines[at].strip():
                kinds.append(None)
                at += 1
            shown = re.sub(r"\s", "", lines[at])
            if not got and kind == "listItem" and shown[:1] == "•" != want[:1]:
                shown = shown[1:]  # a list item without a mark of its own is shown with a bullet
            if not got and kind in ("credit", "source") and not want.startswith(shown):
                shown = shown.split(":", 1)[-1]  # its label, "Ảnh:", "Nguồn:"
            got += shown
            assert want.startswith(got), (kind, text, lines[at])
            kinds.append(kind)
            at += 1
    kinds += [None] * (len(lines) - at)
    return lines, kinds


@pytest.mark.parametrize("path", SOME, ids=lambda p: p.name[:12])
@pytest.mark.parametrize("theme,looks", [("dark", DARK), ("light", LIGHT), ("mono", MONO)])
def test_dump_colours_each_line_in_its_blocks_look(path, theme, looks):
    lines, kinds = lines_by_kind(path, 60)
    expected = ""
    for line, kind in zip(lines, kinds):
        text = line.lstrip(" ")
        indent = line[:len(line) - len(text)]
        look = looks[kind] if kind else ""
        expected += (indent + f"\x1b[{look}m{text}{RESET}" if look and text else line) + "\n"
    assert run("--dump", "--color=always", "--theme", theme, "--width", 60, path) == expected
