import DocBaoCore
import Foundation

/// The whole of a huge article, imported on a thread of its own while the reader shows its start.
struct BackgroundImport {
    private let mailbox = Mailbox<(article: Article, notice: String?)>()

    init(_ work: @escaping @Sendable () -> (article: Article, notice: String?)) {
        let mailbox = mailbox
        let thread = Thread {
            // Nice 10: on a machine with few cores the reader's own thread (keys, frames) and the
            // terminal come first; the import takes what they leave.
            if let id = Self.threadID() { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, 10) }
            mailbox.put(work())
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The calling thread's id (the last part of /proc/thread-self, "PID/task/TID"), or nil.
    static func threadID() -> id_t? {
        var link = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &link, link.count)
        guard count > 0 else { return nil }
        let path = String(decoding: link.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/").last.flatMap { id_t($0) }
    }

    /// The result once the import is done (once: later calls return nil).
    func take() -> (article: Article, notice: String?)? { mailbox.take() }
}
