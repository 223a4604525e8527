"""A search in the middle of a huge article does not wait for the background import (issue 19): the
file's bytes are scanned while the whole imports, the match is shown at once in a window of the
preview, and it lands on its paragraph once the whole is in.

The article is made at test time from the shared corpus (tens of MB, never committed), with one word
that is in no corpus article in its middle."""
import unicodedata

import pytest

from tmux_harness import SHARED

WORD = "Khuỳnhxoắn"


def corpus_text():
    parts = []
    for folder in ("articles", "articles-dantri"):
        for path in sorted((SHARED / "testdata" / folder).glob("*.txt")):
            parts.append(path.read_text(encoding="utf-8").strip() + "\n\n")
    text = "".join(parts)
    assert WORD.lower() not in text.lower()
    return text


def huge_article(path, size, form):
    """About `size` bytes of corpus articles one after another, WORD in a paragraph of its own in the
    middle, in normal form `form`."""
    corpus = unicodedata.normalize(form, corpus_text())
    half = corpus * (size // 2 // len(corpus.encode()) + 1)
    middle = unicodedata.normalize(form, f"Đoạn giữa bài: chữ {WORD} chỉ có ở đây.\n\n")
    path.write_text(half + middle + half, encoding="utf-8")
    return path


def status(p, screen):
    return screen.split("\n")[: p.height][-1]


def text_rows(p, screen):
    """The article's rows: not the bottom line, where the prompt echoes the query."""
    return unicodedata.normalize("NFC", "\n".join(screen.split("\n")[: p.height - 1]))


@pytest.mark.parametrize("form, query, exact", [("NFC", "khuynhxoan", False), ("NFD", WORD, True)])
def test_a_word_in_the_middle_is_shown_before_the_import_ends(pane, tmp_path, form, query, exact):
    path = huge_article(tmp_path / "dai.txt", 24 << 20, form)
    p = pane(100, 30)
    p.docbao(str(path))
    first = p.wait_for(lambda s: "đang nạp" in status(p, s), what="the preview, the whole still loading")
    assert WORD not in text_rows(p, first)
    p.type("/")
    if exact:
        p.keys("Tab")
        p.wait_for(lambda s: "chính xác" in status(p, s), what="exact mode in the prompt")
    p.type(query)
    p.keys("Enter")
    # The word on the text rows; the import must still be running in that very capture (on a slow
    # machine the import of 24 MB takes far longer than the scan, and without the scan the word
    # shows only once the import is done).
    shown = p.wait_for(lambda s: WORD in text_rows(p, s) and not status(p, s).startswith("/"), timeout=120,
                       what="the word in the middle on screen, the prompt closed")
    assert "đang nạp" in status(p, shown), "the match came only with the whole article"
    # Once the whole is in, the match is still on screen: it landed on its paragraph.
    done = p.wait_for(lambda s: "đang nạp" not in status(p, s), timeout=600, what="the whole article imported")
    assert WORD in text_rows(p, done)
    p.keys("n")
    again = p.wait_for(lambda s: "từ đầu" in status(p, s) or "1/1" in status(p, s), what="n: the only match")
    assert WORD in text_rows(p, again)
    p.keys("q")
    p.wait_exit(0)


def twice_article(path, size, form):
    """Like `huge_article`, with WORD at a quarter and at three quarters of the file: `?` from the end
    must show the later one, `/` from the top the earlier."""
    corpus = unicodedata.normalize(form, corpus_text())
    quarter = corpus * (size // 4 // len(corpus.encode()) + 1)
    early = unicodedata.normalize(form, f"Đoạn sớm: chữ {WORD} lần một.\n\n")
    late = unicodedata.normalize(form, f"Đoạn muộn: chữ {WORD} lần hai.\n\n")
    path.write_text(quarter + early + quarter + quarter + late + quarter, encoding="utf-8")
    return path


def wait_loading_shown(p, what):
    """A capture with `what` on the text rows, the prompt closed, while the whole still loads."""
    shown = p.wait_for(lambda s: what in text_rows(p, s) and not status(p, s).startswith(("/", "?")), timeout=120,
                       what=f"{what!r} on screen, the prompt closed")
    assert "đang nạp" in status(p, shown), "the match came only with the whole article"
    return shown


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_backward_from_the_end_finds_the_last_in_the_middle_while_loading(pane, tmp_path, form):
    path = twice_article(tmp_path / "dai.txt", 24 << 20, form)
    p = pane(100, 30)
    p.docbao(str(path))
    p.wait_for(lambda s: "đang nạp" in status(p, s), what="the preview, the whole still loading")
    p.type("G")
    p.type("?khuynhxoan")
    p.keys("Enter")
    wait_loading_shown(p, "Đoạn muộn")
    done = p.wait_for(lambda s: "đang nạp" not in status(p, s), timeout=600, what="the whole article imported")
    assert "Đoạn muộn" in text_rows(p, done), "the match landed on its paragraph"
    p.keys("n")
    p.wait_for(lambda s: "Đoạn sớm" in text_rows(p, s), what="n: backward to the earlier one")
    p.keys("q")
    p.wait_exit(0)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_search_at_start_finds_the_middle_while_loading(pane, tmp_path, form):
    path = twice_article(tmp_path / "dai.txt", 24 << 20, form)
    p = pane(100, 30)
    p.docbao(f"--search {WORD} {path}")
    wait_loading_shown(p, "Đoạn sớm")
    p.keys("q")
    p.wait_exit(0)
