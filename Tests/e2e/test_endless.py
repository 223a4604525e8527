"""Endless and huge inputs (issue 15): a stream without end, a binary device or a 2 GB sparse file
gets a clear message and a non-zero status, never a crash or a memory that grows without bound;
a huge article is printed and searched with bounded memory; a cluster of a million marks is
handled in linear time; UTF-32 is decoded."""
import os
import resource
import subprocess
import sys

import pytest

from tmux_harness import BINARY

ARTICLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "testdata", "articles")
LIMIT = 2 << 30  # address space for one run: today's code asked for more and crashed


def limited(*args, stdin=None, timeout=60, input=None):
    """docbao under `ulimit -v` 2 GB and a timeout."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
    return subprocess.run([str(BINARY), *args], capture_output=True, stdin=stdin, input=input,
                          timeout=timeout, preexec_fn=limit)


def expect_refused(r, message):
    err = r.stderr.decode(errors="replace")
    assert r.returncode not in (0, -6, 134) and r.returncode > 0, (r.returncode, err[:500])
    assert message in err and "Fatal error" not in err and "crashed" not in err, err[:500]
    assert len(err) < 500, err[:500]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_binary_device_is_refused_from_its_first_bytes(device):
    for args in (["--dump", device], ["export", device], ["export", "--format", "text", device]):
        expect_refused(limited(*args), "binary file")
    with open(device, "rb") as stream:
        expect_refused(limited("--dump", "-", stdin=stream), "binary file")
    r = limited("grep", "x", device)
    assert r.returncode == 1 and "binary file" in r.stderr.decode(), r.stderr[:300]


def test_an_endless_text_stream_is_cut_with_a_message():
    yes = subprocess.Popen(["yes", "dòng chữ"], stdout=subprocess.PIPE)
    try:
        r = limited("--dump", stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    expect_refused(r, "more than 256 MB from a pipe or a device")
    # --force reads /dev/zero as text: it is endless too.
    expect_refused(limited("--dump", "--force", "/dev/zero"), "more than 256 MB")


def test_a_sparse_2gb_file_is_refused_without_reading_it(tmp_path):
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as f:
        f.truncate(2 << 30)
    for args in (["--dump", str(sparse)], ["export", str(sparse)]):
        expect_refused(limited(*args), "binary file")
    r = limited("grep", "x", str(sparse))
    assert r.returncode == 1 and "binary file" in r.stderr.decode(), r.stderr[:300]
    r = limited("add", str(sparse), "--library", str(tmp_path / "lib.sqlite"))
    assert r.returncode == 1 and b"binary file" in r.stderr and b"Fatal error" not in r.stderr, r.stderr[:300]


def test_the_reader_on_dev_zero_says_why_and_leaves_the_terminal_as_it_was(pane):
    p = pane(100, 20)
    p.docbao("/dev/zero")
    screen = p.wait_exit(1)
    assert "docbao: /dev/zero: binary file" in screen
    assert not p.alternate_screen()
    p.run("echo still-here")
    p.wait_for("still-here\n")


def peak_rss_kb(*args):
    """docbao's peak resident size in KB, measured in a child Python of its own."""
    code = ("import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    r = subprocess.run([sys.executable, "-c", code, str(BINARY), *args], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-500:]
    return int(r.stdout.strip().splitlines()[-1])


def test_a_huge_article_is_printed_and_searched_with_bounded_memory(tmp_path):
    names = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))
    body = b"\n\n".join(open(os.path.join(ARTICLES, n), "rb").read().split(b"\n\n", 1)[-1] for n in names)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(b"Bai bao rat dai\n\n")
        size = 0
        while size < 24_000_000:
            f.write(body + b"\n\n")
            size += len(body) + 2
    # Whole in memory (bytes, text, layout, output) the 24 MB took 130 MB and more; in pieces, 30-60.
    assert peak_rss_kb("--dump", str(big)) < 90_000
    assert peak_rss_kb("export", "--format", "text", str(big)) < 90_000
    assert peak_rss_kb("grep", "-c", "ngoai giao", str(big)) < 60_000
    # The same lines as the whole file read at once.
    whole = subprocess.run([str(BINARY), "grep", "ngoai giao", str(big)], capture_output=True).stdout.splitlines()
    first = subprocess.run([str(BINARY), "grep", "ngoai giao", os.path.join(ARTICLES, names[0])],
                           capture_output=True).stdout.splitlines()
    assert whole and all(line.split(b":", 1)[1] in {l.split(b":", 1)[1] for l in whole} for line in first)


def test_grep_numbers_lines_as_before_across_line_ends(tmp_path):
    f = tmp_path / "ends.txt"
    f.write_bytes(b"mot ngoai\r\nhai\rngoai ba\nbon\n\nngoai cuoi")
    r = subprocess.run([str(BINARY), "grep", "ngoai", str(f)], capture_output=True, text=True)
    assert r.stdout == "1:mot ngoai\n3:ngoai ba\n6:ngoai cuoi\n"


def test_a_cluster_of_two_million_marks_is_linear(tmp_path):
    marks = tmp_path / "marks.txt"
    n = 2_000_000
    marks.write_bytes(("Tieu de\n\na" + "\u0301" * n + "\n").encode())
    # Quadratic, this took minutes (38 s for a million in a release build); linear, seconds.
    r = subprocess.run([str(BINARY), "--dump", str(marks)], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr[:300]
    out = r.stdout.decode()
    # No mark lost: NFC composed the first with the "a"; the rest are cut into pieces, never dropped.
    assert out.count("\u0301") == n - 1 and out.count("á") == 1
    assert max(len(line.encode()) for line in out.split("\n")) <= 64 * 1024


def test_the_reader_goes_to_the_end_of_two_million_marks(pane, tmp_path):
    marks = tmp_path / "marks.txt"
    marks.write_bytes(("Tieu de\n\na" + "\u0301" * 2_000_000 + "\n\nKet thuc bai.\n").encode())
    p = pane(100, 20)
    p.docbao(str(marks))
    p.wait_for("Tieu de", timeout=60)
    p.keys("G")  # carried out once the whole article is in: quadratic, minutes
    p.wait_for(lambda s: "Ket thuc bai." in s and "100%" in s, timeout=60, what="the end of the article")
    p.keys("q")
    p.wait_exit(0)


@pytest.mark.parametrize("big_endian", [False, True])
def test_utf32_is_decoded(tmp_path, big_endian):
    text = "Tiêu đề\n\nĐoạn văn tiếng Việt.\n"
    f = tmp_path / "utf32.txt"
    f.write_bytes((b"\x00\x00\xfe\xff" if big_endian else b"\xff\xfe\x00\x00")
                  + text.encode("utf-32-be" if big_endian else "utf-32-le"))
    r = subprocess.run([str(BINARY), "--dump", str(f)], capture_output=True, text=True)
    assert r.returncode == 0 and "Đoạn văn tiếng Việt." in r.stdout and "\ufffd" not in r.stdout, (r.stdout, r.stderr)
    r = subprocess.run([str(BINARY), "grep", "tieng viet", str(f)], capture_output=True, text=True)
    assert r.stdout == "3:Đoạn văn tiếng Việt.\n"
