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


@pytest.fixture
def web(monkeypatch):
    """Tests/e2e/http_server.py on 127.0.0.1 (a free port): its base URL. Never the internet; a
    proxy in the environment is told to leave loopback alone."""
    import http_server

    for name in ("http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = http_server.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()
