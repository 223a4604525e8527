"""Issue 18 item 1: theme = "auto" asks the terminal for its background (OSC 11) and for its device
attributes (DA1), which every terminal answers, last. Here the terminal is a fake one, this test on
the master side of a pty, answering as the terminal it plays: DA1 only (the Linux console, pyte),
OSC 11 dark or light, or nothing at all. DOCBAO_TEST_QUERY_WAIT_MS sets the wait for a terminal
answering neither; set very long, a first screen shows that DA1 ended the wait, not the timeout."""
import fcntl
import os
import pty
import re
import select
import struct
import termios
import time

import pytest

from tmux_harness import BINARY, SHARED

SEED = SHARED / "seed" / "hoi-nghi-ngoai-giao-29.txt"
TITLE = "Thứ trưởng Ngoại giao".encode()
QUESTION = b"\x1b]11;?\x1b\\\x1b[c"
DA1 = b"\x1b[?62;22c"
FOREVER_MS = "600000"   # ten minutes: a first screen within the test's waits did not wait it out
SGR = re.compile(rb"\x1b\[([0-9;]*)m")


class FakeTerminal:
    """docbao SEED on a 100x30 pty; everything it writes kept in `out`."""

    def __init__(self, tmp_path, wait_ms, config=None, args=(str(SEED),)):
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TERM": "xterm-256color", "LANG": "C.UTF-8",
               "DOCBAO_TEST_QUERY_WAIT_MS": wait_ms,
               **{k: os.environ[k] for k in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}}
        if config:
            path = os.path.join(env["XDG_CONFIG_HOME"], "docbao", "config.toml")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(config)
        self.out = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.execve(str(BINARY), [str(BINARY), *args], env)

    def read_until(self, condition, what, timeout=30):
        """Reads output until `condition(self.out)` holds; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not condition(self.out):
            left = deadline - time.monotonic()
            assert left > 0, f"timed out waiting for {what}; got {self.out[-300:]!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                assert data, f"docbao exited waiting for {what}; got {self.out[-300:]!r}"
                self.out += data

    def write(self, data):
        os.write(self.fd, data)

    def wait_exit(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    pass
        raise AssertionError(f"docbao did not exit; got {self.out[-300:]!r}")

    def close(self):
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


@pytest.fixture
def term(tmp_path):
    made = []

    def make(wait_ms, **kw):
        t = FakeTerminal(tmp_path, wait_ms, **kw)
        made.append(t)
        return t

    yield make
    for t in made:
        t.close()


def title_colour(out):
    """The SGR codes in force where the title is first written."""
    codes = []
    for m in SGR.finditer(out[:out.index(TITLE)]):
        codes = [] if m.group(1) in (b"", b"0") else codes + m.group(1).split(b";")
    return set(codes)


def shown(t):
    t.read_until(lambda out: TITLE in out and b"tho\xc3\xa1t" in out, "the first screen")


def test_a_terminal_answering_only_da1_gets_its_first_screen_at_once(term):
    t = term(FOREVER_MS)
    t.read_until(lambda out: QUESTION in out, "the questions")
    assert t.out.endswith(QUESTION) and TITLE not in t.out, "asked before curses starts, nothing drawn yet"
    t.write(DA1)
    shown(t)   # within 30 s, with a ten-minute wait: the DA1 answer ended it
    assert title_colour(t.out) & {b"35"}, "no OSC 11 answer: the palette for both backgrounds"
    t.write(b"q")
    assert t.wait_exit() == 0


@pytest.mark.parametrize("rgb, terminator, colour", [
    (b"rgb:0000/0000/0000", b"\x07", b"36"),        # dark: cyan title
    (b"rgb:ffff/ffff/ffff", b"\x1b\\", b"34"),      # light: blue title
])
def test_an_osc11_answer_chooses_the_theme(term, rgb, terminator, colour):
    t = term(FOREVER_MS)
    t.read_until(lambda out: QUESTION in out, "the questions")
    answer = b"\x1b]11;" + rgb + terminator + DA1
    t.write(answer[:9])          # split across reads, as a slow link delivers it
    t.write(answer[9:])
    shown(t)
    assert colour in title_colour(t.out)
    t.write(b"q")
    assert t.wait_exit() == 0


def test_a_terminal_answering_nothing_falls_back_after_the_wait_and_late_answers_are_not_keys(term):
    t = term("300")
    t.read_until(lambda out: QUESTION in out, "the questions")
    shown(t)   # nobody answered: the wait ran out, COLORFGBG unset, the palette for both
    assert b"35" in title_colour(t.out)
    # The answers arrive now, late and split: the ESC alone first. Taken for keys, ESC [ ? would
    # open the backward search prompt, and the q below would be typed into it instead of quitting.
    t.write(b"\x1b")
    time.sleep(0.1)   # a slow link, not a wait for a condition: past ncurses's ESC delay
    t.write(b"]11;rgb:ffff/ffff/ffff\x1b\\\x1b")
    time.sleep(0.1)
    t.write(b"[?62;22c")
    t.write(b"q")
    assert t.wait_exit() == 0, "q quit: no answer byte was read as a key"


@pytest.mark.parametrize("config", ['[reader]\ntheme = "dark"\n', '[reader]\ntheme = "mono"\n'])
def test_nothing_is_asked_when_the_config_names_a_theme(term, config):
    t = term(FOREVER_MS, config=config)
    shown(t)
    assert b"\x1b]11;" not in t.out and b"\x1b[c" not in t.out
    t.write(b"q")
    assert t.wait_exit() == 0


def test_nothing_is_asked_when_stdout_is_not_a_terminal(tmp_path):
    import subprocess
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": str(tmp_path),
           "DOCBAO_TEST_QUERY_WAIT_MS": FOREVER_MS}
    r = subprocess.run([str(BINARY), str(SEED)], capture_output=True, env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert r.returncode == 0 and TITLE in r.stdout
    assert b"\x1b]11;" not in r.stdout + r.stderr and b"\x1b[c" not in r.stdout + r.stderr
