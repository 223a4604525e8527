import Foundation

/// What one fetch may take: the limits every fetch has, so that no server can hang docbao or fill
/// its memory. `DOCBAO_HTTP_TIMEOUTS` ("connect,stall,total" seconds) and `DOCBAO_HTTP_MAX_BYTES`
/// override them, for tests against a slow server and for users on slow links.
public struct HTTPLimits: Sendable, Equatable {
    /// Until the response's status line and headers: a host that does not answer.
    public var connectTimeout: Double = 15
    /// Longest time with no byte received once the response started: a server that stalls.
    public var stallTimeout: Double = 20
    /// The whole fetch, redirects included: a server that trickles forever.
    public var totalTimeout: Double = 60
    /// The body's size after decompression: an endless response, or a gzip bomb.
    public var maxBytes: Int = 32 << 20
    /// Redirects followed before giving up (a loop is said as soon as a URL comes back).
    public var maxRedirects: Int = 10

    public init() {}

    /// The defaults, with the environment's overrides (values that do not read are ignored).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> HTTPLimits {
        var limits = HTTPLimits()
        if let timeouts = environment["DOCBAO_HTTP_TIMEOUTS"] {
            let values = timeouts.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if values.count == 3, values.allSatisfy({ ($0 ?? 0) > 0 }) {
                limits.connectTimeout = values[0]!
                limits.stallTimeout = values[1]!
                limits.totalTimeout = values[2]!
            }
        }
        if let bytes = environment["DOCBAO_HTTP_MAX_BYTES"].flatMap(Int.init), bytes > 0 { limits.maxBytes = bytes }
        return limits
    }
}

/// A request: the URL and, for `update`, what the last fetch of it said (a conditional request).
public struct HTTPRequest: Sendable, Equatable {
    public var url: URL
    /// The ETag of the copy held: sent as If-None-Match.
    public var etag: String?
    /// The Last-Modified of the copy held: sent as If-Modified-Since.
    public var lastModified: String?

    public init(url: URL, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// A fetched body and what its headers said about it.
public struct HTTPResponse: Sendable, Equatable {
    /// Where the body came from, after redirects.
    public var url: URL
    public var status: Int
    /// The media type, lower case, without parameters ("text/html"), nil when not sent.
    public var mediaType: String?
    /// The Content-Type's charset parameter as sent ("ISO-8859-1"), nil when not sent.
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    /// Decompressed (gzip and deflate are asked for and undone by libcurl).
    public var body: [UInt8]

    public init(url: URL, status: Int, mediaType: String?, charset: String?, etag: String?, lastModified: String?, body: [UInt8]) {
        self.url = url
        self.status = status
        self.mediaType = mediaType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.body = body
    }

    /// `Content-Type: text/html; charset="utf-8"` → ("text/html", "utf-8").
    public static func parseContentType(_ value: String?) -> (mediaType: String?, charset: String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let media = parts.first.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                let raw = pair[1].trimmingCharacters(in: .whitespaces)
                charset = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return (media, charset.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// What a fetch gave: the body, or "not modified" (304) for a conditional request.
public enum HTTPResult: Sendable, Equatable {
    case fetched(HTTPResponse)
    case notModified(URL)
}

/// A fetch that failed: "URL: reason", one line, the reason a phrase ("timed out: no answer in 15 s").
public struct HTTPError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let reason: String
    /// The HTTP status, when the server answered with an error.
    public let status: Int?

    public init(url: String, reason: String, status: Int? = nil) {
        self.url = url
        self.reason = reason
        self.status = status
    }

    public var description: String { "\(url): \(reason)" }
}
