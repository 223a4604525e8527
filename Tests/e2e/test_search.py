"""Real-terminal tests of search (issue: accent-smart search, highlights, Telex/VNI in the prompt)."""
import re
import subprocess

from tmux_harness import BINARY, SHARED
from test_reader import TITLE, open_reader, pane_column

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def status(p):
    return p.lines()[p.height - 1]


def highlighted_runs(p):
    """Text drawn with a background colour or reverse video, per row of the article pane."""
    runs = []
    for row in p.screen(escapes=True).split("\n")[: p.height - 1]:
        text = row.split("│", 1)[1] if "│" in row else row
        on, buf = False, ""
        for part in re.split(r"(\x1b\[[0-9;]*m)", text):
            if part.startswith("\x1b["):
                codes = [int(c) for c in part[2:-1].split(";") if c] or [0]
                if 0 in codes or 49 in codes or 27 in codes:
                    if on and buf.strip():
                        runs.append(buf)
                    on, buf = False, ""
                if any(40 <= c <= 47 for c in codes) or 7 in codes:
                    on, buf = True, ""
            elif on:
                buf += part
        if on and buf.strip():
            runs.append(buf)
    return runs


def search(p, query, key="/"):
    p.keys(key)
    p.wait_for(lambda s: status(p).startswith(key))
    p.type(query)
    p.keys("Enter")


def test_slash_finds_all_28_without_accents_and_highlights(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    open_reader(p)
    p.keys("/")
    p.type("ngoai giao")
    p.wait_for(lambda s: "1/28" in status(p) and "thông minh" in status(p), what="incremental count in the prompt")
    p.keys("Enter")
    p.wait_for(lambda s: "1/28" in status(p) and not status(p).startswith("/"))
    runs = highlighted_runs(p)
    assert any(r.lower() == "ngoại giao" for r in runs), runs
    assert len(runs) >= 3, "every match on screen is highlighted"
    p.keys("n")
    p.wait_for(lambda s: "2/28" in status(p))
    p.keys("N", "N")
    p.wait_for(lambda s: "28/28" in status(p) and "từ cuối" in status(p), what="wrap-around message")
    p.keys("Escape")
    p.wait_for(lambda s: "/28" not in status(p))
    assert highlighted_runs(p) == []


def test_question_mark_searches_backward_and_esc_restores(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    open_reader(p)
    p.keys("G")
    p.wait_for(lambda s: "100%" in status(p))
    before = p.screen()
    p.keys("?")
    p.type("dau tranh")
    p.wait_for(lambda s: "/4" in status(p))
    assert any(r.lower() == "đấu tranh" for r in highlighted_runs(p))
    p.keys("Escape")
    p.wait_for(lambda s: s == before, what="Esc in the prompt puts the view back")


def test_telex_typing_in_the_prompt(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    open_reader(p)
    p.keys("/", "C-t")
    p.wait_for(lambda s: "Telex" in status(p))
    p.type("ddaaus tranh")
    p.wait_for(lambda s: status(p).startswith("/đấu tranh") and "/4" in status(p), what="Telex composes đấu tranh")
    p.keys("C-u")
    p.type("Vieejt Nam")
    p.wait_for(lambda s: status(p).startswith("/Việt Nam"))
    p.keys("C-t")
    p.wait_for(lambda s: "VNI" in status(p))


def test_history_is_kept_across_runs(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    open_reader(p)
    search(p, "kinh te")
    p.wait_for(lambda s: "1/" in status(p))
    p.keys("q")
    p.wait_exit(0)
    assert (tmp_path / "docbao" / "search-history").read_text(encoding="utf-8") == "kinh te\n"
    p.keys("C-l")
    open_reader(p)
    p.keys("/", "Up")
    p.wait_for(lambda s: status(p).startswith("/kinh te"), what="the previous query from history")


def test_search_option_opens_at_the_first_match(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    p.docbao('--search "ngoai giao kinh te"')
    p.wait_for(lambda s: "1/" in status(p), what="the counter")
    assert any(r.lower() == "ngoại giao kinh tế" for r in highlighted_runs(p))


def test_grep_prints_matching_lines_like_grep(tmp_path):
    r = subprocess.run([str(BINARY), "grep", "ngoai giao kinh te", str(SEED)], capture_output=True, text=True)
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines and all(re.match(r"^\d+:", l) for l in lines)
    assert all("ngoại giao kinh tế" in l.lower() for l in lines)
    nfd = tmp_path / "nfd.txt"
    import unicodedata
    nfd.write_text(unicodedata.normalize("NFD", SEED.read_text(encoding="utf-8")), encoding="utf-8")
    two = subprocess.run([str(BINARY), "grep", "-c", "ngoại giao", str(SEED), str(nfd)], capture_output=True, text=True)
    counts = dict(l.rsplit(":", 1) for l in two.stdout.splitlines())
    assert counts[str(SEED)] == counts[str(nfd)] != "0"
    none = subprocess.run([str(BINARY), "grep", "--word", "an", str(SEED)], capture_output=True, text=True)
    assert none.returncode == 1 and none.stdout == ""
    exact = subprocess.run([str(BINARY), "grep", "--exact", "ngoai giao", str(SEED)], capture_output=True, text=True)
    assert exact.returncode == 1


def test_a_corrupt_history_is_set_aside_not_lost(pane, tmp_path):
    folder = tmp_path / "docbao"
    folder.mkdir()
    (folder / "search-history").write_bytes(b"\xff\xfe\x00garbage")
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    open_reader(p)
    p.wait_for(lambda s: "Lịch sử tìm kiếm hỏng" in s, what="a message about the damaged file")
    aside = [f for f in folder.iterdir() if f.name.startswith("search-history.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"\xff\xfe\x00garbage"
    search(p, "hoa binh")
    p.wait_for(lambda s: "1/" in status(p))
    p.keys("q")
    p.wait_exit(0)
    assert (folder / "search-history").read_text(encoding="utf-8") == "hoa binh\n"


def test_input_method_and_tone_style_from_the_command_line(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    p.docbao("--input telex --tones modern")
    p.wait_stable(TITLE)
    p.keys("/")
    p.wait_for(lambda s: "Telex" in status(p))
    p.type("hoaf binhf")
    p.wait_for(lambda s: status(p).startswith("/hoà bình"), what="modern placement: hoà")
    p.wait_for(lambda s: "1/" in status(p), what="hoà finds hòa in the article")
