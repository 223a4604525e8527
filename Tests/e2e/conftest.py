import pytest

from tmux_harness import BINARY, Pane


def pytest_configure(config):
    if not BINARY.exists():
        raise pytest.UsageError(f"{BINARY} is not built: run swift build first (scripts/test does)")


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
