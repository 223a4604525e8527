"""The library in a real terminal: the list, searching every article, opening at the hit, and the
reading position and marks that persist from one run to the next."""
import os
import signal
import sqlite3
import time

from test_reader import TITLE, open_reader, pane_column
from tmux_harness import DEADLINE, SHARED

TESTDATA = SHARED / "testdata"
SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def top(p):
    return pane_column(p)[0]


def status(p):
    return p.lines()[p.height - 1]


def library_file(p):
    return os.path.join(p.env["XDG_DATA_HOME"], "docbao", "library.sqlite")


def saved_offset(p):
    """The reading position saved for the only article read, or None."""
    try:
        with sqlite3.connect(f"file:{library_file(p)}?mode=ro", uri=True, timeout=5) as db:
            row = db.execute("SELECT offset FROM reading ORDER BY at DESC LIMIT 1").fetchone()
            return row[0] if row else None
    except sqlite3.Error:
        return None


def wait_for_saved(p, predicate, what):
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        offset = saved_offset(p)
        if offset is not None and predicate(offset):
            return offset
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for the position to be saved ({what}); last: {saved_offset(p)}")


def test_the_issue_flow_add_search_open_at_the_hit_quit_and_come_back(pane):
    p = pane(110, 30)
    p.docbao(f"add {TESTDATA} {SEED}")
    p.wait_for("80 added, 0 already there")
    p.wait_exit(0)
    p.docbao("library")
    p.wait_stable("Thư viện · 80 bài")
    p.keys("/")
    p.type("dau tranh")
    p.keys("Enter")
    screen = p.wait_stable("“dau tranh”:")
    assert "đấu tranh" in screen
    first = p.lines()[1]
    p.keys("Enter")
    # The article opens with the first hit on screen and the matches counted on the status line.
    p.wait_for(lambda s: " 1/" in status(p) and "Thư viện ·" not in s and "“dau tranh”:" not in s,
               what="the article at its first hit")
    shown = p.screen()
    assert "đấu tranh" in shown.lower()
    title = first.strip().split("  ")[0]
    assert title[:30] in shown
    p.keys("j", "j", "j")
    place = p.wait_stable(lambda s: True)
    before = [row.split("│", 1)[1].strip() if "│" in row else row.strip() for row in place.split("\n")[:10]]
    # The text from the first blank line on: a top line under the title (date, source, address,
    # not the article's text, all at one offset) comes back as the first of those lines.
    text = before[before.index("") + 1:][:5] if "" in before[:5] else before[:5]
    p.keys("q")
    p.wait_exit(0)
    # docbao with no argument: the same article, at the same place.
    p.docbao()
    p.wait_for(lambda s: "\n".join(text) in "\n".join(pane_column(p)[:10]), what=f"the same text {text!r}")
    p.keys("q")
    p.wait_exit(0)


