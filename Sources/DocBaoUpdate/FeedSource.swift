import DocBaoCore
import DocBaoLoading
import DocBaoNet
import DocBaoWeb
import Foundation

/// Where a subscription's feed comes from: a web address, fetched with a conditional request, or
/// a file (`file://`, subscribed to by its path), read again when it changed.
public enum FeedSource {
    /// A feed as fetched, and the validators to send next time.
    public struct Fetched: Sendable {
        public var feed: Feed
        public var etag: String?
        public var modified: String?
    }

    public enum Outcome: Sendable {
        case fetched(Fetched)
        /// Nothing changed since the validators given (304, or a file of the same time and size).
        case notModified
    }

    /// The address a subscription keeps for `argument`: a web address as given, a file's absolute
    /// `file://` URL; nil when it is neither.
    public static func address(for argument: String) -> String? {
        let lower = argument.prefix(8).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: argument), url.host?.isEmpty == false else { return nil }
            return argument
        }
        if lower.hasPrefix("file://") { return URL(string: argument)?.isFileURL == true ? argument : nil }
        // Another scheme (ftp://, feed://) is no file of that name, and nothing is not the current folder.
        if argument.isEmpty { return nil }
        if let scheme = argument.range(of: "://").map({ argument[..<$0.lowerBound] }), let first = scheme.first, first.isLetter,
           scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) {
            return nil
        }
        let absolute = argument.hasPrefix("/") ? argument : FileManager.default.currentDirectoryPath + "/" + argument
        return URL(fileURLWithPath: (absolute as NSString).standardizingPath).absoluteString
    }

    /// The feed at `address` (as `address(for:)` makes it), or why it could not be had, in words.
    public static func fetch(_ address: String, etag: String? = nil, modified: String? = nil,
                             client: HTTPClient) throws(FeedProblem) -> Outcome {
        guard let url = URL(string: address) else { throw FeedProblem("not a web address or a file") }
        if url.isFileURL { return try readFile(url.path, modified: modified) }
        let result: HTTPResult
        do { result = try client.fetch(HTTPRequest(url: url, etag: etag, lastModified: modified)) } catch {
            throw FeedProblem(error.reason)
        }
        switch result {
        case .notModified:
            // A server that says 304 to a request that was not conditional has nothing to give.
            guard etag != nil || modified != nil else { throw FeedProblem("HTTP 304 to a request that was not conditional") }
            return .notModified
        case .fetched(let response):
            let fetched = FetchedBytes(address: response.url.absoluteString, bytes: response.body,
                                       mediaType: response.mediaType, charset: response.charset)
            return .fetched(Fetched(feed: try parse(fetched), etag: response.etag, modified: response.lastModified))
        }
    }

    /// The feed `address` names, for subscribing: the feed itself, or the first feed a web page
    /// links to in its head (a site's home page), with the address it came from.
    public static func discover(_ address: String, client: HTTPClient) throws(FeedProblem) -> (address: String, fetched: Fetched) {
        guard let url = URL(string: address), !url.isFileURL else {
            guard case .fetched(let fetched) = try fetch(address, client: client) else { throw FeedProblem("not read") }
            return (address, fetched)
        }
        let result: HTTPResult
        do { result = try client.fetch(HTTPRequest(url: url)) } catch { throw FeedProblem(error.reason) }
        guard case .fetched(let response) = result else { throw FeedProblem("HTTP 304 to a request that was not conditional") }
        let page = FetchedBytes(address: response.url.absoluteString, bytes: response.body,
                                mediaType: response.mediaType, charset: response.charset)
        do {
            return (address, Fetched(feed: try parse(page), etag: nil, modified: nil))
        } catch {
            guard isHTML(page) else { throw error }
        }
        guard let link = FeedDiscovery.feeds(inPage: page.bytes, address: page.address).first else {
            throw FeedProblem("an HTML page that names no feed")
        }
        let outcome: Outcome
        do { outcome = try fetch(link, client: client) } catch {
            throw FeedProblem("the feed the page names, \(link): \(error.reason)")
        }
        guard case .fetched(let fetched) = outcome else { throw FeedProblem("not read") }
        return (link, fetched)
    }

    /// The bytes read as a feed; a page that is not one is said so.
    static func parse(_ fetched: FetchedBytes) throws(FeedProblem) -> Feed {
        if fetched.bytes.isEmpty { throw FeedProblem("an empty answer, not a feed") }
        do { return try FeedParser.parse(fetched.bytes, baseURL: URL(string: fetched.address)) } catch {
            switch error {
            case .empty: throw FeedProblem("an empty answer, not a feed")
            case .htmlPage: throw FeedProblem("an HTML page, not a feed")
            case .notAFeed where isHTML(fetched): throw FeedProblem("an HTML page, not a feed")
            case .notAFeed(let what): throw FeedProblem("not a feed (\(what))")
            }
        }
    }

    /// Whether a body that is not XML is a web page: said so by its type, or by its first tags
    /// (libxml2's XML reader finds no root in most HTML).
    static func isHTML(_ fetched: FetchedBytes) -> Bool {
        if fetched.mediaType == "text/html" || fetched.mediaType == "application/xhtml+xml" { return true }
        let head = String(decoding: fetched.bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    /// A feed file, unless its time and size are still `modified`'s.
    static func readFile(_ path: String, modified: String?) throws(FeedProblem) -> Outcome {
        let stamp: String
        do {
            let info = try FileBytes.status(path)
            stamp = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
        } catch {
            throw FeedProblem(error.description)
        }
        if stamp == modified { return .notModified }
        do { return .fetched(Fetched(feed: try FeedFiles.read(path: path), etag: nil, modified: stamp)) } catch {
            throw FeedProblem(error.reason)
        }
    }
}

/// Why a feed (or its page) could not be had: a phrase, as `feed list` and `update` say it.
public struct FeedProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
