"""Real-terminal tests of the reader on the bundled article (issue: the foundation reader)."""
import os
import re
import shlex
import signal
import subprocess
import unicodedata

import pytest

from tmux_harness import BINARY, SHARED, Pane

TITLE = "Thứ trưởng Ngoại giao trả lời báo chí"
SECOND = "Thứ hai là công tác ngoại giao kinh tế"
SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def pane_column(p):
    """The article pane's text: each row with the sidebar (up to and including the border) cut off."""
    rows = []
    for row in p.lines()[: p.height - 1]:
        rows.append(row.split("│", 1)[1].strip() if "│" in row else row.strip())
    return rows


def sidebar(p):
    return [row.split("│", 1)[0] for row in p.lines()[: p.height - 1] if "│" in row]


def sidebar_entries(p):
    """Sidebar entries with their second (indented) line joined to the first."""
    entries = []
    for row in sidebar(p)[1:]:
        if row.startswith("    ") and row.strip() and entries:
            entries[-1] += " " + row.strip()
        elif row.strip():
            entries.append(row.strip())
    return entries


def sgr_colours(escaped):
    """The colour parameters (30-37, 90-97, 38;…) in the SGR sequences of a capture."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", escaped):
        codes = [int(c) for c in params.split(";") if c]
        found += [c for c in codes if 30 <= c <= 38 or 90 <= c <= 97]
    return found


def open_reader(p, args=""):
    p.docbao(args)
    return p.wait_stable(TITLE)


def test_opens_bundled_article_with_title_and_sections(pane):
    p = pane(100, 30)
    open_reader(p)
    assert p.alternate_screen()
    rows = pane_column(p)
    assert rows[0].startswith(TITLE)
    assert "MỤC LỤC" in sidebar(p)[0]
    entries = sidebar_entries(p)
    assert entries[0].startswith("▶ Thứ trưởng Ngoại giao"), "the opening is current"
    assert any("đấu tranh bảo vệ chủ quyền" in e for e in entries), entries
    assert any("ngoại giao kinh tế" in e for e in entries), entries
    status = p.lines()[29]
    assert "%" in status and "q thoát" in status
    # The border is one straight column.
    border_cols = {row.index("│") for row in p.lines()[:29] if "│" in row}
    assert len(border_cols) == 1 and len([r for r in p.lines()[:29] if "│" in r]) == 29


def test_brackets_jump_to_economic_diplomacy_and_mark_it(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("]", "]")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND), what="section 'Thứ hai' on top")
    marked = [row for row in sidebar(p) if "▶" in row]
    assert len(marked) == 1 and "Thứ hai" in marked[0]
    p.keys("[")
    p.wait_for(lambda s: pane_column(p)[0].startswith("Thứ nhất là nhiệm vụ"), what="back to 'Thứ nhất'")


def test_tab_moves_into_sidebar_and_enter_jumps(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("Tab")
    p.wait_for("MỤC LỤC ◆")
    p.keys("j", "j", "Enter")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND), what="Enter jumps to the selected section")


def test_navigation_keys(pane):
    p = pane(100, 30)
    open_reader(p)
    dump = subprocess.run([str(BINARY), "--dump", "--width", "70"], capture_output=True, text=True, check=True).stdout.split("\n")
    # 100 columns: sidebar 25 + border, pane 74, reading column 70: the same lines as --dump --width 70.
    p.keys("j", "j", "j")
    p.wait_for(lambda s: pane_column(p)[0] == dump[3].strip(), what="three lines down")
    p.keys("G")
    p.wait_for(lambda s: "100%" in p.lines()[29], what="100% at the end")
    assert "baochinhphu.vn" in "\n".join(pane_column(p))
    p.keys("g")
    p.wait_for(lambda s: pane_column(p)[0].startswith(TITLE), what="back at the top")
    p.keys("Space")
    p.wait_for(lambda s: pane_column(p)[0] == dump[28].strip(), what="a page down (29 rows less one)")
    p.keys("b")
    p.wait_for(lambda s: pane_column(p)[0].startswith(TITLE))


def test_keys_typed_ahead_are_all_handled(pane):
    p = pane(100, 30)
    open_reader(p)
    dump = subprocess.run([str(BINARY), "--dump", "--width", "70"], capture_output=True, text=True, check=True).stdout.split("\n")
    p.type("j" * 40 + "k" * 3)
    p.wait_for(lambda s: pane_column(p)[0] == dump[37].strip(), what="37 lines down after 40 j and 3 k")


def test_home_and_end_keys_as_tmux_sends_them(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("End")
    p.wait_for(lambda s: "100%" in p.lines()[29], what="End goes to the end")
    p.keys("Home")
    p.wait_for(lambda s: pane_column(p)[0].startswith(TITLE), what="Home goes to the top")
    # An unknown key's escape sequence is dropped whole: its '[' must not jump to a section.
    p.keys("]", "]")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND))
    p.type("\x1b[1;5B\x1b[99~")
    p.keys("j", "k")
    p.wait_stable(lambda s: pane_column(p)[0].startswith(SECOND))


def test_focus_leaves_a_sidebar_hidden_by_a_resize(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("Tab")
    p.wait_for("MỤC LỤC ◆")
    p.resize(60, 20)
    p.wait_for(lambda s: "MỤC LỤC" not in s)
    p.keys("j")
    p.wait_for(lambda s: not s.split("\n")[0].strip().startswith(TITLE), what="j scrolls the article")


def test_help_and_sidebar_toggle(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("h")
    p.wait_for("Di chuyển")
    p.keys("x")
    p.wait_for(lambda s: "Di chuyển" not in s and TITLE in s)
    p.keys("s")
    p.wait_for(lambda s: "MỤC LỤC" not in s)
    assert p.lines()[0].strip().startswith(TITLE)
    p.keys("s")
    p.wait_for("MỤC LỤC")


def test_nfd_copy_captures_identically(pane, tmp_path):
    nfd = tmp_path / "nfd.txt"
    text = SEED.read_text(encoding="utf-8")
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert nfd.read_bytes() != SEED.read_bytes()
    a, b = pane(100, 30), pane(100, 30)
    open_reader(a, str(SEED))
    open_reader(b, str(nfd))
    for p in (a, b):
        p.keys("]", "]")
        p.wait_stable(lambda s: pane_column(p)[0].startswith(SECOND))
    assert a.screen(escapes=True) == b.screen(escapes=True)


def test_lang_c_renders_the_same_text(pane):
    utf8, c = pane(100, 30), pane(100, 30, env={"LANG": "C", "LC_ALL": "C"})
    open_reader(utf8)
    open_reader(c)
    assert c.screen() == utf8.screen()


@pytest.mark.parametrize("term", ["screen", "tmux-256color"])
def test_other_terminal_types(pane, term):
    p = pane(100, 30, term=term)
    open_reader(p)
    assert any("ngoại giao kinh tế" in e for e in sidebar_entries(p))


def test_no_color_keeps_attributes(pane):
    colored, plain = pane(100, 30), pane(100, 30, env={"NO_COLOR": "1"})
    open_reader(colored)
    open_reader(plain)
    assert colored.screen() == plain.screen()
    plain_escapes = plain.screen(escapes=True)
    assert "\x1b[1m" in plain_escapes, "bold remains"
    assert sgr_colours(plain_escapes) == [], "no colour with NO_COLOR"
    assert sgr_colours(colored.screen(escapes=True)) != [], "colour without it"


def test_resize_keeps_the_paragraph_on_top(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("]", "]")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND))
    p.resize(60, 20)
    p.wait_for(lambda s: "MỤC LỤC" not in s and s.split("\n")[0].strip().startswith("Thứ hai là công tác"),
               what="the paragraph on top at 60x20 (sidebar hidden)")
    for w, h in [(1, 1), (2, 2), (10, 3), (30, 8)]:
        p.resize(w, h)
    p.resize(100, 30)
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND), what="back at 100x30, same place")
    # Back and forth from a line inside a paragraph: no drift.
    p.keys("j", "j")
    p.wait_for(lambda s: not pane_column(p)[0].startswith(SECOND))
    before = pane_column(p)[0]
    for _ in range(4):
        p.resize(60, 20)
        p.wait_for(lambda s: "MỤC LỤC" not in s)
        p.resize(100, 30)
        p.wait_for(lambda s: "MỤC LỤC" in s)
    p.wait_for(lambda s: pane_column(p)[0] == before, what="the same line on top after four round trips")
    p.keys("q")
    p.wait_exit(0)


def test_q_exits_zero_and_the_shell_works(pane):
    p = pane(100, 30)
    p.run("stty -g > stty.before")
    p.wait_exit(0)
    p.keys("C-l")
    open_reader(p)
    p.keys("q")
    p.wait_exit(0)
    assert not p.alternate_screen()
    p.run("stty -g | cmp -s - stty.before && echo SAME-STTY-$((20+9))")
    p.wait_for("SAME-STTY-29")


# QUIT, and the signals of a crash: ILL is what a Swift trap raises on x86-64, SEGV and ABRT
# the others; the fatal-signal handler restores the terminal before the signal takes its course.
# Then every other signal whose default action ends the process (signal(7)), real-time ones
# included: each leaves the terminal as it was and docbao ends with 128 + the signal's number.
ENDING_SIGNALS = ["USR1", "USR2", "PIPE", "ALRM", "STKFLT", "XCPU", "XFSZ", "VTALRM", "PROF", "IO",
                  "PWR", "SYS", "RTMIN", "RTMAX"]


@pytest.mark.parametrize("sig,status", [("INT", 130), ("TERM", 143), ("HUP", 129), ("QUIT", 131),
                                        ("ILL", 132), ("SEGV", 139), ("ABRT", 134)]
                         + [(name, 128 + getattr(signal, "SIG" + name)) for name in ENDING_SIGNALS])
def test_signals_restore_the_terminal(pane, sig, status):
    p = pane(100, 30)
    p.run("stty -g > stty.before")
    p.wait_exit(0)
    p.keys("C-l")
    open_reader(p)
    assert p.terminal_modes() == {"cursor": "0", "mouse": "1"}
    if sig == "INT":
        p.keys("C-c")
    else:
        os.kill(p.docbao_pid(), getattr(signal, "SIG" + sig))
    p.wait_exit(status)
    assert not p.alternate_screen()
    assert p.terminal_modes() == {"cursor": "1", "mouse": "0"}
    p.run("stty -g | cmp -s - stty.before && echo SAME-STTY-$((20+9))")
    p.wait_for("SAME-STTY-29")


def test_ctrl_z_suspends_and_fg_redraws(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("]")
    p.wait_for(lambda s: pane_column(p)[0].startswith("Thứ nhất là nhiệm vụ"))
    p.keys("C-z")
    p.wait_for(lambda s: "Stopped" in s or "stopped" in s, what="the job stopped")
    assert not p.alternate_screen()
    p.run("fg")
    p.wait_for(lambda s: p.alternate_screen() and pane_column(p)[0].startswith("Thứ nhất là nhiệm vụ"),
               what="redrawn at the same place after fg")
    p.keys("j")
    p.wait_for(lambda s: pane_column(p)[0].startswith("lợi ích quốc gia"), what="keys work after fg")
    p.keys("q")
    p.wait_exit(0)


def test_mouse_wheel_and_sidebar_click(pane):
    p = pane(100, 30)
    open_reader(p)
    # SGR mouse reports as a terminal sends them: wheel down at (50, 10), then a click on a sidebar row.
    p.type("\x1b[<65;50;10M")
    p.wait_for(lambda s: not pane_column(p)[0].startswith(TITLE), what="wheel scrolled")
    row = next(i for i, r in enumerate(sidebar(p)) if "Thứ hai" in r)
    p.type(f"\x1b[<0;5;{row + 1}M\x1b[<0;5;{row + 1}m")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND), what="click jumps to the section")


def test_piped_article_reads_keys_from_the_terminal(pane):
    p = pane(100, 30)
    p.docbao("", prefix=f"cat {SEED} | ")
    p.wait_stable(TITLE)
    p.keys("]", "]")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND))
    p.keys("q")
    p.wait_exit(0)


def test_unknown_terminal_gets_a_clear_message(pane):
    p = pane(100, 30, term="no-such-terminal")
    p.docbao()
    p.wait_for("unknown terminal type")
    p.wait_exit(1)


def test_a_storm_of_resizes_keeps_the_place_and_the_terminal(pane):
    p = pane(100, 30)
    open_reader(p)
    p.keys("]", "]")
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND))
    # 200 resizes from one tmux command (they land within a fraction of a second), through tiny and
    # huge sizes, then back.
    sizes = [(1, 1), (400, 200), (2, 2), (37, 11), (250, 80), (10, 3), (72, 24), (71, 24)] * 25
    commands = []
    for w, h in sizes:
        commands += ["resize-window", "-t", "t", "-x", str(w), "-y", str(h), ";"]
    p.tmux(*commands[:-1])
    p.resize(100, 30)
    p.wait_for(lambda s: pane_column(p)[0].startswith(SECOND), what="the same paragraph on top after the storm")
    pid = p.docbao_pid()
    assert os.path.exists(f"/proc/{pid}")
    p.keys("j")
    p.wait_for(lambda s: not pane_column(p)[0].startswith(SECOND))
    p.keys("q")
    p.wait_exit(0)
    p.run("stty -a | head -1")
    p.wait_for("EXIT=0")


@pytest.mark.parametrize("sig", ["USR1", "PIPE"])
def test_signals_in_the_library_view_restore_the_terminal(pane, sig):
    p = pane(100, 30)
    p.run("stty -g > stty.before")
    p.wait_exit(0)
    p.docbao(f"add {shlex.quote(str(SEED))}")
    p.wait_exit(0)
    p.keys("C-l")
    p.docbao("library")
    p.wait_stable("Thư viện")
    os.kill(p.docbao_pid(), getattr(signal, "SIG" + sig))
    p.wait_exit(128 + getattr(signal, "SIG" + sig))
    assert not p.alternate_screen()
    assert p.terminal_modes() == {"cursor": "1", "mouse": "0"}
    p.run("stty -g | cmp -s - stty.before && echo SAME-STTY-$((20+9))")
    p.wait_for("SAME-STTY-29")
