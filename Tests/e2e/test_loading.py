"""One loading layer: every command decides what a file is the same way (issue 14). A JSON article
whose name says nothing (no .json) is JSON for the reader, --dump, export, add and grep alike."""
import json
import subprocess

from tmux_harness import BINARY, SHARED

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"


def run(*args, stdin=None):
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, input=stdin, timeout=60)


def test_a_json_article_without_extension_is_json_for_every_command(tmp_path):
    model = run("export", SEED).stdout
    assert json.loads(model)["blocks"]
    named = tmp_path / "bai.json"
    named.write_text(model, encoding="utf-8")
    bare = tmp_path / "bai"
    bare.write_text(model, encoding="utf-8")

    # The reader's rule: the article, not its JSON text.
    dumped = run("--dump", bare).stdout
    assert dumped == run("--dump", named).stdout == run("--dump", SEED).stdout
    assert '"blocks"' not in dumped
    assert run("--dump", "-", stdin=model).stdout == dumped
    # export
    assert run("export", bare).stdout == model
    # add: the article's title, as for the .json file
    lib = tmp_path / "lib.sqlite"
    assert run("add", bare, "--library", lib).stdout.strip() == "1 added, 0 already there"
    assert run("add", named, "--library", lib).stdout.strip() == "0 added, 1 already there"
    # grep: the article's text is searched, not the JSON's lines
    for args in ((bare,), ("-",)):
        words = run("grep", "ngoai giao", *args, stdin=model)
        assert words.returncode == 0, words.stderr
        assert words.stdout and '"text"' not in words.stdout
        keys = run("grep", "blocks", *args, stdin=model)
        assert keys.returncode == 1 and keys.stdout == ""
    assert run("grep", "-c", "ngoai giao", bare).stdout == run("grep", "-c", "ngoai giao", named).stdout


def test_a_bad_json_file_is_said_by_every_command(tmp_path):
    bad = tmp_path / "hong.json"
    bad.write_text('{"title": "x", "blocks": [', encoding="utf-8")
    for args in (("--dump", bad), ("export", bad)):
        r = run(*args)
        assert r.returncode == 1 and "not a docbao article" in r.stderr
    r = run("grep", "x", bad)
    assert r.returncode == 2 and "not a docbao article" in r.stderr
    r = run("add", bad, "--library", tmp_path / "lib.sqlite")
    assert r.returncode == 1 and "not a docbao article" in r.stderr


def test_text_that_starts_like_json_but_is_not_is_text_for_every_command(tmp_path):
    text = tmp_path / "ghi-chu"
    text.write_text("{ghi chú} về ngoại giao\n\nĐoạn hai.\n", encoding="utf-8")
    assert "{ghi chú} về ngoại giao" in run("--dump", text).stdout
    assert run("grep", "ngoai giao", text).stdout == "1:{ghi chú} về ngoại giao\n"
    assert run("add", text, "--library", tmp_path / "lib.sqlite").stdout.strip() == "1 added, 0 already there"
