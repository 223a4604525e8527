"""The library file in awkward states: empty (a first `add` killed at once), read-only, and a
reading position that cannot be saved (a full disk)."""
import contextlib
import os
import subprocess
import tempfile

import pytest

from test_library_cli import SEED, docbao
from test_reader import TITLE, open_reader, pane_column


def test_an_empty_library_file_is_a_new_library_for_every_command(tmp_path):
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"")
    check = docbao("library", "check", library=lib)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "empty" in check.stdout and "did not make" not in check.stdout
    repair = docbao("library", "check", "--repair", library=lib)
    assert repair.returncode == 0 and "did not make" not in repair.stdout + repair.stderr
    assert not [p for p in tmp_path.iterdir() if ".broken-" in p.name], "nothing set aside"
    listing = docbao("list", library=lib)
    assert listing.returncode == 0 and listing.stdout == ""
    assert docbao("add", SEED, library=lib).stdout.strip() == "1 added, 0 already there"
    assert docbao("library", "check", library=lib).stdout.strip().endswith("ok")


@contextlib.contextmanager
def immutable(path):
    """The file made unwritable even for root (chattr +i), as a 0444 file is for its user."""
    os.chmod(path, 0o444)
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available here: root would write the 0444 file anyway")
    try:
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        os.chmod(path, 0o644)


def test_a_read_only_library_is_listed_and_searched_and_add_says_why_not(tmp_path):
    lib = tmp_path / "lib.sqlite"
    assert docbao("add", SEED, library=lib).returncode == 0
    before = lib.read_bytes()
    with immutable(lib):
        listing = docbao("list", library=lib)
        assert listing.returncode == 0, listing.stderr
        assert TITLE in listing.stdout
        found = docbao("search", "dau tranh", library=lib)
        assert found.returncode == 0 and "đấu tranh" in found.stdout.lower(), found.stderr
        added = docbao("add", SEED.parent, library=lib)
        assert added.returncode != 0
        assert "read-only" in added.stderr and "readonly database" not in added.stderr
        assert "Fatal error" not in added.stderr
        assert docbao("library", "check", library=lib).stdout.strip().endswith("ok")
    assert lib.read_bytes() == before


def test_the_reader_on_a_read_only_library_says_the_position_is_not_saved(pane, tmp_path):
    data = tmp_path / "data"
    lib = data / "docbao" / "library.sqlite"
    p = pane(100, 30, env={"XDG_DATA_HOME": str(data)})
    open_reader(p)  # the first run adds the bundled article
    p.keys("q")
    p.wait_exit(0)
    with immutable(lib):
        open_reader(p)
        p.keys("d", "d")
        p.wait_for(lambda s: not pane_column(p)[0].startswith(TITLE))
        p.wait_for("Không lưu được vị trí đọc", what="the failed save on the status line")
        assert "thư viện chỉ đọc được" in p.lines()[p.height - 1]
        p.keys("q")
        p.wait_exit(0)
        screen = p.wait_for("could not be saved", what="the failed save said on stderr")
        assert "docbao: the reading position could not be saved" in screen


def test_a_position_that_cannot_be_saved_on_a_full_disk_is_said(pane):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tempfile.mkdtemp(prefix="docbao-full-")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk], capture_output=True).returncode != 0:
        os.rmdir(disk)
        pytest.skip("cannot mount a tmpfs here")
    try:
        p = pane(100, 30, env={"XDG_DATA_HOME": disk})
        open_reader(p)
        # The disk fills up under the running reader.
        subprocess.run(["dd", "if=/dev/zero", f"of={disk}/filler", "bs=64k"], capture_output=True)
        p.keys("d", "d", "d")
        p.wait_for(lambda s: not pane_column(p)[0].startswith(TITLE))
        # No key after the scroll: the save every few seconds fails while the reader is idle.
        p.wait_for("Không lưu được vị trí đọc", what="the failed save on the status line")
        p.keys("q")
        p.wait_exit(0)
        assert "docbao: the reading position could not be saved" in p.screen()
    finally:
        subprocess.run(["umount", "-l", disk], capture_output=True)
        os.rmdir(disk)
