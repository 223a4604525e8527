"""A small HTTP server on 127.0.0.1 for docbao's network tests (never the internet).

Started by the tests (the pytest fixture `web` in conftest.py, and DocBaoNetTests as a
subprocess): it binds a free port and prints "PORT <n>" on its first line of stdout, which the
tests wait for. Each path is one behaviour a client must cope with; see ROUTES.
"""
import gzip
import http.server
import sys
import threading
import time
import zlib

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Bão số 3 đổ bộ</title></head>
<body><article><h1>Bão số 3 đổ bộ miền Bắc</h1>
<p>Chiều nay, bão số 3 đã đổ bộ vào các tỉnh ven biển miền Bắc với sức gió mạnh cấp 12.</p>
<p>Người dân được khuyến cáo không ra khỏi nhà, các trường học cho học sinh nghỉ học.</p>
<p>Cơ quan khí tượng cho biết mưa lớn sẽ kéo dài đến hết ngày mai ở nhiều nơi.</p>
</article></body></html>
"""
# The same page with no <meta charset>: only the header (or the guess) says what it is.
BARE_PAGE = PAGE.replace('<meta charset="utf-8">', "")
TEXT = "Giá vàng tăng mạnh\n\nGiá vàng trong nước hôm nay tăng thêm 500 nghìn đồng mỗi lượng.\n"
JSON = '{"format": "docbao-article", "blocks": [{"kind": "title", "text": "Tin JSON"}, {"kind": "paragraph", "text": "Đoạn văn từ JSON."}]}'
FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin nhanh</title>
<link>/</link>
<item><title>Lũ lớn ở miền Trung</title><link>/tin/1</link><guid>tin-1</guid>
<description>Mưa lớn kéo dài khiến nhiều tỉnh miền Trung ngập sâu, hàng nghìn hộ dân phải sơ tán.</description></item>
<item><title>Giá xăng giảm</title><link>/tin/2</link><guid>tin-2</guid>
<description>Giá xăng trong nước giảm lần thứ ba liên tiếp từ chiều nay theo điều chỉnh của liên bộ.</description></item>
</channel></rss>"""
ETAG = '"v1"'
LAST_MODIFIED = "Sun, 06 Dec 2026 10:00:00 GMT"


# `docbao update`'s news site (routes under /news/): a feed of NEWS["count"] entries, newest
# first, whose ETag and Last-Modified change with it; the test changes the count between two
# updates. Each entry links to its full article page; "not_modified" counts the 304s sent.
NEWS = {"count": 2, "not_modified": 0, "switch": {}, "in_flight": 0, "most_in_flight": 0}
NEWS_LOCK = threading.Lock()
NEWS_TOPICS = ["Giá lúa gạo", "Đường sắt cao tốc", "Mùa mưa bão", "Học phí đại học", "Cà phê Tây Nguyên", "Giá điện"]


def news_title(n):
    return "Bài %d: %s" % (n, NEWS_TOPICS[n % len(NEWS_TOPICS)])


def news_paragraphs(n):
    topic = NEWS_TOPICS[n % len(NEWS_TOPICS)].lower()
    return [
        "Theo số liệu mới công bố sáng nay, chuyện %s đang được người dân cả nước đặc biệt quan tâm trong tuần thứ %d." % (topic, n),
        "Nhiều chuyên gia cho rằng các cơ quan chức năng cần sớm có giải pháp đồng bộ, tránh để tình trạng kéo dài gây thiệt hại.",
        "Tại các địa phương, chính quyền đã tổ chức nhiều cuộc họp để lắng nghe ý kiến của người dân và doanh nghiệp về vấn đề này.",
        "Bộ trưởng cho biết sẽ trình Chính phủ phương án điều chỉnh trong quý tới, sau khi tổng hợp đầy đủ các ý kiến đóng góp.",
    ]


