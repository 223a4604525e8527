import ArgumentParser
import DocBaoApp
import DocBaoCore
import DocBaoNet
import DocBaoStore
import DocBaoUpdate
import Foundation

/// `docbao update [FEED…]`: the subscriptions fetched and their new articles added.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch the subscribed feeds and add their new articles (the full article behind each entry) to the library.",
        usage: "docbao update [FEED...]",
        discussion: """
        Feeds are fetched four at a time, asking only for what changed since the last update \
        (ETag, Last-Modified). For each new entry the article page it links to is fetched and \
        its text extracted, as docbao add URL does; the feed's own text is kept when it already \
        holds the whole article, or when the page cannot be had. An entry already in the library \
        (the same guid, address or text) is not added again. New articles are unread. Each \
        feed's new articles are added together: a feed that fails, or an update that is \
        stopped, loses nothing, and the next update fetches what is missing.

        Without FEED, every subscription (docbao feed list); else the feeds named by address or \
        number. A progress bar is shown on a terminal; each failed feed is named on stderr with \
        the reason, and a summary ends the output.

        Exit status: 0 when every feed updated, 1 when some failed.
        """)

    @Argument(help: ArgumentHelp("Feeds to update, by address or number (docbao feed list); all of them when none is given.", valueName: "feed"))
    var feeds: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao update")
        // Nothing fetched that could not be kept.
        if let reason = store.readOnlyReason {
            throw Failure("docbao update: \(LibraryError(path: store.path, problem: .readOnly(reason)))")
        }
        var problems: [TerminalText] = []
        var chosen: [Subscription] = []
        do {
            if feeds.isEmpty { chosen = try store.subscriptions() }
            for argument in feeds {
                if let feed = try FeedRemoveCommand.find(argument, in: store) {
                    if !chosen.contains(where: { $0.id == feed.id }) { chosen.append(feed) }
                } else {
                    problems.append("docbao update: \(argument): not subscribed to (docbao feed add subscribes, docbao feed list shows the feeds)")
                }
            }
        } catch {
            throw Failure("docbao update: \(error)")
        }
        if feeds.isEmpty && chosen.isEmpty {
            Output.error("docbao update: no subscriptions: docbao feed add URL subscribes to a feed")
            return
        }
        let bar = LockedProgressBar(ProgressBar(enabled: Output.stderrIsTerminal && !chosen.isEmpty))
        bar.show(0, of: chosen.count)
        let results = FeedUpdates.updater(store).update(chosen) { done, total in bar.show(done, of: total) }
        bar.clear()
        var out: TerminalText = ""
        for result in results where result.added > 0 {
            out.append("\(result.subscription.displayName): \(result.added) new\n")
        }
        Output.out(out)
        for result in results {
            guard let error = result.error else { continue }
            let feed = result.subscription
            let why = FailureReason.vietnamese(error)
            problems.append(feed.displayName == feed.url ? "docbao update: \(feed.url): \(why)" : "docbao update: \(feed.displayName) (\(feed.url)): \(why)")
        }
        for problem in problems { Output.error(problem) }
        // Every failed feed, and every argument that named none, is one problem.
        Output.out("\(FeedUpdates.summary(FeedUpdates.outcome(results), failed: problems.count))\n")
        if !problems.isEmpty { throw Failure.reported() }
    }
}

/// The progress bar drawn from the threads that finish feeds, one at a time.
final class LockedProgressBar: @unchecked Sendable {
    private let bar: ProgressBar
    private let lock = NSLock()

    init(_ bar: ProgressBar) { self.bar = bar }

    func show(_ done: Int, of total: Int) {
        lock.lock()
        bar.show(done, of: total)
        lock.unlock()
    }

    func clear() {
        lock.lock()
        bar.clear()
        lock.unlock()
    }
}

/// `docbao update`'s work for the library view's update key (`FeedUpdating`): every subscription.
struct FeedUpdates: FeedUpdating {
    let store: LibraryStore

    static func updater(_ store: LibraryStore) -> FeedUpdater {
        FeedUpdater(store: store, client: HTTPClient(userAgent: WebPage.userAgent))
    }

    func updateAll(progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) -> FeedUpdateOutcome {
        let subscriptions: [Subscription]
        do { subscriptions = try store.subscriptions() } catch {
            return FeedUpdateOutcome(updatedFeeds: 0, newArticles: 0, failures: [FeedUpdateFailure(feed: "library", reason: error.summary)])
        }
        return Self.outcome(Self.updater(store).update(subscriptions, progress: progress))
    }

    /// The results counted; names and reasons (in Vietnamese) made safe for a status line.
    static func outcome(_ results: [FeedUpdater.Result]) -> FeedUpdateOutcome {
        FeedUpdateOutcome(
            updatedFeeds: results.filter { $0.error == nil }.count,
            newArticles: results.reduce(0) { $0 + $1.added },
            failures: results.compactMap { result in
                result.error.map { FeedUpdateFailure(feed: TerminalSafe.line(result.subscription.displayName),
                                                  reason: TerminalSafe.line(FailureReason.vietnamese($0))) }
            })
    }

    /// "3 feeds updated, 12 new articles, 1 failed", as `add` says its summary.
    static func summary(_ outcome: FeedUpdateOutcome, failed: Int) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts = [count(outcome.updatedFeeds, "feed updated", "feeds updated"), count(outcome.newArticles, "new article", "new articles")]
        if failed > 0 { parts.append("\(failed) failed") }
        return parts.joined(separator: ", ")
    }
}
