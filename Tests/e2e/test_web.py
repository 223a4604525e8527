"""Articles from the web (issue 17): docbao URL and docbao add URL against a real HTTP server on
127.0.0.1 (http_server.py, the `web` fixture), never the internet. Every failure is one line that
names the URL, exit status 1, and nothing half-added."""
import os
import socket
import sqlite3
import subprocess

from tmux_harness import BINARY

TITLE = "Bão số 3 đổ bộ miền Bắc"
FIRST = "Chiều nay, bão số 3 đã đổ bộ vào các tỉnh ven biển miền Bắc"


def run(*args, env=None, **kw):
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, timeout=60, env=full, **kw)


def dump(url, **kw):
    return run("--dump", "--width", "200", url, **kw)


def test_pages_text_and_json_are_read_by_their_content_type(web):
    page = dump(web + "/page")
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith(TITLE + "\n") and FIRST in page.stdout
    assert "<p>" not in page.stdout
    text = dump(web + "/text")
    assert text.stdout.startswith("Giá vàng tăng mạnh\n"), text.stderr
    assert "Đoạn văn từ JSON." in dump(web + "/json").stdout


def test_redirects_and_compression_are_followed(web):
    for path in ("/redirect", "/gzip", "/deflate"):
        out = dump(web + path)
        assert out.returncode == 0 and FIRST in out.stdout, (path, out.stderr)


def test_the_header_charset_is_handed_to_the_page_reader(web):
    # UTF-16 with neither byte order mark nor <meta>: only the header says so.
    assert FIRST in dump(web + "/utf16").stdout
    assert dump(web + "/cp1258").stdout.startswith("Đăk Lăk\n")
    # Wrong headers: Latin-1 over UTF-8, UTF-8 over Latin-1: the bytes are read as what they are.
    assert FIRST in dump(web + "/latin1-header-utf8-body").stdout
    assert "Café à Paris" in dump(web + "/utf8-header-latin1-body").stdout
    assert "Café à Paris" in dump(web + "/latin1").stdout


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_failures_are_one_line_naming_the_url(web):
    port = closed_port()
    cases = {
        web + "/404": "HTTP 404 Not Found",
        web + "/500": "HTTP 500 Internal Server Error",
        web + "/loop-a": "redirect loop (back to %s/loop-a)" % web,
        web + "/image": "not an article (image/png)",
        "http://127.0.0.1:%d/" % port: "connection refused",
    }
    for url, reason in cases.items():
        out = dump(url)
        assert out.returncode == 1, url
        assert out.stdout == ""
        assert out.stderr == "docbao: %s: %s\n" % (url, reason)


def test_limits_stop_an_endless_answer_a_stall_and_a_slow_server(web):
    endless = dump(web + "/endless", env={"DOCBAO_HTTP_MAX_BYTES": "200000"})
    assert (endless.returncode, endless.stderr) == (1, "docbao: %s/endless: too large: more than 200000 bytes\n" % web)
    stall = dump(web + "/stall?delay=20", env={"DOCBAO_HTTP_TIMEOUTS": "5,0.5,10"})
    assert stall.stderr == "docbao: %s/stall?delay=20: timed out: the server stalled (nothing received for 0.5 s)\n" % web
    slow = dump(web + "/slow?delay=20", env={"DOCBAO_HTTP_TIMEOUTS": "0.5,5,10"})
    assert slow.stderr == "docbao: %s/slow?delay=20: timed out: no answer in 0.5 s\n" % web
    # A slow answer within the limits is read.
    assert FIRST in dump(web + "/slow?delay=0.3", env={"DOCBAO_HTTP_TIMEOUTS": "5,5,10"}).stdout


def test_requests_name_docbao_and_its_version(web):
    assert dump(web + "/page").returncode == 0
    import http_server

    agents = [r["headers"].get("User-Agent", "") for r in http_server.Handler.seen if r["path"] == "/page"]
    version = run("--version").stdout.strip()
    assert agents and agents[-1].startswith("docbao/" + version)


