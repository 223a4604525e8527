import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoLoading
import Foundation

/// `docbao add`: articles into the library.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add articles (.txt news, .json model, web pages, feeds' entries) to the library; folders are searched for them at any depth.",
        usage: "docbao add FILE|DIR|URL...",
        discussion: """
        A file named here is read whatever its extension; in folders, hidden files are left \
        out, and feed files (.rss, .atom, .rdf, .xml, .json, .feed that are feeds) add their entries. The same text is only added once (NFC and NFD are the same text). Files that are \
        not articles (empty, binary, bad JSON, unreadable) are named with the reason and \
        skipped; the rest still import. A URL (http:// or https://) is fetched and its \
        article added, the URL kept as its address. Your files are only read, never changed. Articles are \
        committed in batches: if the import is stopped, run it again to add the rest.

        Exit status: 0, or 1 when some file was skipped or the import stopped.

        Example: docbao add ~/bao/*.txt ~/bao/2021/
        """)

    @Argument(help: "Article files, folders to search for .txt, .json and .html files, or web pages (http://, https://).")
    var paths: [String]

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao add")
        let addresses = paths.filter(WebPage.isAddress)
        // A feed named here, or found in a folder, adds its entries; everything else is read as articles.
        let named = paths.filter { !addresses.contains($0) && FeedFiles.isFeed(path: $0) }
        let others = paths.filter { !named.contains($0) && !addresses.contains($0) }
        let feeds = named + FeedFiles.find(inFolders: others)
        let (found, unreadable) = ArticleFiles.find(in: others)
        let feedFiles = Set(feeds)
        let files = found.filter { !feedFiles.contains($0) }
        let bar = ProgressBar(enabled: Output.stderrIsTerminal && files.count > 1)
        var summary: LibraryImport.Summary
        var stopped: LibraryError?
        do {
            summary = try LibraryImport.run(files, into: store) { bar.show($0, of: $1) }
        } catch {
            summary = error.summary
            stopped = error.error
        }
        bar.clear()
        for feed in feeds where stopped == nil {
            do { try FeedEntries.add({ try FeedFiles.read(path: feed) }, path: feed, into: store, summary: &summary) } catch {
                stopped = error
            }
        }
        if stopped == nil, !addresses.isEmpty {
            do { try WebPage.add(addresses, into: store, summary: &summary) } catch { stopped = error }
        }
        summary.skipped = unreadable + summary.skipped
        for skip in summary.skipped { Output.error("docbao add: \(skip.path): \(skip.reason)") }
        if let stopped { Output.error("docbao add: stopped: \(stopped)") }
        if files.isEmpty && unreadable.isEmpty && feeds.isEmpty && addresses.isEmpty { Output.error("docbao add: no \(ArticleFiles.extensionsPhrase) file found") }
        Output.out("\(summary.line)\n")
        // Each skipped file was named on its line, before the summary: only the status is left.
        if stopped != nil || !summary.skipped.isEmpty { throw Failure.reported() }
    }
}

/// "[#######-------] 120/312" on stderr, redrawn in place, only on a terminal.
struct ProgressBar {
    let enabled: Bool

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        Output.status("\r[\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] \(done)/\(total)\u{1B}[K")
    }

    func clear() {
        if enabled { Output.status("\r\u{1B}[K") }
    }
}
