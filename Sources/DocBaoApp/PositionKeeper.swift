import DocBaoCore
import DocBaoStore
import Foundation

/// Keeps an article's reading position and marks in the library: restored when it opens, saved
/// every few seconds while the position changes and when the reader leaves it.
public final class PositionKeeper {
    let store: LibraryStore
    let id: Int64
    private var saved: ReadingPosition?
    private var savedAt = Date()
    private var failed = false
    /// Why the last save failed, while the library does not hold the reader's position: said on
    /// stderr when the program ends, once the terminal is restored.
    public private(set) var unsaved: String?

    public init(store: LibraryStore, id: Int64) {
        self.store = store
        self.id = id
    }

    /// Puts the article's marks, and with `position` its saved position, into `state`.
    func restore(_ state: inout ReaderState, position: Bool) {
        state.marks = (try? store.marks(id)) ?? [:]
        saved = try? store.position(id)
        if let saved { state.furthest = saved.progress }
        if position, let saved { Reader.go(&state, toSourceOffset: saved.offset) }
    }

    /// Saves the position if it changed; a message for the status line when that failed (once).
    /// Nothing is saved while a huge article's preview is shown: its offsets are not the whole's.
    @discardableResult
    func save(_ state: ReaderState) -> String? {
        guard !state.loading else { return nil }
        // The progress stored is the furthest point read (`ReaderState.furthest`), never the view's:
        // scrolling back, or opening on a smaller screen, keeps "xong".
        let now = ReadingPosition(offset: state.sourceOffset, progress: state.furthest)
        guard now.offset != saved?.offset || now.progress != saved?.progress else { return nil }
        savedAt = Date()
        do {
            try store.savePosition(id, now)
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
            try store.saveMarks(id, marks)
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
