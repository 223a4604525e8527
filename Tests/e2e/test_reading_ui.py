"""Issue 18's reading items in a real terminal: colours that follow the terminal's background
(OSC 11 answered by tmux, COLORFGBG), the section pop-up at any width, the reading column centred
on wide screens, and progress as the furthest point read."""
import json
import re
import shlex
import subprocess

import pytest

from tmux_harness import BINARY, SHARED, Pane

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"
TITLE = "Thứ trưởng Ngoại giao trả lời báo chí"
FIRST = "Thứ nhất là nhiệm vụ"
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_of(p, text):
    """The SGR codes in force where `text` starts on the screen (capture-pane -e)."""
    for row in p.screen(escapes=True).split("\n"):
        plain = SGR.sub("", row)
        if text not in plain:
            continue
        codes, shown = [], ""
        for piece in re.split(r"(\x1b\[[0-9;]*m)", row):
            m = SGR.fullmatch(piece)
            if m:
                codes = [] if m.group(1) in ("", "0") else codes + m.group(1).split(";")
                continue
            if text in shown + piece:
                return set(codes)
            shown += piece
    raise AssertionError(f"{text!r} not on screen")


def open_seed(p, args=""):
    p.docbao(f"{args} {shlex.quote(str(SEED))}")
    # The status line is drawn last.
    return p.wait_stable(lambda s: TITLE[:12] in s and "thoát" in p.lines()[-1])


@pytest.mark.parametrize("style, env, title_colour", [
    (None, {}, "35"),                          # tmux does not know: the palette for both (magenta)
    ("bg=white,fg=black", {}, "34"),           # OSC 11 says light: blue
    ("bg=black,fg=white", {}, "36"),           # OSC 11 says dark: cyan
    (None, {"COLORFGBG": "0;15"}, "34"),       # no answer, COLORFGBG says light
    (None, {"COLORFGBG": "15;0"}, "36"),
])
def test_auto_theme_follows_the_background(pane, style, env, title_colour):
    p = pane(100, 30, env=env)
    if style:
        p.tmux("set-option", "-g", "window-style", style)
    open_seed(p)
    codes = colour_of(p, TITLE[:20])
    assert title_colour in codes, codes
    assert "33" not in colour_of(p, "MỤC LỤC") or title_colour == "36", "no yellow where the background may be light"
    assert "11;rgb" not in p.screen(), "the answer is never shown"
    p.keys("q")
    p.wait_exit(0)
    assert "11;rgb" not in p.screen() and "1;2c" not in p.screen()


def test_keys_typed_before_the_answer_are_kept(pane):
    p = pane(80, 24)
    p.tmux("set-option", "-g", "window-style", "bg=white")
    # The command and G in one write: G waits in the terminal while docbao asks its question.
    p.type(f"{shlex.quote(str(BINARY))} {shlex.quote(str(SEED))}; echo EXIT=$?\rG")
    p.wait_stable("100%")
    p.keys("q")
    p.wait_exit(0)


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
def test_sections_pop_up_where_no_sidebar_fits(pane, size):
    p = pane(*size)
    open_seed(p)
    assert "MỤC LỤC" not in p.screen()
    p.keys("s")
    screen = p.wait_stable("MỤC LỤC")
    assert "┌" in screen and "Enter" in p.lines()[-1], screen
    p.keys("j")
    p.keys("Enter")
    screen = p.wait_stable(lambda s: "MỤC LỤC" not in s)
    assert any(row.strip().startswith("Thứ nhất") for row in p.lines()[:3]), screen
    p.keys("Tab")
    p.wait_stable("MỤC LỤC")
    p.keys("Escape")
    p.wait_stable(lambda s: "MỤC LỤC" not in s)
    p.keys("q")
    p.wait_exit(0)


