"""`make install` into a temporary prefix: the installed docbao is stripped and runs from anywhere with
its bundled article, the man page and completions are in place, and `make uninstall` removes every
file. `make install-debug` adds the debug information beside it, where gdb finds it.

The test installs the binary under test (make's BIN=) rather than letting make do a release build,
which would add minutes to the suite; `make build` is the same swift build with -c release."""
import subprocess

from tmux_harness import BINARY, ROOT

INSTALLED = ["bin/docbao", "share/man/man1/docbao.1", "share/bash-completion/completions/docbao",
             "share/zsh/site-functions/_docbao", "share/fish/vendor_completions.d/docbao.fish",
             "share/doc/docbao/README.md"]


def sections(path):
    """The ELF section names of the file at `path` (readelf, from binutils)."""
    out = subprocess.run(["readelf", "-W", "-S", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split("]", 1)[1].split()[0] for line in out.splitlines() if line.strip().startswith("[") and "]" in line
            and line.split("]", 1)[1].split()}


def runs_and_fails_cleanly(program, cwd):
    """The installed program reports its version, prints the bundled article, and turns bad input
    into one clear line on stderr (exit 1), not a crash with a backtrace."""
    version = subprocess.run([str(program), "--version"], cwd=cwd, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip() and version.stdout.strip()[0].isdigit(), version
    out = subprocess.run([str(program), "--dump"], cwd=cwd, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Thứ trưởng Ngoại giao trả lời báo chí")
    (cwd / "rac.json").write_bytes(b'{"title": "x", "blocks": [')
    for args in (["khong-co-tep-nay.txt"], ["--dump", "rac.json"], ["--width", "abc"]):
        bad = subprocess.run([str(program), *args], cwd=cwd, capture_output=True, text=True)
        assert bad.returncode in (1, 64), (args, bad)
        assert bad.stderr.strip() and bad.stdout == "", (args, bad)
        for crash in ("Fatal error", "Stack dump", "backtrace", "Crash", "0x0"):
            assert crash not in bad.stderr, (args, bad.stderr)


def make(target, prefix):
    r = subprocess.run(["make", "-s", target, f"PREFIX={prefix}", f"BIN={BINARY}"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_install_then_uninstall(tmp_path):
    prefix = tmp_path / "prefix"
    make("install", prefix)
    assert sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*") if p.is_file()) == sorted(INSTALLED)

    installed = prefix / "bin" / "docbao"
    # Stripped: no debug information and no symbol table, so much smaller than the build.
    assert not {".debug_info", ".symtab"} & sections(installed)
    assert ".debug_info" in sections(BINARY)
    assert installed.stat().st_size < BINARY.stat().st_size * 3 / 4

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs_and_fails_cleanly(installed, elsewhere)

    assert (prefix / "share/man/man1/docbao.1").read_bytes() == (ROOT / "docs/docbao.1").read_bytes()
    for completion in INSTALLED[2:5]:
        text = (prefix / completion).read_text(encoding="utf-8")
        assert "docbao" in text and "export" in text, completion

    make("uninstall", prefix)
    assert [p for p in prefix.rglob("*") if not p.is_dir()] == []


def test_install_debug_keeps_the_debug_information_beside_the_binary(tmp_path):
    prefix = tmp_path / "prefix"
    make("install-debug", prefix)
    installed, debug = prefix / "bin" / "docbao", prefix / "bin" / ".debug" / "docbao.debug"
    assert ".debug_info" in sections(debug)
    assert ".debug_info" not in sections(installed) and ".gnu_debuglink" in sections(installed)
    # The section is the file's name, then its CRC (binary: read as bytes).
    link = subprocess.run(["readelf", "-W", "--string-dump=.gnu_debuglink", str(installed)],
                          capture_output=True, check=True).stdout
    assert b"docbao.debug" in link
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs_and_fails_cleanly(installed, elsewhere)
    make("uninstall", prefix)
    assert [p for p in prefix.rglob("*") if not p.is_dir()] == []
