"""What docbao writes from the command line (issue 15): file names, paths, library fields, config keys
and error texts reach the terminal neutralised like article text; bidi marks are dropped as the reader
drops them; a write error is a message and a non-zero status, not a crash; a file name that is not
UTF-8 is opened, grepped and added by its bytes."""
import json
import os
import re
import sqlite3
import subprocess
import zlib

import pytest

from tmux_harness import BINARY, SHARED

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"
ARTICLE = "Tin ngoại giao\n\nHội nghị ngoại giao bàn về kinh tế.\n\nĐoạn hai.\n"

# Names that would set the title and the clipboard, clear the screen, send 8-bit OSC/CSI,
# reverse the line, hide behind bidi marks, or forge a line of their own.
HOSTILE = [
    "\x1b]2;FNPWN\x07\x1b]52;c;Rk5QV04=\x07x.txt",
    "\x1b[2Jclear.txt",
    "c1-\u009d0;C1PWN\u009c-\u009b31m.txt",
    "bidi-\u202etxt.exe",
    "marks-\u200f\u061c\u200e.txt",
    "new\ndocbao: forged.txt",
]
BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]}


def neutral(data, what, colors=False):
    """Asserts `data` (bytes written by docbao) is UTF-8 with no control but line feed and tab, no
    C1 control and no bidi control or mark; with `colors`, but for docbao's own SGR sequences."""
    text = data.decode("utf-8")  # raises on bytes that are not UTF-8
    checked = re.sub(r"\x1b\[[0-9;]*m", "", text) if colors else text
    bad = [c for c in checked if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in BIDI]
    assert not bad, (what, bad, text)
    return text


def run(*args, cwd=None, **kw):
    r = subprocess.run([str(BINARY), *args], capture_output=True, cwd=cwd, **kw)
    colors = "--color" in args
    out, err = neutral(r.stdout, (args, "stdout"), colors), neutral(r.stderr, (args, "stderr"))
    return r.returncode, out, err


@pytest.fixture
def names(tmp_path):
    """A folder holding an article under every hostile name, a binary file and a folder under one."""
    folder = tmp_path / "names"
    folder.mkdir()
    for name in HOSTILE:
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    (folder / ("bin-" + HOSTILE[0])).write_bytes(b"abc\0def")
    (folder / ("dir-" + HOSTILE[1])).mkdir()
    return folder


def test_grep_prints_hostile_names_as_visible_text(names):
    status, out, _ = run("grep", "ngoai", *HOSTILE, cwd=names)
    assert status == 0
    assert "␛]2;FNPWN␇␛]52;c;Rk5QV04=␇x.txt:3:Hội nghị ngoại giao" in out
    assert "␛[2Jclear.txt:3:" in out and "c1-<U+009D>0;C1PWN<U+009C>-<U+009B>31m.txt:3:" in out
    assert "bidi-<U+202E>txt.exe:3:" in out and "marks-.txt:3:" in out
    # A line feed in a name is shown, not obeyed: one line per match, none starting "docbao:".
    assert "new␊docbao: forged.txt:3:" in out
    assert len(out.splitlines()) == len(HOSTILE) * 2
    for args in (["grep", "-c", "ngoai", *HOSTILE], ["grep", "--color", "always", "ngoai", *HOSTILE]):
        status, out, _ = run(*args, cwd=names)
        assert status == 0 and len(out.splitlines()) == len(HOSTILE) * (1 if "-c" in args else 2)
    # docbao's own colours stay: the highlighting is SGR, written by docbao.
    r = subprocess.run([str(BINARY), "grep", "--color", "always", "ngoai", HOSTILE[0]], capture_output=True, cwd=names)
    assert b"\x1b[1;31mngo\xe1\xba\xa1i\x1b[0m" in r.stdout and b"FNPWN\x07" not in r.stdout


