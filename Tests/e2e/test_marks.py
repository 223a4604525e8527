"""Real-terminal tests of marks (m, ', '') and the bookmarks list (M) on the bundled article."""
from test_reader import SECOND, TITLE, open_reader, pane_column

FIRST = "Thứ nhất là nhiệm vụ"


def state_env(tmp_path):
    return {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def top(p):
    return pane_column(p)[0]


def test_mark_scroll_return_and_back(pane, tmp_path):
    p = pane(100, 30, env=state_env(tmp_path))
    open_reader(p)
    p.keys("]")
    p.wait_for(lambda s: top(p).startswith(FIRST), what="section 'Thứ nhất' on top")
    p.keys("m")
    p.wait_for("m: chữ cái để đánh dấu")
    p.keys("a")
    p.wait_for("Đã đánh dấu a")
    p.keys("g")
    p.wait_for(lambda s: top(p).startswith(TITLE), what="the title on top")
    p.keys("'")
    p.wait_for("': chữ cái của dấu")
    p.keys("a")
    p.wait_for(lambda s: top(p).startswith(FIRST), what="back at mark a")
    p.keys("'", "'")
    p.wait_for(lambda s: top(p).startswith(TITLE), what="'' back to before the jump")
    p.keys("'", "'")
    p.wait_for(lambda s: top(p).startswith(FIRST), what="'' again returns")
    p.keys("'", "z")
    p.wait_for("Chưa có dấu z")
    p.keys("m", "Escape", "q")
    p.wait_exit(0)


def test_mark_holds_after_a_resize(pane, tmp_path):
    p = pane(100, 30, env=state_env(tmp_path))
    open_reader(p)
    p.keys("]", "]")
    p.wait_for(lambda s: top(p).startswith(SECOND))
    p.keys("m", "b", "g")
    p.wait_for(lambda s: top(p).startswith(TITLE))
    p.resize(60, 20)
    p.wait_for(lambda s: len(s.split("\n")[0].rstrip()) <= 60)
    p.keys("'", "b")
    p.wait_for(lambda s: top(p).startswith(SECOND), what="mark b's text on top at 60 columns")


def test_bookmarks_list_shows_jumps_and_deletes(pane, tmp_path):
    p = pane(100, 30, env=state_env(tmp_path))
    open_reader(p)
    p.keys("M")
    p.wait_for("Chưa có dấu trang nào")
    p.keys("q")
    p.wait_for("MỤC LỤC")
    p.keys("]", "m", "a", "]", "m", "b", "g", "M")
    screen = p.wait_stable("Dấu trang")
    rows = screen.split("\n")
    assert rows[2].startswith("▶ a") and "Thứ nhất" in rows[2] and "%" in rows[2], rows[:4]
    assert rows[3].startswith("  b") and "Thứ hai" in rows[3], rows[:4]
    assert "d xoá" in rows[29]
    p.keys("j", "Enter")
    p.wait_for(lambda s: "MỤC LỤC" in s and top(p).startswith(SECOND), what="at mark b")
    p.keys("M", "k", "d")
    p.wait_for("Đã xoá dấu a")
    screen = p.wait_stable("Đã xoá dấu a")
    assert "▶ b" in screen and "  a  " not in screen.split("\n")[3]
    p.keys("Escape")
    p.wait_for("MỤC LỤC")
    p.keys("'", "a")
    p.wait_for("Chưa có dấu a")


def test_library_key_does_not_quit(pane, tmp_path):
    p = pane(100, 30, env=state_env(tmp_path))
    open_reader(p)
    p.keys("L")
    p.wait_for("Thư viện")
    assert p.alternate_screen()
    p.keys("q")
    p.wait_exit(0)


def test_tiny_terminals_with_the_list(pane, tmp_path):
    for width, height in [(10, 3), (20, 4)]:
        p = pane(width, height, env=state_env(tmp_path))
        p.docbao()
        p.wait_for(lambda s: p.alternate_screen(), what="the reader")
        p.keys("m", "a", "j", "m", "b", "M")
        p.wait_stable(lambda s: True)
        p.keys("j", "d", "Escape", "'", "a", "M", "q", "q")
        p.wait_exit(0)
