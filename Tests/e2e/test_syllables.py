"""Search inside syllables and the search command's rough edges (issue 18, items 9-11 and 15): what
grep, the reader and `docbao search` print for a query that starts inside a syllable, a syllable run
into the word before it, hòa = hoà inside "Hoài", an empty query, phrases and OR."""
import json
import subprocess

from tmux_harness import BINARY
from test_search import status

LINES = ["Người Việt Nam", "tiếng nói", "các loại hình", "quý vị", "luồng gió", "để giúpngười khác",
         "Nghệ sĩ Hoài Linh", "hòa bình"]


def article(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Bài thử tìm trong âm tiết\n\n" + "\n\n".join(LINES) + "\n", encoding="utf-8")
    return path


def grep(*args):
    return subprocess.run([str(BINARY), "grep", *map(str, args)], capture_output=True, text=True)


def test_grep_finds_queries_that_start_inside_a_syllable(tmp_path):
    path = article(tmp_path)
    for query, line in [("ệ", "Người Việt Nam"), ("ờ", "Người Việt Nam"), ("ế", "tiếng nói"), ("ại", "các loại hình"),
                        ("uý", "quý vị"), ("ồng", "luồng gió"), ("người", "để giúpngười khác"), ("hòa", "Nghệ sĩ Hoài Linh")]:
        for exact in ([], ["--exact"]):
            if exact and query == "hòa":
                continue  # "Hoài" has a capital H
            r = grep(*exact, query, path)
            assert r.returncode == 0, (query, exact, r.stderr)
            assert any(l.endswith(":" + line) for l in r.stdout.splitlines()), (query, exact, r.stdout)
    # Part of a syllable is read as written: ừ is not in "người".
    assert grep("ừ", path).returncode == 1
    # hòa and hoà find the same lines.
    assert grep("hòa", path).stdout == grep("hoà", path).stdout != ""


def test_slash_finds_a_toned_vowel_inside_its_group(pane, tmp_path):
    p = pane(100, 30, env={"XDG_STATE_HOME": str(tmp_path)})
    p.docbao(str(article(tmp_path)))
    p.wait_stable("Bài thử")
    p.keys("/")
    p.wait_for(lambda s: status(p).startswith("/"))
    p.type("ệ")
    p.keys("Enter")
    # "Việt" and "Nghệ".
    p.wait_for(lambda s: "1/2" in status(p), what="two matches of ệ")


def docbao(*args, library):
    return subprocess.run([str(BINARY), *map(str, args), "--library", str(library)], capture_output=True, text=True)


def test_search_says_why_an_empty_query_finds_nothing_and_reads_phrases_and_or(tmp_path):
    lib = tmp_path / "lib.sqlite"
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text("Ngoại giao\n\nBàn về ngoại giao và kinh tế.\n", encoding="utf-8")
    two.write_text("Đấu tranh\n\nBàn về đấu tranh và kinh tế, nghệ sĩ Hoài Linh.\n", encoding="utf-8")
    assert docbao("add", one, two, library=lib).returncode == 0
    for empty in ["", "  ", "\"\""]:
        r = docbao("search", empty, library=lib)
        assert r.returncode == 2 and "nothing to search for" in r.stderr, (empty, r)
    both = docbao("search", '"kinh te" "ngoai giao"', library=lib)
    assert both.returncode == 0 and "Ngoại giao" in both.stdout and "Đấu tranh" not in both.stdout, both
    either = docbao("search", '"ngoai giao" OR "dau tranh"', library=lib)
    assert either.returncode == 0 and "Ngoại giao" in either.stdout and "Đấu tranh" in either.stdout, either
    assert docbao("search", "ngoai giao OR dau tranh", library=lib).stdout == either.stdout
    assert docbao("search", '"ngoai giao" "dau tranh"', library=lib).returncode == 1
    # hòa = hoà, inside "Hoài" too.
    hoa = docbao("search", "hòa", library=lib)
    assert hoa.returncode == 0 and "Đấu tranh" in hoa.stdout, hoa
    assert docbao("search", "--help", library=lib).stdout.count("OR") >= 1


def test_library_search_finds_queries_that_start_inside_a_syllable_or_a_word(tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert docbao("add", article(tmp_path), library=lib).returncode == 0
    # The query, the words around its first hit, and how many hits (the title "… âm tiết" has ế).
    for query, words, count in [("ệ", "Việt", 2), ("ờ", "Người", 2), ("ế", "tiết", 2), ("ại", "loại", 1), ("uý", "quý", 1),
                                ("ồng", "luồng", 1), ("người", "Người", 2), ("ười kh", "giúpngười khác", 1),
                                ("hòa", "Hoài", 2)]:
        r = docbao("search", query, "--json", library=lib)
        assert r.returncode == 0, (query, r)
        hits = json.loads(r.stdout)
        assert len(hits) == 1 and words in hits[0]["snippet"] and hits[0]["hits"] == count, (query, hits)
    # Part of a syllable is read as written: ừ is not in "người".
    assert docbao("search", "ừ", library=lib).returncode == 1


def test_the_library_view_finds_a_word_run_into_the_one_before(pane, tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert docbao("add", article(tmp_path), library=lib).returncode == 0
    p = pane(100, 20, env={"XDG_STATE_HOME": str(tmp_path)})
    p.docbao(f"library --library {lib}")
    p.wait_stable("Thư viện · 1 bài")
    p.keys("/")
    p.type("ười kh")
    p.keys("Enter")
    screen = p.wait_stable("“ười kh”:")
    assert "giúpngười khác" in screen, screen
    p.keys("q")
    p.wait_exit(0)


def test_the_status_line_counts_every_config_problem(pane, tmp_path):
    """Three mistakes: the reader names the first (in line order) and says how many more and where
    to see them all, at any width."""
    folder = tmp_path / "config" / "docbao"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('[keys]\nfly = ["f"]\n[reader]\ntheme = "sepia"\nwidth = "x"\n', encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}
    for width in (100, 60):
        p = pane(width, 20, env=env)
        p.docbao()
        p.wait_for(lambda s: "3 lỗi cấu hình" in status(p), what="the count on the status line")
        assert status(p).strip().startswith("3 lỗi cấu hình (docbao config)"), status(p)
        if width == 100:
            assert "config.toml:2: unknown action 'fly'" in status(p), status(p)
        p.keys("q")
        p.wait_exit(0)