def test_http_proxy_and_no_proxy_are_honoured(web):
    # The loopback server answers as a proxy: a name that does not resolve comes back through it.
    proxied = dump("http://bao.invalid/tin", env={"http_proxy": web, "no_proxy": ""})
    assert proxied.returncode == 0, proxied.stderr
    assert "Trang này đến qua proxy cho http://bao.invalid/tin" in proxied.stdout
    # no_proxy takes 127.0.0.1 past a proxy that is not there.
    direct = dump(web + "/page", env={"http_proxy": "http://127.0.0.1:%d" % closed_port(), "no_proxy": "127.0.0.1"})
    assert direct.returncode == 0 and FIRST in direct.stdout, direct.stderr


def articles(lib):
    with sqlite3.connect(lib) as db:
        return list(db.execute("select title, url, path from article order by id"))


def test_add_urls_keeps_the_address_and_skips_failures(web, tmp_path):
    lib = tmp_path / "lib.sqlite"
    out = run("add", "--library", lib, web + "/page", web + "/404", web + "/redirect", web + "/text")
    assert out.returncode == 1
    assert out.stdout == "2 added, 1 already there, 1 skipped: HTTP 404 Not Found\n"
    assert out.stderr == "docbao add: %s/404: HTTP 404 Not Found\n" % web
    assert articles(lib) == [(TITLE, web + "/page", web + "/page"),
                             ("Giá vàng tăng mạnh", web + "/text", web + "/text")]
    again = run("add", "--library", lib, web + "/page")
    assert (again.returncode, again.stdout) == (0, "0 added, 1 already there\n")


def test_a_failed_fetch_adds_nothing(web, tmp_path):
    lib = tmp_path / "lib.sqlite"
    out = run("add", "--library", lib, web + "/endless", env={"DOCBAO_HTTP_MAX_BYTES": "100000"})
    assert out.returncode == 1
    assert out.stderr == "docbao add: %s/endless: too large: more than 100000 bytes\n" % web
    assert articles(lib) == []


def test_the_reader_opens_a_url_with_a_message_while_fetching(web, pane):
    p = pane(100, 30, env={"no_proxy": "127.0.0.1", "DOCBAO_HTTP_TIMEOUTS": "10,10,20"})
    # A slow page: the message is on the terminal while it comes, then the article.
    p.docbao(web + "/slow?delay=1.5")
    p.wait_for(lambda s: "docbao: fetching " + web + "/slow?delay=1.5…" in s, what="the fetching message")
    p.wait_for(lambda s: TITLE in s and "Chiều nay, bão số 3" in s, what="the article")
    assert "fetching" not in p.screen()
    p.keys("q")
    p.wait_exit(0)


def test_the_reader_says_a_failure_and_exits_1(web, pane):
    p = pane(100, 10, env={"no_proxy": "127.0.0.1"})
    p.docbao(web + "/404")
    p.wait_for(lambda s: "docbao: %s/404: HTTP 404 Not Found" % web in s)
    p.wait_exit(1)


def test_add_a_feed_url_adds_its_entries_with_their_links(web, tmp_path):
    lib = tmp_path / "lib.sqlite"
    out = run("add", "--library", lib, web + "/feed")
    assert (out.returncode, out.stdout) == (0, "2 added, 0 already there\n"), out.stderr
    rows = articles(lib)
    assert [r[0] for r in rows] == ["Lũ lớn ở miền Trung", "Giá xăng giảm"]
    # Relative links resolve against the feed's address.
    assert [r[1] for r in rows] == [web + "/tin/1", web + "/tin/2"]
    again = run("add", "--library", lib, web + "/feed-as-xml")
    assert (again.returncode, again.stdout) == (0, "0 added, 2 already there\n"), again.stderr


