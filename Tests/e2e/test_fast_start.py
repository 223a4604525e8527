"""`docbao`, `docbao FILE` and `docbao library` start without ArgumentParser (ReaderOptions.fastPath,
for start-up time): they must do exactly what the ArgumentParser route does. `docbao -- FILE` takes
that route with the same meaning, so the two are compared screen for screen."""
import shutil
import subprocess

from tmux_harness import BINARY, SHARED
from test_config import write_config
from test_reader import TITLE

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"
CONFIG = '[reader]\nwidth = 64\nsidebar = false\ntheme = "light"\n[keys]\nline-down = ["x"]\nfly = ["f"]\n'


def shown(p, args):
    p.docbao(args)
    return p.wait_stable(lambda s: TITLE in s and "unknown action 'fly'" in s)


def test_docbao_file_matches_the_argumentparser_route(pane, tmp_path):
    env = write_config(tmp_path, CONFIG)
    shutil.copy(SEED, tmp_path / "bai.txt")
    fast, parsed = pane(100, 30, env=env), pane(100, 30, env=env)
    shown(fast, str(tmp_path / "bai.txt"))
    shown(parsed, "-- " + str(tmp_path / "bai.txt"))
    assert fast.screen() == parsed.screen()
    assert fast.screen(escapes=True) == parsed.screen(escapes=True), "same theme from the config"
    assert "│" not in fast.screen(), "the config's sidebar = false applies"
    for p in (fast, parsed):
        p.keys("x")   # remapped by the config
    fast.wait_for(lambda s: TITLE not in s.split("\n")[0], what="x scrolls")
    parsed.wait_for(lambda s: TITLE not in s.split("\n")[0], what="x scrolls")
    assert fast.screen() == parsed.screen()
    for p in (fast, parsed):
        p.keys("q")
        p.wait_exit(0)


def test_docbao_alone_matches_the_argumentparser_route(pane, tmp_path):
    # `docbao --` is the reader with no FILE, parsed by ArgumentParser: the first run adds the
    # bundled article to the library and opens it, in both.
    fast = pane(100, 30, env=write_config(tmp_path / "a", CONFIG))
    parsed = pane(100, 30, env=write_config(tmp_path / "b", CONFIG))
    shown(fast, "")
    shown(parsed, "--")
    assert fast.screen() == parsed.screen()
    for p in (fast, parsed):
        p.keys("q")
        p.wait_exit(0)


def test_a_file_named_like_a_subcommand_and_the_options_still_parse(pane, tmp_path):
    p = pane(100, 30)
    shutil.copy(SEED, p.home + "/export")
    p.docbao("./export")
    p.wait_stable(TITLE)
    p.keys("q")
    p.wait_exit(0)
    run = lambda *a: subprocess.run([str(BINARY), *a], capture_output=True, text=True, cwd=p.home,
                                      stdin=subprocess.DEVNULL, timeout=30)
    r = run("export")   # the subcommand, reading the bundled article (stdin is not a pipe here)
    assert r.returncode == 0 and r.stdout.lstrip().startswith("{"), r.stdout[:200]
    r = run("--help")
    assert r.returncode == 0 and "USAGE:" in r.stdout and "--width" in r.stdout
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == "0.1.0"
    r = run("no-such-file.txt")
    assert r.returncode == 1 and r.stderr == "docbao: no-such-file.txt: no such file\n", r.stderr
    r = run("--width", "5", str(SEED))
    assert r.returncode != 0 and "--width must be between 10 and 1000" in r.stderr


def test_docbao_library_alone_matches_the_argumentparser_route(pane, tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([str(BINARY), "add", str(SEED)], env={**env, "PATH": "/usr/bin:/bin"}, check=True,
                   capture_output=True, timeout=60)
    fast, parsed = pane(100, 30, env=env), pane(100, 30, env=env)
    fast.docbao("library")
    parsed.docbao("library --")
    for p in (fast, parsed):
        p.wait_stable(lambda s: "Thư viện" in s and "Ngoại giao" in s)
    assert fast.screen() == parsed.screen()
    for p in (fast, parsed):
        p.keys("q")
        p.wait_exit(0)
