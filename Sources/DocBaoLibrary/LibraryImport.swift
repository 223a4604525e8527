import DocBaoCore
import Foundation

/// `docbao add`: files and folders into the library, batch by batch. Bad files are reported and
/// skipped; the rest still import. The user's files are only read.
public enum LibraryImport {
    /// A file that was not added, and why.
    public struct Skipped: Equatable, Sendable {
        public var path: String
        public var reason: String
    }

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
    }

    /// The files to import under `paths`: a file as given (whatever its name), a folder's .txt and
    /// .json files at any depth (hidden ones left out), in name order. Paths that do not exist or
    /// cannot be read are skipped with the reason.
    public static func files(in paths: [String]) -> (files: [String], skipped: [Skipped]) {
        var files: [String] = [], skipped: [Skipped] = []
        for path in paths {
            let info: stat
            do { info = try FileBytes.status(path) } catch {
                skipped.append(Skipped(path: path, reason: error.description))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                // A device or a pipe named on the command line: /dev/zero has no end.
                if info.st_mode & S_IFMT == S_IFREG { files.append(path) } else {
                    skipped.append(Skipped(path: path, reason: "not a regular file"))
                }
                continue
            }
            guard let entries = FolderWalk.entries(under: path) else {
                skipped.append(Skipped(path: path, reason: "cannot be read"))
                continue
            }
            var found: [String] = []
            for full in entries {
                guard ArticleBytes.isJSON(path: (full as NSString).lastPathComponent) != nil else { continue }
                // Only regular files (or links to them): a named pipe called x.txt would never end.
                guard let info = try? FileBytes.status(full), info.st_mode & S_IFMT == S_IFREG else {
                    skipped.append(Skipped(path: full, reason: "not a regular file"))
                    continue
                }
                found.append(full)
            }
            files += found.sorted()
        }
        return (files, skipped)
    }

    /// Reads and prepares one file, or says why it is not an article.
    public static func prepare(_ path: String) -> Result<PreparedArticle, Skipped> {
        do {
            let contents = try FileBytes.readFile(path: path, refusingBinary: true)
            if contents.changed { return .failure(Skipped(path: path, reason: "changed while being read")) }
            let bytes = contents.bytes
            let article = try ArticleBytes.parse(bytes, json: ArticleBytes.isJSON(path: path)).article
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            // The library keeps text: a name's bytes that are not UTF-8 are kept as U+FFFD.
            let name = FileName.readable(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            return .success(try PreparedArticle(article: article, original: bytes,
                                                path: FileName.readable((absolute as NSString).standardizingPath), fallbackTitle: name))
        } catch let error as FileBytes.ReadError {
            return .failure(Skipped(path: path, reason: error.description))
        } catch let error as ArticleBytes.Failure {
            return .failure(Skipped(path: path, reason: error.description))
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

extension LibraryImport.Skipped: Error {}
