"""Pages saved from six Vietnamese news sites (vnsites.py builds them from real articles): the article
comes out word for word, and not one word of the menus, lists, comments and footers around it
(issue 16). Checked on `docbao export` (the model: blocks, credits, metadata, links) and on
`docbao --dump` (what a reader sees)."""
import json
import re
import subprocess
import unicodedata

import pytest

import vnsites
from tmux_harness import BINARY

SITES = list(vnsites.SITES)


def run(*args, stdin=None):
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, input=stdin, timeout=60)


def nfc(s):
    return unicodedata.normalize("NFC", s)


@pytest.fixture(params=SITES)
def page(request, tmp_path):
    page = vnsites.build(request.param)
    path = tmp_path / page.name
    path.write_bytes(page.data)
    return page, path


def test_the_model_is_the_article_block_for_block(page):
    page, path = page
    done = run("export", "--format", "json", path)
    assert done.returncode == 0, done.stderr.decode()
    model = json.loads(done.stdout)
    got = [(b["kind"], b["text"], b.get("credit")) for b in model["blocks"]]
    assert got == page.blocks


def test_the_metadata_says_who_when_and_where(page):
    page, path = page
    meta = json.loads(run("export", "--format", "json", path).stdout)["metadata"]
    for key, value in page.metadata.items():
        assert meta.get(key) == value, key


def test_the_links_of_the_article_are_numbered_and_listed(page):
    page, path = page
    model = json.loads(run("export", "--format", "json", path).stdout)
    assert [link["url"] for link in model.get("links", [])] == page.links
    dump = run("--dump", path).stdout.decode()
    for number, url in enumerate(page.links, 1):
        assert f"[{number}] {url}" in dump


def words(text):
    return nfc(text).split()


def expected_words(page):
    """What a reader sees, in order: each block's words, a caption's credit shown as "Ảnh: X"."""
    out = []
    for kind, text, credit in page.blocks:
        out += words(text)
        if credit:
            out += words(credit if ":" in credit else "Ảnh: " + credit)
    return out


def test_the_dump_is_the_article_word_for_word_and_nothing_else(page):
    page, path = page
    done = run("--dump", "--width", "100", path)
    assert done.returncode == 0, done.stderr.decode()
    dump = done.stdout.decode()
    # The list of links after the article is the reader's own, not the page's.
    text = re.split(r"^Liên kết:$", dump, flags=re.M)[0]
    assert words(text) == expected_words(page)
    flat, article = " ".join(words(dump)), " ".join(expected_words(page))
    # A menu's word that the article also says is the article's.
    leaked = [b for b in page.boilerplate if " ".join(words(b)) in flat and " ".join(words(b)) not in article]
    assert leaked == []


def test_the_page_read_from_stdin_is_the_same_article(page):
    page, path = page
    assert run("--dump", "-", stdin=page.data).stdout == run("--dump", path).stdout