def test_messages_name_hostile_files_as_visible_text(names):
    binary, folder = "bin-" + HOSTILE[0], "dir-" + HOSTILE[1]
    missing = "missing-" + HOSTILE[2]
    for args, message in [
        (["grep", "ngoai", missing], "c1-<U+009D>0;C1PWN<U+009C>-<U+009B>31m.txt: no such file"),
        (["grep", "ngoai", binary], "bin-␛]2;FNPWN␇␛]52;c;Rk5QV04=␇x.txt: binary file"),
        (["--dump", binary], "bin-␛]2;FNPWN␇"),
        (["--dump", missing], "<U+009B>31m.txt: no such file"),
        (["--dump", folder], "dir-␛[2Jclear.txt: is a directory"),
        ([binary], "binary file"),
        (["export", binary], "binary file"),
        (["export", missing], "no such file"),
        (["--width", HOSTILE[0]], "␛]2;FNPWN␇"),
        (["grep", "--\x1b[2J", "x", "y"], "Unknown option '--␛[2J'"),
        # A line feed in a quoted argument does not start a line of its own.
        (["--width", "1\ndocbao: forged"], "Error: The value '1␊docbao: forged' is invalid"),
    ]:
        status, _, err = run(*args, cwd=names)
        assert status != 0 and message in err, (args, err)


def test_add_names_skipped_files_as_visible_text(names, tmp_path):
    lib = tmp_path / "lib.sqlite"
    status, out, err = run("add", "--library", str(lib), *HOSTILE, "bin-" + HOSTILE[0], "missing-" + HOSTILE[3], cwd=names)
    assert status == 1 and out.startswith("1 added, 5 already there, 2 skipped")
    assert "docbao add: bin-␛]2;FNPWN␇␛]52;c;Rk5QV04=␇x.txt: binary file" in err
    assert "docbao add: missing-bidi-<U+202E>txt.exe: no such file" in err
    # A folder's walk names what it skips by its path, neutralised too.
    status, out, err = run("add", "--library", str(lib), str(names), cwd=names)
    assert status == 1 and "bin-␛]2;FNPWN␇" in err


def hostile_library(tmp_path):
    """A library whose title, source and text hold controls: made by another program, or by a
    version of docbao that let them in."""
    lib = tmp_path / "lib.sqlite"
    article = tmp_path / "bai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run("add", "--library", str(lib), str(article))[0] == 0
    with sqlite3.connect(lib) as db:
        db.execute("UPDATE article SET title = ?, source = ?",
                   ("\x1b]2;TITLEPWN\x07T\u009b2J\u202e", "\x1b]52;c;Rk5QV04=\x07S\u200f"))
        # The text as the library keeps it (deflated; the original and model are left alone).
        (stored,) = db.execute("SELECT text FROM content").fetchone()
        text = zlib.decompress(stored).decode().replace("kinh tế", "kinh tế \x1b[2J\u009d\u061c")
        db.execute("UPDATE content SET text = ?", (zlib.compress(text.encode()),))
    return lib


def test_list_and_search_print_library_fields_as_visible_text(tmp_path):
    lib = hostile_library(tmp_path)
    status, out, _ = run("list", "--library", str(lib))
    assert status == 0 and "␛]52;c;Rk5QV04=␇S\t␛]2;TITLEPWN␇T<U+009B>2J<U+202E>" in out
    status, out, _ = run("list", "--json", "--library", str(lib))
    assert status == 0 and json.loads(out)[0]["title"] == "␛]2;TITLEPWN␇T<U+009B>2J<U+202E>"
    for args in (["search", "kinh te"], ["search", "--color", "always", "kinh te"], ["search", "--json", "kinh te"]):
        status, out, _ = run(*args, "--library", str(lib))
        assert status == 0 and "␛]2;TITLEPWN␇" in out and "␛[2J<U+009D>" in out, (args, out)


