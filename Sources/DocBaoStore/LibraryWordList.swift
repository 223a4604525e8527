import Foundation
import GRDB

/// The words table (`LibraryWords`) kept in memory by a store that searches more than once: the
/// words that hold a piece ("ười" in "nguoi") are then found by a scan of one buffer at memory
/// speed, where SQL's `instr` over every row costs about 0.09 µs a word (26 ms for a real
/// library's 300,000 words: BENCHMARKS.md).
///
/// A store's first search asks SQL (a `docbao search` process searches once: loading every word
/// would cost it more), whatever its number of phrases. At the start of each later search
/// (`prepare`), SQLite's `PRAGMA data_version` is read on a connection of the list's own; it
/// changes whenever any other connection (the store's writer, another process) has committed:
/// unchanged since the words were read, the list answers the search's lookups; else SQL does, and
/// the words are read again by the next search that finds the library as this one did (while an
/// import or an update commits between every two searches, each search costs SQL scans, as
/// before, rather than a reading of every word).
final class LibraryWordList: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var searches = 0
    /// Whether the lookups of the search under way use `words` (decided once per search, `prepare`).
    private var current = false
    private var connection: DatabaseQueue?
    private var version: Int?
    /// The `data_version` the last search found, when it differed from `version`.
    private var seen: Int?
    private var words = Words()

    init(path: String) {
        self.path = path
    }

    /// Called once as each search starts, whatever its number of phrases: decides whether its
    /// lookups use the list (and reads the words again when the library settled since they were
    /// read). Anything the list's own connection cannot read leaves the lookups to SQL.
    func prepare() {
        lock.lock()
        defer { lock.unlock() }
        searches += 1
        current = false
        guard searches > 1 else { return }
        do {
            if connection == nil { connection = try LibraryStore.readOnlyQueue(path) }
            current = try connection!.read { db in
                let now = try Int.fetchOne(db, sql: "PRAGMA data_version")
                guard now != version else { return true }
                guard now == seen else {
                    seen = now
                    return false
                }
                words = try Words(db)
                version = now
                return true
            }
        } catch {
            current = false
        }
    }

    /// Whether the words were read into memory, for tests.
    var isLoaded: Bool { lock.withLock { version != nil } }

    /// The words that hold `piece`, as `LibraryWords.words(holding:atEnd:db)` finds them.
    func words(holding piece: String, atEnd: Bool, _ db: Database) throws -> [(word: String, articles: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return current ? words.holding(piece, atEnd: atEnd) : try LibraryWords.words(holding: piece, atEnd: atEnd, db)
    }

    /// Every word, each followed by a line feed (no word holds one), in one buffer.
    struct Words {
        var bytes: [UInt8] = []
        /// Where each word starts in `bytes`, in order.
        var starts: [Int32] = []
        var articles: [Int32] = []

        init() {}

        init(_ db: Database) throws {
            let rows = try Row.fetchCursor(db, sql: "SELECT word, articles FROM word")
            while let row = try rows.next() {
                starts.append(Int32(bytes.count))
                try row.withUnsafeData(atIndex: 0) { bytes.append(contentsOf: $0 ?? Data()) }
                bytes.append(0x0A)
                articles.append(Int32(row[1] as Int))
            }
        }

        func holding(_ piece: String, atEnd: Bool) -> [(word: String, articles: Int)] {
            let needle = Array(piece.utf8)
            guard !needle.isEmpty else { return [] }
            var found: [(word: String, articles: Int)] = []
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                /// The first place at or after `from` that holds the piece.
                func find(_ from: Int) -> Int? {
                    var i = from
                    while i + needle.count <= all.count {
                        guard let p = memchr(base + i, Int32(needle[0]), all.count - needle.count + 1 - i) else { return nil }
                        let j = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                        if memcmp(base + j, needle, needle.count) == 0 { return j }
                        i = j + 1
                    }
                    return nil
                }
                var at = 0
                while let position = find(at) {
                    // The word it is in, and that word's end (its line feed).
                    var low = 0, high = starts.count  // the last start <= position
                    while high - low > 1 {
                        let mid = (low + high) / 2
                        if Int(starts[mid]) <= position { low = mid } else { high = mid }
                    }
                    let i = low
                    let start = Int(starts[i])
                    let end = i + 1 < starts.count ? Int(starts[i + 1]) - 1 : all.count - 1
                    let word = UnsafeBufferPointer(rebasing: all[start..<end])
                    if !atEnd || (word.count >= needle.count && word.suffix(needle.count).elementsEqual(needle)) {
                        found.append((String(decoding: word, as: UTF8.self), Int(articles[i])))
                    }
                    at = end + 1
                }
            }
            return found
        }
    }
}
