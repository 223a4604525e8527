"""The man page docs/docbao.1 keeps up with the program: every option of every command, every
command, every key action (the names the config file binds) and every key of the library view is
named in it."""
import re
import shutil
import subprocess

import pytest

from tmux_harness import BINARY, ROOT

MANPAGE = ROOT / "docs" / "docbao.1"
ACTIONS = ROOT / "Sources" / "DocBaoCore" / "Reader" / "Action.swift"
LIBRARY_KEYS = ROOT / "Sources" / "DocBaoCore" / "Keys" / "LibraryKeyMap.swift"
# Commands under a subcommand of the root (library check, under library), so the root's
# SUBCOMMANDS block does not list them: the section's name and how to get their help.
EXTRA_COMMANDS = {"library check": ["library", "check", "--help"], "feed show": ["feed", "show", "--help"],
                  "feed add": ["feed", "add", "--help"], "feed list": ["feed", "list", "--help"],
                  "feed remove": ["feed", "remove", "--help"]}


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
    """The page's text by .SH section and, inside COMMANDS, by .SS subsection ("export",
    "library check", …: the command's words), with roff's escapes for a hyphen, fonts and
    hyphenation taken out. The library view's keys (KEYS, .SS "Library view") are "library view"."""
    text = MANPAGE.read_text(encoding="utf-8")
    text = re.sub(r"\\f[BIRP]|\\[%&]", "", text).replace("\\-", "-")
    sections = {}
    for part in re.split(r"^\.SH ", text, flags=re.M)[1:]:
        name, _, body = part.partition("\n")
        sections[name.strip('"')] = body
    commands = re.split(r"^\.SS ", sections["COMMANDS"], flags=re.M)
    sections["COMMANDS"] = commands[0]
    for sub in commands[1:]:
        # '"docbao export [--format …]"' → export, '"docbao library check [--repair]"' → library check
        words = sub.partition("\n")[0].strip('"').split()[1:]
        sections[" ".join(w for w in words[:next((i for i, w in enumerate(words)
                                                    if not re.fullmatch(r"[a-z]+", w)), len(words))])] = sub
    keys, _, library = sections["KEYS"].partition('.SS "Library view"')
    sections["KEYS"], sections["library view"] = keys, library
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
    assert [c for c in commands + ["help", "library", *EXTRA_COMMANDS] if c not in sections] == []
    for command in commands + list(EXTRA_COMMANDS):
        code, text = docbao_help(*EXTRA_COMMANDS.get(command, ["help", command]))
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


def test_the_library_view_table_names_every_key():
    source = LIBRARY_KEYS.read_text(encoding="utf-8")
    named = {"down": "Down", "up": "Up", "pageDown": "PgDn", "pageUp": "PgUp", "home": "Home",
             "end": "End", "enter": "Enter", "escape": "Esc"}
    bindings = re.findall(r"KeyBinding<LibraryAction>\(\[(.*?)\], \.(\w+)", source)
    assert len(bindings) > 10
    # The key column of the table's rows ("j, Down / k, Up@the next / previous article").
    table = re.search(r"^\.TS\n.*?^\.TE", man_sections()["library view"], re.S | re.M).group(0)
    documented = {k.strip() for row in re.findall(r"^([^@\n]+)@", table, re.M) for k in re.split(r", | / ", row)}
    for keys, action in bindings:
        for key in re.findall(r'\.(?:char\("(.)"\)|ctrl\("(.)"\)|function\((\d+)\)|(\w+))', keys):
            char, ctrl, function, name = key
            name = ("Space" if char == " " else char) if char else f"C-{ctrl}" if ctrl else \
                f"F{function}" if function else named[name]
            assert name in documented, (name, action)


def test_the_library_keys_table_names_every_library_action():
    source = LIBRARY_KEYS.read_text(encoding="utf-8")
    body = re.search(r"enum LibraryAction\b.*?\{(.*?)^\}", source, re.S | re.M).group(1)
    actions = [raw or name for name, raw in re.findall(r'case (\w+)(?: = "([^"]+)")?', body)]
    assert "cycle-sort" in actions and "quit" in actions
    files = man_sections()["FILES"]
    paragraph = files[files.index("[library-keys]"):]
    assert [a for a in actions if not re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", paragraph)] == []


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_page_renders_without_warnings():
    r = subprocess.run(["groff", "-k", "-t", "-man", "-Tutf8", "-ww", "-z", str(MANPAGE)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == ""
