"""The command line without a terminal: dump, help, version, export, errors."""
import json
import subprocess
import unicodedata

from tmux_harness import BINARY, SHARED

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def run(*args, stdin=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, input=stdin)


def width(s):
    return sum(0 if unicodedata.combining(c) else 1 for c in s)


def test_non_terminal_stdout_dumps_plain_text_at_the_width():
    out = run().stdout
    assert out.startswith("Thứ trưởng Ngoại giao trả lời báo chí")
    assert "\x1b" not in out
    assert all(width(line) <= 80 for line in out.split("\n"))
    narrow = run("--dump", "--width", "40").stdout
    assert all(width(line) <= 40 for line in narrow.split("\n"))
    assert "Ảnh: VGP/Hải Minh" in narrow and "Share on Tumblr" not in narrow


def test_stdin_and_dash():
    text = SEED.read_text(encoding="utf-8")
    assert run("-", stdin=text).stdout == run().stdout
    assert run(stdin=text).stdout == run().stdout


def test_help_and_version():
    r = run("--help")
    assert r.returncode == 0 and "--width" in r.stdout and "export" in r.stdout
    v = run("--version")
    assert v.returncode == 0 and v.stdout.strip()


def test_every_subcommand_has_its_own_help():
    """`docbao help NAME` is NAME's help; `help library` is the library view's, which names
    `library check`, whose help is `help library check` (issue 18: it was check's)."""
    root = run("--help").stdout
    listed = [m.split()[0] for m in root.split("SUBCOMMANDS:\n")[1].split("\n\n")[0].splitlines() if m.startswith("  ") and not m.startswith("   ")]
    assert {"library", "add", "list", "search", "export", "grep", "config"} <= set(listed)
    for name in listed:
        r = run("help", name)
        assert r.returncode == 0 and f"USAGE: docbao {name}" in r.stdout, name
        # A command group's help points to `docbao help NAME <subcommand>` rather than ArgumentParser's.
        assert r.stdout == run(name, "--help").stdout or "SUBCOMMANDS:" in r.stdout, name
    library = run("help", "library").stdout
    assert "library view" in library and "USAGE: docbao library\n" in library and "\n  --repair" not in library
    assert "SUBCOMMANDS:\n  check" in library and "docbao help library <subcommand>" in library
    check = run("help", "library", "check")
    assert check.returncode == 0 and "--repair" in check.stdout and check.stdout == run("library", "check", "--help").stdout
    assert run("help", "nothing-such").stdout == root


def test_failures_are_said_once_with_their_status(tmp_path):
    """Every command's failure is one message on stderr and its status; statuses that are not
    errors (nothing matched) say nothing."""
    missing = str(tmp_path / "nope.txt")
    for args, status, message in [
        (("export", missing), 1, f"docbao: {missing}: no such file\n"),
        (("--dump", str(tmp_path)), 1, f"docbao: {tmp_path}: is a directory; docbao DIR browses its articles in a "
                                       "terminal (to print them: docbao add DIR, then docbao list or docbao search)\n"),
        (("grep", "zzzqqq", str(SEED)), 1, ""),
        (("grep", "x", missing, str(SEED)), 2, f"docbao grep: {missing}: no such file\n"),
    ]:
        r = run(*args)
        assert (r.returncode, r.stderr) == (status, message), args
    bad = run("list", "--library", "/dev/null/lib.sqlite")
    assert bad.returncode == 1 and bad.stderr.count("docbao list: ") == 1 and bad.stdout == ""


def test_export_json_round_trips(tmp_path):
    r = run("export", "--format", "json", str(SEED))
    assert r.returncode == 0, r.stderr
    model = json.loads(r.stdout)
    assert model["title"].startswith("Thứ trưởng Ngoại giao")
    kinds = [b["kind"] for b in model["blocks"]]
    assert kinds[0] == "title" and "caption" in kinds and kinds[-1] == "source"
    path = tmp_path / "a.json"
    path.write_text(r.stdout, encoding="utf-8")
    assert run("--dump", str(path)).stdout == run("--dump", str(SEED)).stdout


def test_bad_input_gets_a_clear_message(tmp_path):
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    assert "is a directory" in run(str(tmp_path)).stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert "empty" in run(str(empty)).stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x", "blocks": [')
    r = run(str(broken))
    assert r.returncode == 1 and "broken.json" in r.stderr


def test_release_binary_copied_anywhere_finds_its_article(tmp_path):
    copy = tmp_path / "docbao"
    copy.write_bytes(BINARY.read_bytes())
    copy.chmod(0o755)
    out = subprocess.run([str(copy), "--dump"], capture_output=True, text=True, cwd=tmp_path).stdout
    assert out.startswith("Thứ trưởng Ngoại giao")


def test_a_dumb_terminal_gets_plain_text(pane):
    p = pane(100, 30, term="dumb")
    p.docbao("--width 50")
    p.wait_exit(0)
    screen = p.screen()
    assert "Nguồn: Chính Phủ" in screen and "\x1b" not in screen, "the article was printed, plain"
    assert not p.alternate_screen()
