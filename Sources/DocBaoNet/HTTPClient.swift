import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one URL at a time, synchronously, within `HTTPLimits`.
///
/// Built on Foundation's URLSession, which on Linux is libcurl: http and https, TLS certificates
/// verified against the system's store (nothing here can turn that off), gzip and deflate asked
/// for and undone, `http_proxy`/`https_proxy`/`no_proxy` read by libcurl. Chosen over
/// AsyncHTTPClient because it comes with the toolchain: no swift-nio and BoringSSL to build on
/// every CI run, and nothing here needs more than one request at a time per thread.
///
/// What URLSession leaves loose is held here: redirects are followed one by one (capped, a loop
/// said as such), the body is counted as it comes (an endless answer stops at the cap and nothing
/// of it is kept), and three clocks (no answer, a stall, the whole fetch) are watched by the
/// waiting thread rather than left to libcurl's single timeout.
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
        let url = request.url
        let shown = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw HTTPError(url: shown, reason: "not an http or https address")
        }
        let transfer = Transfer(limits: limits, start: url)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        // Backstops only: the clocks below end the fetch first, with a message that says which.
        configuration.timeoutIntervalForRequest = max(limits.connectTimeout, limits.stallTimeout) + 5
        configuration.timeoutIntervalForResource = limits.totalTimeout + 5
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent, "Accept-Encoding": "gzip, deflate"]
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        var urlRequest = URLRequest(url: url)
        if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified { urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: urlRequest)
        transfer.begin(task)
        task.resume()
        let outcome = transfer.wait()
        switch outcome {
        case .failure(let reason):
            throw HTTPError(url: shown, reason: reason)
        case .finished(let response, let body):
            let status = response.statusCode
            let final = response.url ?? url
            if status == 304 { return .notModified(final) }
            guard (200..<300).contains(status) else {
                if (300..<400).contains(status) {
                    throw HTTPError(url: shown, reason: "redirect (HTTP \(status)) without a usable Location", status: status)
                }
                let phrase = HTTPURLResponse.localizedString(forStatusCode: status)
                throw HTTPError(url: shown, reason: "HTTP \(status)" + (phrase.isEmpty ? "" : " \(phrase)"), status: status)
            }
            let (media, charset) = HTTPResponse.parseContentType(response.value(forHTTPHeaderField: "Content-Type"))
            return .fetched(HTTPResponse(url: final, status: status, mediaType: media, charset: charset,
                                         etag: response.value(forHTTPHeaderField: "ETag"),
                                         lastModified: response.value(forHTTPHeaderField: "Last-Modified"), body: body))
        }
    }
}

/// One fetch's state, shared by URLSession's delegate queue and the thread that waits for it.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Outcome {
        case finished(HTTPURLResponse, [UInt8])
        case failure(String)
    }

    private let limits: HTTPLimits
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var task: URLSessionTask?
    private var visited: [String]
    private let started = Date()
    private var lastByte: Date?
    private var response: HTTPURLResponse?
    private var body: [UInt8] = []
    /// Set when docbao ends the fetch itself: the reason wins over URLSession's "cancelled".
    private var stopReason: String?
    private var outcome: Outcome?

    init(limits: HTTPLimits, start: URL) {
        self.limits = limits
        self.visited = [start.absoluteString]
    }

    func begin(_ task: URLSessionTask) {
        lock.withLock { self.task = task }
    }

    /// Waits for the end, watching the clocks every 50 ms (they end the task with their reason).
    func wait() -> Outcome {
        while done.wait(timeout: .now() + 0.05) == .timedOut {
            let now = Date()
            lock.lock()
            var reason: String?
            if now.timeIntervalSince(started) > limits.totalTimeout {
                reason = "timed out: not done in \(Self.seconds(limits.totalTimeout))"
            } else if let lastByte {
                if now.timeIntervalSince(lastByte) > limits.stallTimeout {
                    reason = "timed out: the server stalled (nothing received for \(Self.seconds(limits.stallTimeout)))"
                }
            } else if now.timeIntervalSince(started) > limits.connectTimeout {
                reason = "timed out: no answer in \(Self.seconds(limits.connectTimeout))"
            }
            lock.unlock()
            if let reason { stop(reason) }
        }
        return lock.withLock { outcome ?? .failure("no answer") }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// Ends the fetch with `reason` (the first reason given is the one said).
    private func stop(_ reason: String) {
        let task: URLSessionTask? = lock.withLock {
            if stopReason == nil { stopReason = reason }
            return self.task
        }
        task?.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock {
            self.response = response as? HTTPURLResponse
            lastByte = Date()
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            lastByte = Date()
            guard stopReason == nil else { return false }
            if body.count + data.count > limits.maxBytes {
                body = []
                return true
            }
            body.append(contentsOf: data)
            return false
        }
        if over { stop("too large: more than \(Self.size(limits.maxBytes))") }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let next = request.url else { completionHandler(nil); return }
        let scheme = next.scheme?.lowercased()
        let target = next.absoluteString
        let problem: String? = lock.withLock {
            lastByte = nil
            if scheme != "http" && scheme != "https" { return "redirected to \(target), not an http or https address" }
            if visited.contains(target) { return "redirect loop (back to \(target))" }
            visited.append(target)
            if visited.count - 1 > limits.maxRedirects { return "too many redirects (more than \(limits.maxRedirects))" }
            return nil
        }
        if let problem {
            lock.withLock { if stopReason == nil { stopReason = problem } }
            completionHandler(nil)
            task.cancel()
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if let stopReason {
                outcome = .failure(stopReason)
            } else if let error {
                outcome = .failure(Self.reason(error))
            } else if let response {
                outcome = .finished(response, body)
            } else {
                outcome = .failure("no answer")
            }
            body = []
        }
        done.signal()
    }

    /// URLSession's error as a phrase a reader understands.
    static func reason(_ error: Error) -> String {
        guard let error = error as? URLError else { return "\(error.localizedDescription)" }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "connection refused"
        case .timedOut: return "timed out"
        case .networkConnectionLost: return "connection closed before the end"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected:
            return "TLS failed: the certificate could not be verified"
        case .httpTooManyRedirects: return "too many redirects"
        case .badServerResponse: return "bad answer from the server"
        case .unsupportedURL: return "not an http or https address"
        default: return error.localizedDescription
        }
    }
}
