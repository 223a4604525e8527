import DocBaoCore
import DocBaoWeb
import Foundation

/// Feeds read from files: `docbao FEED`, `docbao add FEED`, `docbao feed show FEED`. The bytes are
/// read here; `FeedParser` (DocBaoWeb) parses them, relative links resolving against the file.
public enum FeedFiles {
    /// Whether the file at `path` is a feed, by its first bytes (whatever its name: .xml, .rss,
    /// .atom, .rdf, .json…). A directory or an unreadable file is not.
    public static func isFeed(path: String) -> Bool {
        let fd = FileName.withCString(path) { open($0, O_RDONLY) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard let info = try? FileBytes.status(path), Platform.fileType(info) == .regular,
              let head = FileBytes.readAt(fd, offset: 0, count: 4096) else { return false }
        return FeedParser.looksLikeFeed(head: head)
    }

    /// The names a feed file in a folder has (a .json one may be an article too: its first bytes tell).
    static let extensions: Set<String> = ["rss", "atom", "rdf", "xml", "json", "feed"]

    /// The feed files in the folders among `paths`, at any depth (hidden ones left out), in name
    /// order: files with a feed's extension whose first bytes are a feed (`docbao add DIR`).
    public static func find(inFolders paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths where Platform.fileType(atPath: path) == .directory {
            let files = (FolderWalk.entries(under: path) ?? []).filter { file in
                extensions.contains(((file as NSString).pathExtension).lowercased()) && isFeed(path: file)
            }
            found += files.sorted()
        }
        return found
    }

    /// The feed in the file at `path`.
    public static func read(path: String) throws(LoadError) -> Feed {
        let contents: FileBytes.Contents
        do { contents = try FileBytes.readFile(path: path, refusingBinary: true) } catch {
            throw LoadError(name: path, reason: error.description, binary: error.binary)
        }
        do {
            return try FeedParser.parse(contents.bytes, baseURL: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(name: path, reason: reason(error), binary: false)
        }
    }

    /// What a failure to read a feed is called on the command line.
    public static func reason(_ error: FeedError) -> String {
        switch error {
        case .empty: return "empty: not a feed"
        case .htmlPage: return "an HTML page, not a feed (open it as a page: docbao FILE.html)"
        case .notAFeed(let what): return "not a feed (\(what))"
        }
    }
}
