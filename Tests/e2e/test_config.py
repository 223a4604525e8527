"""Config file, themes and colour: real-terminal and command-line tests."""
import re
import subprocess

from tmux_harness import BINARY
from test_reader import TITLE, open_reader, pane_column


def write_config(tmp_path, text):
    folder = tmp_path / "config" / "docbao"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}


def sgr_params(escaped):
    return [p for p in re.findall(r"\x1b\[([0-9;]*)m", escaped)]


def title_sgr(p):
    """The SGR parameters in effect where the title starts on the first row."""
    row = p.screen(escapes=True).split("\n")[0]
    before = row[: row.index("Th\u1ee9 tr\u01b0\u1edfng")] if "Thứ trưởng" in row else row
    return ";".join(sgr_params(before[before.rindex("│"):] if "│" in before else before))


def test_keys_are_remapped_from_the_config(pane, tmp_path):
    env = write_config(tmp_path, '[keys]\nline-down = ["x"]\nquit = ["Q", "C-q"]\n')
    p = pane(100, 30, env=env)
    open_reader(p)
    p.keys("j")
    p.keys("x")
    p.wait_for(lambda s: pane_column(p)[0] == "29", what="x scrolls one line (j no longer does)")
    p.keys("q")
    p.keys("C-q")
    p.wait_exit(0)


def test_theme_selection_is_visible(pane, tmp_path):
    dark = pane(100, 30, env=write_config(tmp_path / "d", '[reader]\ntheme = "dark"\n'))
    light = pane(100, 30, env=write_config(tmp_path, '[reader]\ntheme = "light"\n'))
    mono = pane(100, 30)
    open_reader(dark)
    open_reader(light)
    mono.docbao("--theme mono")
    mono.wait_stable(TITLE)
    assert "36" in title_sgr(dark).split(";"), title_sgr(dark)     # cyan title on dark terminals
    assert "34" in title_sgr(light).split(";"), title_sgr(light)   # blue title on light ones
    mono_codes = [c for params in sgr_params(mono.screen(escapes=True)) for c in params.split(";") if c]
    assert not [c for c in mono_codes if 30 <= int(c) <= 37 or 40 <= int(c) <= 47], "mono has no colour"
    assert "1" in mono_codes, "mono keeps bold"
    assert dark.screen() == light.screen() == mono.screen(), "only the look differs"


def test_an_invalid_config_is_reported_and_ignored(pane, tmp_path):
    env = write_config(tmp_path, '[reader]\nwidth = 70\n[keys]\nfly = ["f"]\n')
    p = pane(100, 30, env=env)
    open_reader(p)
    p.wait_for(lambda s: "config.toml:4: unknown action 'fly'" in s.split("\n")[29], what="the message")
    assert "Thứ trưởng" in pane_column(p)[0] and len(pane_column(p)[2]) <= 70, "width 70 from the config still applies"
    bad = write_config(tmp_path, 'this is = = not toml\n')
    q = pane(100, 30, env=bad)
    open_reader(q)
    q.wait_for(lambda s: "config.toml:1: not valid TOML" in s.split("\n")[29], what="a TOML syntax error with its line")
    q.keys("q")
    q.wait_exit(0)


def test_config_command(tmp_path):
    env = write_config(tmp_path, '[reader]\ntheme = "sepia"\n')
    env["PATH"] = "/usr/bin:/bin"
    r = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, env=env)
    assert r.returncode == 1 and ":2: theme must be one of auto, dark, light, mono" in r.stdout
    path = subprocess.run([str(BINARY), "config", "--path"], capture_output=True, text=True, env=env).stdout.strip()
    assert path == str(tmp_path / "config" / "docbao" / "config.toml")
    default = subprocess.run([str(BINARY), "config", "--default"], capture_output=True, text=True).stdout
    (tmp_path / "config" / "docbao" / "config.toml").write_text(default, encoding="utf-8")
    ok = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, env=env)
    assert ok.returncode == 0 and ok.stdout.strip().endswith(": ok")