def test_the_reader_opens_a_feed_url_as_a_temporary_library(web, pane, tmp_path):
    p = pane(100, 20, env={"no_proxy": "127.0.0.1"})
    p.docbao(web + "/feed-as-xml")
    p.wait_for(lambda s: "Lũ lớn ở miền Trung" in s and "Giá xăng giảm" in s, what="the feed's entries")
    p.keys("Enter")
    p.wait_for(lambda s: "Mưa lớn kéo dài khiến nhiều tỉnh" in s, what="the first entry")
    p.keys("q")
    p.keys("q")
    p.wait_exit(0)
    # --dump says a feed is not one article.
    out = dump(web + "/feed")
    assert (out.returncode, out.stderr) == (1, "docbao: %s/feed: a feed (application/rss+xml), not an article page\n" % web)


def test_tls_certificates_are_verified(tmp_path, monkeypatch):
    """An https server on 127.0.0.1 with a self-signed certificate: refused, said in one line."""
    import shutil
    import ssl
    import threading

    import http_server
    import pytest

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test's certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    server = http_server.Server(("127.0.0.1", 0), http_server.Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = "https://127.0.0.1:%d/page" % server.server_address[1]
        out = dump(url, env={"no_proxy": "127.0.0.1", "https_proxy": ""})
        assert out.returncode == 1 and out.stdout == ""
        assert out.stderr.startswith("docbao: %s: " % url) and "certificate" in out.stderr
        assert out.stderr.count("\n") == 1
    finally:
        server.shutdown()
        server.server_close()


def test_https_with_the_authority_named_by_ssl_cert_file_or_curl_ca_bundle(tmp_path, web):
    """A certificate for 127.0.0.1 from an authority the system does not trust: refused, unless
    SSL_CERT_FILE or CURL_CA_BUNDLE names it (as for the curl tool); then pages and feeds come over
    https, and a subscription updates."""
    import shutil
    import ssl
    import threading

    import http_server
    import pytest

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test's certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server = http_server.Server(("127.0.0.1", 0), http_server.Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = "https://127.0.0.1:%d" % server.server_address[1]
        refused = dump(base + "/page")
        assert refused.returncode == 1 and "certificate" in refused.stderr
        # (CURL_CA_BUNDLE, when set, comes first, as for curl: empty, it is not.)
        for env in ({"SSL_CERT_FILE": str(cert), "CURL_CA_BUNDLE": ""}, {"CURL_CA_BUNDLE": str(cert)}):
            out = dump(base + "/page", env=env)
            assert out.returncode == 0 and out.stdout.startswith(TITLE + "\n"), out.stderr
        lib = tmp_path / "lib.sqlite"
        env = {"CURL_CA_BUNDLE": str(cert)}
        assert run("feed", "add", base + "/news/feed", "--library", lib, env=env).returncode == 0
        update = run("update", "--library", lib, env=env)
        assert update.returncode == 0 and update.stdout.endswith("1 feed updated, 2 new articles\n"), update.stderr
    finally:
        server.shutdown()
        server.server_close()


def test_feed_show_reads_a_feed_url(web):
    out = run("feed", "show", web + "/feed-as-xml")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "Tin nhanh\n-\tLũ lớn ở miền Trung\t%s/tin/1\n-\tGiá xăng giảm\t%s/tin/2\n" % (web, web)
    page = run("feed", "show", web + "/page")
    assert page.returncode == 1
    assert page.stderr.startswith("docbao feed show: %s/page: " % web) and "not a feed" in page.stderr


def test_libcurl_is_loaded_only_when_fetching(web):
    """Start-up loads no libcurl (and none of its ~35 libraries): a fetch opens it (BENCHMARKS.md)."""
    start = run("--version", env={"LD_DEBUG": "files"})
    assert start.returncode == 0
    assert "libcurl" not in start.stderr
    fetched = dump(web + "/page", env={"LD_DEBUG": "files"})
    assert fetched.returncode == 0 and FIRST in fetched.stdout
    assert any("libcurl" in line and "dynamically loaded" in line for line in fetched.stderr.splitlines())
