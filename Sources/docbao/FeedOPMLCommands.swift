import ArgumentParser
import DocBaoCore
import DocBaoLoading
import DocBaoStore
import DocBaoWeb
import Foundation

/// `docbao feed import FILE`: the subscriptions of an OPML file (another reader's export, or
/// docbao's) added to the library's, all in one transaction.
struct FeedImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Subscribe to the feeds of an OPML file (another reader's export: newsboat -e, Feedly, Inoreader…).",
        usage: "docbao feed import FILE",
        discussion: """
        Every outline with an xmlUrl is a feed, at any depth (folders are read through); its name \
        is the outline's text (else its title) and its site its htmlUrl. A feed already subscribed \
        is said to be there; an outline that is not an http or https feed (newsboat's exec:, \
        filter: and query: feeds; a file: address, as an OPML file never makes docbao read a \
        file: docbao feed add FILE does), an include of another OPML file or a feed listed \
        twice is skipped and named with the reason. A file that is not well-formed OPML (a broken or \
        cut-off file, an HTML page, a feed) is refused whole, and so is one whose DTD declares \
        entities or names an external DTD: docbao never loads or expands them. The feeds are \
        added together or not at all. FILE - reads standard input.

        Exit status: 0, or 1 when the file was refused or some outline was skipped.

        Example: newsboat -e > subs.opml && docbao feed import subs.opml
        """)

    @Argument(help: "An OPML file (- for standard input).")
    var file: String

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let command = "docbao feed import"
        let bytes: [UInt8]
        do {
            bytes = try file == "-" ? FileBytes.readAll(STDIN_FILENO).bytes : FileBytes.readFile(path: file).bytes
        } catch {
            throw Failure("\(command): \(file): \(error.description)")
        }
        let document: OPMLDocument
        do { document = try OPML.parse(bytes) } catch {
            throw Failure("\(command): \(file): \(error.reason)\(Self.isAddressList(bytes) ? Self.urlsHint : "")")
        }
        if document.outlines.isEmpty && document.skipped.isEmpty {
            throw Failure("\(command): \(file): no feed in it (no outline with an xmlUrl)")
        }
        let store = try LibraryAccess.open(libraryOption.library, command: command)
        let added: [Bool]
        do {
            added = try store.subscribe(all: document.outlines.map { FeedToImport(url: $0.xmlURL, name: $0.title, site: $0.htmlURL) })
        } catch {
            throw Failure("\(command): \(file): nothing imported: \(error)")
        }
        for skip in document.skipped { Output.error("\(command): \(file): skipped \(skip.name): \(skip.reason)") }
        Output.out("\(Self.summary(added: added.filter { $0 }.count, there: added.filter { !$0 }.count, skipped: document.skipped))\n")
        if !document.skipped.isEmpty { throw Failure.reported() }
    }

    static let urlsHint = "; it is a list of addresses (newsboat's urls file?): newsboat -e > subs.opml writes its OPML"

    /// Whether the text's first line that is not blank or a # comment is an http(s) address, as in
    /// newsboat's urls file, which a newsboat user may well give instead of its OPML export.
    static func isAddressList(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        return line.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? false
    }

    /// "12 added, 3 already there, 2 skipped: not an http or https address".
    static func summary(added: Int, there: Int, skipped: [OPMLSkipped]) -> String {
        var parts = ["\(added) added", "\(there) already there"]
        if !skipped.isEmpty {
            let reasons = Set(skipped.map { $0.reason.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces) })
            parts.append("\(skipped.count) skipped" + (reasons.count == 1 ? ": " + reasons.first! : ""))
        }
        return parts.joined(separator: ", ")
    }
}

/// `docbao feed export [FILE]`: every subscription as OPML 2.0, for another reader or another
/// docbao (`feed import` of it gives the same subscriptions back).
struct FeedExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your subscriptions as an OPML 2.0 file, for another reader (or docbao feed import).",
        usage: "docbao feed export [FILE]",
        discussion: """
        Each feed is an outline with type="rss", its name as text and title, its address as \
        xmlUrl and its site (a web page) as htmlUrl. The file is UTF-8 and well formed whatever the names hold. \
        Without FILE (or with -) it goes to standard output; a FILE is written whole or not at \
        all (a temporary file renamed over it), never half.

        Example: docbao feed export subs.opml
        """)

    @Argument(help: "The OPML file to write (standard output without it, or with -).")
    var file: String?

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let command = "docbao feed export"
        let store = try LibraryAccess.open(libraryOption.library, command: command)
        let subscriptions: [Subscription]
        do { subscriptions = try store.subscriptions() } catch { throw Failure("\(command): \(error)") }
        let outlines = subscriptions.map { feed in
            OPMLOutline(xmlURL: feed.url, title: feed.displayName == feed.url ? nil : feed.displayName, htmlURL: feed.webSite)
        }
        let text = OPML.document(title: "docbao subscriptions", outlines: outlines, created: Date())
        guard let file, file != "-" else {
            Output.out(TerminalText(verbatim: text))
            return
        }
        do { try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: file), shared: true) } catch {
            throw Failure("\(command): \(error)")
        }
        Output.out("\(subscriptions.count) \(subscriptions.count == 1 ? "feed" : "feeds") written to \(file)\n")
    }
}
