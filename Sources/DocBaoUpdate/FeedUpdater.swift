import DocBaoCore
import DocBaoLoading
import DocBaoNet
import DocBaoStore
import DocBaoWeb
import Foundation

/// `docbao update`'s work, and the library view's update key's: each subscription's feed fetched
/// (a conditional request: 304 is "nothing new"), its new entries found by their guid and link,
/// the article behind each fetched and extracted (`EntryArticles`), and the feed's new articles
/// added with its new validators in one transaction (`LibraryStore.addEntries`): a failure, or
/// the process killed, loses nothing and leaves nothing half-written.
///
/// Feeds are updated `width` at a time, each on a thread of its own, and at most `width` fetches
/// (feeds and pages together) are under way at once.
public struct FeedUpdater: Sendable {
    public let store: LibraryStore
    public let client: HTTPClient
    /// Feeds updated at once, and fetches under way at once.
    public var width = 4
    /// Pages fetched for one feed in one update; the entries after them keep the feed's own text.
    public var pagesPerFeed = 100
    /// New entries of one feed taken in one update (all of them kept in memory until they commit):
    /// a feed of more is taken over several updates, oldest last.
    public var entriesPerUpdate = 1000

    public init(store: LibraryStore, client: HTTPClient) {
        self.store = store
        self.client = client
    }

    /// What updating one subscription did.
    public struct Result: Sendable, Equatable {
        public var subscription: Subscription
        /// Articles added; and entries found already in the library (by guid, address or text).
        public var added = 0
        public var duplicates = 0
        /// The server said nothing changed (304), or the file is as it was.
        public var notModified = false
        /// Why it failed, in words; nil when it did not.
        public var error: String?
    }

    /// Updates `subscriptions`; `progress(done, total)` is called as each finishes, from any thread.
    /// The results are in the order given.
    public func update(_ subscriptions: [Subscription],
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> [Result] {
        let slots = FetchSlots(width)
        let results = Slots<Result>(count: subscriptions.count)
        let finished = Finished()
        // Every address already in the library, read once: an entry whose link is there is not new.
        let knownURLs = (try? store.knownURLs()) ?? []
        let updater = self
        Parallel.forEach(subscriptions.count, width: width) { i in
            results.set(i, updater.update(subscriptions[i], slots: slots, knownURLs: knownURLs))
            progress(finished.next(), subscriptions.count)
        }
        return results.all.enumerated().map { i, result in
            result ?? Result(subscription: subscriptions[i], error: "not updated")
        }
    }

    func update(_ subscription: Subscription, slots: FetchSlots, knownURLs: Set<String>) -> Result {
        var result = Result(subscription: subscription)
        do {
            let outcome = try slots.with { () throws(FeedProblem) -> FeedSource.Outcome in
                try FeedSource.fetch(subscription.url, etag: subscription.etag, modified: subscription.modified, client: client)
            }
            switch outcome {
            case .notModified:
                result.notModified = true
                try store.recordCheck(feed: subscription.id, .notModified)
            case .fetched(let fetched):
                try add(fetched, to: subscription, slots: slots, knownURLs: knownURLs, &result)
            }
        } catch let problem as FeedProblem {
            result.error = problem.reason
            try? store.recordCheck(feed: subscription.id, .failed(problem.reason))
        } catch let error as LibraryError {
            result.error = "library: \(error.summary)"
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    /// The feed's new entries made into articles (pages fetched `width` at a time) and added in
    /// one transaction with the feed's new validators.
    private func add(_ fetched: FeedSource.Fetched, to subscription: Subscription, slots: FetchSlots,
                     knownURLs: Set<String>, _ result: inout Result) throws(LibraryError) {
        let feed = fetched.feed
        let known = try store.knownGuids(feed: subscription.id)
        var seen = Set<String>()
        let fresh = feed.entries.filter { entry in
            let guid = EntryArticles.guid(entry)
            guard !known.contains(guid), seen.insert(guid).inserted else { return false }
            if let link = entry.link, knownURLs.contains(link) || !seen.insert("link:" + link).inserted { return false }
            return true
        }
        result.duplicates = feed.entries.count - fresh.count
        let taken = Array(fresh.prefix(entriesPerUpdate))
        let articles = EntryArticles(client: client, slots: slots)
        let items = Slots<FeedItem>(count: taken.count)
        let pages = pagesPerFeed
        // The entries' source is the user's name for the feed, when they gave one.
        let named: Feed = {
            var named = feed
            if let name = subscription.name, !name.isEmpty { named.title = name }
            return named
        }()
        Parallel.forEach(taken.count, width: width) { i in
            if let item = articles.item(taken[i], in: named, fetchPage: i < pages) { items.set(i, item) }
        }
        // A feed whose entries were not all taken is fetched whole next time, for the rest.
        let complete = taken.count == fresh.count
        let title = feed.title.map { TextSanitizer.clean($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let check = FeedCheck.fetched(etag: complete ? fetched.etag : nil, modified: complete ? fetched.modified : nil,
                                      title: title, site: feed.link.map { TextSanitizer.clean($0) })
        for outcome in try store.addEntries(items.all.compactMap { $0 }, feed: subscription.id, check: check) {
            switch outcome {
            case .added: result.added += 1
            case .duplicate: result.duplicates += 1
            }
        }
    }

    /// Counts the subscriptions finished, from several threads.
    private final class Finished: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
}
