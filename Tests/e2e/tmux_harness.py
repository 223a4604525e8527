"""Drives the built docbao binary in a real terminal (tmux) the way a user meets it.

Each `Pane` is a private tmux server (its own socket) running an interactive shell, so tests can
type a command, read the screen with capture-pane, and check the shell works after docbao exits.
Waiting is always for a condition on the screen (polling with a deadline), never a blind sleep.
"""
import os
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
BINARY = Path(os.environ.get("DOCBAO_BIN", ROOT / ".build" / "debug" / "docbao")).resolve()
DEADLINE = float(os.environ.get("DOCBAO_E2E_TIMEOUT", "15"))


class Pane:
    def __init__(self, width=100, height=30, term="xterm-256color", env=None):
        self.socket = "docbao-e2e-" + uuid.uuid4().hex[:10]
        self.width, self.height = width, height
        base_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
                    "LANG": "C.UTF-8", "TERM": term, "PS1": "$ ", "SWIFT_BACKTRACE": "enable=no"}
        # The shell works in a private folder, so files a test makes there never land in the repo;
        # docbao's library, state and config live there too unless a test names its own, so no
        # test reads or changes the user's.
        self.home = tempfile.mkdtemp(prefix="docbao-e2e-")
        for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
            base_env[name] = os.path.join(self.home, "." + name.lower())
        base_env.update(env or {})
        self.env = base_env
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in base_env.items() if v is not None)
        unset = " ".join(f"-u {k}" for k, v in base_env.items() if v is None)
        shell = f"env -i {unset} {exports} bash --norc --noprofile"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t",
                  "-c", self.home, shell)
        self.tmux("set-option", "-g", "window-size", "manual")
        self.tmux("set-option", "-g", "status", "off")
        self.wait_for("$")

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], check=check, capture_output=True, text=True).stdout

    def close(self):
        # tmux 3.3 leaves its socket file behind after kill-server: remove it too.
        socket = self.tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket.startswith("/") and os.path.basename(socket) == self.socket:
            try:
                os.unlink(socket)
            except FileNotFoundError:
                pass
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- typing ---------------------------------------------------------------------------------
    def run(self, command):
        """Types a shell command; the shell prints EXIT=<status> when it returns."""
        self.type(f"{command}; echo EXIT=$?")
        self.keys("Enter")

    def docbao(self, args="", prefix=""):
        self.run(f"{prefix}{shlex.quote(str(BINARY))} {args}".strip())

    def type(self, text):
        self.tmux("send-keys", "-l", text)

    def keys(self, *names):
        self.tmux("send-keys", *names)

    def resize(self, width, height):
        self.width, self.height = width, height
        self.tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    # -- reading --------------------------------------------------------------------------------
    def screen(self, escapes=False):
        args = ["capture-pane", "-p", "-t", "t"] + (["-e"] if escapes else [])
        return self.tmux(*args)

    def lines(self):
        return self.screen().split("\n")[: self.height]

    def alternate_screen(self):
        return self.tmux("display-message", "-p", "-t", "t", "#{alternate_on}").strip() == "1"

    def terminal_modes(self):
        """Whether the pane shows its cursor and reports the mouse ("1" or "0"), as tmux sees it."""
        out = self.tmux("display-message", "-p", "-t", "t", "#{cursor_flag} #{mouse_any_flag}").split()
        return {"cursor": out[0], "mouse": out[1]}

    def pane_pid(self):
        return int(self.tmux("display-message", "-p", "-t", "t", "#{pane_pid}").strip())

    def docbao_pid(self):
        """The pid of the docbao process the pane's shell started (read from /proc, no pgrep needed)."""
        shell = self.pane_pid()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    argv0 = f.read().split(b"\0")[0].decode(errors="replace")
            except OSError:
                continue
            if int(fields[1]) == shell and argv0.endswith("docbao"):
                return int(entry)
        raise AssertionError("no docbao process under the pane's shell")

    def wait_for(self, predicate, timeout=DEADLINE, what=None):
        """Polls the screen until `predicate` (a string to find, or a function of the screen) holds."""
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        end = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for {what or predicate!r}; screen was:\n{screen}")

    def wait_stable(self, predicate, timeout=DEADLINE):
        """Waits for `predicate`, then for two identical captures in a row (drawing has finished)."""
        screen = self.wait_for(predicate, timeout)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            again = self.screen()
            if again == screen:
                return again
            screen = again
        return screen

    def wait_exit(self, status=0):
        return self.wait_for(f"EXIT={status}", what=f"docbao to exit with status {status}")
