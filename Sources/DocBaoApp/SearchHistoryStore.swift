import Foundation
import DocBaoLoading

/// The search history kept across runs: one query per line, oldest first, written atomically.
enum SearchHistoryStore {
    /// The saved queries, and a notice when the file was unreadable and had to be set aside.
    static func load(from path: String = StatePaths.searchHistory) -> (queries: [String], notice: String?) {
        guard let bytes = try? FileBytes.read(path: path) else { return ([], nil) }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            // Keep the damaged file for the user to look at; start with an empty history.
            let aside = path + ".corrupt-\(time(nil))"
            rename(path, aside)
            return ([], "Lịch sử tìm kiếm hỏng, đã để sang \(aside)")
        }
        return (text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }, nil)
    }

    static func save(_ queries: [String], to path: String = StatePaths.searchHistory) throws {
        let lines = queries.map { $0.replacingOccurrences(of: "\n", with: " ") }
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: URL(fileURLWithPath: path))
    }
}