def test_library_and_config_paths_and_keys_are_visible_text(tmp_path):
    garbage = tmp_path / ("lib-" + HOSTILE[0])
    garbage.write_bytes(b"not a database, not at all" * 100)
    for args in (["list"], ["search", "x"], ["add", str(SEED)], ["library", "check"], ["library", "check", "--repair"]):
        status, out, err = run(*args, "--library", str(garbage))
        # (What --repair answers for a file with nothing to save is another item of issue 15.)
        assert (status != 0 or "--repair" in args) and "lib-␛]2;FNPWN␇" in out + err, (args, out, err)
    config = tmp_path / ("config-" + HOSTILE[1])
    config.write_text('"\\u001b]2;KEYPWN\\u0007" = 1\n[reader]\n"\\u009b2J\\u202e" = 2\n', encoding="utf-8")
    status, out, err = run("config", "--config", str(config))
    assert status == 1 and "config-␛[2Jclear.txt" in out and "␛]2;KEYPWN␇" in out and "<U+009B>2J<U+202E>" in out
    assert run("config", "--path", "--config", str(config))[1].endswith("config-␛[2Jclear.txt\n")
    status, out, err = run("config", "--config", str(tmp_path / HOSTILE[2]))
    assert status == 1 and "C1PWN<U+009C>" in out + err
    # The reader's --dump reports the config's problems on stderr.
    status, _, err = run("--dump", "--config", str(config), str(SEED))
    assert status == 0 and "␛]2;KEYPWN␇" in err


def test_bidi_marks_are_dropped_from_dump_and_grep_as_the_reader_drops_them(tmp_path):
    path = tmp_path / "marks.txt"
    path.write_text("Tin \u200fngoại\u061c giao\u200e\n\nHội nghị \u200fngoại giao\u061c kinh tế.\n", encoding="utf-8")
    for args in (["--dump", str(path)], ["grep", "ngoai", str(path)], ["export", "--format", "text", str(path)], ["grep", "--color", "always", "ngoai", str(path)]):
        status, out, _ = run(*args)
        assert status == 0 and "ngoại" in out, args
    assert "Hội nghị ngoại giao kinh tế." in run("--dump", str(path))[1]


def test_hostile_names_leave_the_terminal_alone(pane, names):
    """In a real terminal: the title and the clipboard are untouched, the screen is not cleared."""
    p = pane(110, 50)
    p.tmux("set-option", "-g", "set-clipboard", "on")
    title = p.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip()

    def ran(n):
        p.wait_for(lambda s: sum(line.startswith("EXIT=") for line in s.split("\n")) == n, what=f"command {n} to end")

    p.run(f"cd {names} && echo MARKER-BEFORE")
    ran(1)
    p.docbao("grep ngoai *")  # the folder among the names cannot be read: status 2
    ran(2)
    screen = p.screen()
    assert "MARKER-BEFORE" in screen and "␛]2;FNPWN␇␛]52;c;Rk5QV04=␇x.txt:3:" in screen and "EXIT=2" in screen
    p.docbao("--dump $'\\e[2Jclear.txt'")
    ran(3)
    p.docbao("bin-*")  # the reader refuses a binary file, naming it
    ran(4)
    p.docbao("add --library lib.sqlite *")
    ran(5)
    screen = p.screen()
    assert "MARKER-BEFORE" in screen and "bin-␛]2;FNPWN␇" in screen and "Hội nghị ngoại giao" in screen
    assert p.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip() == title
    assert p.tmux("list-buffers", check=False).strip() == ""


@pytest.mark.parametrize("args", [["list"], ["--dump", str(SEED)], ["grep", "ngoai", str(SEED)],
                                  ["search", "ngoai giao"], ["export", str(SEED)], ["config", "--default"],
                                  ["add", str(SEED)]])
