"""A library written by docbao before migrations (Tests/DocBaoStoreTests/Fixtures) from the
command line: upgraded to schema 2, listed, searched and checked as that docbao did; and a newer docbao's library,
refused by every command and left as it was, to the byte."""
import json
import shutil
import sqlite3
from pathlib import Path

from test_library_cli import docbao

FIXTURES = Path(__file__).resolve().parent.parent / "DocBaoStoreTests" / "Fixtures"
SCHEMA1 = FIXTURES / "library-schema1.sqlite"


def copy_fixture(tmp_path, name="lib.sqlite"):
    path = tmp_path / name
    shutil.copyfile(SCHEMA1, path)
    return path


def query(path, sql):
    """Rows read with Python's own SQLite, without writing anything beside the file."""
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as db:
        return db.execute(sql).fetchall()


def this_schema(tmp_path):
    """The schema this docbao makes, as `library check` says of a new library."""
    new = tmp_path / "new-library.sqlite"
    assert docbao("list", library=new).returncode == 0
    line = next(l for l in docbao("library", "check", library=new).stdout.splitlines() if l.startswith("schema: "))
    return int(line.split()[1])


def test_a_library_from_before_migrations_lists_searches_and_checks_as_before(tmp_path):
    lib = copy_fixture(tmp_path)
    expected = query(SCHEMA1, """
        SELECT a.id, a.title, a.source, a.date, a.words, r.progress, r.at
        FROM article a LEFT JOIN reading r ON r.article = a.id ORDER BY a.id""")
    listing = docbao("list", "--json", library=lib)
    assert listing.returncode == 0, listing.stderr
    rows = [(r["id"], r["title"], r["source"], r["date"], r["words"], r["progress"], r["lastRead"])
            for r in json.loads(listing.stdout)]
    assert rows == expected and len(rows) == 6
    saved = json.loads((FIXTURES / "search-schema1.json").read_text())
    for q, answer in saved.items():
        found = docbao("search", "--json", q, library=lib)
        hits = {h["id"]: h for h in (json.loads(found.stdout) if found.stdout.strip() else [])}
        # Newest first now, and inside words too ("ung thư" in "cung thư"): every article schema 1
        # found is found, with as many hits or more.
        for old in answer:
            hit = hits.get(old["id"])
            assert hit and hit["title"] == old["title"] and hit["source"] == old["source"] and hit["hits"] >= old["hits"], (q, old, hit)
        assert list(hits) == sorted(hits, reverse=True), q
    check = docbao("library", "check", library=lib)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    n = this_schema(tmp_path)
    assert f"schema: {n} (this docbao: {n})" in lines and lines[-1] == "ok"
    assert "reading positions: 3" in lines and "marks: 5" in lines
    assert query(lib, "SELECT identifier FROM grdb_migrations ORDER BY identifier") == [(f"v{i}",) for i in range(1, n + 1)]
    assert query(lib, "PRAGMA user_version") == [(n,)]


def test_a_newer_docbaos_library_is_refused_by_every_command_and_left_as_it_was(tmp_path):
    lib = copy_fixture(tmp_path)
    assert docbao("list", library=lib).returncode == 0
    n = this_schema(tmp_path)
    # What a docbao of the next schema leaves: its step recorded, its user_version, its table.
    with sqlite3.connect(lib) as db:
        db.executescript(f"""
            CREATE TABLE later (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO grdb_migrations (identifier) VALUES ('v{n + 1}');
            PRAGMA user_version = {n + 1};""")
    db.close()
    assert not Path(f"{lib}-wal").exists()
    before = lib.read_bytes()
    for command in (["list"], ["search", "ngoai giao"], ["add", str(tmp_path / "none.txt")]):
        run = docbao(*command, library=lib)
        assert run.returncode != 0, command
        assert f"was made by a newer docbao (schema {n + 1}); this one knows schema {n}" in run.stderr, (command, run.stderr)
    check = docbao("library", "check", library=lib)
    assert check.returncode != 0
    assert f"schema: {n + 1} (this docbao: {n})" in check.stdout and "problem: made by a newer docbao" in check.stdout
    repair = docbao("library", "check", "--repair", library=lib)
    assert repair.returncode != 0 and "newer docbao" in repair.stderr
    assert lib.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".broken-" in p.name or p.name.endswith(".repairing")]
