"""Reading the news in a real terminal (issue 17): in the reader, J and K go to the next and the
previous article of the library's list in its order, U to the next one never opened."""
from tmux_harness import SHARED

DANTRI = SHARED / "testdata" / "articles-dantri"


def status(p):
    return p.lines()[p.height - 1]


def test_j_k_and_u_walk_the_library_list_in_its_order(pane):
    p = pane(110, 30)
    p.docbao(f"add {DANTRI}")
    p.wait_for("26 added")
    p.wait_exit(0)
    p.docbao("library")
    p.wait_stable("Thư viện · 26 bài")
    # Sorted by title: an order reading does not change.
    p.keys("s", "s", "g")
    p.wait_for(lambda s: "xếp: tên bài" in s and status(p).strip().startswith("1/26"), what="sorted by title, on top")
    rows = p.lines()
    titles = [row[3:30] for row in rows[1:5]]
    p.keys("Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and titles[0] in s, what="the first article")
    p.keys("J")
    p.wait_for(lambda s: titles[1] in s and "Bài 2/26 · 24 bài chưa đọc" in status(p), what="the second article")
    p.keys("J")
    p.wait_for(lambda s: titles[2] in s and "Bài 3/26 · 23 bài chưa đọc" in status(p), what="the third article")
    p.keys("K")
    p.wait_for(lambda s: titles[1] in s and "Bài 2/26" in status(p), what="back to the second")
    p.keys("K")
    p.wait_for(lambda s: titles[0] in s and "Bài 1/26" in status(p), what="back to the first")
    # U skips the second and third, opened already.
    p.keys("U")
    p.wait_for(lambda s: titles[3] in s and "Bài 4/26 · 22 bài chưa đọc" in status(p), what="the next unread")
    p.keys("L")
    p.wait_for(lambda s: "Thư viện · 26 bài" in s and status(p).strip().startswith("4/26"), what="the list on row 4")
    # The four opened are no longer marked unread.
    marks = [row[1] for row in p.lines()[1:27]]
    assert marks[:4] == [" "] * 4 and marks[4:].count("●") == 22
    p.keys("q")
    p.wait_exit(0)