def news_page(n):
    body = "".join("<p>%s</p>" % p for p in news_paragraphs(n))
    return ('<!doctype html><html><head><meta charset="utf-8"><title>%s</title></head><body>'
            '<nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>'
            '<article><h1>%s</h1>%s</article><footer>Bản quyền thuộc về báo thử nghiệm</footer></body></html>'
            % (news_title(n), news_title(n), body))


def news_feed(count, link="/news/a/%d", title="Tin thử nghiệm", content=False, first=1):
    items = []
    for n in range(first + count - 1, first - 1, -1):
        extra = ""
        if content:
            extra = "<content:encoded><![CDATA[%s]]></content:encoded>" % "".join("<p>%s</p>" % p for p in news_paragraphs(n) * 3)
        items.append("<item><title>%s</title><link>%s</link><guid>news-%d</guid>"
                     "<pubDate>Mon, 07 Dec 2026 0%d:00:00 GMT</pubDate><description>%s</description>%s</item>"
                     % (news_title(n), link % n, n, n % 10, news_paragraphs(n)[0][:60] + "…", extra))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><title>%s</title><link>/news/</link>%s</channel></rss>" % (title, "".join(items)))


def to_cp1258(text):
    """Vietnamese in windows-1258: a tone mark is a combining character after its letter."""
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tone = [c for c in parts if c in tones]
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(tone))
    return "".join(out).encode("cp1258")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Requests seen, for tests that check what the client sent (User-Agent, conditional headers).
    seen = []

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        Handler.seen.append({"path": self.path, "headers": dict(self.headers)})
        path = self.path
        # As a proxy: the request line carries the whole URL.
        if path.startswith("http://"):
            return self.send(200, ("<html><body><article><h1>Qua proxy</h1><p>Trang này đến qua proxy cho "
                                   + path + " và được phục vụ bởi máy chủ thử nghiệm.</p></article></body></html>").encode())
        route = path.split("?")[0]
        if route == "/page":
            return self.send(200, PAGE.encode())
        if route == "/text":
            return self.send(200, TEXT.encode(), "text/plain; charset=utf-8")
        if route == "/json":
            return self.send(200, JSON.encode(), "application/json")
        if route == "/feed":
            return self.send(200, FEED.encode(), "application/rss+xml")
        if route == "/feed-as-xml":
            # Many servers send feeds as text/xml: the content says what it is.
            return self.send(200, FEED.encode(), "text/xml")
        if route == "/image":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        if route == "/latin1-header-utf8-body":
            return self.send(200, BARE_PAGE.encode("utf-8"), "text/html; charset=ISO-8859-1")
        if route == "/utf8-header-latin1-body":
            body = BARE_PAGE.replace("Bão số 3", "Café à Paris").encode("latin-1", "replace")
            return self.send(200, body, "text/html; charset=utf-8")
        if route == "/latin1":
            body = BARE_PAGE.replace("Bão số 3", "Café à Paris").encode("latin-1", "replace")
            return self.send(200, body, "text/html; charset=ISO-8859-1")
        if route == "/utf16":
            # No byte order mark, no <meta>: only the header says what the bytes are.
            return self.send(200, BARE_PAGE.encode("utf-16-le"), "text/html; charset=utf-16le")
        if route == "/cp1258":
            # windows-1258 without a tone mark to tell it from windows-1252: only the header says which.
            body = b"<html><body><article><h1>\xd0\xe3k L\xe3k</h1><p>" + b"Mua ca phe o Dak Lak bat dau som. " * 5 + b"</p></article></body></html>"
            return self.send(200, body, "text/html; charset=windows-1258")
        if route == "/gzip":
            return self.send(200, gzip.compress(PAGE.encode()), headers=[("Content-Encoding", "gzip")])
        if route == "/deflate":
            return self.send(200, zlib.compress(PAGE.encode()), headers=[("Content-Encoding", "deflate")])
        if route == "/conditional":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            return self.send(200, PAGE.encode(), headers=[("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)])
        if route == "/redirect":
            return self.send(302, b"", None, [("Location", "/redirect2")])
        if route == "/redirect2":
            return self.send(301, b"", None, [("Location", "/page")])
        if route == "/to-file":
            return self.send(302, b"", None, [("Location", "file:///etc/passwd")])
        if route == "/loop-a":
            return self.send(302, b"", None, [("Location", "/loop-b")])
        if route == "/loop-b":
            return self.send(302, b"", None, [("Location", "/loop-a")])
        if route.startswith("/chain/"):
            n = int(route.split("/")[2])
            return self.send(302, b"", None, [("Location", "/chain/%d" % (n + 1))])
        if route == "/404":
            return self.send(404, b"<html><body>not here</body></html>")
        if route == "/500":
            return self.send(500, b"<html><body>broken</body></html>")
        if route == "/slow":
            time.sleep(float(self.query("delay", "3")))
            return self.send(200, PAGE.encode())
        if route == "/stall":
            # Headers and a first part, then nothing.
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(PAGE.encode()[:200])
            self.wfile.flush()
            time.sleep(float(self.query("delay", "30")))
            return
        if route == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = ("tin tức " * 1000).encode()
            try:
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                return
        if route == "/trickle":
            # A byte every 50 ms, forever: never stalls, never ends.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"1\r\na\r\n")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                return
        if route.startswith("/news/"):
            return self.news(route)
        if route == "/seen":
            import json
            return self.send(200, json.dumps(Handler.seen).encode(), "application/json")
        return self.send(404, b"no such route")

    def news(self, route):
        parts = route.split("/")
        gz = "gzip" in self.headers.get("Accept-Encoding", "")

        def page(body, ctype="text/html; charset=utf-8"):
            if gz:
                return self.send(200, gzip.compress(body), ctype, [("Content-Encoding", "gzip")])
            return self.send(200, body, ctype)

        if route == "/news/feed":
            count = NEWS["count"]
            etag, modified = '"news-%d"' % count, "Mon, 07 Dec 2026 %02d:00:00 GMT" % count
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                NEWS["not_modified"] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            body, headers = news_feed(count).encode(), [("ETag", etag), ("Last-Modified", modified)]
            if gz:
                body, headers = gzip.compress(body), headers + [("Content-Encoding", "gzip")]
            return self.send(200, body, "application/rss+xml", headers)
        if route == "/news/a" or route.startswith("/news/a/"):
            return page(news_page(int(parts[3])).encode())
        if route.startswith("/news/cp1258/"):
            # Vietnamese in windows-1258, said only by the header.
            html = news_page(int(parts[3])).replace('<meta charset="utf-8">', "")
            return self.send(200, to_cp1258(html), "text/html; charset=windows-1258")
        if route.startswith("/news/wrong-charset/"):
            # UTF-8 said to be Latin-1.
            html = news_page(int(parts[3])).replace('<meta charset="utf-8">', "")
            return self.send(200, html.encode(), "text/html; charset=ISO-8859-1")
        if route == "/news/vietnamese-feed":
            # Entries whose pages come in windows-1258 and with a wrong charset header.
            feed = news_feed(2, link="/news/cp1258/%d", title="Tin mã cũ", first=3).replace("/news/cp1258/3", "/news/wrong-charset/3")
            return self.send(200, feed.encode(), "application/rss+xml")
        if route == "/news/full-text-feed":
            # The whole article in content:encoded; the links lead nowhere.
            return self.send(200, news_feed(2, link="/404?%d", title="Tin đầy đủ", content=True, first=5).encode(), "application/rss+xml")
        if route == "/news/dead-links-feed":
            # Only summaries, and the pages are gone: the summaries are what there is.
            return self.send(200, news_feed(2, link="/404?%d", title="Tin cụt", first=7).encode(), "application/rss+xml")
        if route.startswith("/news/switch/"):
            # A feed that breaks when the test says so: NEWS["switch"][name] is what it answers.
            name = parts[3]
            mode = NEWS["switch"].get(name, "feed")
            if mode == "feed":
                return self.send(200, news_feed(1, title="Tin %s" % name, first=40 + sum(map(ord, name)) % 500).encode(), "application/rss+xml")
            if mode == "404":
                return self.send(404, b"<html><body>gone</body></html>")
            if mode == "500":
                return self.send(500, b"<html><body>broken</body></html>")
            if mode == "html":
                return self.send(200, PAGE.encode())
            if mode == "loop":
                return self.send(302, b"", None, [("Location", route)]) if "?" in self.path else \
                    self.send(302, b"", None, [("Location", route + "?again")])
            if mode == "stall":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')
                self.wfile.flush()
                time.sleep(30)
                return
            if mode.startswith("slow"):
                # Requests under way at once are counted: the most seen is the client's bound.
                with NEWS_LOCK:
                    NEWS["in_flight"] += 1
                    NEWS["most_in_flight"] = max(NEWS["most_in_flight"], NEWS["in_flight"])
                time.sleep(float(mode[4:] or "2"))
                with NEWS_LOCK:
                    NEWS["in_flight"] -= 1
                return self.send(200, news_feed(1, title="Tin %s" % name, first=40 + sum(map(ord, name)) % 500).encode(), "application/rss+xml")
            if mode == "endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<item><title>tin</title></item>" * 100
                try:
                    head = b'<?xml version="1.0"?><rss><channel>'
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(head), head))
                    while True:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except (BrokenPipeError, ConnectionResetError):
                    return
        if route == "/news/big":
            # NEWS["big"] entries, each linking to a page of its own.
            n = NEWS.get("big", 100000)
            items = "".join("<item><title>Tin %d</title><link>/news/a/%d</link><guid>big-%d</guid></item>" % (i, i, i)
                            for i in range(n, 0, -1))
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Tin nhiều</title>%s</channel></rss>' % items).encode()
            return self.send(200, gzip.compress(body), "application/rss+xml", [("Content-Encoding", "gzip")])
        if route == "/news/slow-pages-feed":
            # Entries whose pages come only after NEWS["page_delay"] seconds.
            return self.send(200, news_feed(2, link="/news/slow-a/%d", title="Tin chậm", first=30).encode(), "application/rss+xml")
        if route.startswith("/news/slow-a/"):
            time.sleep(NEWS.get("page_delay", 0))
            return page(news_page(int(parts[3])).encode())
        if route == "/news/home":
            # A site's home page naming its feeds in its head (an Atom one first, relative).
            return self.send(200, ('<!doctype html><html><head><title>Báo thử nghiệm</title>'
                                   '<link rel="stylesheet" href="/s.css">'
                                   '<link rel="alternate" type="application/rss+xml" title="Tin mới" href="feed">'
                                   '<link rel="alternate" type="application/atom+xml" href="/news/dead-links-feed">'
                                   '</head><body><p>Trang chủ</p></body></html>').encode())
        if route == "/news/html-page":
            return self.send(200, PAGE.encode())
        if route == "/news/escapes-feed":
            # (Its entry's page is gone: the entry's own title is the article's.)
            feed = news_feed(1, link="/404?e%d", title="Tin \x1b[31mđỏ\x1b]0;pwned\x07").replace(news_title(1), "Tiêu đề \x1b[2J xoá màn hình")
            return self.send(200, feed.encode(), "application/rss+xml")
        if route == "/news/entity-bomb":
            lol = '<!ENTITY lol "lol">' + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10))
            feed = ('<?xml version="1.0"?><!DOCTYPE rss [%s]><rss version="2.0"><channel><title>Bom &lol9;</title>'
                    "<item><title>&lol9;</title><link>/news/a/1</link></item></channel></rss>" % lol)
            return self.send(200, feed.encode(), "application/rss+xml")
        return self.send(404, b"no such news")

    def query(self, name, default):
        for part in self.path.partition("?")[2].split("&"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return default


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up (a cap reached, a timeout) is what the tests cause: not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def start():
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


if __name__ == "__main__":
    server = start()
    print("PORT %d" % server.server_address[1], flush=True)
    # Until the test that started it closes our stdin (or ends).
    sys.stdin.read()
    server.shutdown()
