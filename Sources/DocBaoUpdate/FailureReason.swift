import Foundation

/// Why a feed could not be had, said in Vietnamese for the library view's status line and for
/// `docbao update`: the fetch layer (`DocBaoNet`), the feed's reading (`FeedSource`, `FeedFiles`)
/// and the file layer make their reasons as English phrases, which `feed list` keeps; this is the
/// one place they are said in Vietnamese. The technical part a user may need (the HTTP status and
/// its phrase, the seconds waited, the address a redirect went to, libcurl's own words) is kept in
/// parentheses. A reason it does not know is given back as it is, never lost.
public enum FailureReason {
    public static func vietnamese(_ reason: String) -> String {
        let r = reason.trimmingCharacters(in: .whitespaces)
        if let status = httpStatus(r) { return statusWords(status) + " (\(r))" }
        if let rest = r.after("the feed the page names, ") {
            // "the feed the page names, URL: reason"
            guard let colon = rest.range(of: ": ") else { return "nguồn tin trang này nêu, \(rest)" }
            return "nguồn tin trang này nêu (\(rest[..<colon.lowerBound])): " + vietnamese(String(rest[colon.upperBound...]))
        }
        if let rest = r.after("library: ") { return "thư viện: \(rest)" }
        if let rest = r.after("timed out: ") { return "hết giờ: " + timeout(rest) }
        if let rest = r.after("too large: more than ") {
            return "quá lớn: hơn " + (rest.hasSuffix(" bytes") ? rest.dropLast(1) : rest[...])
        }
        if let rest = r.after("redirect loop (back to ") { return "chuyển hướng vòng quanh (về lại \(rest)" }
        if let rest = r.after("too many redirects (more than ") { return "chuyển hướng quá nhiều lần (hơn \(rest)" }
        if let rest = r.after("redirected to "), rest.hasSuffix(", not an http or https address") {
            return "bị chuyển tới \(rest.dropLast(", not an http or https address".count)), không phải địa chỉ http hay https"
        }
        if let rest = r.after("redirect ("), rest.hasSuffix(" without a usable Location") {
            return "chuyển hướng không kèm địa chỉ dùng được (\(rest.dropLast(" without a usable Location".count))"
        }
        if let rest = r.after("not a feed (") { return "không phải nguồn tin (\(rest)" }
        if let rest = r.after("an HTML page, not a feed") {
            // FeedFiles' hint for a file: "(open it as a page: docbao FILE.html)".
            let hint = rest.contains("open it as a page") ? " (mở nó như một trang web: docbao TỆP.html)" : ""
            return "một trang web, không phải nguồn tin" + hint
        }
        if let rest = r.after("cannot be read (") { return "không đọc được (\(rest)" }
        if let rest = r.after("TLS failed: ") { return "kết nối bảo mật (TLS) thất bại: " + (tls[rest] ?? rest) }
        if let rest = r.after("bad answer from the server (") { return "máy chủ trả lời hỏng (\(rest)" }
        if let words = phrases[r] { return words }
        if r.hasPrefix("libcurl error ") { return "lỗi tải (\(r))" }
        return r
    }

    /// Whole reasons said as they are made.
    static let phrases: [String: String] = [
        "host not found": "không tìm thấy máy chủ (DNS: host not found)",
        "proxy not found": "không tìm thấy proxy (DNS)",
        "connection refused": "máy chủ từ chối kết nối (connection refused)",
        "connection closed before the end": "kết nối bị đóng giữa chừng",
        "bad answer from the server": "máy chủ trả lời hỏng",
        "not an http or https address": "không phải địa chỉ http hay https",
        "not a web address or a file": "không phải địa chỉ web hay tệp",
        "HTTP 304 to a request that was not conditional": "máy chủ trả lời 304 cho một yêu cầu không có điều kiện",
        "an HTML page that names no feed": "một trang web không nêu nguồn tin nào",
        "an empty answer, not a feed": "trả lời rỗng, không phải nguồn tin",
        "empty: not a feed": "tệp rỗng, không phải nguồn tin",
        "no such file": "không có tệp này",
        "is a directory, not an article": "là thư mục, không phải tệp",
        "fetching needs libcurl (libcurl4)": "tải từ web cần libcurl (libcurl4)",
        "not updated": "chưa cập nhật được",
        "not read": "không đọc được",
    ]

    static let tls: [String: String] = [
        "the secure connection could not be made": "không lập được kết nối an toàn",
        "the certificate could not be verified": "không xác minh được chứng chỉ",
        "the system's certificates could not be read": "không đọc được chứng chỉ của hệ thống",
    ]

    /// "no answer in 15 s", "the server stalled (nothing received for 20 s)", "not done in 60 s".
    static func timeout(_ rest: String) -> String {
        if let s = rest.after("no answer in ") { return "máy chủ không trả lời sau \(seconds(s))" }
        if let s = rest.after("the server stalled (nothing received for "), s.hasSuffix(")") {
            return "máy chủ ngừng gửi (\(seconds(String(s.dropLast()))) không nhận được gì)"
        }
        if let s = rest.after("not done in ") { return "chưa tải xong sau \(seconds(s))" }
        return rest
    }

    /// "15 s" → "15 giây".
    static func seconds(_ s: String) -> String { s.hasSuffix(" s") ? s.dropLast(2) + " giây" : s }

    /// The status of "HTTP 404 Not Found", "HTTP 500".
    static func httpStatus(_ r: String) -> Int? {
        guard let rest = r.after("HTTP ") else { return nil }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 3, rest.count == 3 || rest.dropFirst(3).hasPrefix(" ") else { return nil }
        return Int(digits)
    }

    static func statusWords(_ status: Int) -> String {
        switch status {
        case 404, 410: return "không có"
        case 401, 403, 451: return "không được phép xem"
        case 429: return "máy chủ bảo chờ đã, gửi quá nhiều yêu cầu"
        case 500...599: return "máy chủ lỗi"
        default: return "máy chủ từ chối"
        }
    }
}

extension String {
    /// The rest after `prefix`, nil when the string does not start with it.
    fileprivate func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
