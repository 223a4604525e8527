import DocBaoCore
import DocBaoLoading
import Foundation

/// The library view's update key at work: `FeedUpdating.updateAll` on a thread of its own, its
/// progress and outcome taken by the view's loop when it polls. `App` keeps it, so an update goes
/// on while an article is read and is told when the view shows again.
final class LibraryUpdates {
    let updater: any FeedUpdating
    private var progress: Mailbox<(done: Int, total: Int)>?
    private var outcome: Mailbox<FeedUpdateOutcome>?

    init(_ updater: any FeedUpdating) {
        self.updater = updater
    }

    /// Starts an update unless one is running.
    func start() {
        guard outcome == nil else { return }
        let progress = Mailbox<(done: Int, total: Int)>(), outcome = Mailbox<FeedUpdateOutcome>()
        self.progress = progress
        self.outcome = outcome
        let updater = updater
        let thread = Thread {
            // As the background import: keys and frames come first.
            Platform.lowerThreadPriority(to: 10)
            outcome.put(updater.updateAll { done, total in progress.put((done, total)) })
        }
        // The fetching runs on the updater's own threads; this one waits for them, opens the library.
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The latest progress since the last call, if any.
    func takeProgress() -> (done: Int, total: Int)? { progress?.take() }

    /// What the update did, once it is over (once: the next update can start then).
    func takeOutcome() -> FeedUpdateOutcome? {
        guard let done = outcome?.take() else { return nil }
        outcome = nil
        progress = nil
        return done
    }

    /// "3 bài mới từ 5 nguồn", then each failed feed named with why, for the status line.
    static func summary(_ o: FeedUpdateOutcome) -> String {
        if o.updatedFeeds == 0 && o.failures.isEmpty { return LibraryView.noSubscriptions }
        var text = o.newArticles == 0 ? "Không có bài mới" : "\(o.newArticles) bài mới"
        text += " (\(o.updatedFeeds) nguồn đã cập nhật)"
        guard !o.failures.isEmpty else { return text }
        let named = o.failures.map { TerminalSafe.line("\($0.feed): \($0.reason)") }
        return text + " · \(o.failures.count) nguồn lỗi — " + named.joined(separator: "; ")
    }
}
