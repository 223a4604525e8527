import DocBaoCore
import DocBaoLoading
import Foundation

/// The whole of a huge article, imported on a thread of its own while the reader shows its start.
struct BackgroundImport {
    private let mailbox = Mailbox<(article: Article, notice: String?)>()

    init(_ work: @escaping @Sendable () -> (article: Article, notice: String?)) {
        let mailbox = mailbox
        let thread = Thread {
            // Nice 10: on a machine with few cores the reader's own thread (keys, frames) and the
            // terminal come first; the import takes what they leave.
            Platform.lowerThreadPriority(to: 10)
            mailbox.put(work())
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result once the import is done (once: later calls return nil).
    func take() -> (article: Article, notice: String?)? { mailbox.take() }
}
