import CCurlShim
import Foundation

/// Fetches one URL at a time, synchronously, within `HTTPLimits`.
///
/// Built on libcurl's C API, loaded with dlopen when the first fetch happens (`Curl`): docbao
/// neither links libcurl nor its ~35 libraries, so a start that fetches nothing does not load
/// them (BENCHMARKS.md), and no libcurl headers are needed to build. http and https only, TLS
/// certificates verified against the system's store (nothing here can turn that off), every
/// compression libcurl knows asked for and undone, `http_proxy`/`https_proxy`/`no_proxy` read by
/// libcurl.
///
/// Redirects are followed here, one request at a time (capped, a loop said as such), so each
/// address is checked before it is asked for; the body is counted as it comes (an endless answer
/// stops at the cap and nothing of it is kept); three clocks (no answer, a stall, the whole fetch)
/// each end the fetch with their own message (`CurlTransfer`).
public struct HTTPClient: Sendable {
    public var limits: HTTPLimits
    /// "docbao/0.1.0 (+https://…)": the User-Agent every request carries.
    public var userAgent: String

    public init(limits: HTTPLimits = .fromEnvironment(), userAgent: String) {
        self.limits = limits
        self.userAgent = userAgent
    }

    /// The body of `request.url` (2xx), or `.notModified` (304), or the reason it could not be had.
    public func fetch(_ request: HTTPRequest) throws(HTTPError) -> HTTPResult {
        try fetch(request, curlLoaded: Curl.loaded)
    }

    /// `curlLoaded`: whether libcurl could be opened (false only in a test, and where it is missing).
    func fetch(_ request: HTTPRequest, curlLoaded: Bool) throws(HTTPError) -> HTTPResult {
        let url = request.url
        let shown = url.absoluteString
        guard Self.isWeb(url), url.host != nil else {
            throw HTTPError(url: shown, reason: "not an http or https address")
        }
        guard curlLoaded else { throw HTTPError(url: shown, reason: Curl.missing) }
        var headers: [String] = []
        if let etag = request.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = request.lastModified { headers.append("If-Modified-Since: \(lastModified)") }

        let started = CurlTransfer.now()
        var current = url
        var visited = [shown]
        while true {
            let answer: CurlTransfer.Answer
            switch CurlTransfer.run(url: current.absoluteString, headers: headers, userAgent: userAgent,
                                    limits: limits, fetchStarted: started) {
            case .failure(let reason): throw HTTPError(url: shown, reason: reason)
            case .answered(let value): answer = value
            }
            let status = answer.status
            if status == 304 { return .notModified(current) }
            if (300..<400).contains(status) {
                guard let location = answer.location, let next = URL(string: location) else {
                    throw HTTPError(url: shown, reason: "redirect (HTTP \(status)) without a usable Location", status: status)
                }
                let target = next.absoluteString
                guard Self.isWeb(next) else {
                    throw HTTPError(url: shown, reason: "redirected to \(target), not an http or https address")
                }
                guard !visited.contains(target) else { throw HTTPError(url: shown, reason: "redirect loop (back to \(target))") }
                visited.append(target)
                guard visited.count - 1 <= limits.maxRedirects else {
                    throw HTTPError(url: shown, reason: "too many redirects (more than \(limits.maxRedirects))")
                }
                current = next
                continue
            }
            guard (200..<300).contains(status) else {
                let phrase = Self.phrase(status)
                throw HTTPError(url: shown, reason: "HTTP \(status)" + (phrase.isEmpty ? "" : " \(phrase)"), status: status)
            }
            let (media, charset) = HTTPResponse.parseContentType(answer.header("Content-Type"))
            return .fetched(HTTPResponse(url: current, status: status, mediaType: media, charset: charset,
                                         etag: answer.header("ETag"), lastModified: answer.header("Last-Modified"),
                                         body: answer.body))
        }
    }

    static func isWeb(_ url: URL) -> Bool {
        let scheme = url.scheme?.lowercased()
        return scheme == "http" || scheme == "https"
    }

    /// The reason phrase of an error status, as HTTP/1.1 names it (HTTP/2 sends none).
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 418: "I'm a teapot"
        case 421: "Misdirected Request"
        case 422: "Unprocessable Content"
        case 425: "Too Early"
        case 426: "Upgrade Required"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        case 511: "Network Authentication Required"
        default: ""
        }
    }
}

/// libcurl, opened once for the process (curl_global_init included) on the first fetch.
enum Curl {
    /// libcurl4 (OpenSSL), else Debian's libcurl3-gnutls: the same ABI.
    static let loaded: Bool = open(["libcurl.so.4", "libcurl-gnutls.so.4"])
    static let missing = "fetching needs libcurl (libcurl4)"

    /// Whether one of `names` opened with every function docbao calls.
    static func open(_ names: [String]) -> Bool {
        names.contains { dbcurl_open($0) == 0 }
    }
}
