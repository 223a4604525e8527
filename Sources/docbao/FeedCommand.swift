import ArgumentParser
import DocBaoCore
import DocBaoLoading
import DocBaoStore
import DocBaoWeb
import Foundation

/// `docbao feed`: feeds and subscriptions, one subcommand each.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Feeds and subscriptions: docbao feed add, list, remove, show, import, export.",
        usage: """
        docbao feed add URL|FILE [--name NAME]
        docbao feed list [--json]
        docbao feed remove URL|NUMBER... [--delete-articles]
        docbao feed show FEED [--json]
        docbao feed import FILE
        docbao feed export [FILE]
        """,
        discussion: """
        docbao feed add subscribes to a feed (RSS, Atom, JSON Feed) and docbao update fetches the \
        new articles of every subscription; docbao feed list shows them, docbao feed remove ends \
        them. docbao FEED opens a feed file as a temporary library (one article per entry); \
        docbao add FEED adds its entries to yours once. docbao feed show FEED prints what docbao \
        read in it. docbao feed import FILE subscribes to the feeds of another reader's OPML \
        export; docbao feed export [FILE] writes yours as OPML. (docbao help feed add…)
        """,
        subcommands: Subcommand.commands(under: ["feed"]))
}

/// `docbao feed show FEED [--json]`: the parsed feed, for scripts and for seeing what was read.
struct FeedShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a feed file as docbao reads it (RSS 0.9x/2.0, RSS 1.0, Atom, JSON Feed).",
        usage: "docbao feed show FEED [--json]",
        discussion: """
        Without --json: the feed's title, then one line per entry (date, title, link). With --json: \
        {"title","link","id","author","summary","entries":[{"title","link","id","published",\
        "updated","author","summary","content"}]}, dates in ISO 8601 (UTC), what the feed lacks \
        left out.
        """)

    @Argument(help: "A feed file or URL (RSS, RDF, Atom or JSON Feed).")
    var feed: String

    @Flag(help: "Print the feed as JSON.")
    var json = false

    func run() throws {
        let parsed: Feed
        do { parsed = try WebPage.isAddress(feed) ? WebPage.feed(feed) : FeedFiles.read(path: feed) } catch {
            throw Failure("docbao feed show: \(error.name): \(error.reason)")
        }
        if json {
            Output.out(TerminalText(verbatim: try FeedJSON.string(parsed) + "\n"))
            return
        }
        var out: TerminalText = "\(parsed.title ?? "-")\n"
        for entry in parsed.entries {
            let date = entry.date.map { String(FeedDate.iso8601String($0).prefix(10)) } ?? "-"
            out.append("\(date)\t\(entry.title ?? "-")\t\(entry.link ?? "-")\n")
        }
        Output.out(out)
    }
}

/// `feed show --json`'s shape. Strings are neutralised as `list --json`'s are (JSON escapes only
/// C0 controls, and the output is read on a terminal too).
enum FeedJSON {
    struct Channel: Encodable {
        var format: String
        var title, link, id, author, author_email, author_uri, summary, summary_type, language, published, updated: String?
        var entries: [Entry]
    }

    struct Entry: Encodable {
        var title, link, id, published, updated, author, author_email, author_uri, summary, summary_type, content, content_type: String?
        var enclosures: [Enclosure]?
        var categories: [String]?
    }

    struct Enclosure: Encodable {
        var url: String
        var type: String?
        var length: Int?
    }

    static func string(_ feed: Feed) throws -> String {
        let line = TerminalSafe.line, text = TerminalSafe.text
        let date = { (d: Date?) in d.map(FeedDate.iso8601String) }
        let channel = Channel(
            format: feed.format.rawValue, title: feed.title.map(line), link: feed.link.map(line), id: feed.id.map(line),
            author: feed.author?.display.map(line), author_email: feed.author?.email.map(line), author_uri: feed.author?.uri.map(line),
            summary: feed.summary.map { text($0.value) }, summary_type: feed.summary?.kind.rawValue,
            language: feed.language.map(line), published: date(feed.published), updated: date(feed.updated),
            entries: feed.entries.map { e in
                Entry(title: e.title.map(line), link: e.link.map(line), id: e.id.map(line), published: date(e.published),
                      updated: date(e.updated), author: e.author?.display.map(line), author_email: e.author?.email.map(line),
                      author_uri: e.author?.uri.map(line), summary: e.summary.map { text($0.value) }, summary_type: e.summary?.kind.rawValue,
                      content: e.content.map { text($0.value) }, content_type: e.content?.kind.rawValue,
                      enclosures: e.enclosures.isEmpty ? nil : e.enclosures.map { Enclosure(url: line($0.url), type: $0.type.map(line), length: $0.length) },
                      categories: e.categories.isEmpty ? nil : e.categories.map(line))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(channel), as: UTF8.self)
    }
}

/// A feed's entries as library articles (`docbao add FEED`, `docbao FEED`).
enum FeedEntries {
    /// The entries once each: a later entry with the id or link of an earlier one is left out.
    static func distinct(_ feed: Feed) -> [FeedEntry] {
        var seen = Set<String>()
        return feed.entries.filter { entry in
            let keys = [entry.id.map { "id:" + $0 }, entry.link.map { "link:" + $0 }].compactMap { $0 }
            guard keys.allSatisfy({ !seen.contains($0) }) else { return false }
            seen.formUnion(keys)
            return true
        }
    }

    /// Adds the feed's entries to `store`: one transaction per batch, duplicates (by link, then
    /// by text) counted, not added.
    static func add(_ feed: Feed, path: String, into store: LibraryStore,
                    progress: (Int, Int) -> Void = { _, _ in }) throws(LibraryImport.Interrupted) -> LibraryImport.Summary {
        let entries = distinct(feed)
        var summary = try LibraryImport.runArticles(count: entries.count, into: store, prepare: { i in
            let entry = entries[i]
            let article = FeedArticle.article(entry, in: feed)
            do {
                let original = Array((entry.body?.value ?? "").utf8)
                return .success(try PreparedArticle(article: article, original: original, path: nil,
                                                    fallbackTitle: FileName.readable(entry.link ?? (path as NSString).lastPathComponent)))
            } catch {
                return .failure(SkippedFile(path: "\(path) #\(i + 1)", reason: "\(error)"))
            }
        }, progress: progress)
        summary.duplicates += feed.entries.count - entries.count
        return summary
    }

    /// Adds the entries of the feed `read` gives (a file's, a fetched page's) to `store`, counted
    /// in `summary`: a feed that cannot be read is skipped with its reason, under `name` (`path`
    /// unless given); a database error stops the adding, thrown once what was added is counted.
    static func add(_ read: () throws -> Feed, path: String, named name: String? = nil, into store: LibraryStore,
                    summary: inout LibraryImport.Summary) throws(LibraryError) {
        do {
            summary.merge(try add(try read(), path: path, into: store))
        } catch let error as LibraryImport.Interrupted {
            summary.merge(error.summary)
            throw error.error
        } catch let error as LoadError {
            summary.skipped.append(SkippedFile(path: name ?? path, reason: error.reason))
        } catch {
            summary.skipped.append(SkippedFile(path: name ?? path, reason: "\(error)"))
        }
    }
}
