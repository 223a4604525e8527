/// What the library view's update key runs: every subscription fetched and its new articles
/// added (`docbao update`'s work), given to `App` by the executable so that this target needs
/// no network code.
public protocol FeedUpdating: Sendable {
    /// Updates every subscribed feed. `progress(done, total)` is called as feeds finish, from
    /// any thread. It blocks: `App` calls it off the main loop.
    func updateAll(progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) -> FeedUpdateOutcome
}

/// What an update did, for the status line.
public struct FeedUpdateOutcome: Sendable, Equatable {
    /// Feeds fetched without error (changed or not).
    public var updatedFeeds: Int
    /// Articles added.
    public var newArticles: Int
    /// Each feed that failed: its name (or address) and why, in words.
    public var failures: [FeedUpdateFailure]

    public init(updatedFeeds: Int, newArticles: Int, failures: [FeedUpdateFailure]) {
        self.updatedFeeds = updatedFeeds
        self.newArticles = newArticles
        self.failures = failures
    }
}

/// One feed that could not be updated.
public struct FeedUpdateFailure: Sendable, Equatable {
    public var feed: String
    public var reason: String

    public init(feed: String, reason: String) {
        self.feed = feed
        self.reason = reason
    }
}
