import ArgumentParser
import DocBaoStore
import DocBaoLoading
import Foundation

/// `docbao add`: articles into the library.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add articles (.txt news, .json model) to the library; folders are searched for them at any depth.",
        usage: "docbao add FILE|DIR...",
        discussion: """
        A file named here is read whatever its extension; in folders, hidden files are left \
        out. The same text is only added once (NFC and NFD are the same text). Files that are \
        not articles (empty, binary, bad JSON, unreadable) are named with the reason and \
        skipped; the rest still import. Your files are only read, never changed. Articles are \
        committed in batches: if the import is stopped, run it again to add the rest.

        Exit status: 0, or 1 when some file was skipped or the import stopped.

        Example: docbao add ~/bao/*.txt ~/bao/2021/
        """)

    @Argument(help: "Article files, or folders to search for .txt, .json and .html files.")
    var paths: [String]

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao add")
        let (files, unreadable) = ArticleFiles.find(in: paths)
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
        summary.skipped = unreadable + summary.skipped
        for skip in summary.skipped { Output.error("docbao add: \(skip.path): \(skip.reason)") }
        if let stopped { Output.error("docbao add: stopped: \(stopped)") }
        if files.isEmpty && unreadable.isEmpty { Output.error("docbao add: no \(ArticleFiles.extensionsPhrase) file found") }
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
