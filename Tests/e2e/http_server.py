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
        if route == "/seen":
            import json
            return self.send(200, json.dumps(Handler.seen).encode(), "application/json")
        return self.send(404, b"no such route")

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
