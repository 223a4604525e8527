"""Subscriptions and `docbao update` (issue 17) against the loopback server's news site
(http_server.py, routes under /news/): feeds subscribed, listed and removed; an update that adds
the full article behind each new entry, sends conditional requests the second time (the server
counts its 304s), adds only what is new, names each failed feed with its reason while the others
update, and loses nothing when it is killed."""
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

import http_server
from tmux_harness import BINARY, DEADLINE


def run(*args, library, env=None, timeout=60):
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run([str(BINARY), *map(str, args), "--library", str(library)],
                          capture_output=True, text=True, timeout=timeout, env=full)


def query(library, sql, *params):
    with sqlite3.connect(f"file:{library}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def texts(library):
    """Each article's title and text (deflated in the library), by id."""
    import zlib
    return {i: (title, zlib.decompress(text).decode()) for i, title, text in
            query(library, "SELECT a.id, a.title, c.text FROM article a JOIN content c ON c.id = a.id ORDER BY a.id")}


@pytest.fixture
def news(web):
    """The news site reset: two entries, nothing sent yet."""
    http_server.NEWS.update(count=2, not_modified=0, switch={}, page_delay=0, in_flight=0, most_in_flight=0)
    http_server.Handler.seen.clear()
    return web


@pytest.fixture
def library(tmp_path):
    return tmp_path / "lib.sqlite"


def test_subscribe_list_and_remove(news, library):
    add = run("feed", "add", news + "/news/feed", library=library)
    assert add.returncode == 0, add.stderr
    assert add.stdout.startswith("subscribed 1\tTin thử nghiệm\t" + news + "/news/feed")
    again = run("feed", "add", news + "/news/feed", "--name", "Báo thử", library=library)
    assert again.returncode == 0 and again.stdout.startswith("already subscribed 1\tBáo thử\t")
    # Not feeds: said, and nothing subscribed.
    for path, reason in (("/news/html-page", "an HTML page that names no feed"), ("/404", "HTTP 404 Not Found"),
                         ("/loop-a", "redirect loop")):
        refused = run("feed", "add", news + path, library=library)
        assert refused.returncode == 1 and reason in refused.stderr and "not subscribed" in refused.stderr, refused.stderr
    assert run("feed", "add", news + "/news/dead-links-feed", library=library).returncode == 0
    listed = run("feed", "list", library=library)
    assert listed.stdout.splitlines() == [
        f"1\t0/0\tnever\tBáo thử\t{news}/news/feed\t-",
        f"2\t0/0\tnever\tTin cụt\t{news}/news/dead-links-feed\t-",
    ]
    records = json.loads(run("feed", "list", "--json", library=library).stdout)
    assert [(r["id"], r["name"], r["title"], r["articles"], r["checked"], r["error"]) for r in records] == [
        (1, "Báo thử", "Tin thử nghiệm", 0, None, None), (2, None, "Tin cụt", 0, None, None)]
    assert run("update", library=library).returncode == 0
    # Removed by number, its articles kept; by address with its articles; an unknown one said.
    removed = run("feed", "remove", "1", library=library)
    assert removed.returncode == 0 and removed.stdout == f"removed feed 1\tBáo thử\t{news}/news/feed\t(its 2 articles kept)\n"
    gone = run("feed", "remove", news + "/news/dead-links-feed", "9", "--delete-articles", library=library)
    assert gone.returncode == 1 and "9: not subscribed to" in gone.stderr
    assert gone.stdout == f"removed feed 2\tTin cụt\t{news}/news/dead-links-feed\t(2 articles removed)\n"
    assert run("feed", "list", library=library).stdout == ""
    assert len(run("list", library=library).stdout.splitlines()) == 2
    assert query(library, "SELECT count(*) FROM article WHERE feed IS NULL") == [(2,)]


def test_removing_a_feed_of_one_article_says_article(news, library):
    for name in ("mot", "hai"):
        assert run("feed", "add", news + "/news/switch/" + name, library=library).returncode == 0
    assert run("update", library=library).returncode == 0
    kept = run("feed", "remove", "1", library=library)
    assert kept.returncode == 0 and kept.stdout.endswith("\t(its 1 article kept)\n"), kept.stdout
    gone = run("feed", "remove", "2", "--delete-articles", library=library)
    assert gone.returncode == 0 and gone.stdout.endswith("\t(1 article removed)\n"), gone.stdout


def test_a_sites_page_subscribes_to_the_first_feed_it_names(news, library):
    add = run("feed", "add", news + "/news/home", library=library)
    assert add.returncode == 0 and add.stdout.startswith(f"subscribed 1\tTin thử nghiệm\t{news}/news/feed\t"), add.stdout
    again = run("feed", "add", news + "/news/feed", library=library)
    assert again.stdout.startswith("already subscribed 1\t")


def test_update_adds_the_full_articles_then_only_what_is_new(news, library):
    assert run("feed", "add", news + "/news/feed", library=library).returncode == 0
    first = run("update", library=library)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Tin thử nghiệm: 2 new\n1 feed updated, 2 new articles\n"
    articles = texts(library)
    assert sorted(title for title, _ in articles.values()) == ["Bài 1: Đường sắt cao tốc", "Bài 2: Mùa mưa bão"]
    for title, text in articles.values():
        # The whole article from its page (the feed has only a line of it), not the page's menus.
        assert "Bộ trưởng cho biết sẽ trình Chính phủ" in text and "Trang chủ" not in text and "Bản quyền" not in text, text
    # Unread, from the feed, dated by the feed.
    listed = run("list", library=library).stdout.splitlines()
    assert all(line.split("\t")[1] == "new" and line.split("\t")[2] == "07/12/2026" for line in listed), listed
    assert query(library, "SELECT count(*) FROM article WHERE feed = 1 AND guid LIKE 'news-%'") == [(2,)]
    # The pages and the feed were asked for compressed (and sent so).
    assert all("gzip" in r["headers"].get("Accept-Encoding", "") for r in http_server.Handler.seen)

    http_server.Handler.seen.clear()
    second = run("update", library=library)
    assert second.returncode == 0 and second.stdout == "1 feed updated, 0 new articles\n", second.stdout
    assert http_server.NEWS["not_modified"] == 1
    asked = [r for r in http_server.Handler.seen if r["path"] == "/news/feed"]
    assert len(asked) == 1 and asked[0]["headers"]["If-None-Match"] == '"news-2"'
    assert asked[0]["headers"]["If-Modified-Since"] == "Mon, 07 Dec 2026 02:00:00 GMT"
    assert [r["path"] for r in http_server.Handler.seen] == ["/news/feed"]

    # The feed changes: only its new entry is fetched and added.
    http_server.NEWS["count"] = 3
    http_server.Handler.seen.clear()
    third = run("update", library=library)
    assert third.returncode == 0 and third.stdout == "Tin thử nghiệm: 1 new\n1 feed updated, 1 new article\n", third.stdout
    assert [r["path"] for r in http_server.Handler.seen] == ["/news/feed", "/news/a/3"]
    assert len(texts(library)) == 3
    line = run("feed", "list", library=library).stdout.split("\t")
    assert line[1] == "3/3" and line[2] != "never" and line[-1] == "-\n"


def test_pages_in_windows_1258_or_under_a_wrong_charset_read_as_vietnamese(news, library):
    run("feed", "add", news + "/news/vietnamese-feed", library=library)
    assert run("update", library=library).returncode == 0
    titles = sorted(title for title, _ in texts(library).values())
    assert titles == ["Bài 3: Học phí đại học", "Bài 4: Cà phê Tây Nguyên"]
    for _, text in texts(library).values():
        assert "Nhiều chuyên gia cho rằng các cơ quan chức năng" in text


def test_the_feeds_own_text_when_it_is_the_whole_article_or_the_page_is_gone(news, library):
    run("feed", "add", news + "/news/full-text-feed", library=library)
    run("feed", "add", news + "/news/dead-links-feed", library=library)
    done = run("update", library=library)
    assert done.returncode == 0 and done.stdout.endswith("2 feeds updated, 4 new articles\n"), (done.stdout, done.stderr)
    by_feed = dict(query(library, "SELECT feed, group_concat(id) FROM article GROUP BY feed"))
    articles = texts(library)
    for i in map(int, by_feed[1].split(",")):
        # content:encoded holds the article three times over: all of it is kept.
        assert articles[i][1].count("Bộ trưởng cho biết") == 3
    for i in map(int, by_feed[2].split(",")):
        assert "Theo số liệu mới công bố sáng nay" in articles[i][1]
    # The full text was in the feed: its (dead) links were never asked for; the others' were.
    asked = [r["path"] for r in http_server.Handler.seen]
    assert "/404?5" not in asked and "/404?6" not in asked and "/404?7" in asked


def test_failed_feeds_are_named_with_their_reason_and_the_others_update(news, library):
    names = ["missing", "broken", "page", "loop", "stall", "endless"]
    for name in names:
        assert run("feed", "add", f"{news}/news/switch/{name}", library=library).returncode == 0
    assert run("feed", "add", news + "/news/feed", library=library).returncode == 0
    http_server.NEWS["switch"] = {"missing": "404", "broken": "500", "page": "html", "loop": "loop",
                                  "stall": "stall", "endless": "endless"}
    started = time.monotonic()
    done = run("update", library=library, env={"DOCBAO_HTTP_TIMEOUTS": "5,2,8", "DOCBAO_HTTP_MAX_BYTES": "2000000"})
    assert time.monotonic() - started < 20
    assert done.returncode == 1
    assert done.stdout == "Tin thử nghiệm: 2 new\n1 feed updated, 2 new articles, 6 failed\n", done.stdout
    errors = done.stderr.splitlines()
    # Said in Vietnamese, the technical part kept (FailureReason); feed list keeps the phrase as made.
    expected = {"missing": "không có (HTTP 404 Not Found)", "broken": "máy chủ lỗi (HTTP 500 Internal Server Error)",
                "page": "một trang web, không phải nguồn tin", "loop": "chuyển hướng vòng quanh (về lại http://127.0.0.1:",
                "stall": "hết giờ: ", "endless": "quá lớn: hơn 2000000 byte"}
    for name, reason in expected.items():
        line = next((l for l in errors if f"/news/switch/{name}):" in l), None)
        assert line and line.startswith(f"docbao update: Tin {name} (") and reason in line, (name, errors)
    listed = {l.split("\t")[4].rsplit("/", 1)[-1]: l.split("\t") for l in run("feed", "list", library=library).stdout.splitlines()}
    assert "HTTP 404" in listed["missing"][5] and listed["feed"][5] == "-" and listed["feed"][1] == "2/2"
    # Mended, they update and their errors go; the validators of the good one were kept throughout.
    http_server.NEWS["switch"] = {}
    mended = run("update", library=library)
    assert mended.returncode == 0 and mended.stdout.endswith("7 feeds updated, 6 new articles\n"), mended.stdout
    assert all(l.endswith("\t-") for l in run("feed", "list", library=library).stdout.splitlines())
    assert http_server.NEWS["not_modified"] == 1


def test_a_feed_file_is_subscribed_by_its_path_and_read_again_when_it_changed(tmp_path, library, monkeypatch):
    feed = tmp_path / "tin.xml"
    feed.write_text(http_server.news_feed(1, link="file:///nowhere/%d"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    add = run("feed", "add", "tin.xml", library=library)
    assert add.returncode == 0 and f"\tfile://{tmp_path}/tin.xml\t" in add.stdout, add.stdout
    assert run("update", library=library).stdout == "Tin thử nghiệm: 1 new\n1 feed updated, 1 new article\n"
    # Unchanged: not read again; changed: its new entry only.
    assert run("update", library=library).stdout == "1 feed updated, 0 new articles\n"
    feed.write_text(http_server.news_feed(2, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("update", "tin.xml", library=library).stdout == "Tin thử nghiệm: 1 new\n1 feed updated, 1 new article\n"
    feed.unlink()
    gone = run("update", library=library)
    assert gone.returncode == 1 and gone.stderr.endswith("tin.xml): không có tệp này\n"), gone.stderr
    assert run("feed", "remove", "tin.xml", library=library).returncode == 0


def test_an_article_removed_is_not_added_again_by_the_next_update(tmp_path, library, monkeypatch):
    """As newsboat: an entry the user removed stays removed when its feed changes."""
    feed = tmp_path / "tin.xml"
    feed.write_text(http_server.news_feed(2, link="file:///nowhere/%d"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("feed", "add", "tin.xml", library=library).returncode == 0
    assert run("update", library=library).stdout == "Tin thử nghiệm: 2 new\n1 feed updated, 2 new articles\n"
    (removed,), = query(library, "SELECT id FROM article WHERE guid = 'news-1'")
    assert run("remove", removed, library=library).returncode == 0
    # The feed changes (a third entry): only that one is new.
    feed.write_text(http_server.news_feed(3, link="file:///nowhere/%d"), encoding="utf-8")
    assert run("update", library=library).stdout == "Tin thử nghiệm: 1 new\n1 feed updated, 1 new article\n"
    assert sorted(g for g, in query(library, "SELECT guid FROM article")) == ["news-2", "news-3"]


def test_feeds_are_fetched_four_at_a_time(news, library):
    names = [f"slow{i}" for i in range(8)]
    for name in names:
        run("feed", "add", f"{news}/news/switch/{name}", library=library)
    http_server.NEWS["switch"] = {name: "slow2" for name in names}
    done = run("update", library=library)
    assert done.returncode == 0 and done.stdout.endswith("8 feeds updated, 8 new articles\n"), done.stdout
    assert http_server.NEWS["most_in_flight"] == 4


def test_a_feed_of_100000_entries_is_taken_a_thousand_at_a_time(news, library):
    run("feed", "add", news + "/news/big", library=library)
    first = run("update", library=library, timeout=300)
    assert first.returncode == 0 and first.stdout.endswith("1 feed updated, 1000 new articles\n"), (first.stdout, first.stderr)
    # The newest thousand; the first hundred from their pages, the rest the feed's own words.
    pages = [r["path"] for r in http_server.Handler.seen if r["path"].startswith("/news/a/")]
    assert len(pages) == 100 and set(pages) == {f"/news/a/{i}" for i in range(100000, 99900, -1)}
    guids = lambda: {g for (g,) in query(library, "SELECT guid FROM article")}
    assert guids() == {f"big-{i}" for i in range(100000, 99000, -1)}
    # Not all taken: its validators were not kept, so the next update takes the next thousand.
    assert query(library, "SELECT etag, modified FROM feed") == [(None, None)]
    second = run("update", library=library, timeout=300)
    assert second.returncode == 0 and second.stdout.endswith("1000 new articles\n")
    assert guids() == {f"big-{i}" for i in range(100000, 98000, -1)}


def test_an_update_killed_midway_adds_nothing_of_the_feed_and_the_next_adds_it_all(news, library):
    run("feed", "add", news + "/news/slow-pages-feed", library=library)
    http_server.NEWS["page_delay"] = 30
    update = subprocess.Popen([str(BINARY), "update", "--library", str(library)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    end = time.monotonic() + DEADLINE
    while not any(r["path"].startswith("/news/slow-a/") for r in http_server.Handler.seen):
        assert time.monotonic() < end and update.poll() is None, "the update never asked for a page"
        time.sleep(0.02)
    update.send_signal(signal.SIGKILL)
    update.wait()
    # The feed's entries and validators are all or nothing: nothing, here.
    assert query(library, "SELECT count(*) FROM article") == [(0,)]
    assert query(library, "SELECT etag, modified, checked FROM feed") == [(None, None, None)]
    http_server.NEWS["page_delay"] = 0
    done = run("update", library=library)
    assert done.returncode == 0 and done.stdout.endswith("1 feed updated, 2 new articles\n")


def test_nothing_raw_reaches_the_terminal_from_feed_titles(news, library):
    run("feed", "add", news + "/news/escapes-feed", library=library)
    done = run("update", library=library)
    assert done.returncode == 0
    listed = run("feed", "list", library=library)
    for out in (done.stdout, done.stderr, listed.stdout, run("list", library=library).stdout):
        assert "\x1b" not in out and "\x07" not in out, repr(out)
    assert "đỏ" in listed.stdout
    titles = [title for title, _ in texts(library).values()]
    assert len(titles) == 1 and "\x1b" not in titles[0] and "xoá màn hình" in titles[0]


def test_an_entity_bomb_is_not_expanded(news, library):
    started = time.monotonic()
    add = run("feed", "add", news + "/news/entity-bomb", library=library)
    assert add.returncode == 0 and "lollol" not in add.stdout
    assert run("update", library=library).returncode == 0
    assert time.monotonic() - started < 10
    assert all(len(t) < 5000 for _, t in texts(library).values())


def test_update_in_a_terminal_shows_progress_then_the_summary(news, pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    run("feed", "add", news + "/news/feed", library=lib)
    run("feed", "add", news + "/news/switch/slow", library=lib)
    run("feed", "add", news + "/news/switch/gone", library=lib)
    http_server.NEWS["switch"] = {"slow": "slow5", "gone": "404"}
    p = pane(100, 20)
    p.docbao(f"update --library {lib}")
    # Two feeds done, the slow one still coming: the bar says so on the terminal.
    p.wait_for("] 2/3", what="the progress bar at 2 of 3")
    screen = p.wait_for("EXIT=1")
    assert "1 feed" not in screen and "2 feeds updated, 3 new articles, 1 failed" in screen
    assert "docbao update: Tin gone (" in screen and "HTTP 404 Not Found" in screen
    # The bar was cleared: no line keeps it.
    assert "] 3/3" not in screen and "#---" not in screen


def test_new_articles_are_marked_unread_in_the_library_view_until_read(news, pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    run("feed", "add", news + "/news/feed", library=lib)
    assert run("update", library=lib).returncode == 0
    p = pane(100, 20)
    p.docbao(f"library --library {lib}")
    screen = p.wait_stable("Bài 1: Đường sắt cao tốc")
    rows = [line for line in screen.splitlines() if "Bài " in line]
    assert len(rows) == 2 and all("●" in row for row in rows), screen
    # The first article opened, then back to the library (L): read, it is no longer marked.
    p.keys("g", "Enter")
    p.wait_for("Bộ trưởng cho biết")
    p.keys("L")
    screen = p.wait_stable(lambda s: "Bài 1" in s and "Bài 2" in s and s.count("●") == 1)
    p.keys("q")
    p.wait_exit(0)


def test_a_read_only_library_is_not_updated_and_nothing_is_fetched(news, library):
    from test_library_store import immutable

    run("feed", "add", news + "/news/feed", library=library)
    # (The library's -wal folded in, so that the file alone is the library.)
    sqlite3.connect(library).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = library.read_bytes()
    http_server.Handler.seen.clear()
    with immutable(library):
        listed = run("feed", "list", library=library)
        assert listed.returncode == 0 and "Tin thử nghiệm" in listed.stdout
        done = run("update", library=library)
        assert done.returncode == 1 and "read-only" in done.stderr and done.stdout == "", done.stderr
    assert http_server.Handler.seen == [] and library.read_bytes() == before
