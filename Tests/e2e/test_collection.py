"""The library as a collection (issue 18, items 12 and 13) in a real terminal and from the command
line: docbao ID, several files with :n and :p, removing (docbao remove, and D in the library view,
confirmed), export by id and as Markdown, and a file's place kept by its content."""
import json
import os
import shutil

from test_library import library_file, status
from test_library_cli import docbao
from test_reader import TITLE, pane_column
from tmux_harness import SHARED

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"
ARTICLES = SHARED / "testdata" / "articles"


def add(p, *paths):
    p.docbao("add " + " ".join(str(x) for x in paths))
    p.wait_exit(0)


def ids_by_title(lib):
    return {r["title"]: r["id"] for r in json.loads(docbao("list", "--json", library=lib).stdout)}


def id_of(lib, prefix):
    (found,) = [i for title, i in ids_by_title(lib).items() if title.startswith(prefix)]
    return found


def write_articles(folder, names):
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        body = "".join(f"Đoạn {i} của bài {name}, đủ dài để chiếm một dòng.\n\n" for i in range(1, 61))
        path.write_text(f"Bài {name} về ngoại giao\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def test_docbao_id_opens_the_library_article_and_an_unknown_id_says_so(pane, tmp_path):
    p = pane(100, 30)
    add(p, SEED, ARTICLES / "31-suc-khoe-21477826.txt")
    lib = library_file(p)
    seed = id_of(lib, TITLE)
    p.docbao(str(seed))
    p.wait_stable(TITLE)
    p.keys("q")
    p.wait_exit(0)
    p.run("clear")
    p.docbao("999")
    screen = p.wait_exit(1)
    assert "999: no such file, and the library has no article 999 (docbao list shows the ids)" in screen
    # Printed, as --dump does, when stdout is not a terminal.
    out = docbao(str(seed), library=lib)
    assert out.returncode == 0 and out.stdout.startswith(TITLE)


def test_colon_n_and_colon_p_go_through_three_files_and_say_which(pane, tmp_path):
    p = pane(100, 20)
    one, two, three = write_articles(p_home(p), ["mot", "hai", "ba"])
    p.docbao(f"{one} {two} {three}")
    p.wait_stable(lambda s: first_text(p) == "Bài mot về ngoại giao" and "Tệp 1/3: mot.txt" in s)
    p.keys(":", "p")
    p.wait_for("Đây là tệp đầu (1/3)")
    p.keys("d")
    p.wait_for(lambda s: first_text(p).startswith("Đoạn"), what="half a page down")
    moved = first_text(p)
    p.keys(":", "n")
    p.wait_for(lambda s: first_text(p) == "Bài hai về ngoại giao" and "Tệp 2/3: hai.txt" in s, what="the second file")
    p.keys(":", "n")
    p.wait_for(lambda s: first_text(p) == "Bài ba về ngoại giao" and "Tệp 3/3: ba.txt" in s, what="the third file")
    p.keys(":", "n")
    p.wait_for("Đây là tệp cuối (3/3)")
    p.keys(":", "p", ":", "p")
    p.wait_for(lambda s: "Tệp 1/3: mot.txt" in s and first_text(p) == moved, what="the first file, where it was left")
    p.keys("q")
    p.wait_exit(0)
    # None of them was added to the library.
    assert docbao("list", library=library_file(p)).stdout == ""


def first_text(p):
    """The article pane's first line of text (the sidebar cut off)."""
    return next((row for row in pane_column(p) if row), "")


def p_home(p):
    from pathlib import Path
    return Path(p.home)


def test_remove_from_the_command_line(pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert docbao("add", SEED, ARTICLES / "31-suc-khoe-21477826.txt", library=lib).returncode == 0
    seed = id_of(lib, TITLE)
    r = docbao("remove", seed, 999, "abc", library=lib)
    assert r.returncode == 1
    assert r.stdout.startswith(f"removed {seed}\t{TITLE}") and r.stdout.count("\n") == 1
    assert "docbao remove: 999: no such article in the library (docbao list shows the ids)" in r.stderr
    assert "docbao remove: abc: not an article id" in r.stderr
    assert TITLE not in docbao("list", library=lib).stdout
    assert docbao("search", "ngoai giao thu truong", library=lib).returncode == 1
    assert SEED.exists()
    other = ids_by_title(lib)
    r = docbao("remove", *other.values(), library=lib)
    assert r.returncode == 0 and r.stderr == ""
    assert docbao("list", library=lib).stdout == ""
    assert docbao("library", "check", library=lib).returncode == 0
    r = docbao("remove", library=lib)
    assert r.returncode != 0 and "give the ids" in r.stderr


def test_d_in_the_library_view_removes_the_article_once_confirmed(pane):
    p = pane(110, 30)
    add(p, SEED, ARTICLES / "31-suc-khoe-21477826.txt")
    p.docbao("library")
    p.wait_stable("Thư viện · 2 bài")
    p.keys("D")
    asked = p.wait_for("khỏi thư viện?")
    question = status(p)
    assert "Xoá “" in question and "y: xoá" in question
    p.keys("n")
    p.wait_for("Không xoá")
    assert "Thư viện · 2 bài" in p.screen()
    p.keys("D")
    p.wait_for("khỏi thư viện?")
    p.keys("y")
    p.wait_for(lambda s: "Đã xoá “" in s and "Thư viện · 1 bài" in s, what="the article removed")
    p.keys("q")
    p.wait_exit(0)
    assert len(json.loads(docbao("list", "--json", library=library_file(p)).stdout)) == 1
    assert asked


def test_export_by_id_and_as_markdown(tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert docbao("add", SEED, library=lib).returncode == 0
    seed = id_of(lib, TITLE)
    by_id = docbao("export", seed, library=lib)
    by_file = docbao("export", SEED, library=lib)
    assert by_id.returncode == 0 and json.loads(by_id.stdout) == json.loads(by_file.stdout)
    md = docbao("export", "--format", "markdown", seed, library=lib)
    assert md.returncode == 0
    lines = md.stdout.splitlines()
    model = json.loads(by_id.stdout)
    assert lines[0].startswith(f"# {TITLE}")
    headings = [b["text"] for b in model["blocks"] if b["kind"] == "heading"]
    assert [l[3:] for l in lines if l.startswith("## ")] == headings
    # Every paragraph's words are there, in order, as written.
    for block in model["blocks"]:
        if block["kind"] == "paragraph":
            assert block["text"].replace("*", "\\*").replace("_", "\\_") in md.stdout
    missing = docbao("export", "777", library=lib)
    assert missing.returncode == 1 and "no article 777" in missing.stderr


def test_a_file_reopens_at_its_place_under_another_name_and_with_plain_docbao(pane):
    p = pane(100, 20)
    home = p_home(p)
    (one,) = write_articles(home, ["mot"])
    p.docbao(str(one))
    p.wait_stable("Bài mot về")
    # No library yet: nothing to restore, and it is made only when the place is first saved.
    assert not os.path.exists(library_file(p))
    p.keys("d")
    p.wait_for(lambda s: first_text(p).startswith("Đoạn"), what="half a page down")
    half = first_text(p)
    p.keys("d")
    p.wait_for(lambda s: first_text(p) not in (half, "Bài mot về ngoại giao"), what="another half page down")
    p.keys("m", "a")
    p.wait_for("Đã đánh dấu a")
    place = first_text(p)
    p.keys("q")
    p.wait_exit(0)
    p.run("clear")
    # The same file: at its place.
    p.docbao(str(one))
    p.wait_stable(lambda s: first_text(p) == place)
    p.keys("q")
    p.wait_exit(0)
    p.run("clear")
    # The same content under another name: at the same place, with its mark.
    shutil.copy(one, home / "ban-sao.txt")
    p.docbao(str(home / "ban-sao.txt"))
    p.wait_stable(lambda s: first_text(p) == place)
    p.keys("g")
    p.wait_for(lambda s: first_text(p) == "Bài mot về ngoại giao", what="the top")
    p.keys("'", "a")
    p.wait_for(lambda s: first_text(p) == place, what="mark a")
    p.keys("j")
    p.wait_for(lambda s: first_text(p) != place, what="a line down")
    below = first_text(p)
    p.keys("q")
    p.wait_exit(0)
    p.run("clear")
    # Plain docbao: the file read last, where it was left; nothing added to the library.
    p.docbao()
    p.wait_stable(lambda s: first_text(p) == below)
    p.keys("q")
    p.wait_exit(0)
    assert docbao("list", library=library_file(p)).stdout == ""


def test_a_huge_file_reopens_at_its_place(pane, tmp_path):
    # Over 1 MB: keyed by its size and samples, not read whole at start; opened on a preview, the
    # saved place is reached once the whole is in.
    from test_hostile import big_article, find, open_huge_and_wait_for_the_whole
    path = tmp_path / "big.txt"
    big_article(path, 60_000)
    p = open_huge_and_wait_for_the_whole(pane, path)
    find(p, 40000)
    p.keys("Escape")
    p.wait_for(lambda s: first_text(p).startswith("Đoạn 4"), what="the paragraph found at the top")
    place = first_text(p)
    p.keys("q")
    p.wait_exit(0)
    p.run("clear")
    p.docbao(str(path))
    p.wait_for(lambda s: first_text(p) == place, timeout=60, what="the saved place")
    p.keys("q")
    p.wait_exit(0)
