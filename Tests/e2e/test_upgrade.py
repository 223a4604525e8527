"""A schema-1 library (the fixture, grown to 1,000 articles) upgraded to this docbao's schema by
the first docbao that opens it: its texts deflated (the `compactContent` step), the file shrunk.
Killed (kill -9) at several moments of the upgrade, the library is whole at one schema (before or
after each step), every original, model and text byte for byte, and the next opening finishes the
work. Schemas are told by what they hold (a `checksum` column: deflated), not by number, so a
later step does not change this test. The upgrade shows its progress on stderr when that is a
terminal, and only then."""
import functools
import os
import re
import select
import shutil
import sqlite3
import subprocess
import tempfile
import zlib

import pytest

from test_library_cli import docbao
from test_migration import SCHEMA1
from test_repair import size, wait_until
from tmux_harness import BINARY, DEADLINE

ARTICLES = 1000


@functools.lru_cache(maxsize=None)
def fnv_checksum(*parts):
    """StoredContent.checksum: FNV-1a 64 over each part after its length (8 bytes, little-endian).
    (Remembered: the library repeats six articles, and Python takes a while over each byte.)"""
    h = 0xCBF29CE484222325
    for part in parts:
        for b in len(part).to_bytes(8, "little") + part:
            h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h - (1 << 64) if h >= 1 << 63 else h


@functools.lru_cache(maxsize=None)
def current_schema():
    """The schema this docbao writes, as `library check` says it ("this docbao: N")."""
    with tempfile.TemporaryDirectory() as folder:
        lib = shutil.copyfile(SCHEMA1, f"{folder}/lib.sqlite")
        check = docbao("library", "check", library=lib)
    return int(re.search(r"this docbao: (\d+)", check.stdout).group(1))


def contents(path):
    """(schema, {id: (original, model, text)}) read with Python's own SQLite and zlib, checked."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        schema = db.execute("PRAGMA user_version").fetchone()[0]
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        columns = [row[1] for row in db.execute("PRAGMA table_info(content)")]
        if "checksum" not in columns:
            rows = db.execute("SELECT id, original, model, text FROM content")
            return schema, {i: (bytes(o), m.encode(), t.encode()) for i, o, m, t in rows}
        found = {}
        for i, t, o, m, checksum in db.execute("SELECT id, text, original, model, checksum FROM content"):
            text = zlib.decompress(t)
            original = zlib.decompressobj(zdict=text[-32768:]).decompress(o)
            model = zlib.decompressobj(zdict=text[-32768:]).decompress(m)
            assert fnv_checksum(original, model, text) == checksum, i
            found[i] = (original, model, text)
        return schema, found


@pytest.fixture(scope="module")
def schema1(tmp_path_factory):
    """The fixture with its six articles repeated up to 1,000 (ids, positions and all), and what
    it holds."""
    lib = tmp_path_factory.mktemp("schema1") / "lib.sqlite"
    shutil.copyfile(SCHEMA1, lib)
    with sqlite3.connect(lib) as db:
        articles = db.execute("SELECT * FROM article ORDER BY id").fetchall()
        content = db.execute("SELECT id, original, model, text FROM content ORDER BY id").fetchall()
        for n in range(len(articles), ARTICLES):
            a, c = articles[n % len(articles)], content[n % len(content)]
            db.execute("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (n + 1, *a[1:]))
            db.execute("INSERT INTO content VALUES (?, ?, ?, ?)", (n + 1, *c[1:]))
            db.execute("INSERT INTO fulltext (rowid, folded) VALUES (?, ?)", (n + 1, c[3]))
    db.close()
    assert not (lib.parent / "lib.sqlite-wal").exists()
    schema, held = contents(lib)
    assert schema == 1 and len(held) == ARTICLES
    return lib.read_bytes(), held


def test_the_first_opening_upgrades_and_shrinks_a_schema_one_library(tmp_path, schema1):
    original, held = schema1
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(original)
    listed = docbao("list", library=lib)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == ARTICLES, listed.stderr
    assert listed.stderr == ""  # (not a terminal: no progress)
    n = current_schema()
    assert contents(lib) == (n, held)
    assert size(lib) * 3 < len(original), (size(lib), len(original))
    assert size(tmp_path / "lib.sqlite-wal") <= 0
    check = docbao("library", "check", library=lib)
    assert check.returncode == 0 and f"schema: {n} (this docbao: {n})" in check.stdout, check.stdout


@pytest.mark.parametrize("moment", ["started", "25%", "60%", "committed"])
def test_an_upgrade_killed_leaves_one_whole_schema(tmp_path, schema1, moment):
    original, held = schema1
    n = current_schema()
    lib, wal = tmp_path / "lib.sqlite", tmp_path / "lib.sqlite-wal"
    lib.write_bytes(original)
    proc = subprocess.Popen([str(BINARY), "list", "--library", str(lib)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def reached():
        if moment == "committed":
            # The step's transaction is in: space is being reclaimed (VACUUM), or done.
            with sqlite3.connect(f"file:{lib}?mode=ro", uri=True, timeout=DEADLINE) as db:
                return db.execute("PRAGMA user_version").fetchone()[0] == n
        fraction = {"started": 0.0, "25%": 0.25, "60%": 0.6}[moment]
        return size(wal) > fraction * len(original)

    wait_until(reached, proc, f"the upgrade {moment}")
    proc.kill()
    proc.communicate(timeout=DEADLINE * 4)
    schema, found = contents(lib)
    assert found == held, f"schema {schema}: the articles changed"
    assert schema == n if moment == "committed" else 1 <= schema <= n
    check = docbao("library", "check", library=lib)
    assert check.returncode == 0 and check.stdout.strip().endswith("ok"), check.stdout
    # The next opening finishes the work: this docbao's schema, nothing lost.
    assert docbao("list", library=lib).returncode == 0
    assert contents(lib) == (n, held)
    assert size(lib) * 2 < len(original)


def test_the_upgrade_shows_its_progress_on_a_terminal(tmp_path, schema1):
    """stderr a pseudo-terminal (stdout a pipe): the step that rewrites every article says how far
    it is, percent by percent, on one line redrawn in place and cleared at the end."""
    original, held = schema1
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(original)
    master, slave = os.openpty()
    listing = tmp_path / "list.txt"
    with open(listing, "wb") as out:
        proc = subprocess.Popen([str(BINARY), "list", "--library", str(lib)], stdout=out, stderr=slave,
                                stdin=subprocess.DEVNULL)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], DEADLINE * 4)
        assert ready, f"no output nor end in {DEADLINE * 4} s: {shown[-200:]!r}"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: docbao, the last to hold the terminal, has closed it
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=DEADLINE) == 0
    assert len(listing.read_text().splitlines()) == ARTICLES
    text = shown.decode()
    steps = {}
    for schema, percent in re.findall(r"\rdocbao: upgrading the library \(schema (\d+)\): (\d+)%\x1b\[K", text):
        steps.setdefault(int(schema), []).append(int(percent))
    # 1,000 rows: each step that goes through them says every whole percent once, in order; the
    # step that deflates the texts is one of them.
    assert steps and all(p == list(range(101)) for p in steps.values()), steps
    assert text.endswith("\r\x1b[K"), repr(text[-80:])
    assert contents(lib) == (current_schema(), held)