def test_one_section_hides_the_sidebar(pane, tmp_path):
    one = tmp_path / "mot-muc.txt"
    one.write_text("Tiêu đề chỉ một mục\n\nĐoạn thứ nhất của bài.\n\nĐoạn thứ hai của bài.\n", encoding="utf-8")
    p = pane(100, 30)
    p.docbao(shlex.quote(str(one)))
    p.wait_stable("Tiêu đề chỉ một mục")
    assert "MỤC LỤC" not in p.screen() and "│" not in p.screen()
    p.keys("s")
    p.wait_stable("MỤC LỤC")
    p.keys("q")
    p.wait_exit(0)


@pytest.mark.parametrize("size, centred", [((200, 50), True), ((80, 24), False), ((40, 12), False)])
def test_the_column_is_centred_on_wide_screens(pane, size, centred):
    p = pane(*size)
    open_seed(p)
    row = next(r for r in p.lines() if "Hội nghị ngoại giao lần thứ 29" in r)
    pane_part = row.split("│", 1)[1] if "│" in row else row
    indent = len(pane_part) - len(pane_part.lstrip(" "))
    assert (indent > 20) == centred, row
    p.keys("q")
    p.wait_exit(0)


def test_left_alignment_is_a_setting(pane):
    p = pane(200, 50)
    config = p.home + "/config.toml"
    with open(config, "w") as f:
        f.write('[reader]\nalign = "left"\n')
    open_seed(p, f"--config {shlex.quote(config)}")
    row = next(r for r in p.lines() if "Hội nghị ngoại giao lần thứ 29" in r)
    assert row.split("│", 1)[1].startswith("  Hội nghị"), row
    p.keys("q")
    p.wait_exit(0)


def test_progress_is_the_furthest_point_read(pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    article = SHARED / "testdata" / "articles-dantri" / "news_business_043.txt"
    subprocess.run([str(BINARY), "add", str(article), "--library", str(lib)], check=True, capture_output=True)

    def progress():
        out = subprocess.run([str(BINARY), "list", "--json", "--library", str(lib)], capture_output=True, text=True, check=True)
        return json.loads(out.stdout)[0]["progress"]

    p = pane(100, 30)
    p.docbao(f"library --library {shlex.quote(str(lib))}")
    p.wait_stable("Thư viện")
    p.keys("Enter")
    p.wait_stable(lambda s: "%" in p.lines()[-1])
    p.keys("q")
    p.wait_exit(0)
    assert progress() == 0, "opening alone reads nothing"
    p.docbao(f"library --library {shlex.quote(str(lib))}")
    p.wait_stable("Thư viện")
    p.keys("Enter")
    p.wait_stable(lambda s: "%" in p.lines()[-1])
    p.keys("G")
    p.wait_stable(lambda s: "100%" in p.lines()[-1])
    p.keys("g")
    p.wait_stable(lambda s: "100%" not in p.lines()[-1])
    p.keys("L")
    screen = p.wait_stable("Thư viện")
    assert "xong" in screen, "scrolling back keeps xong"
    p.keys("q")
    p.wait_exit(0)
    assert progress() == 1


DANTRI = SHARED / "testdata" / "articles-dantri" / "news_business_043.txt"
DANTRI_URL = "https://dantri.com.vn/kinh-doanh/cac-du-an-vanh-dai-va-con-duong-cua-trung-quoc-doi-mat-voi-rui-ro-moi-20210424155800567.htm"


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 50)])
def test_the_line_under_the_title(pane, size):
    p = pane(*size)
    p.docbao(shlex.quote(str(DANTRI)))
    screen = p.wait_stable("24/04/2021")
    flat = "".join(row.strip() for row in p.lines()[:-1])
    assert "24/04/2021 · SCMP ·" in screen.replace("\n", " ") or "24/04/2021 · SCMP" in flat
    assert DANTRI_URL in flat, flat
    assert "2" in colour_of(p, "24/04/2021"), "dim, as the source line"
    p.keys("q")
    p.wait_exit(0)


