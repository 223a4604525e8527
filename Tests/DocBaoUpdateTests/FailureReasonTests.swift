import Testing
@testable import DocBaoUpdate

/// The newcomer trial: an update's failures were said in English on the library view's status line
/// (the fetch layer's phrases). `FailureReason.vietnamese` says each phrase the fetch layer, the
/// feed's reading and the file layer make in Vietnamese, the technical part kept.
@Suite struct FailureReasonTests {
    @Test func everyPhraseMadeIsSaidInVietnamese() {
        let said: [(String, String)] = [
            ("HTTP 404 Not Found", "không có (HTTP 404 Not Found)"),
            ("HTTP 410", "không có (HTTP 410)"),
            ("HTTP 403 Forbidden", "không được phép xem (HTTP 403 Forbidden)"),
            ("HTTP 429 Too Many Requests", "máy chủ bảo chờ đã, gửi quá nhiều yêu cầu (HTTP 429 Too Many Requests)"),
            ("HTTP 500 Internal Server Error", "máy chủ lỗi (HTTP 500 Internal Server Error)"),
            ("HTTP 418", "máy chủ từ chối (HTTP 418)"),
            ("timed out: no answer in 15 s", "hết giờ: máy chủ không trả lời sau 15 giây"),
            ("timed out: the server stalled (nothing received for 2.5 s)", "hết giờ: máy chủ ngừng gửi (2.5 giây không nhận được gì)"),
            ("timed out: not done in 60 s", "hết giờ: chưa tải xong sau 60 giây"),
            ("too large: more than 32 MB", "quá lớn: hơn 32 MB"),
            ("too large: more than 2000000 bytes", "quá lớn: hơn 2000000 byte"),
            ("redirect loop (back to http://127.0.0.1:8/a)", "chuyển hướng vòng quanh (về lại http://127.0.0.1:8/a)"),
            ("too many redirects (more than 10)", "chuyển hướng quá nhiều lần (hơn 10)"),
            ("redirect (HTTP 301) without a usable Location", "chuyển hướng không kèm địa chỉ dùng được (HTTP 301)"),
            ("redirected to ftp://x/, not an http or https address", "bị chuyển tới ftp://x/, không phải địa chỉ http hay https"),
            ("host not found", "không tìm thấy máy chủ (DNS: host not found)"),
            ("connection refused", "máy chủ từ chối kết nối (connection refused)"),
            ("TLS failed: the certificate could not be verified", "kết nối bảo mật (TLS) thất bại: không xác minh được chứng chỉ"),
            ("TLS failed: the secure connection could not be made", "kết nối bảo mật (TLS) thất bại: không lập được kết nối an toàn"),
            ("bad answer from the server (its compression could not be undone)", "máy chủ trả lời hỏng (its compression could not be undone)"),
            ("an HTML page, not a feed", "một trang web, không phải nguồn tin"),
            ("an HTML page, not a feed (open it as a page: docbao FILE.html)",
             "một trang web, không phải nguồn tin (mở nó như một trang web: docbao TỆP.html)"),
            ("not a feed (no rss, feed or RDF root)", "không phải nguồn tin (no rss, feed or RDF root)"),
            ("an empty answer, not a feed", "trả lời rỗng, không phải nguồn tin"),
            ("no such file", "không có tệp này"),
            ("the feed the page names, http://a/rss: HTTP 404 Not Found", "nguồn tin trang này nêu (http://a/rss): không có (HTTP 404 Not Found)"),
            ("library: database is locked", "thư viện: database is locked"),
            ("libcurl error 99", "lỗi tải (libcurl error 99)"),
        ]
        for (english, vietnamese) in said {
            #expect(FailureReason.vietnamese(english) == vietnamese, "\(english)")
        }
    }

    /// What it does not know is given back whole, never lost; "HTTP" in other words is no status.
    @Test func anUnknownReasonIsKeptAsItIs() {
        for reason in ["Could not resolve proxy: x", "HTTP/2 stream 1 was not closed cleanly", "HTTP 4041", ""] {
            #expect(FailureReason.vietnamese(reason) == reason)
        }
    }
}
