"""Hostile text and bad input (issue 5): nothing from an article reaches the terminal as a control
sequence, bad files get a clear message, huge files open at once and stay responsive."""
import os
import subprocess
import unicodedata

import pytest

from tmux_harness import BINARY, Pane

ESC = "\x1b"
HOSTILE = (
    "Tin giả mạo\n\n"
    f"Đổi tiêu đề: {ESC}]0;PWNED-TITLE\x07 hết.\n\n"
    f"Xoá màn hình: {ESC}[2J{ESC}[H{ESC}[31mĐỎ{ESC}[0m và con trỏ {ESC}[10;10H ở đây.\n\n"
    f"Sổ tạm: {ESC}]52;c;cHduZWQ=\x07 xong.\n\n"
    f"Liên kết: {ESC}]8;;http://evil.example\x07bấm{ESC}]8;;\x07 đi.\n\n"
    "Đảo chiều: \u202eabc\u202c cuối, C1: \u009b31m, DEL: \x7f.\n\n"
    "Tab:\tcách\tđều, BOM:\ufeffgiữa, zero\u200bwidth.\n"
)


def hostile_file(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_escape_sequences_are_shown_not_obeyed(pane, tmp_path):
    # The dark palette (COLORFGBG: tmux does not know its background), which has no red of its own.
    p = pane(110, 30, env={"COLORFGBG": "15;0"})
    p.tmux("set-option", "-g", "set-clipboard", "on")
    title_before = p.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip()
    p.docbao(str(hostile_file(tmp_path)))
    screen = p.wait_stable("Đảo chiều")
    # Every sequence is visible text, in logical order, and the screen around it is intact.
    assert "␛]0;PWNED-TITLE␇ hết." in screen
    assert "␛[2J␛[H␛[31mĐỎ␛[0m" in screen
    assert "␛]52;c;cHduZWQ=␇ xong." in screen
    assert "␛]8;;http://evil.example␇bấm" in screen
    assert "<U+202E>abc<U+202C> cuối" in screen
    assert "C1: <U+009B>31m, DEL: ␡." in screen
    assert "Tab: cách đều, BOM:giữa" in screen
    lines = p.lines()
    assert lines[0].strip().startswith("Tin giả mạo"), "one section: no sidebar"
    assert lines[-1].startswith(" Tin giả mạo") and lines[-1].rstrip().endswith("q thoát")
    p.keys("s")
    p.wait_stable("MỤC LỤC")
    assert sum("│" in line for line in p.lines()) == p.height - 1, "the sidebar's border intact on every row"
    # The title-setting OSC did not reach tmux, nor did the clipboard write.
    assert p.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip() == title_before
    assert p.tmux("list-buffers", check=False).strip() == ""
    # No colour from the article: nothing on screen is red (SGR 31).
    assert "\x1b[31m" not in p.screen(escapes=True)
    p.keys("q")
    p.wait_exit(0)


def test_placeholders_are_dim(pane, tmp_path):
    p = pane(110, 30)
    p.docbao(str(hostile_file(tmp_path)))
    p.wait_stable("Đảo chiều")
    escaped = p.screen(escapes=True)
    row = next(line for line in escaped.split("\n") if "Đảo chiều" in line)
    # Each placeholder is drawn dim (SGR 2), the text around it is not.
    for placeholder in ("<U+202E>", "<U+202C>", "<U+009B>", "␡"):
        assert "\x1b[2m" + placeholder in row, (placeholder, row)
    assert "\x1b[2mabc" not in row and "\x1b[2mĐảo" not in row
    p.keys("q")
    p.wait_exit(0)


def test_dump_and_grep_print_no_control_sequences(tmp_path):
    path = hostile_file(tmp_path)
    for args in (["--dump", str(path)], ["grep", "het", str(path)], ["grep", "-c", "cuoi", str(path)]):
        r = subprocess.run([str(BINARY), *args], capture_output=True)
        out = r.stdout.decode()
        assert r.returncode == 0, (args, r.stderr)
        assert ESC not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out, args
    dump = subprocess.run([str(BINARY), "--dump", str(path)], capture_output=True, text=True).stdout
    assert "␛]0;PWNED-TITLE␇" in dump and "<U+202E>abc" in dump


def run(*args):
    return subprocess.run([str(BINARY), *args], capture_output=True)


def test_bad_files_get_a_clear_message_and_status_1(tmp_path):
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text("Tiêu đề\n\nNội dung.\n")
    unreadable.chmod(0)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    whitespace = tmp_path / "blank.txt"
    whitespace.write_text(" \n\t\n\n")
    big_binary = tmp_path / "big.bin"  # over 512 KB: only its ends are read before the first screen
    big_binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(700_000))
    cases = {
        str(big_binary): "binary file",
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(whitespace): "empty file",
        str(binary): "binary file",
    }
    cases[str(unreadable)] = "cannot be read (Permission denied)"
    tmp_path.chmod(0o755)  # the folder is open, the file is not
    for path, message in cases.items():
        # Root reads anything: the unreadable file is opened as nobody.
        as_nobody = path == str(unreadable) and os.geteuid() == 0
        r = run(path) if not as_nobody else subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(BINARY), path], capture_output=True)
        err = r.stderr.decode()
        assert r.returncode == 1 and message in err and err.startswith("docbao: "), (path, err)
        assert r.stdout == b""