def test_first_run_adds_the_bundled_article_and_a_position_survives_kill_9(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("d", "d", "d")
    p.wait_for(lambda s: not top(p).startswith(TITLE))
    moved = p.wait_stable(lambda s: True)
    moved_top = top(p)
    # Saved within a few seconds of reading, without quitting…
    wait_for_saved(p, lambda offset: offset > 0, "after scrolling")
    # …so a kill -9 loses nothing.
    os.kill(p.docbao_pid(), signal.SIGKILL)
    p.wait_for("EXIT=137")
    p.run("reset")
    p.docbao()
    p.wait_for(lambda s: top(p) == moved_top, what=f"the place before the kill {moved_top!r}")
    p.keys("q")
    p.wait_exit(0)
    p.docbao("list")
    p.wait_for(lambda s: "Thứ trưởng Ngoại giao" in s and "%" in s)


def test_marks_persist_across_runs(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("]", "]")
    p.wait_for(lambda s: top(p).startswith("Thứ hai là công tác ngoại giao kinh tế"))
    p.keys("m", "k")
    p.wait_for("Đã đánh dấu k")
    p.keys("g", "q")
    p.wait_exit(0)
    p.docbao()
    p.wait_for(lambda s: top(p).startswith(TITLE))
    p.keys("'", "k")
    p.wait_for(lambda s: top(p).startswith("Thứ hai là công tác ngoại giao kinh tế"), what="mark k from the last run")
    p.keys("M")
    p.wait_for(lambda s: "Thứ hai: ngoại giao kinh tế" in s and " k " in s)
    p.keys("Escape", "q")
    p.wait_exit(0)


def test_the_reader_goes_back_to_the_same_row_of_the_list(pane):
    p = pane(110, 30)
    p.docbao(f"add {TESTDATA / 'articles-dantri'}")
    p.wait_exit(0)
    p.docbao("library")
    p.wait_stable("Thư viện · 26 bài")
    p.keys("s", "s")  # by title
    p.wait_for("tên bài")
    p.keys("g", "j", "j", "j", "j")
    p.wait_for(lambda s: status(p).lstrip().startswith("5/26"), what="cursor on row 5")
    p.keys("Enter")
    p.wait_for(lambda s: "trợ giúp" in status(p) and "Thư viện ·" not in s, what="the article")
    p.keys("L")
    p.wait_for(lambda s: status(p).lstrip().startswith("5/26"), what="back on row 5")
    p.keys("q")
    p.wait_exit(0)


def test_a_folder_opens_as_a_temporary_library_without_importing(pane, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    p = pane(110, 30, env={"TMPDIR": str(scratch)})
    p.docbao(str(TESTDATA / "articles"))
    p.wait_stable("Thư viện · 53 bài")
    assert len(os.listdir(scratch)) == 1  # the temporary library, while it is open
    p.keys("/")
    p.type("ngoai giao")
    p.keys("Enter")
    p.wait_for("“ngoai giao”:")
    p.keys("Enter")
    p.wait_for(lambda s: " 1/" in status(p) and "Thư viện ·" not in s and "“ngoai giao”:" not in s,
               what="the article at its first hit")
    p.keys("q")
    p.wait_exit(0)
    p.docbao("list")
    p.wait_exit(0)
    # Nothing was added to the user's library, and the temporary one is gone.
    assert not os.path.exists(library_file(p))
    assert os.listdir(scratch) == []


def test_a_damaged_library_is_explained_and_the_terminal_is_fine(pane):
    p = pane(100, 30)
    os.makedirs(os.path.dirname(library_file(p)))
    with open(library_file(p), "wb") as f:
        f.write(b"not a database\n" * 50)
    p.docbao()
    p.wait_for(lambda s: "is not an SQLite database" in s.replace("\n", ""), what="the reason")
    p.wait_exit(1)
    assert "docbao library check" in p.screen().replace("\n", "")
    assert not p.alternate_screen()
    # A file opened directly still reads; L says why the library cannot open, and the reader stays.
    p.docbao(str(SEED))
    p.wait_stable(TITLE)
    p.keys("L")
    p.wait_for(lambda s: "Thư viện" in status(p) and "SQLite" in status(p), what="the reason on the status line")
    assert top(p).startswith(TITLE)
    p.keys("q")
    p.wait_exit(0)


def test_filter_titles_as_you_type_and_sort_in_vietnamese_order(pane):
    p = pane(110, 60)  # every one of the 53 titles on one screen
    p.docbao(f"add {TESTDATA / 'articles'}")
    p.wait_exit(0)
    p.docbao("library")
    p.wait_stable("Thư viện · 53 bài")
    p.keys("&")
    p.type("viet nam")  # no accents: finds "Việt Nam"
    # Every letter typed is in the prompt, and its count is drawn after it.
    p.wait_for(lambda s: status(p).startswith("&viet nam") and "/53" in status(p), what="the whole filter typed")
    p.wait_stable(lambda s: True)
    rows = [line for line in p.lines()[1:p.height - 1] if line.strip()]
    assert rows and all("việt nam" in row.lower() or "…" in row for row in rows), rows
    shown = int(status(p).split("/53")[0].split()[-1])
    assert 0 < shown < 53 and len(rows) == shown
    p.keys("Escape")
    p.wait_for(lambda s: "Thư viện · 53 bài" in s and "/53" in status(p) and "[" not in status(p))
    # Title order: Vietnamese alphabet (Đ after every D, Ă/Â after A).
    p.keys("s", "s")
    p.wait_for("tên bài")
    titles = [line[3:].strip() for line in p.lines()[1:p.height - 1] if line.strip()]
    assert len(titles) == 53
    # Titles that start with a number come first (by value); then the letters.
    firsts = [t[0] for t in titles if t and not t[0].isdigit()]
    assert all(t[0].isdigit() for t in titles[: len(titles) - len(firsts)])
    order = "AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ"
    ranks = [order.index(c.upper()) for c in firsts if c.upper() in order]
    assert ranks == sorted(ranks), firsts
    p.keys("?")
    p.wait_for("lọc theo tên bài")
    p.keys("q")  # closes the help
    p.wait_for(lambda s: "lọc theo tên bài" not in s)
    p.keys("q")
    p.wait_exit(0)


# 24 words, 104 characters: cut after 16 words before; whole beside the right columns at 200.
LONG_TITLE = "Theo thông báo của Bộ Y tế chiều nay, thêm 35 ca mắc mới được ghi nhận tại Hà Nội, Bắc Ninh và Bắc Giang"


def test_a_long_title_is_stored_whole_and_shown_whole_at_200_columns(pane, tmp_path):
    """Issue 18, item 8: a title made from a long first sentence is the whole sentence, and the
    library view gives it the width of a wide terminal."""
    article = tmp_path / "tin.txt"
    article.write_text(LONG_TITLE + ". Các ca mắc mới đều đã được cách ly.\n\nĐoạn thứ hai của bài.\n", encoding="utf-8")
    assert len(LONG_TITLE.split()) > 16
    p = pane(200, 20)
    p.docbao(f"add {article}")
    p.wait_for("1 added")
    p.wait_exit(0)
    p.docbao("library")
    screen = p.wait_stable("Thư viện · 1 bài")
    assert LONG_TITLE in screen, screen
    p.keys("q")
    p.wait_exit(0)
