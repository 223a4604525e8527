import ArgumentParser
import DocBaoCore
import DocBaoNet
import DocBaoStore
import DocBaoUpdate
import Foundation

/// `docbao feed add URL|FILE [--name N]`: a subscription, checked to be a feed first.
struct FeedAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (RSS, Atom, JSON Feed) by its address or file; docbao update then fetches its articles.",
        usage: "docbao feed add URL|FILE [--name NAME]",
        discussion: """
        The feed is fetched (or read) once to check that it is one, and its title kept; a web \
        page that names its feeds (a site's home page) stands for the first of them. Nothing is \
        added to the library until docbao update. A feed already subscribed to is left as it is \
        (given --name when one is given). A file is subscribed to by its absolute path, and read \
        again by each update when it changed.

        Exit status: 0, or 1 when the address is not a feed or cannot be fetched (nothing is then \
        subscribed).

        Example: docbao feed add https://vnexpress.net/rss/tin-moi-nhat.rss --name VnExpress
        """)

    @Argument(help: "The feed's address (http://, https://) or a feed file.")
    var feed: String

    @Option(help: ArgumentHelp("The name to list it by, instead of the feed's own title.", valueName: "name"))
    var name: String?

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        guard let given = FeedSource.address(for: feed) else {
            throw Failure("docbao feed add: \(feed): not a web address (http://, https://) or a file")
        }
        let name = self.name.map { TextSanitizer.clean($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao feed add")
        // A site's page stands for the first feed it names.
        let (address, fetched): (String, FeedSource.Fetched)
        do { (address, fetched) = try FeedSource.discover(given, client: HTTPClient(userAgent: WebPage.userAgent)) } catch {
            throw Failure("docbao feed add: \(feed): \(error.reason); not subscribed")
        }
        let title = fetched.feed.title.map { TextSanitizer.clean($0) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let (subscription, isNew) = try store.subscribe(url: address, name: name, site: fetched.feed.link.map { TextSanitizer.clean($0) },
                                                            title: title)
            let count = fetched.feed.entries.count
            let entries = count == 1 ? "1 entry" : "\(count) entries"
            if isNew {
                Output.out("subscribed \(subscription.id)\t\(subscription.displayName)\t\(address)\t(\(entries): docbao update adds them)\n")
            } else {
                Output.out("already subscribed \(subscription.id)\t\(subscription.displayName)\t\(address)\n")
            }
        } catch {
            throw Failure("docbao feed add: \(error)")
        }
    }
}

/// `docbao feed list [--json]`: the subscriptions, with their articles and last update.
struct FeedListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the subscriptions: one per line (number, unread/articles, last checked, name, address, last error).",
        usage: "docbao feed list [--json]",
        discussion: """
        The number is the one docbao feed remove takes. "unread" counts the feed's articles never \
        opened. The last error is why the last update of the feed failed ("-" when it did not). \
        With --json: [{"id","url","name","title","site","added","checked","error","articles",\
        "unread"}], times in unix seconds, absent values null.
        """)

    @Flag(help: "Print the subscriptions as JSON.")
    var json = false

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao feed list")
        let feeds: [Subscription]
        do { feeds = try store.subscriptions() } catch {
            throw Failure("docbao feed list: \(error)")
        }
        if json {
            Output.out(TerminalText(verbatim: try FeedListJSON.string(feeds) + "\n"))
            return
        }
        var out: TerminalText = ""
        for feed in feeds {
            let checked = feed.checked.map(Self.time) ?? "never"
            out.append("\(feed.id)\t\(feed.unread)/\(feed.articles)\t\(checked)\t\(feed.displayName)\t\(feed.url)\t\(feed.error ?? "-")\n")
        }
        Output.out(out)
    }

    /// "2026-12-07 09:30", local time.
    static func time(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// `feed list --json`'s shape: every key in every record, strings neutralised as `list --json`'s.
enum FeedListJSON {
    struct Record: Encodable {
        var id: Int64
        var url: String
        var name, title, site: String?
        var added: Double
        var checked: Double?
        var error: String?
        var articles, unread: Int

        enum CodingKeys: String, CodingKey { case id, url, name, title, site, added, checked, error, articles, unread }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(url, forKey: .url)
            try c.encode(name, forKey: .name)
            try c.encode(title, forKey: .title)
            try c.encode(site, forKey: .site)
            try c.encode(added, forKey: .added)
            try c.encode(checked, forKey: .checked)
            try c.encode(error, forKey: .error)
            try c.encode(articles, forKey: .articles)
            try c.encode(unread, forKey: .unread)
        }
    }

    static func string(_ feeds: [Subscription]) throws -> String {
        let line = TerminalSafe.line
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let records = feeds.map {
            Record(id: $0.id, url: line($0.url), name: $0.name.map(line), title: $0.title.map(line), site: $0.site.map(line),
                   added: $0.added, checked: $0.checked, error: $0.error.map(line), articles: $0.articles, unread: $0.unread)
        }
        return String(decoding: try encoder.encode(records), as: UTF8.self)
    }
}

/// `docbao feed remove URL|NUMBER… [--delete-articles]`: subscriptions ended.
struct FeedRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "End subscriptions, by address or number (docbao feed list); their articles stay unless --delete-articles.",
        usage: "docbao feed remove URL|NUMBER... [--delete-articles]",
        discussion: """
        Each feed removed is named on stdout with what became of its articles. A feed that is not \
        subscribed to is said on stderr, and the exit status is then 1.
        """)

    @Argument(help: ArgumentHelp("The feeds' addresses (or files) as subscribed, or their numbers in docbao feed list.", valueName: "feed"))
    var feeds: [String] = []

    @Flag(help: "Remove the feeds' articles from the library too.")
    var deleteArticles = false

    @OptionGroup var libraryOption: LibraryOption

    func validate() throws {
        if feeds.isEmpty { throw ValidationError("give the feeds to remove: their addresses or numbers (docbao feed list shows them)") }
    }

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao feed remove")
        var problems: [TerminalText] = []
        var out: TerminalText = ""
        do {
            for argument in feeds {
                guard let feed = try Self.find(argument, in: store) else {
                    problems.append("docbao feed remove: \(argument): not subscribed to (docbao feed list shows the feeds)")
                    continue
                }
                guard let removed = try store.unsubscribe(feed.id, deleteArticles: deleteArticles) else { continue }
                let count = deleteArticles ? removed : feed.articles
                let articles = "\(deleteArticles ? "" : "its ")\(count) \(count == 1 ? "article" : "articles") \(deleteArticles ? "removed" : "kept")"
                out.append("removed feed \(feed.id)\t\(feed.displayName)\t\(feed.url)\t(\(articles))\n")
            }
        } catch {
            Output.out(out)
            throw Failure("docbao feed remove: \(error)")
        }
        Output.out(out)
        if !problems.isEmpty { throw Failure(lines: problems, status: 1) }
    }

    /// The subscription `argument` names: its number, its address as subscribed, or the address
    /// a file or URL argument is subscribed by.
    static func find(_ argument: String, in store: LibraryStore) throws(LibraryError) -> Subscription? {
        if let id = Int64(argument), id > 0, let feed = try store.subscription(id: id) { return feed }
        if let feed = try store.subscription(url: argument) { return feed }
        return try FeedSource.address(for: argument).flatMap { (address) throws(LibraryError) in try store.subscription(url: address) }
    }
}
