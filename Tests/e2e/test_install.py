"""`make install` into a temporary prefix: the installed docbao runs from anywhere with its bundled
article, the man page and completions are in place, and `make uninstall` removes every file.

The test installs the binary under test (make's BIN=) rather than letting make do a release build,
which would add minutes to the suite; `make build` is the same swift build with -c release."""
import subprocess

from tmux_harness import BINARY, ROOT

INSTALLED = ["bin/docbao", "share/man/man1/docbao.1", "share/bash-completion/completions/docbao",
             "share/zsh/site-functions/_docbao", "share/fish/vendor_completions.d/docbao.fish",
             "share/doc/docbao/README.md"]


def make(target, prefix):
    r = subprocess.run(["make", "-s", target, f"PREFIX={prefix}", f"BIN={BINARY}"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_install_then_uninstall(tmp_path):
    prefix = tmp_path / "prefix"
    make("install", prefix)
    assert sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*") if p.is_file()) == sorted(INSTALLED)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run([str(prefix / "bin" / "docbao"), "--dump"], cwd=elsewhere, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Thứ trưởng Ngoại giao trả lời báo chí")

    assert (prefix / "share/man/man1/docbao.1").read_bytes() == (ROOT / "docs/docbao.1").read_bytes()
    for completion in INSTALLED[2:5]:
        text = (prefix / completion).read_text(encoding="utf-8")
        assert "docbao" in text and "export" in text, completion

    make("uninstall", prefix)
    assert [p for p in prefix.rglob("*") if not p.is_dir()] == []
