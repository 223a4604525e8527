import pytest

from tmux_harness import BINARY, Pane


def pytest_configure(config):
    if not BINARY.exists():
        raise pytest.UsageError(f"{BINARY} is not built: run swift build first (scripts/test does)")


@pytest.fixture(autouse=True)
def private_xdg(tmp_path, monkeypatch):
    """Every docbao a test starts (directly or through a pane) keeps its library, state and config
    in the test's own folder: no test reads or changes the user's, and none sees another's."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / ("xdg-" + name.lower())))


@pytest.fixture
def pane():
    panes = []

    def make(width=100, height=30, **kw):
        p = Pane(width, height, **kw)
        panes.append(p)
        return p

    yield make
    for p in panes:
        p.close()