def test_dump_is_plain_unless_color_always(tmp_path):
    plain = subprocess.run([str(BINARY), "--dump"], capture_output=True, text=True).stdout
    assert "\x1b" not in plain
    colored = subprocess.run([str(BINARY), "--dump", "--color=always", "--theme", "dark"], capture_output=True, text=True).stdout
    assert "\x1b[1;36m" + TITLE in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain
    grep = subprocess.run([str(BINARY), "grep", "--color=always", "hoa binh", "-"], input="giữ vững hòa bình\n",
                          capture_output=True, text=True).stdout
    assert "\x1b[1;31mhòa bình\x1b[0m" in grep


def test_a_syntax_error_costs_only_its_own_line(pane, tmp_path):
    env = write_config(tmp_path, '[reader]\nwidth = 40\ntheme = "dark\n[keys]\nquit = ["Q"\nline-up = "K"\n')
    r = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1
    places = [line.split(": ", 2)[1].rsplit(":", 1)[1] for line in r.stdout.splitlines()]
    assert places == ["3", "5"], r.stdout
    p = pane(100, 30, env=env)
    open_reader(p)
    p.wait_for(lambda s: "config.toml:3: not valid TOML" in s.split("\n")[29], what="the first mistake")
    assert max(len(row) for row in pane_column(p)[:20]) <= 40, "width 40 on line 2 still applies"
    p.keys("q")
    p.wait_exit(0)


def test_a_key_bound_to_two_actions_is_a_problem(tmp_path):
    env = write_config(tmp_path, '[keys]\nquit = ["j"]\nline-down = ["j"]\n')
    r = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1 and ": ok" not in r.stdout
    assert re.search(r':[23]: "j" for (quit|line-down) .*(line-down|quit) \(line [23]\)', r.stdout), r.stdout


def test_twenty_thousand_unknown_settings_are_checked_at_once(tmp_path):
    # Finding each setting's line by searching the file was quadratic: 10,000 took over 100 s.
    text = ("[reader]\n" + "".join(f"unknown{i} = {i}\n" for i in range(10_000))
            + "[keys]\n" + "".join(f"fly{i} = [\"f\"]\n" for i in range(10_000)))
    env = write_config(tmp_path, text)
    r = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, timeout=20,
                       env={**env, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 21, "the first 20 problems, then how many more"
    assert lines[0].endswith("config.toml:2: unknown setting 'unknown0' in [reader] (known: width, sidebar, theme, align, copy); ignored")
    assert lines[19].endswith("config.toml:21: unknown setting 'unknown19' in [reader] (known: width, sidebar, theme, align, copy); ignored")
    assert lines[20].endswith("config.toml: and 19980 more problems (not shown)")


def test_library_keys_are_remapped_from_the_config(pane, tmp_path):
    env = write_config(tmp_path, '[library-keys]\nhelp = ["H"]\nquit = ["x", "C-q"]\n')
    p = pane(100, 30, env=env)
    p.docbao("library")
    p.wait_for(lambda s: "H trợ giúp · x thoát" in s.split("\n")[29], what="the reminder from the remapped table")
    p.keys("?")  # no longer help
    p.keys("H")
    p.wait_for("lọc theo tên bài")
    assert any(re.match(r"\s+H\s+trợ giúp$", row.rstrip()) for row in p.lines()), p.screen()
    p.keys("Escape")
    p.wait_for(lambda s: "lọc theo tên bài" not in s)
    p.keys("q")  # no longer quits
    p.keys("C-q")
    p.wait_exit(0)


def test_library_keys_problems_are_reported(tmp_path):
    env = write_config(tmp_path, '[library-keys]\nnext-section = ["n"]\nfilter = ["x"]\nsearch = ["x"]\n')
    r = subprocess.run([str(BINARY), "config"], capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1
    assert "config.toml:2: unknown action 'next-section'" in r.stdout, r.stdout
    assert 'config.toml:3: "x" for filter is also bound to search (line 4), which gets it' in r.stdout, r.stdout
    d = subprocess.run([str(BINARY), "config", "--default"], capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert "\n[library-keys]\n" in d.stdout and "# cycle-sort = [\"s\"]" in d.stdout, d.stdout
