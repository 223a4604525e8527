import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation

/// Keeps an article's reading position and marks in the library: restored when it opens, saved
/// every few seconds while the position changes and when the reader leaves it. The article is one
/// of the library's, or a file read where it is, known by its content (`ContentKey`).
public final class PositionKeeper {
    public enum Place: Equatable, Sendable {
        case article(Int64)
        /// A file outside the library, by the absolute path it was opened from; kept under its
        /// content key (`fileKey`).
        case file(path: String)
    }

    /// The library; for a file read before there was one, nil until something is saved, when
    /// it is made at `libraryPath` (`init(library:file:)`).
    private var opened: LibraryStore?
    private let libraryPath: String?
    public let place: Place
    /// The library article's id; nil for a file.
    public var id: Int64? {
        if case .article(let id) = place { return id }
        return nil
    }
    /// A file's content key; nil until it is needed, when the library kept nothing for a file of
    /// its size (`init(store:file:)`).
    private var fileKey: String?
    private var saved: ReadingPosition?
    private var savedAt = Date()
    private var failed = false
    /// Why the last save failed, while the library does not hold the reader's position: said on
    /// stderr when the program ends, once the terminal is restored.
    public private(set) var unsaved: String?

    public init(store: LibraryStore, id: Int64) {
        opened = store
        libraryPath = nil
        place = .article(id)
    }

    /// Keeps the position of the file at `path` (made absolute), under its content key.
    public init(store: LibraryStore, file key: String, path: String) {
        opened = store
        libraryPath = nil
        place = .file(path: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        fileKey = key
    }

    /// Keeps the position of the file at `path` under its content key (`ContentKey`); nil when
    /// it is not a regular file. The key, which reads up to 1 MB of the file, is read now only when
    /// the library keeps something for a file of its size: else when something is first saved,
    /// once the reader is on screen.
    public convenience init?(store: LibraryStore, file path: String) {
        guard let prefix = ContentKey.prefix(path: path) else { return nil }
        var key: String?
        if (try? store.keepsFiles(keyedFrom: prefix)) != false {
            guard let known = ContentKey.of(path: path) else { return nil }
            key = known
        }
        self.init(store: store, file: "", path: path)
        fileKey = key
    }

    /// Keeps the position of the file at `path` in the library at `library`, which is not there
    /// yet: nothing to restore, and the library is made (and the file's key read) only when a
    /// position or mark is first saved, once the reader is on screen. Nil when `path` is not a
    /// regular file.
    public init?(library: String, file path: String) {
        guard ContentKey.prefix(path: path) != nil else { return nil }
        libraryPath = library
        place = .file(path: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    /// The library, made now when it was not there.
    private func store() throws(LibraryError) -> LibraryStore {
        if let opened { return opened }
        let store = try LibraryStore(path: libraryPath ?? LibraryStore.defaultPath())
        opened = store
        return store
    }

    /// The file's content key, read from the file the first time it is needed.
    private func key(of path: String) -> String? {
        if fileKey == nil { fileKey = ContentKey.of(path: path) }
        return fileKey
    }

    /// Puts the article's marks, and with `position` its saved position, into `state`.
    func restore(_ state: inout ReaderState, position: Bool) {
        switch place {
        case .article(let id):
            guard let store = opened else { break }
            state.marks = (try? store.marks(id)) ?? [:]
            saved = try? store.position(id)
        case .file:
            // No key or no library yet: nothing kept for a file of this size.
            guard let key = fileKey, let store = opened else { break }
            state.marks = (try? store.fileMarks(key)) ?? [:]
            saved = try? store.filePosition(key)
        }
        if let saved { state.furthest = saved.progress }
        if position, let saved { Reader.go(&state, toSourceOffset: saved.offset) }
    }

    /// Saves the position if it changed; a message for the status line when that failed (once).
    /// Nothing is saved while a huge article's preview is shown: its offsets are not the whole's.
    /// `leaving`: the reader leaves the article (every way out saves through here), so a short
    /// article seen whole counts as read (`ReaderState.progressOnLeaving`).
    @discardableResult
    func save(_ state: ReaderState, leaving: Bool = false) -> String? {
        guard !state.loading else { return nil }
        // The progress stored is the furthest point read (`ReaderState.furthest`), never the view's:
        // scrolling back, or opening on a smaller screen, keeps "xong".
        let now = ReadingPosition(offset: state.sourceOffset, progress: leaving ? state.progressOnLeaving : state.furthest)
        guard now.offset != saved?.offset || now.progress != saved?.progress else { return nil }
        savedAt = Date()
        do {
            switch place {
            case .article(let id): try store().savePosition(id, now)
            case .file(let path):
                guard let key = key(of: path) else { return nil }  // the file is gone: nothing to keep
                try store().saveFilePosition(key, path: path, now)
            }
            saved = now
            failed = false
            unsaved = nil
            return nil
        } catch {
            unsaved = "the reading position could not be saved: \(error)"
            defer { failed = true }
            return failed ? nil : "Không lưu được vị trí đọc: \(Self.why(error))"
        }
    }

    /// `save`, when the last save is at least `seconds` old.
    func saveNow(_ state: ReaderState, ifOlderThan seconds: Double) -> String? {
        guard Date().timeIntervalSince(savedAt) >= seconds else { return nil }
        return save(state)
    }

    func saveMarks(_ marks: [Character: Int]) -> String? {
        do {
            switch place {
            case .article(let id): try store().saveMarks(id, marks)
            case .file(let path):
                guard let key = key(of: path) else { return nil }
                try store().saveFileMarks(key, marks)
            }
            return nil
        } catch {
            return "Không lưu được dấu trang: \(Self.why(error))"
        }
    }

    /// Why a save failed, short enough for the status line (the path is left out).
    private static func why(_ error: LibraryError) -> String {
        if case .readOnly(let reason) = error.problem { return "thư viện chỉ đọc được (\(reason))" }
        return error.summary
    }
}
