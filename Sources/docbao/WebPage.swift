import DocBaoLoading
import DocBaoNet
import DocBaoStore
import DocBaoUpdate
import DocBaoWeb
import Foundation

/// Articles from the web: `docbao URL` (and `--dump`, `export`, several URLs) and `docbao add URL`.
/// DocBaoNet fetches the bytes; the loading layer reads them as it reads a file's.
enum WebPage {
    /// "docbao/0.1.0 (+terminal news reader)": names docbao and its version to the servers.
    static let userAgent = "docbao/\(DocBao.configuration.version) (terminal news reader)"

    /// Whether an argument is a web address rather than a path: it starts with http:// or https://
    /// and no file has that name.
    static func isAddress(_ argument: String) -> Bool {
        let lower = argument.prefix(8).lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && Platform.fileType(atPath: argument) == nil
    }

    /// The page at `address` fetched, with "fetching…" on a terminal's stderr while it comes.
    /// Throws `HTTPError` ("URL: reason").
    static func fetch(_ address: String) throws(HTTPError) -> FetchedBytes {
        guard let url = URL(string: address), url.host?.isEmpty == false else {
            throw HTTPError(url: address, reason: "not a valid web address")
        }
        let terminal = Output.stderrIsTerminal
        if terminal { Output.status("docbao: fetching \(address)…") }
        defer { if terminal { Output.status("\r\u{1B}[K") } }
        switch try HTTPClient(userAgent: userAgent).fetch(HTTPRequest(url: url)) {
        case .fetched(let response):
            return FetchedBytes(address: response.url.absoluteString, bytes: response.body,
                                mediaType: response.mediaType, charset: response.charset)
        case .notModified:
            // Only a conditional request is answered 304; this one was not.
            throw HTTPError(url: address, reason: "HTTP 304 to a request that was not conditional", status: 304)
        }
    }

    /// The feed at `address` (`docbao feed show URL`); a page that is not a feed is said so.
    static func feed(_ address: String) throws(LoadError) -> Feed {
        let fetched: FetchedBytes
        do { fetched = try fetch(address) } catch { throw LoadError(address: error.url, reason: error.reason) }
        return try FetchedBytes(address: address, bytes: fetched.bytes, mediaType: fetched.mediaType, charset: fetched.charset).feed()
    }

    /// The article at `address`, as `ArticleLoader` loads a file (a `LoadError` names the address).
    static func load(_ address: String) throws -> LoadedArticle {
        let fetched: FetchedBytes
        do { fetched = try fetch(address) } catch {
            throw LoadError(address: error.url, reason: error.reason)
        }
        return try ArticleLoader.load(.fetched(fetched))
    }
}

extension WebPage {
    /// Fetches the pages one by one and adds those that are articles, in one transaction; the
    /// others are counted as skipped with their reason. A feed's entries are added as
    /// `docbao add FEED` adds a file's.
    static func add(_ addresses: [String], into store: LibraryStore, summary: inout LibraryImport.Summary) throws(LibraryError) {
        var ready: [PreparedArticle] = []
        for address in addresses {
            let fetched: FetchedBytes
            do { fetched = try fetch(address) } catch {
                summary.skipped.append(SkippedFile(path: address, reason: error.reason))
                continue
            }
            if fetched.isFeed {
                try FeedEntries.add({ try fetched.feed() }, path: fetched.address, named: address, into: store, summary: &summary)
                continue
            }
            switch WebArticle.prepare(fetched) {
            case .success(let page): ready.append(page)
            case .failure(let skip): summary.skipped.append(SkippedFile(path: address, reason: skip.reason))
            }
        }
        guard !ready.isEmpty else { return }
        do { try LibraryImport.add(ready, into: store, summary: &summary) } catch { throw error.error }
    }
}