def test_dump_and_list_show_what_the_article_carries(tmp_path):
    dump = subprocess.run([str(BINARY), "--dump", "--width", "200", str(DANTRI)], capture_output=True, text=True).stdout
    assert dump.split("\n")[1] == "24/04/2021 · SCMP · " + DANTRI_URL
    lib = tmp_path / "lib.sqlite"
    subprocess.run([str(BINARY), "add", str(DANTRI), "--library", str(lib)], check=True, capture_output=True)
    listing = subprocess.run([str(BINARY), "list", "--library", str(lib)], capture_output=True, text=True).stdout
    assert listing.split("\t")[2] == "24/04/2021", listing


def test_capital_o_opens_the_address_and_the_screen_stays_whole(pane, tmp_path):
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.sh"
    browser.write_text(f"#!/bin/sh\necho noise; echo noise >&2; printf '%s' \"$1\" > {shlex.quote(str(opened))}.tmp\n"
                       f"mv {shlex.quote(str(opened))}.tmp {shlex.quote(str(opened))}\n")
    browser.chmod(0o755)
    p = pane(100, 30, env={"BROWSER": str(browser)})
    p.docbao(shlex.quote(str(DANTRI)))
    before = p.wait_stable("24/04/2021")
    p.keys("O")
    p.wait_stable("Đang mở")
    p.wait_for(lambda s: opened.exists(), what="the browser to run")
    assert opened.read_text() == DANTRI_URL
    assert "noise" not in p.screen(), "nothing the browser prints reaches the screen"
    assert p.lines()[:-1] == before.split("\n")[: p.height - 1]
    p.keys("q")
    p.wait_exit(0)


def test_y_copies_with_osc52_only_when_the_config_says_so(pane, tmp_path):
    p = pane(100, 30)
    p.tmux("set-option", "-g", "set-clipboard", "on")
    p.docbao(shlex.quote(str(DANTRI)))
    p.wait_stable("24/04/2021")
    p.keys("y")
    p.wait_stable("osc52")
    assert p.tmux("list-buffers", check=False).strip() == "", "off by default: nothing copied"
    p.keys("q")
    p.wait_exit(0)
    config = tmp_path / "config.toml"
    config.write_text('[reader]\ncopy = "osc52"\n')
    p.docbao(f"--config {shlex.quote(str(config))} {shlex.quote(str(DANTRI))}")
    p.wait_stable("24/04/2021")
    p.keys("y")
    p.wait_stable("Đã chép")
    p.wait_for(lambda s: p.tmux("show-buffer", check=False) == DANTRI_URL, what="tmux's buffer to hold the address")
    p.keys("q")
    p.wait_exit(0)


def joined(lines):
    """The screen's rows as one text, spaces collapsed: what a reader reads across wrapped rows."""
    return " ".join(" ".join(lines).split())


def test_help_wraps_at_40_columns_rather_than_cutting(pane, tmp_path):
    """The newcomer trial: at 40 columns the help screens (h in the reader, ? in the library view)
    cut each long line at the edge. They wrap now, the rest under the help text."""
    p = pane(40, 40)
    p.docbao()
    p.wait_stable(lambda s: "%" in p.lines()[-1])
    p.keys("h")
    screen = p.wait_stable("Mục lục")
    rows = p.lines()
    assert "chuyển giữa mục lục và bài" in joined(rows), screen
    at = next(i for i, r in enumerate(rows) if "Tab S-Tab" in r)
    assert rows[at + 1].startswith(" " * 21) and rows[at + 1][21] != " ", screen
    p.keys("q", "q")
    p.wait_exit(0)
    p.docbao(f"library --library {tmp_path / 'lib.sqlite'}")
    p.wait_stable("Thư viện")
    p.keys("?")
    screen = p.wait_stable("Thư viện — phím")
    assert "lọc theo tên bài (gõ đến đâu lọc đến đó)" in joined(p.lines()), screen
    assert "bỏ lọc, rồi bỏ nguồn đã chọn; từ kết quả tìm về thư viện" in joined(p.lines()), screen
    p.keys("q", "q")
    p.wait_exit(0)
