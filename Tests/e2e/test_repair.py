"""`docbao library check --repair` interrupted: killed (kill -9), or stopped by SIGTERM, SIGHUP or
SIGINT at several moments, on a damaged library of 2,000 articles. At every moment the library
is the damaged file or the whole repair; a stopped repair says so and leaves nothing behind; a
killed one's leftover is removed (and said) by the next."""
import os
import random
import re
import shutil
import signal
import subprocess
import time

import pytest

from test_library_cli import count, docbao, make_articles
from tmux_harness import BINARY, DEADLINE


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    """The bytes of a sound library of 2,000 small articles."""
    folder = tmp_path_factory.mktemp("sound")
    make_articles(folder / "articles", 2000)
    lib = folder / "lib.sqlite"
    added = docbao("add", folder / "articles", library=lib)
    assert added.stdout.strip() == "2000 added, 0 already there", added.stderr
    assert not (folder / "lib.sqlite-wal").exists()
    return lib.read_bytes()


@pytest.fixture(scope="module")
def damaged(tmp_path_factory, sound):
    """A 2,000-article library with three pages in its middle overwritten, and what a repair
    left alone makes of it (its article count)."""
    folder = tmp_path_factory.mktemp("damaged")
    lib = folder / "lib.sqlite"
    data = bytearray(sound)
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 3 * 4096] = b"\xa5" * (3 * 4096)
    lib.write_bytes(bytes(data))
    reference = folder / "reference" / "lib.sqlite"
    reference.parent.mkdir()
    shutil.copy(lib, reference)
    whole = docbao("library", "check", "--repair", library=reference)
    assert whole.returncode == 1 and "articles could not be saved" in whole.stdout, whole.stdout + whole.stderr
    repaired = count(reference)
    assert 1900 < repaired < 2000
    final_size = reference.stat().st_size
    return bytes(data), repaired, final_size


def wait_until(condition, proc, what):
    end = time.monotonic() + DEADLINE * 4
    while time.monotonic() < end:
        if condition() or proc.poll() is not None:
            return
        time.sleep(0.002)
    raise AssertionError(f"timed out waiting for {what}")


def size(path):
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def assert_damaged_original_or_whole_repair(lib, original, repaired):
    if lib.read_bytes() == original:
        check = docbao("library", "check", library=lib)
        assert check.returncode == 1 and "damaged" in check.stdout
        return "original"
    check = docbao("library", "check", library=lib)
    assert check.returncode == 0 and check.stdout.strip().endswith("ok"), check.stdout
    assert count(lib) == repaired, "a partial repair took the library's place"
    return "repaired"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=["kill-9", "SIGTERM", "SIGHUP", "SIGINT"])
@pytest.mark.parametrize("moment", [0.0, 0.3, 0.85], ids=["started", "30%", "85%"])
def test_an_interrupted_repair_leaves_the_damaged_library_or_the_whole_repair(tmp_path, damaged, sig, moment):
    original, repaired, final_size = damaged
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(original)
    temp = tmp_path / "lib.sqlite.repairing"
    proc = subprocess.Popen([str(BINARY), "library", "check", "--repair", "--library", str(lib)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The new library's file appears, then grows as articles are copied into it.
    wait_until(lambda: size(temp) >= moment * final_size, proc, f"{temp.name} at {moment:.0%} of its size")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=DEADLINE * 4)
    state = assert_damaged_original_or_whole_repair(lib, original, repaired)
    if state == "original":
        # Nothing of the repair took the library's place; the original was not set aside.
        assert not [p for p in tmp_path.iterdir() if ".broken-" in p.name]
        if sig == signal.SIGKILL:
            assert proc.returncode == -signal.SIGKILL
        else:
            # Stopped cleanly: said, with 128+N, and the new library's files removed.
            assert proc.returncode == 128 + sig, (proc.returncode, out, err)
            assert "repair interrupted: nothing was changed" in err
            assert not [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite.repairing")]
    # A later repair is not confused by what a killed one left: it removes it, says so, and
    # makes the whole repair.
    leftover = temp.exists()
    if leftover:
        assert "unfinished repair" in docbao("library", "check", library=lib).stdout
    again = docbao("library", "check", "--repair", library=lib)
    if state == "original":
        assert again.returncode == 1 and "articles could not be saved" in again.stdout, again.stdout + again.stderr
        assert (f"removed {temp}: an unfinished repair" in again.stdout) == leftover
    else:
        assert again.returncode == 0 and "nothing to repair" in again.stdout
    assert count(lib) == repaired
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite.repairing")]
    aside = [p for p in tmp_path.iterdir() if ".broken-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == original


def saved_and_lost(out):
    saved = re.search(r"new library at .*: (\d+) articles", out)
    lost = re.search(r"^(\d+) articles could not be saved", out, re.M)
    return int(saved.group(1)), int(lost.group(1)) if lost else 0


@pytest.mark.parametrize("damage", ["first 100 bytes", "bytes 100-4095", "cut to 60%", "last 10%"])
def test_repair_saves_what_the_pages_hold_and_counts_what_it_could_not(tmp_path, sound, damage):
    data = bytearray(sound)
    noise = random.Random(15)
    if damage == "first 100 bytes":
        data[:100] = noise.randbytes(100)
    elif damage == "bytes 100-4095":
        data[100:4096] = noise.randbytes(3996)
    elif damage == "cut to 60%":
        data = data[: len(data) * 6 // 10]
    else:
        start = len(data) * 9 // 10
        data[start:] = noise.randbytes(len(data) - start)
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(bytes(data))
    r = docbao("library", "check", "--repair", library=lib)
    saved, lost = saved_and_lost(r.stdout)
    assert count(lib) == saved
    assert docbao("library", "check", library=lib).stdout.strip().endswith("ok")
    if damage in ("first 100 bytes", "bytes 100-4095"):
        # Every article's text is still in the file: every article is saved.
        assert (r.returncode, saved, lost) == (0, 2000, 0), r.stdout + r.stderr
    elif damage == "cut to 60%":
        assert r.returncode == 1 and saved > 1200 and lost > 0, r.stdout
        assert "pages could not be read" in r.stdout
    else:
        # The last tenth gone: each article not saved is counted. (Since schema 2 the texts are a
        # small part of the file: the tenth may hold only the full-text index, which is rebuilt.)
        assert saved > 1800 and saved + lost == 2000 and r.returncode == (1 if lost else 0), r.stdout
