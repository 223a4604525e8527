"""The man page docs/docbao.1 keeps up with the program: every option of every command, every
command, and every key action (the names the config file binds) is named in it."""
import re
import shutil
import subprocess

import pytest

from tmux_harness import BINARY, ROOT

MANPAGE = ROOT / "docs" / "docbao.1"
ACTIONS = ROOT / "Sources" / "DocBaoCore" / "Reader" / "Action.swift"


def docbao_help(*args):
    r = subprocess.run([str(BINARY), *args], capture_output=True, text=True)
    return r.returncode, r.stdout


def help_block(text, title):
    """The lines of one block of ArgumentParser's help, such as OPTIONS: or SUBCOMMANDS:."""
    m = re.search(rf"^{title}:\n(.*?)(?:\n\n|\Z)", text, re.S | re.M)
    return m.group(1).splitlines() if m else []


def long_options(text):
    """The long options in a help's OPTIONS block, from the lines that start an entry."""
    return [m.group(1) for line in help_block(text, "OPTIONS")
            if (m := re.match(r"  (?:-\w, )?(--[\w-]+)", line))]


def man_sections():
    """The page's text by .SH section and, inside COMMANDS, by .SS subsection ("export", …),
    with roff's escapes for a hyphen, fonts and hyphenation taken out."""
    text = MANPAGE.read_text(encoding="utf-8")
    text = re.sub(r"\\f[BIRP]|\\[%&]", "", text).replace("\\-", "-")
    sections = {}
    for part in re.split(r"^\.SH ", text, flags=re.M)[1:]:
        name, _, body = part.partition("\n")
        sections[name.strip('"')] = body
    commands = re.split(r"^\.SS ", sections["COMMANDS"], flags=re.M)
    sections["COMMANDS"] = commands[0]
    for sub in commands[1:]:
        sections[sub.split()[1]] = sub  # '"docbao export [--format …]"' → export
    return sections


def names(word, text):
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_every_root_option_is_in_options():
    code, text = docbao_help("--help")
    assert code == 0
    options = long_options(text)
    assert "--width" in options and "--help" in options
    section = man_sections()["OPTIONS"]
    assert [o for o in options if not names(o, section)] == []


def test_every_command_has_a_section_naming_its_options():
    _, text = docbao_help("--help")
    commands = [line.split()[0] for line in help_block(text, "SUBCOMMANDS") if re.match(r"  \w", line)]
    assert {"export", "grep", "config"} <= set(commands)
    sections = man_sections()
    assert [c for c in commands + ["help"] if c not in sections] == []
    for command in commands:
        code, text = docbao_help("help", command)
        assert code == 0
        options = long_options(text)
        assert options, text
        # -h/--help is stated once for all commands, at the head of COMMANDS.
        documented = sections["COMMANDS"] + sections[command]
        assert [o for o in options if not names(o, documented)] == [], command


def test_the_key_tables_name_every_action():
    source = ACTIONS.read_text(encoding="utf-8")
    body = re.search(r"enum Action\b.*?\{(.*?)^\}", source, re.S | re.M).group(1)
    actions = [raw or name for name, raw in re.findall(r'case (\w+)(?: = "([^"]+)")?', body)]
    assert "line-down" in actions and "quit" in actions
    # The action is the middle column of the key tables' rows ("j, Down, Enter@line-down@…").
    documented = re.findall(r"^[^@\n]*@([\w-]+)@", man_sections()["KEYS"], re.M)
    assert sorted(documented) == sorted(actions)


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_page_renders_without_warnings():
    r = subprocess.run(["groff", "-k", "-t", "-man", "-Tutf8", "-ww", "-z", str(MANPAGE)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == ""
