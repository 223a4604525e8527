@testable import DocBaoNet
import Foundation
import Testing

/// HTTPClient against a real server on 127.0.0.1 (Tests/e2e/http_server.py).
@Suite(.serialized) struct HTTPClientTests {
    let server: LoopbackServer

    init() throws {
        // A proxy from the environment must not take loopback requests elsewhere.
        setenv("no_proxy", "127.0.0.1,localhost", 1)
        server = try LoopbackServer()
    }

    func client(_ change: (inout HTTPLimits) -> Void = { _ in }) -> HTTPClient {
        var limits = HTTPLimits()
        change(&limits)
        return HTTPClient(limits: limits, userAgent: "docbao/test")
    }

    func body(_ result: HTTPResult) -> HTTPResponse? {
        if case .fetched(let response) = result { return response }
        return nil
    }

    func failure(_ path: String, _ change: (inout HTTPLimits) -> Void = { _ in }) -> HTTPError? {
        do {
            _ = try client(change).fetch(HTTPRequest(url: server.url(path)))
            return nil
        } catch { return error }
    }

    @Test func fetchesAPageWithItsTypeAndCharset() throws {
        let response = try #require(body(try client().fetch(HTTPRequest(url: server.url("/page")))))
        #expect(response.status == 200)
        #expect(response.mediaType == "text/html")
        #expect(response.charset == "utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).contains("Bão số 3 đổ bộ miền Bắc"))
    }

    @Test func undoesGzipAndDeflate() throws {
        for path in ["/gzip", "/deflate"] {
            let response = try #require(body(try client().fetch(HTTPRequest(url: server.url(path)))))
            #expect(String(decoding: response.body, as: UTF8.self).contains("Bão số 3 đổ bộ miền Bắc"), "\(path)")
        }
    }

    @Test func followsRedirectsAndSaysWhereItEnded() throws {
        let response = try #require(body(try client().fetch(HTTPRequest(url: server.url("/redirect")))))
        #expect(response.url.path == "/page")
        #expect(String(decoding: response.body, as: UTF8.self).contains("Bão số 3"))
    }

    @Test func aRedirectLoopIsSaid() throws {
        let error = try #require(failure("/loop-a"))
        #expect(error.reason.hasPrefix("redirect loop"), "\(error)")
        #expect(error.description.hasPrefix(server.url("/loop-a").absoluteString))
    }

    @Test func aRedirectAwayFromTheWebIsNotFollowed() throws {
        let error = try #require(failure("/to-file"))
        #expect(error.reason == "redirected to file:///etc/passwd, not an http or https address", "\(error)")
    }

    @Test func redirectsAreCapped() throws {
        let error = try #require(failure("/chain/0") { $0.maxRedirects = 3 })
        #expect(error.reason == "too many redirects (more than 3)")
    }

    @Test func errorStatusesAreSaidWithTheirNumber() throws {
        #expect(try #require(failure("/404")).reason.hasPrefix("HTTP 404"))
        #expect(try #require(failure("/404")).status == 404)
        #expect(try #require(failure("/500")).reason.hasPrefix("HTTP 500"))
    }

    @Test func conditionalRequestsAnswerNotModified() throws {
        let first = try #require(body(try client().fetch(HTTPRequest(url: server.url("/conditional")))))
        let etag = try #require(first.etag)
        let lastModified = try #require(first.lastModified)
        #expect(try client().fetch(HTTPRequest(url: server.url("/conditional"), etag: etag)) == .notModified(server.url("/conditional")))
        #expect(try client().fetch(HTTPRequest(url: server.url("/conditional"), lastModified: lastModified))
            == .notModified(server.url("/conditional")))
        #expect(body(try client().fetch(HTTPRequest(url: server.url("/conditional"), etag: "\"old\""))) != nil)
    }

    @Test func anEndlessResponseStopsAtTheCap() throws {
        let error = try #require(failure("/endless") { $0.maxBytes = 1 << 20 })
        #expect(error.reason == "too large: more than 1 MB")
    }

    @Test func aSlowAnswerTimesOut() throws {
        let error = try #require(failure("/slow?delay=5") { $0.connectTimeout = 0.5 })
        #expect(error.reason == "timed out: no answer in 0.5 s")
    }

    @Test func aStallTimesOut() throws {
        let error = try #require(failure("/stall?delay=5") { $0.stallTimeout = 0.5 })
        #expect(error.reason == "timed out: the server stalled (nothing received for 0.5 s)")
    }

    @Test func theWholeFetchHasATimeLimit() throws {
        let error = try #require(failure("/trickle") { $0.totalTimeout = 0.5 })
        #expect(error.reason == "timed out: not done in 0.5 s")
    }

    @Test func aRefusedConnectionIsSaid() throws {
        // A port nothing listens on: bound, then closed.
        let closed = LoopbackServerPort.unused()
        do {
            _ = try client().fetch(HTTPRequest(url: URL(string: "http://127.0.0.1:\(closed)/")!))
            Issue.record("fetched from a closed port")
        } catch {
            #expect(error.reason == "connection refused", "\(error)")
        }
    }

    @Test func sendsTheUserAgentAndOnlyHTTP() throws {
        _ = try client().fetch(HTTPRequest(url: server.url("/page?ua")))
        let seen = try #require(body(try client().fetch(HTTPRequest(url: server.url("/seen")))))
        #expect(String(decoding: seen.body, as: UTF8.self).contains("\"User-Agent\": \"docbao/test\""))
        do {
            _ = try client().fetch(HTTPRequest(url: URL(string: "file:///etc/passwd")!))
            Issue.record("fetched a file URL")
        } catch {
            #expect(error.reason == "not an http or https address")
        }
    }

    @Test func limitsReadFromTheEnvironment() {
        let limits = HTTPLimits.fromEnvironment(["DOCBAO_HTTP_TIMEOUTS": "1,2,3", "DOCBAO_HTTP_MAX_BYTES": "1000"])
        #expect([limits.connectTimeout, limits.stallTimeout, limits.totalTimeout] == [1, 2, 3])
        #expect(limits.maxBytes == 1000)
        #expect(HTTPLimits.fromEnvironment(["DOCBAO_HTTP_TIMEOUTS": "1,x,3"]) == HTTPLimits())
    }

    @Test func contentTypeParameters() {
        #expect(HTTPResponse.parseContentType("Text/HTML; Charset=\"ISO-8859-1\"") == ("text/html", "ISO-8859-1"))
        #expect(HTTPResponse.parseContentType("application/json") == ("application/json", nil))
        #expect(HTTPResponse.parseContentType(nil) == (nil, nil))
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on.
enum LoopbackServerPort {
    static func unused() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Where libcurl cannot be opened, a fetch says what is missing instead of failing later.
@Suite struct MissingLibcurlTests {
    @Test func aLibraryThatIsNotThereIsNotOpened() {
        #expect(!Curl.open(["libdocbao-no-such-curl.so.4"]))
    }

    @Test func aFetchWithoutLibcurlSaysWhatToInstall() throws {
        let client = HTTPClient(limits: HTTPLimits(), userAgent: "docbao/test")
        do {
            _ = try client.fetch(HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!), curlLoaded: false)
            Issue.record("fetched without libcurl")
        } catch {
            #expect(error.description == "http://127.0.0.1:9/: fetching needs libcurl (libcurl4)")
        }
    }
}
