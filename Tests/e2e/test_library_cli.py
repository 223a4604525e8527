"""The library from the command line: docbao add, list, search, library check; and what happens to
it when processes share it or die in the middle of an import."""
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from tmux_harness import BINARY, DEADLINE, SHARED

TESTDATA = SHARED / "testdata"
SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def docbao(*args, library, **kw):
    return subprocess.run([str(BINARY), *map(str, args), "--library", str(library)], capture_output=True, text=True, **kw)


def count(library):
    """Articles committed, read with Python's own SQLite (a second reader of the WAL database)."""
    with sqlite3.connect(f"file:{library}?mode=ro", uri=True, timeout=10) as db:
        return db.execute("SELECT count(*) FROM article").fetchone()[0]


def make_articles(folder, n):
    """n small distinct articles: a title, a paragraph with a number in words and digits."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"bai-{i:05}.txt").write_text(
            f"Bài số {i} về đấu tranh và ngoại giao\n\nĐoạn văn thứ {i}: hội nghị bàn về kinh tế, "
            f"ngoại giao và văn hoá; mã {i * 7919}.\n\nĐoạn hai của bài {i}.\n", encoding="utf-8")


def test_add_list_and_search(tmp_path):
    lib = tmp_path / "lib.sqlite"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"abc\0def")
    (bad / "empty.txt").write_text("\n")
    r = docbao("add", TESTDATA, SEED, bad, library=lib)
    assert r.stdout.strip() == "80 added, 0 already there, 2 skipped"
    assert "binary.txt: binary file" in r.stderr and "empty.txt: empty file" in r.stderr
    assert r.returncode == 1
    again = docbao("add", TESTDATA / "articles", library=lib)
    assert again.stdout.strip() == "0 added, 53 already there" and again.returncode == 0

    listing = docbao("list", library=lib).stdout.splitlines()
    assert len(listing) == 80
    assert any("Thứ trưởng Ngoại giao trả lời báo chí" in line for line in listing)
    records = json.loads(docbao("list", "--json", library=lib).stdout)
    assert len(records) == 80 and all(r["progress"] is None for r in records)

    found = docbao("search", "dau tranh", library=lib)
    assert found.returncode == 0
    assert "đấu tranh" in found.stdout.lower()
    hits = json.loads(docbao("search", "dau tranh", "--json", library=lib).stdout)
    assert hits and all("đấu tranh" in h["snippet"].lower() or "Đấu tranh" in h["snippet"] for h in hits)
    seed = next(h for h in hits if h["title"].startswith("Thứ trưởng Ngoại giao"))
    assert seed["hits"] == 4
    nothing = docbao("search", "khongcodau", library=lib)
    assert nothing.returncode == 1 and nothing.stdout == ""
    # No control byte from an article ever reaches the terminal through these outputs.
    for out in (found.stdout, "\n".join(listing)):
        assert "\x1b" not in out and "\x07" not in out


def test_a_damaged_or_foreign_library_is_reported_never_reset(tmp_path):
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"this is not a database, but it is someone's file\n" * 100)
    before = lib.read_bytes()
    r = docbao("add", SEED, library=lib)
    assert r.returncode == 1
    assert "is not an SQLite database" in r.stderr and "docbao library check" in r.stderr
    assert lib.read_bytes() == before
    check = docbao("library", "check", library=lib)
    assert check.returncode == 1 and "--repair" in check.stdout
    repair = docbao("library", "check", "--repair", library=lib)
    # Nothing in it could be read: said, with status 1, the file kept aside.
    assert repair.returncode == 1, repair.stdout + repair.stderr
    assert "0 articles" in repair.stdout and "could not be read" in repair.stdout
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite.broken-")]
    assert len(aside) == 1 and aside[0].read_bytes() == before
    assert docbao("add", SEED, library=lib).stdout.strip() == "1 added, 0 already there"


def test_two_imports_at_once_share_the_library(tmp_path):
    lib = tmp_path / "lib.sqlite"
    make_articles(tmp_path / "a", 300)
    make_articles(tmp_path / "b", 300)  # the same 300 texts again
    # Four at once on a library none of them finds: each opening races the others' creating it.
    procs = [subprocess.Popen([str(BINARY), "add", str(tmp_path / d), "--library", str(lib)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in ("a", "b", "a", "b")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    added = [int(o[0].split()[0]) for o in outs]
    assert sum(added) == 300
    assert count(lib) == 300
    assert docbao("library", "check", library=lib).stdout.strip().endswith("ok")


def test_an_import_killed_midway_loses_nothing_committed(tmp_path):
    lib = tmp_path / "lib.sqlite"
    make_articles(tmp_path / "many", 3000)
    proc = subprocess.Popen([str(BINARY), "add", str(tmp_path / "many"), "--library", str(lib)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until some batches are committed (polling the database, no blind sleep), then kill -9.
    end = time.monotonic() + DEADLINE * 4
    committed = 0
    while time.monotonic() < end and proc.poll() is None:
        try:
            committed = count(lib)
        except sqlite3.Error:
            committed = 0
        if committed >= 256:
            break
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the import finished before it could be killed (machine too fast for 3000 files)")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = count(lib)
    assert after >= committed > 0
    assert docbao("library", "check", library=lib).stdout.strip().endswith("ok")
    rest = docbao("add", tmp_path / "many", library=lib)
    assert rest.returncode == 0
    assert rest.stdout.strip() == f"{3000 - after} added, {after} already there"
    assert count(lib) == 3000


def test_only_regular_files_are_imported_and_errors_exit_as_documented(tmp_path):
    lib = tmp_path / "lib.sqlite"
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "bai.txt").write_text("Tiêu đề\n\nMột đoạn về ngoại giao.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # would never end if it were read
    r = docbao("add", folder, "/dev/zero", library=lib, timeout=60)
    assert r.stdout.strip() == "1 added, 0 already there, 2 skipped: not a regular file"
    assert "pipe.txt: not a regular file" in r.stderr and "/dev/zero: not a regular file" in r.stderr
    assert r.returncode == 1
    # A library that cannot be used: search says so with status 2, as an error, not "no match".
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage\n" * 100)
    s = docbao("search", "ngoai giao", library=bad)
    assert s.returncode == 2 and "docbao library check" in s.stderr


def test_a_config_mistake_is_said_in_the_library_view(pane, tmp_path):
    config = tmp_path / "config" / "docbao"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('width = "abc"\n')
    p = pane(100, 12, env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    p.docbao(f"add {SEED}")
    p.wait_exit(0)
    p.docbao("library")
    p.wait_for(lambda s: "config.toml:1" in p.lines()[p.height - 1], what="the config notice on the status line")
    p.keys("q")
    p.wait_exit(0)


def test_one_source_spelled_two_ways_is_listed_once_and_no_writer_is_a_source(tmp_path):
    """Issue 18, item 14: "VnExpress" and "Vnexpress" are one source; "Theo <people>" credits writers."""
    lib = tmp_path / "lib.sqlite"
    texts = {"a.txt": "Tin thứ nhất\n\nĐoạn một của bài.\nĐoạn hai của bài.\nTheo VnExpress\n",
             "b.txt": "Tin thứ hai\n\nĐoạn một khác.\nĐoạn hai khác.\nTheo Vnexpress\n",
             "c.txt": "Tin thứ ba\n\nĐoạn ba một.\nĐoạn ba hai.\nTheo Vân Thiêng- Đặng Thùy\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert docbao("add", tmp_path / name, library=lib).returncode == 0
    records = {r["title"]: r for r in json.loads(docbao("list", "--json", library=lib).stdout)}
    assert records["Tin thứ nhất"]["source"] == records["Tin thứ hai"]["source"] == "VnExpress"
    assert records["Tin thứ ba"].get("source") is None
