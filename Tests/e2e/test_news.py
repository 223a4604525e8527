"""Reading the news in a real terminal (issue 17): in the reader, J and K go to the next and the
previous article of the library's list in its order, U to the next one never opened; the library
view lists a feed's articles (F) with the unread counted, and R updates the feeds from it."""
import json
import os
import signal
import subprocess

import pytest

import http_server
from tmux_harness import BINARY, SHARED

DANTRI = SHARED / "testdata" / "articles-dantri"


def status(p):
    return p.lines()[p.height - 1]


def run(*args, library):
    return subprocess.run([str(BINARY), *map(str, args), "--library", str(library)],
                          capture_output=True, text=True, timeout=60, env=dict(os.environ))


@pytest.fixture
def news(web):
    """The loopback news site (Tests/e2e/http_server.py) as a fresh one: two entries in its feed."""
    http_server.NEWS.update(count=2, not_modified=0, switch={}, page_delay=0, in_flight=0, most_in_flight=0)
    return web


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


def test_subscribe_update_read_the_new_then_the_next_unread_and_update_from_the_view(news, pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    for path in ("/news/feed", "/news/full-text-feed"):
        assert run("feed", "add", news + path, library=lib).returncode == 0
    updated = run("update", library=lib)
    assert updated.returncode == 0, updated.stderr
    p = pane(110, 24)
    p.docbao(f"library --library {lib}")
    screen = p.wait_stable("Thư viện · 4 bài · 4 chưa đọc")
    assert sum(1 for row in screen.splitlines()[1:5] if row[1] == "●") == 4
    # The feeds with their unread counts; one chosen lists its articles only.
    p.keys("F")
    screen = p.wait_for(lambda s: "Nguồn tin · 2 nguồn" in s and "(2/2) Tin thử nghiệm" in s and "(2/2) Tin đầy đủ" in s,
                        what="the feed list")
    assert screen.splitlines()[1].strip().startswith("(4/4) Tất cả bài")
    p.keys("j", "j", "Enter")
    screen = p.wait_for(lambda s: "Tin thử nghiệm · 2 bài · 2 chưa đọc" in s, what="the feed's articles")
    rows = [row for row in screen.splitlines()[1:4] if "Bài " in row]
    assert len(rows) == 2 and all(row[1] == "●" and ("Bài 1:" in row or "Bài 2:" in row) for row in rows), screen
    first, second = (row[3:].split("  ")[0].strip() for row in rows)
    # Read the first; U goes to the other, then says none is left.
    p.keys("g", "Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and first in s and "Bộ trưởng cho biết" in s, what="the first article")
    p.keys("U")
    p.wait_for(lambda s: second in s and "Bài 2/2 · hết bài chưa đọc" in status(p), what="the next unread")
    p.keys("U")
    p.wait_for(lambda s: "Không còn bài chưa đọc trong danh sách" in status(p), what="none left")
    p.keys("L")
    screen = p.wait_stable(lambda s: "Tin thử nghiệm · 2 bài" in s and "chưa đọc" not in s.splitlines()[0])
    assert "●" not in "\n".join(screen.splitlines()[1:3])
    # The feed gets a new entry: R in the view adds it, marked, the cursor on it.
    http_server.NEWS["count"] = 3
    p.keys("R")
    screen = p.wait_for(lambda s: "1 bài mới (2 nguồn đã cập nhật)" in status(p), what="the update's summary")
    screen = p.wait_stable(lambda s: "Tin thử nghiệm · 3 bài · 1 chưa đọc" in s)
    new = [row for row in screen.splitlines()[1:5] if "Bài 3: Học phí đại học" in row]
    assert len(new) == 1 and new[0][1] == "●", screen
    p.keys("Enter")
    p.wait_for(lambda s: "Bài 3: Học phí đại học" in s and "Thư viện ·" not in s, what="the new article")
    p.keys("q")
    p.wait_exit(0)


def test_a_short_article_left_with_j_is_read_and_r_in_the_feed_list_updates(news, pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert run("feed", "add", news + "/news/feed", library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0
    p = pane(110, 24)
    p.docbao(f"library --library {lib}")
    screen = p.wait_stable("Thư viện · 2 bài · 2 chưa đọc")
    first = screen.splitlines()[1][3:].split("  ")[0].strip()
    # The article fits on the screen: read to its end, J goes on, and the library says so.
    p.keys("g", "Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and first in s and "Bộ trưởng cho biết" in s, what="the first article")
    p.keys("J")
    p.wait_for(lambda s: first not in s and "Bài 2/2" in status(p), what="the second article")
    p.keys("L")
    screen = p.wait_stable(lambda s: "Thư viện · 2 bài" in s and first in s)
    row = next(r for r in screen.splitlines()[1:3] if first in r)
    assert row.rstrip().endswith("xong"), screen
    # R in the feed list updates, as in newsboat's.
    http_server.NEWS["count"] = 3
    p.keys("F")
    p.wait_for(lambda s: "Nguồn tin · 1 nguồn" in s, what="the feed list")
    p.keys("R")
    p.wait_for(lambda s: "1 bài mới (1 nguồn đã cập nhật)" in status(p), what="the update's summary")
    p.wait_stable(lambda s: "Thư viện · 3 bài · 1 chưa đọc" in s)
    p.keys("q")
    p.wait_exit(0)


def test_r_with_no_subscription_says_how_to_subscribe(pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    p = pane(80, 24)
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện")
    p.keys("R")
    p.wait_for(lambda s: "Chưa đăng ký nguồn tin nào — docbao feed add" in status(p), what="how to subscribe")
    p.keys("q")
    p.wait_exit(0)


def test_every_way_out_of_a_short_article_seen_whole_counts_it_read(pane, tmp_path):
    """The newcomer trial at 90x14 with a 3-entry file feed: U from article 3 showed article 2 at
    100%, yet L then listed it at 0% (only J and U counted the view). Now q, L, U and a closed
    terminal (SIGHUP) all keep a short article seen whole as read."""
    lib = tmp_path / "lib.sqlite"
    feed = tmp_path / "tin.xml"
    feed.write_text(http_server.news_feed(4, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("feed", "add", feed, library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0

    def progress():
        out = subprocess.run([str(BINARY), "list", "--json", "--library", str(lib)], capture_output=True, text=True, check=True)
        return {row["title"]: row["progress"] for row in json.loads(out.stdout)}

    p = pane(90, 14)
    p.docbao(f"library --library {lib}")
    screen = p.wait_stable("Thư viện · 4 bài · 4 chưa đọc")
    # Sorted by title (reading does not change it): Bài 1 … Bài 4.
    p.keys("s", "s", "g")
    screen = p.wait_stable(lambda s: "xếp: tên bài" in s and status(p).strip().startswith("1/4"))
    titles = [row[3:].split("  ")[0].strip() for row in screen.splitlines()[1:5]]
    assert [t[:5] for t in titles] == ["Bài 1", "Bài 2", "Bài 3", "Bài 4"], screen
    p.keys("j", "j", "Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and titles[2] in s and "100%" in status(p), what="article 3, whole on screen")
    p.keys("U")
    p.wait_for(lambda s: titles[3] in s and "Bài 4/4 · 2 bài chưa đọc" in status(p), what="the next unread")
    p.keys("U")
    p.wait_for(lambda s: titles[0] in s and "Bài 1/4 · 1 bài chưa đọc" in status(p) and "100%" in status(p), what="from the top")
    # L leaves article 1: the list says it was read, as U said of 3 and 4.
    p.keys("L")
    screen = p.wait_stable(lambda s: "Thư viện · 4 bài · 1 chưa đọc" in s)
    rows = {t[:5]: next(r for r in screen.splitlines()[1:5] if t in r) for t in titles}
    assert all(rows[n].rstrip().endswith("xong") for n in ("Bài 1", "Bài 3", "Bài 4")), screen
    # q leaves article 2.
    p.keys("g", "j", "Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and titles[1] in s and "100%" in status(p), what="article 2")
    p.keys("q")
    p.wait_exit(0)
    assert all(v == 1 for v in progress().values()), progress()
    # Closing the terminal (SIGHUP) while reading: the position is saved, and so is "read".
    feed.write_text(http_server.news_feed(5, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("update", library=lib).returncode == 0
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện · 5 bài · 1 chưa đọc")
    p.keys("G", "Enter")
    p.wait_for(lambda s: "Thư viện ·" not in s and "Bài 5" in s and "100%" in status(p), what="article 5")
    os.kill(p.docbao_pid(), signal.SIGHUP)
    p.wait_exit(128 + signal.SIGHUP)
    assert progress()[http_server.news_title(5)] == 1, progress()


def test_r_says_why_a_feed_failed_in_vietnamese(news, pane, tmp_path):
    """The newcomer trial: R's status line named a failed feed's reason in English (the fetch
    layer's words). Now in Vietnamese, the HTTP status kept for who needs it."""
    lib = tmp_path / "lib.sqlite"
    assert run("feed", "add", news + "/news/switch/missing", library=lib).returncode == 0
    assert run("feed", "add", news + "/news/feed", library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0
    http_server.NEWS["switch"] = {"missing": "404"}
    p = pane(120, 20)
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện · 3 bài")
    p.keys("R")
    p.wait_for(lambda s: "nguồn lỗi" in status(p), what="the update's summary")
    line = status(p)
    assert "1 nguồn lỗi — Tin missing: không có (HTTP 404 Not Found)" in line, line
    p.keys("q")
    p.wait_exit(0)


def test_r_with_one_feed_chosen_counts_what_its_list_shows(news, pane, tmp_path):
    """The newcomer trial: R with one feed chosen (F) said "1 bài mới" of an article of another
    feed, which the list does not show. It says what the list shows, then the whole."""
    lib = tmp_path / "lib.sqlite"
    for path in ("/news/feed", "/news/full-text-feed"):
        assert run("feed", "add", news + path, library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0
    p = pane(120, 20)
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện · 4 bài · 4 chưa đọc")
    p.keys("F")
    p.wait_for(lambda s: "(2/2) Tin đầy đủ" in s, what="the feed list")
    p.keys("j", "Enter")
    p.wait_stable(lambda s: "Tin đầy đủ · 2 bài" in s)
    http_server.NEWS["count"] = 3
    p.keys("R")
    p.wait_for(lambda s: "bài mới" in status(p), what="the update's summary")
    line = status(p)
    assert "Không có bài mới trong Tin đầy đủ · cả thư viện: 1 bài mới (2 nguồn đã cập nhật)" in line, line
    p.keys("q")
    p.wait_exit(0)



def test_articles_show_the_name_the_user_gave_their_feed(pane, tmp_path):
    """The newcomer trial: subscribed with --name, the feed's articles still showed the feed's own
    title as their source (in the list, the search results and the article's line under its title)."""
    lib = tmp_path / "lib.sqlite"
    feed = tmp_path / "tin.xml"
    feed.write_text(http_server.news_feed(2, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("feed", "add", feed, "--name", "Báo của tôi", library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0
    listed = run("list", library=lib).stdout.splitlines()
    assert len(listed) == 2 and all(line.split("\t")[3] == "Báo của tôi" for line in listed), listed
    p = pane(100, 14)
    p.docbao(f"library --library {lib}")
    screen = p.wait_stable("Thư viện · 2 bài")
    rows = screen.splitlines()[1:3]
    assert all("Báo của tôi" in r and "Tin thử nghiệm" not in r for r in rows), screen
    p.keys("Enter")
    screen = p.wait_for(lambda s: "Thư viện ·" not in s and "Báo của tôi" in s, what="the article's source line")
    assert "Tin thử nghiệm" not in screen, screen
    p.keys("q")
    p.wait_exit(0)

def test_n_toggles_read_and_a_marks_the_list_read_after_asking(pane, tmp_path):
    """newsboat's N and A in the library view: N marks the article under the cursor read (xong)
    or unread again (●), A marks every unread article of the list shown read, asked first."""
    lib = tmp_path / "lib.sqlite"
    feed = tmp_path / "tin.xml"
    feed.write_text(http_server.news_feed(3, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("feed", "add", feed, library=lib).returncode == 0
    assert run("update", library=lib).returncode == 0
    p = pane(100, 14)
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện · 3 bài · 3 chưa đọc")
    p.keys("s", "s", "g")
    p.wait_stable(lambda s: "xếp: tên bài" in s and status(p).strip().startswith("1/3"))
    p.keys("N")
    screen = p.wait_for(lambda s: "Thư viện · 3 bài · 2 chưa đọc" in s and "Đã đánh dấu đã đọc" in status(p), what="marked read")
    row = screen.splitlines()[1]
    assert "Bài 1" in row and row[1] != "●" and row.rstrip().endswith("xong"), screen
    p.keys("N")
    screen = p.wait_for(lambda s: "Thư viện · 3 bài · 3 chưa đọc" in s and "Đã đánh dấu chưa đọc" in status(p), what="unread again")
    assert screen.splitlines()[1][1] == "●", screen
    # A asks first; any other key keeps them as they are.
    p.keys("A")
    p.wait_for(lambda s: "Đánh dấu 3 bài chưa đọc trong danh sách là đã đọc?" in status(p), what="the question")
    p.keys("n")
    p.wait_for(lambda s: "Không đánh dấu" in status(p), what="kept")
    p.keys("A")
    p.wait_for(lambda s: "Đánh dấu 3 bài" in status(p), what="the question again")
    p.keys("y")
    screen = p.wait_for(lambda s: "Đã đánh dấu 3 bài đã đọc" in status(p) and "chưa đọc" not in s.splitlines()[0], what="all read")
    assert "●" not in "\n".join(screen.splitlines()[1:4]), screen
    p.keys("q")
    p.wait_exit(0)
    listed = run("list", library=lib).stdout.splitlines()
    assert [line.split("\t")[1] for line in listed] == ["100%"] * 3, listed
