import CCurlShim
import Foundation

/// One request with libcurl (no redirect followed): the status, headers and body, or why not.
///
/// libcurl calls back on the fetching thread, inside curl_easy_perform, so the state needs no
/// lock; each fetch has its own easy handle (libcurl's rule for use from many threads), and
/// NOSIGNAL keeps its timeouts off the process's signals.
final class CurlTransfer {
    struct Answer {
        var status: Int
        /// The last response's headers (a proxy's or a 100's before it are dropped), as sent.
        var headers: [(name: String, value: String)]
        /// Location resolved against the request's URL, by libcurl.
        var location: String?
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    enum Outcome {
        case answered(Answer)
        case failure(String)
    }

    private let limits: HTTPLimits
    private let fetchStarted: Double
    private let started = CurlTransfer.now()
    /// When the last byte came (a header line or a piece of the body); nil until the answer starts.
    private var lastByte: Double?
    private var headers: [(name: String, value: String)] = []
    private var body: [UInt8] = []
    /// Set when docbao ends the fetch itself: the reason wins over libcurl's "aborted".
    private var stopReason: String?

    private init(limits: HTTPLimits, fetchStarted: Double) {
        self.limits = limits
        self.fetchStarted = fetchStarted
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func run(url: String, headers: [String], userAgent: String, limits: HTTPLimits, fetchStarted: Double) -> Outcome {
        let remaining = limits.totalTimeout - (now() - fetchStarted)
        guard remaining > 0 else { return .failure("timed out: not done in \(seconds(limits.totalTimeout))") }
        guard let handle = dbcurl_easy_init() else { return .failure("libcurl could not start a transfer") }
        defer { dbcurl_easy_cleanup(handle) }
        var list: UnsafeMutableRawPointer?
        for line in headers { list = dbcurl_slist_append(list, line) }
        defer { if let list { dbcurl_slist_free_all(list) } }

        let transfer = CurlTransfer(limits: limits, fetchStarted: fetchStarted)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        return withExtendedLifetime(transfer) {
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_URL), url)
            // http and https only, asked for by name (7.85+) or, on older libcurl, by bits.
            if dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_PROTOCOLS_STR), "http,https") != 0 {
                dbcurl_setopt_long(handle, Int32(DBCURLOPT_PROTOCOLS), Int(DBCURLPROTO_HTTP | DBCURLPROTO_HTTPS))
            }
            dbcurl_setopt_long(handle, Int32(DBCURLOPT_FOLLOWLOCATION), 0)
            dbcurl_setopt_long(handle, Int32(DBCURLOPT_NOSIGNAL), 1)
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_USERAGENT), userAgent)
            if let list { dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_HTTPHEADER), list) }
            // "": every encoding this libcurl can undo.
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_ACCEPT_ENCODING), "")
            dbcurl_setopt_long(handle, Int32(DBCURLOPT_CONNECTTIMEOUT_MS), milliseconds(limits.connectTimeout))
            dbcurl_setopt_long(handle, Int32(DBCURLOPT_TIMEOUT_MS), milliseconds(remaining))
            dbcurl_setopt_data_callback(handle, Int32(DBCURLOPT_WRITEFUNCTION), writeBody)
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_WRITEDATA), context)
            dbcurl_setopt_data_callback(handle, Int32(DBCURLOPT_HEADERFUNCTION), writeHeader)
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_HEADERDATA), context)
            dbcurl_setopt_xferinfo_callback(handle, watchClocks)
            dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_XFERINFODATA), context)
            dbcurl_setopt_long(handle, Int32(DBCURLOPT_NOPROGRESS), 0)
            // Certificates are always verified; only the authorities trusted may be another file's.
            if let caFile = Self.caFile { dbcurl_setopt_pointer(handle, Int32(DBCURLOPT_CAINFO), caFile) }

            let code = dbcurl_perform(handle)
            if let reason = transfer.stopReason { return .failure(reason) }
            guard code == 0 else { return .failure(transfer.reason(code, remaining: remaining)) }
            var status = 0
            dbcurl_getinfo_long(handle, Int32(DBCURLINFO_RESPONSE_CODE), &status)
            var location: UnsafePointer<CChar>?
            dbcurl_getinfo_string(handle, Int32(DBCURLINFO_REDIRECT_URL), &location)
            let answer = Answer(status: status, headers: transfer.headers, location: location.map { String(cString: $0) },
                                body: transfer.body)
            transfer.body = []
            return .answered(answer)
        }
    }

    /// The certificate authorities to trust instead of the system's, as the curl tool reads them:
    /// `CURL_CA_BUNDLE`, else `SSL_CERT_FILE` (a file of PEM certificates); nil for the system's.
    static let caFile: String? = caFile(ProcessInfo.processInfo.environment)

    static func caFile(_ environment: [String: String]) -> String? {
        ["CURL_CA_BUNDLE", "SSL_CERT_FILE"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }

    /// Keeps a piece of the body, or ends the fetch (a short count) when it would pass the cap.
    private func received(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lastByte = Self.now()
        if body.count + bytes.count > limits.maxBytes {
            body = []
            stop("too large: more than \(Self.size(limits.maxBytes))")
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// One header line. A status line starts a new response: what came before it was a proxy's
    /// CONNECT or an interim 100.
    private func receivedHeader(_ bytes: UnsafeRawBufferPointer) {
        lastByte = Self.now()
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = []
        } else if let colon = line.firstIndex(of: ":") {
            headers.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                            String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
    }

    /// Called by libcurl while it waits and as bytes come: false ends the fetch, with the reason.
    private func clocksAllow() -> Bool {
        let now = Self.now()
        if now - fetchStarted > limits.totalTimeout {
            stop("timed out: not done in \(Self.seconds(limits.totalTimeout))")
        } else if let lastByte {
            if now - lastByte > limits.stallTimeout {
                stop("timed out: the server stalled (nothing received for \(Self.seconds(limits.stallTimeout)))")
            }
        } else if now - started > limits.connectTimeout {
            stop("timed out: no answer in \(Self.seconds(limits.connectTimeout))")
        }
        return stopReason == nil
    }

    /// Ends the fetch with `reason` (the first reason given is the one said).
    private func stop(_ reason: String) {
        if stopReason == nil { stopReason = reason }
    }

    /// libcurl's error code as a phrase a reader understands.
    private func reason(_ code: Int32, remaining: Double) -> String {
        switch code {
        case 1: return "not an http or https address"
        case 5: return "proxy not found"
        case 6: return "host not found"
        case 7: return "connection refused"
        case 8: return "bad answer from the server"
        case 18, 52, 56: return "connection closed before the end"
        case 28:
            // libcurl's own clocks: the connect timeout when nothing came and it was the nearer.
            if lastByte == nil && limits.connectTimeout < remaining {
                return "timed out: no answer in \(Self.seconds(limits.connectTimeout))"
            }
            return "timed out: not done in \(Self.seconds(limits.totalTimeout))"
        case 35: return "TLS failed: the secure connection could not be made"
        case 60: return "TLS failed: the certificate could not be verified"
        case 77: return "TLS failed: the system's certificates could not be read"
        case 61: return "bad answer from the server (its compression could not be undone)"
        default:
            guard let message = dbcurl_strerror(code) else { return "libcurl error \(code)" }
            return String(cString: message)
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
        Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    }

    private static let writeBody: dbcurl_data_callback = { data, size, count, context in
        let length = size * count
        return from(context).received(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }

    private static let writeHeader: dbcurl_data_callback = { data, size, count, context in
        let length = size * count
        from(context).receivedHeader(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    private static let watchClocks: dbcurl_xferinfo_callback = { context, _, _, _, _ in
        from(context).clocksAllow() ? 0 : 1
    }
}
