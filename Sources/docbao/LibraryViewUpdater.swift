import DocBaoApp
import DocBaoStore

/// The library view's update key (R) on the user's library (`--library`, else the default one):
/// `docbao update`'s work, its library opened when the key is pressed.
struct LibraryViewUpdater: FeedUpdating {
    /// The library file; nil for the default one.
    let path: String?

    func updateAll(progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) -> FeedUpdateOutcome {
        do {
            let store = try LibraryStore(path: path ?? LibraryStore.defaultPath())
            return FeedUpdates(store: store).updateAll(progress: progress)
        } catch {
            return FeedUpdateOutcome(updatedFeeds: 0, newArticles: 0, failures: [FeedUpdateFailure(feed: "thư viện", reason: error.summary)])
        }
    }
}
