#!/usr/bin/env python3
"""Instructions from exec to the first screen, counted with callgrind (Benchmarks/NOTES.md, "What
start-up is made of"): reproducible where times are not.

    python3 Benchmarks/startup_instructions.py BINARY [ARGS...]     e.g. .build/release/docbao Resources/hoi-nghi-ngoai-giao-29.txt

Copies BINARY with its debug info stripped (valgrind 3.19 cannot read Swift 6.3's DWARF 5), runs it
under callgrind in a 120x40 pty with TERM=xterm-256color, LANG=C.UTF-8 and a fresh HOME and XDG
folders (as Benchmarks/run.py does; set STARTUP_HOME to keep a home, for a library between runs), types
`q` once the output has been quiet for 1.5 s, and prints the instructions from exec to the end of
the first `Terminal.present` (callgrind's --dump-after: the first screen is out; a huge article's
background import starts only after it) and in the whole run. The profiles are kept with --keep
FILE (FILE.1: to the first screen) for callgrind_annotate --inclusive=yes FILE.1 | swift demangle
--simplified."""
import argparse
import glob
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

p = argparse.ArgumentParser()
p.add_argument("--keep", metavar="FILE", help="also keep the callgrind profile here")
p.add_argument("--mangled", action="store_true", help="keep symbol names as they are in the binary (for scripts/link-order)")
p.add_argument("--keys", action="append", default=[], metavar="KEYS",
               help="keys to type once the output is quiet, before q (repeatable: one batch per quiet; \\r is Enter)")
p.add_argument("binary")
p.add_argument("args", nargs=argparse.REMAINDER)
a = p.parse_args()
work = tempfile.mkdtemp(prefix="startup-instructions-")
binary = os.path.join(work, os.path.basename(a.binary))
subprocess.run(["strip", "--strip-debug", "-o", binary, a.binary], check=True)
out = a.keep or os.path.join(work, "callgrind.out")
home = os.environ.get("STARTUP_HOME") or os.path.join(work, "home")
os.makedirs(home, exist_ok=True)
env = {"PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
       **{k: os.path.join(home, v) for k, v in [("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                                                ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")]}}
cmd = ["valgrind", "--tool=callgrind", *(["--demangle=no"] if a.mangled else []), "--callgrind-out-file=" + out, "--dump-after=*Terminal*present*", binary, *a.args]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.execvpe(cmd[0], cmd, env)
got, last, sent = 0, time.time(), False
batches = list(a.keys)
while True:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        if b"\x1b[c" in data:
            os.write(fd, b"\x1b[?62;22c")   # device attributes (after theme = auto's OSC 11): as a terminal does
        got += len(data)
        last = time.time()
    elif not sent and got > 500 and time.time() - last > 1.5:
        keys = batches.pop(0) if batches else "q"
        os.write(fd, keys.replace("\\r", "\r").encode())
        sent = keys == "q"
        last = time.time()
os.waitpid(pid, 0)
summary = lambda path: int(re.search(r"^summary: (\d+)", open(path).read(), re.M).group(1))
first = summary(out + ".1") if os.path.exists(out + ".1") else None
# Every later present dumps again (out.2, out.3…: keys typed, a huge article's import): all count.
dumps = [p for p in glob.glob(out + ".*") if p[len(out) + 1:].isdigit()]
total = summary(out) + sum(summary(p) for p in dumps)
shown = f"{first:,} to the first screen" if first is not None else "no screen drawn"
print(f"{' '.join([os.path.basename(a.binary), *a.args])}: {shown}, {total:,} in the whole run")
if not a.keep:
    shutil.rmtree(work, ignore_errors=True)
