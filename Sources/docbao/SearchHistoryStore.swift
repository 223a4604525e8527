import Foundation

/// The search history kept across runs: one query per line, oldest first, written atomically.
enum SearchHistoryStore {
    /// The saved queries, and a notice when the file was unreadable and had to be set aside.
    static func load(from url: URL = StatePaths.searchHistory) -> (queries: [String], notice: String?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([], nil) }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
            // Keep the damaged file for the user to look at; start with an empty history.
            let aside = url.path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            rename(url.path, aside)
            return ([], "Lịch sử tìm kiếm hỏng, đã để sang \(aside)")
        }
        return (text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }, nil)
    }

    static func save(_ queries: [String], to url: URL = StatePaths.searchHistory) throws {
        let lines = queries.map { $0.replacingOccurrences(of: "\n", with: " ") }
        try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: url)
    }
}