def test_force_opens_a_binary_file_with_placeholders(pane, tmp_path):
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"Tieu de\n\nchu\x00\x01\x1b[2J va \xff\xfe cuoi\n")
    r = run("--force", "--dump", str(binary))
    assert r.returncode == 0
    assert "chu␀␁␛[2J va �� cuoi" in r.stdout.decode()
    assert "2 byte" in r.stderr.decode()
    p = pane(100, 20)
    p.docbao(f"--force {binary}")
    screen = p.wait_stable("cuoi")
    assert "chu␀␁␛[2J va �� cuoi" in screen
    assert "2 byte không hợp lệ" in p.lines()[-1]
    p.keys("q")
    p.wait_exit(0)


def test_invalid_utf8_and_utf16_are_decoded(pane, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Tiêu đề\n\nNgoại giao ".encode() + b"\xc3\x28\xe1\xbb" + " kinh tế.\n".encode())
    p = pane(100, 20)
    p.docbao(str(bad))
    p.wait_stable("kinh tế")
    assert "3 byte không hợp lệ" in p.lines()[-1]
    p.keys("q")
    p.wait_exit(0)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Tiêu đề UTF-16\n\nĐấu tranh bảo vệ chủ quyền.\n".encode("utf-16"))
    assert "Đấu tranh bảo vệ chủ quyền." in run("--dump", str(utf16)).stdout.decode()


def test_truncated_json_names_the_position(tmp_path):
    broken = tmp_path / "cut.json"
    broken.write_text('{\n  "title": "Tiêu đề",\n  "blocks": [\n    {"kind": "paragraph", "text": "Đoạn')
    r = run(str(broken))
    err = r.stderr.decode()
    assert r.returncode == 1 and "cut.json" in err and "line" in err, err


def big_article(path, paragraphs):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Bài rất dài\n\n")
        for n in range(paragraphs):
            f.write(f"Đoạn {n}: công tác ngoại giao kinh tế phục vụ phát triển đất nước trong tình hình mới.\n\n")
        f.write("Một từ hiếm gặp ở cuối bài: zyxwvu kết thúc.\n")


@pytest.mark.parametrize("kind", ["paragraphs", "no-newline", "no-space"])
def test_huge_files_open_at_once_and_reach_the_end(pane, tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    if kind == "paragraphs":
        with open(path, "w", encoding="utf-8") as f:  # a million paragraphs, 24 MB
            f.write("Bài rất dài\n\n" + "".join(f"Đoạn {n} ngắn.\n\n" for n in range(1_000_000)) + "zyxwvu\n")
        first, last = "Đoạn 0 ngắn.", "zyxwvu"
    elif kind == "no-newline":  # 100 MB on one line
        path.write_text("mở đầu " + "ngoại giao kinh tế " * 4_100_000 + "zyxwvu", encoding="utf-8")
        first, last = "mở đầu", "zyxwvu"
    else:
        path.write_text("ệ" * 3_000_000 + "zyxwvu", encoding="utf-8")
        first, last = "ệệệệ", "zyxwvu"
    p = pane(100, 30)
    p.docbao(str(path))
    p.wait_stable(first)
    p.keys("G")
    p.wait_for(last, timeout=60)
    p.keys("g")
    p.wait_for(first)
    p.keys("q")
    p.wait_exit(0)


def test_search_in_a_huge_file_finds_a_word_near_the_end(pane, tmp_path):
    path = tmp_path / "big.txt"
    big_article(path, 60_000)
    p = pane(100, 30)
    p.docbao(str(path))
    p.wait_stable("Đoạn 0:")
    p.type("/zyxwvu")
    p.keys("Enter")
    p.wait_for(lambda s: "zyxwvu" in s and "1/1" in p.lines()[-1], timeout=60, what="the match near the end")
    p.keys("q")
    p.wait_exit(0)


def status(p, screen):
    """The status line of `screen`, a capture of `p` (the predicates read the capture they are given)."""
    return screen.split("\n")[: p.height][-1]


def open_huge_and_wait_for_the_whole(pane, path):
    """Opens `path` (over 512 KB: it opens on a preview) and waits until the whole is imported."""
    p = pane(100, 30)
    p.docbao(str(path))
    p.wait_stable("Đoạn 0:")
    p.wait_for(lambda s: "đang nạp" not in status(p, s), timeout=60, what="the whole article imported")
    return p


def find(p, number, shown=True):
    """Searches for paragraph `number` and waits until it is on the screen (or, not `shown`, until
    the search has ended: the prompt is gone)."""
    p.type(f"/Doan {number}:")
    p.keys("Enter")
    if shown:
        return p.wait_for(lambda s: f"{number}:" in "\n".join(s.split("\n")[: p.height - 1]), timeout=60,
                          what=f"paragraph {number}")
    return p.wait_for(lambda s: "Doan" not in status(p, s), timeout=60, what="the search to end")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_huge_file_removed_while_read_still_reads(pane, tmp_path, form):
    # A huge article's text is read back from its file, not held (BENCHMARKS.md, figure 5):
    # removing the file changes nothing, the open file is still there.
    path = tmp_path / "big.txt"
    big_article(path, 20_000)
    if form == "NFD":
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    p = open_huge_and_wait_for_the_whole(pane, path)
    os.remove(path)
    screen = find(p, 15000)
    assert "Đoạn 15000: công tác ngoại giao kinh tế" in screen
    p.keys("G")
    p.wait_for("zyxwvu kết thúc.")
    p.keys("q")
    p.wait_exit(0)


def test_a_huge_file_changed_while_read_shows_question_marks_and_says_why(pane, tmp_path):
    path = tmp_path / "big.txt"
    big_article(path, 20_000)
    p = open_huge_and_wait_for_the_whole(pane, path)
    find(p, 5000)  # folds the whole for search while the file is as it was
    # Rewritten in place, every paragraph changed but its length ("Đoạn" and "ĐOẠN" are 7 bytes).
    path.write_text(path.read_text(encoding="utf-8").replace("Đoạn", "ĐOẠN"), encoding="utf-8")
    find(p, 15000, shown=False)  # found in what was folded; read from the file: no longer the same bytes
    screen = p.wait_for("Tệp đã đổi (hoặc lỗi đọc) từ khi mở", what="the notice")
    assert "????????????" in screen and "ĐOẠN" not in screen, screen
    p.keys("q")
    p.wait_exit(0)


@pytest.mark.parametrize("term, message", [(None, "TERM is not set"), ("no-such-terminal", "unknown terminal type")])
def test_missing_or_unknown_term_is_explained_and_dump_still_works(pane, term, message):
    p = pane(100, 20, term=term)
    p.docbao()
    p.wait_for(message)
    p.wait_exit(1)
    p.run(f"{BINARY} --dump | head -1")
    p.wait_for("Thứ trưởng Ngoại giao trả lời báo chí")
    p.wait_for("EXIT=0")
