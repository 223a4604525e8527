"""Searching a huge article once it is imported (issue 19): a search made at Enter scans the article's
blocks instead of folding the whole (`BlockScan`), and shows the same matches, count, highlights, n
and N as the fold did; typing at the prompt follows the matches key by key without scanning all of it
(counted at Enter), and Esc goes back.

The article is a few MB made at test time from the shared corpus; DOCBAO_TEST_FOLD_KEEP_LIMIT=0 makes
docbao treat it as one whose fold is too big to keep (100 MB in real use)."""
import unicodedata

import pytest

from tmux_harness import SHARED
from test_search import highlighted_runs

WORD = "Khuỳnhxoắn"
COUNT = 5
ENV = {"DOCBAO_TEST_FOLD_KEEP_LIMIT": "0"}


def corpus_text():
    parts = []
    for folder in ("articles", "articles-dantri"):
        for path in sorted((SHARED / "testdata" / folder).glob("*.txt")):
            parts.append(path.read_text(encoding="utf-8").strip() + "\n\n")
    text = "".join(parts)
    assert WORD.lower() not in text.lower()
    return text


def article(path, form):
    """The corpus COUNT + 1 times, a paragraph "Đoạn số k" holding WORD between each two."""
    corpus = unicodedata.normalize(form, corpus_text())
    parts = [corpus]
    for k in range(1, COUNT + 1):
        parts.append(unicodedata.normalize(form, f"Đoạn số {k}: chữ {WORD} ở đây.\n\n"))
        parts.append(corpus)
    path.write_text("".join(parts), encoding="utf-8")
    return path


def status(p, screen):
    return screen.split("\n")[: p.height][-1]


def text_rows(p, screen):
    return unicodedata.normalize("NFC", "\n".join(screen.split("\n")[: p.height - 1]))


def imported(p, path):
    p.docbao(str(path), prefix=" ".join(f"{k}={v}" for k, v in ENV.items()) + " ")
    # The reader's first screen (its sidebar), and the whole imported.
    return p.wait_for(lambda s: "MỤC LỤC" in text_rows(p, s) and "đang nạp" not in status(p, s), timeout=300,
                      what="the whole article imported")


@pytest.mark.parametrize("form, query, exact, at_start", [("NFC", "khuynhxoan", False, False), ("NFD", WORD, True, False),
                                                       ("NFD", "khuynhxoan", False, True)])
def test_enter_n_and_N_go_through_every_match_in_order(pane, tmp_path, form, query, exact, at_start):
    p = pane(100, 30)
    path = article(tmp_path / "dai.txt", form)
    if at_start:
        # `--search`: made once the article is in, no prompt.
        p.docbao(f"--search {query} {path}", prefix=" ".join(f"{k}={v}" for k, v in ENV.items()) + " ")
    else:
        imported(p, path)
        p.keys("/")
        if exact:
            p.keys("Tab")
            p.wait_for(lambda s: "chính xác" in status(p, s), what="exact mode in the prompt")
        # The query and Enter written at once, as a paste would: one search, made at Enter.
        p.type(query + "\r")
    shown = p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and f"1/{COUNT}" in status(p, s)
                       and not status(p, s).startswith("/"), timeout=120, what="the first match and its count")
    assert WORD in text_rows(p, shown)
    runs = [unicodedata.normalize("NFC", r) for r in highlighted_runs(p)]
    assert WORD in runs, runs
    for k in range(2, COUNT + 1):
        p.keys("n")
        p.wait_for(lambda s: f"Đoạn số {k}:" in text_rows(p, s) and f"{k}/{COUNT}" in status(p, s), what=f"n: match {k}")
    p.keys("n")
    p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and f"1/{COUNT}" in status(p, s) and "từ đầu" in status(p, s),
               what="n wraps to the first")
    p.keys("N")
    p.wait_for(lambda s: f"Đoạn số {COUNT}:" in text_rows(p, s) and f"{COUNT}/{COUNT}" in status(p, s)
               and "từ cuối" in status(p, s), what="N wraps to the last")
    p.keys("N")
    p.wait_for(lambda s: f"Đoạn số {COUNT - 1}:" in text_rows(p, s) and f"{COUNT - 1}/{COUNT}" in status(p, s), what="N")
    p.keys("q")
    p.wait_exit(0)


def test_typing_follows_the_matches_and_esc_goes_back(pane, tmp_path):
    p = pane(100, 30)
    first = imported(p, article(tmp_path / "dai.txt", "NFC"))
    top = text_rows(p, first).split("\n")[0]
    p.keys("/")
    p.wait_for(lambda s: status(p, s).startswith("/"), what="the prompt")
    for n, c in enumerate("khuynhx", 1):
        p.type(c)
        p.wait_for(lambda s: status(p, s).startswith("/" + "khuynhx"[:n]), what=f"key {n} echoed")
    # Typed on a huge article, the matches are counted at Enter: the prompt says one is found.
    p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and "có · Enter để đếm" in status(p, s), what="typing: the first match")
    p.type("z")
    p.wait_for(lambda s: status(p, s).startswith("/khuynhxz") and "Đoạn số" not in text_rows(p, s)
               and f"/{COUNT}" not in status(p, s), what="no match: back where the prompt opened")
    p.keys("BSpace")
    p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and "có · Enter để đếm" in status(p, s), what="the match again")
    p.keys("Escape")
    back = p.wait_for(lambda s: not status(p, s).startswith("/") and "Đoạn số" not in text_rows(p, s), what="Esc: back")
    assert text_rows(p, back).split("\n")[0] == top
    # Typed again and entered: the whole list, counted, and n goes through it.
    p.keys("/")
    p.wait_for(lambda s: status(p, s).startswith("/"), what="the prompt again")
    for c in "khuynhx":
        p.type(c)
    p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and status(p, s).startswith("/khuynhx"), what="typed again")
    p.keys("Enter")
    p.wait_for(lambda s: "Đoạn số 1:" in text_rows(p, s) and f"1/{COUNT}" in status(p, s), what="Enter: counted")
    p.type("n")
    p.wait_for(lambda s: "Đoạn số 2:" in text_rows(p, s) and f"2/{COUNT}" in status(p, s), what="n: the second")
    p.keys("q")
    p.wait_exit(0)
