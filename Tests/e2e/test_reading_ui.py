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
    return p.wait_stable(TITLE[:12])


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
