import DocBaoCore
import DocBaoLoading
import Foundation

/// `docbao add`: files and folders into the library, batch by batch. Bad files are reported and
/// skipped; the rest still import. The user's files are only read.
public enum LibraryImport {
    /// A file that was not added, and why.
    public typealias Skipped = SkippedFile

    public struct Summary: Equatable, Sendable {
        public var added: [Int64] = []
        public var duplicates = 0
        public var skipped: [Skipped] = []

        /// "312 added, 4 already there, 1 skipped: binary file".
        public var line: String {
            var parts = ["\(added.count) added", "\(duplicates) already there"]
            if !skipped.isEmpty {
                let reasons = Dictionary(grouping: skipped, by: \.reason).sorted { $0.value.count > $1.value.count }
                let first = reasons.count == 1 ? ": " + reasons[0].key : ""
                parts.append("\(skipped.count) skipped" + first)
            }
            return parts.joined(separator: ", ")
        }

        /// Adds what `other` counted (a feed's entries, another batch) to this summary.
        public mutating func merge(_ other: Summary) {
            added += other.added
            duplicates += other.duplicates
            skipped += other.skipped
        }
    }

    /// Reads and prepares one file through the loading layer, or says why it is not an article.
    public static func prepare(_ path: String) -> Result<PreparedArticle, Skipped> {
        do {
            let (imported, bytes) = try ArticleLoader.loadWhole(path: path)
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            // The library keeps text: a name's bytes that are not UTF-8 are kept as U+FFFD.
            let name = FileName.readable(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            return .success(try PreparedArticle(article: imported.article, original: bytes,
                                                path: FileName.readable((absolute as NSString).standardizingPath), fallbackTitle: name))
        } catch let error as LoadError {
            return .failure(Skipped(path: path, reason: error.reason))
        } catch {
            return .failure(Skipped(path: path, reason: "\(error)"))
        }
    }

    /// Adds `files` to `store`, `batchSize` files per transaction, preparing each batch on every
    /// core. `progress(done, total)` is called after each batch. A database error stops the import
    /// (what was committed stays) and is thrown with the summary so far.
    public static func run(_ files: [String], into store: LibraryStore, batchSize: Int = 128,
                           progress: (Int, Int) -> Void = { _, _ in }) throws(Interrupted) -> Summary {
        var summary = Summary()
        var done = 0
        for batch in batches(files, count: max(1, batchSize), bytes: batchBytes) {
            let prepared = prepareAll(batch)
            var ready: [PreparedArticle] = []
            for result in prepared {
                switch result {
                case .success(let a): ready.append(a)
                case .failure(let skip): summary.skipped.append(skip)
                }
            }
            try add(ready, into: store, summary: &summary)
            done += batch.count
            progress(done, files.count)
        }
        return summary
    }

    /// At most this many bytes of files are prepared at once (a batch of big files is smaller).
    static let batchBytes = 32 << 20

    /// The files in order, cut into batches of at most `count` files and, but for a lone big file,
    /// `bytes` bytes: a batch's articles are all in memory at once.
    static func batches(_ files: [String], count: Int, bytes: Int) -> [[String]] {
        var result: [[String]] = [], current: [String] = [], size = 0
        for file in files {
            let fileSize = Int((try? FileBytes.status(file))?.st_size ?? 0)
            if !current.isEmpty && (current.count == count || size + fileSize > bytes) {
                result.append(current)
                current = []
                size = 0
            }
            current.append(file)
            size += fileSize
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Adds one batch in one transaction, counting what was added and what was already there.
    public static func add(_ ready: [PreparedArticle], into store: LibraryStore, summary: inout Summary) throws(Interrupted) {
        do {
            for outcome in try store.add(ready) {
                switch outcome {
                case .added(let id): summary.added.append(id)
                case .duplicate: summary.duplicates += 1
                }
            }
        } catch {
            throw Interrupted(error: error, summary: summary)
        }
    }

    /// An import stopped by the database; `summary` is what was committed before.
    public struct Interrupted: Error {
        public var error: LibraryError
        public var summary: Summary
    }

    /// `prepare` for each path, in order, spread over the machine's cores.
    static func prepareAll(_ paths: [String]) -> [Result<PreparedArticle, Skipped>] {
        let results = ResultSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in results.set(i, prepare(paths[i])) }
        return results.values
    }

    /// Slots written from several threads, each by one.
    private final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<PreparedArticle, Skipped>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: Result<PreparedArticle, Skipped>) {
            lock.lock()
            slots[i] = value
            lock.unlock()
        }

        var values: [Result<PreparedArticle, Skipped>] { slots.map { $0! } }
    }
}