def test_a_full_disk_is_a_write_error_not_a_crash(tmp_path, args):
    lib = tmp_path / "lib.sqlite"
    subprocess.run([str(BINARY), "add", "--library", str(lib), str(SEED)], check=True, capture_output=True)
    library = ["--library", str(lib)] if args[0] in ("list", "search", "add") else []
    with open("/dev/full", "w") as full:
        r = subprocess.run([str(BINARY), *args, *library], stdout=full, stderr=subprocess.PIPE,
                           env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
    # grep and search say 2 for an error (their 1 means "nothing matched").
    failure = 2 if args[0] in ("grep", "search") else 1
    assert r.returncode == failure and r.stderr.decode() == "docbao: write error: No space left on device\n", (args, r)
    # stdout closed: the same, with the system's reason.
    command = " ".join(map(repr, [str(BINARY), *args, *library]))
    r = subprocess.run(["sh", "-c", f"exec {command} >&-"], capture_output=True,
                       env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
    assert r.returncode == failure and r.stderr.decode() == "docbao: write error: Bad file descriptor\n", (args, r)


def test_a_closed_pipe_still_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Tin\n\n" + "".join(f"Đoạn {n} về ngoại giao.\n\n" for n in range(50_000)), encoding="utf-8")
    for args in (["grep", "ngoai", str(big)], ["--dump", str(big)]):
        command = " ".join(map(repr, [str(BINARY), *args]))
        r = subprocess.run(["bash", "-c", f"{command} | head -1; exit ${{PIPESTATUS[0]}}"], capture_output=True)
        assert r.returncode == 128 + 13 and r.stderr == b"" and r.stdout.count(b"\n") == 1, (args, r)
        # With SIGPIPE ignored, write(2) says EPIPE instead: the same quiet end.
        r = subprocess.run(["bash", "-c", f"trap '' PIPE; {command} | head -1; exit ${{PIPESTATUS[0]}}"], capture_output=True,
                           env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
        assert r.returncode == 128 + 13 and r.stderr == b"" and r.stdout.count(b"\n") == 1, (args, r)


NON_UTF8 = b"b\xe0i-b\xe1o.txt"


def test_a_name_that_is_not_utf8_is_opened_grepped_and_added(tmp_path):
    folder = os.fsencode(tmp_path / "raw")
    os.mkdir(folder)
    os.mkdir(os.path.join(folder, b"sub\xff"))
    with open(os.path.join(folder, NON_UTF8), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    with open(os.path.join(folder, b"sub\xff", b"hai-\xe0.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE.replace("Đoạn hai", "Bài thứ hai"))
    status, out, _ = run(NON_UTF8, cwd=folder)
    assert status == 0 and "Hội nghị ngoại giao bàn về kinh tế." in out
    status, out, _ = run("--dump", NON_UTF8, cwd=folder)
    assert status == 0 and "Hội nghị ngoại giao" in out
    status, out, _ = run("export", NON_UTF8, cwd=folder)
    assert status == 0 and json.loads(out)["title"] == "Tin ngoại giao"
    status, out, _ = run("grep", "ngoai", NON_UTF8, os.path.join(b"sub\xff", b"hai-\xe0.txt"), cwd=folder)
    assert status == 0 and "b\ufffdi-b\ufffdo.txt:3:Hội nghị ngoại giao" in out and "sub\ufffd/hai-\ufffd.txt:3:" in out
    status, _, err = run("grep", "ngoai", b"missing-\xe0.txt", cwd=folder)
    assert status == 2 and "missing-\ufffd.txt: no such file" in err
    lib = tmp_path / "lib.sqlite"
    status, out, _ = run("add", "--library", str(lib), NON_UTF8, cwd=folder)
    assert status == 0 and out == "1 added, 0 already there\n"
    # A folder walked for articles keeps the bytes of the names in it (and of itself).
    status, out, _ = run("add", "--library", str(lib), folder)
    assert status == 0 and out == "1 added, 1 already there\n"
    with sqlite3.connect(lib) as db:
        paths = sorted(row[0] for row in db.execute("SELECT path FROM article"))
    # The paths kept in the library are text: the bytes that are not UTF-8 shown as U+FFFD.
    base = str(tmp_path / "raw")
    assert paths == [base + "/b\ufffdi-b\ufffdo.txt", base + "/sub\ufffd/hai-\ufffd.txt"]


def test_a_name_that_is_not_utf8_opens_in_the_reader(pane, tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, NON_UTF8), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    p = pane(100, 20)
    p.docbao(f"{tmp_path}/$'b\\xe0i-b\\xe1o.txt'")
    p.wait_stable("Hội nghị ngoại giao")
    p.keys("q")
    p.wait_exit(0)
