"""`docbao library check --repair` interrupted: killed (kill -9), or stopped by SIGTERM, SIGHUP or
SIGINT at several moments, on a damaged library of 2,000 articles. At every moment the library
is the damaged file or the whole repair; a stopped repair says so and leaves nothing behind; a
killed one's leftover is removed (and said) by the next."""
import os
import shutil
import signal
import subprocess
import time

import pytest

from test_library_cli import count, docbao, make_articles
from tmux_harness import BINARY, DEADLINE


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """A 2,000-article library with three pages in its middle overwritten, and what a repair
    left alone makes of it (its article count)."""
    folder = tmp_path_factory.mktemp("damaged")
    make_articles(folder / "articles", 2000)
    lib = folder / "lib.sqlite"
    added = docbao("add", folder / "articles", library=lib)
    assert added.stdout.strip() == "2000 added, 0 already there", added.stderr
    data = bytearray(lib.read_bytes())
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
