import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation

/// The library view as the event loop runs it: the core's `LibraryView` for messages, reducing and
/// drawing, and the effect runner around it: searches run against the store, the history saved.
struct LibraryScreen: Program {
    typealias State = LibraryViewState
    typealias Message = LibraryMessage
    typealias Effect = LibraryEffect

    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        /// Open this article; with a search, at its first match.
        case open(id: Int64, search: LibraryQuery?)
    }

    let store: LibraryStore
    let historyPath: String
    /// What the update key runs; nil when this program was given nothing to update with.
    var updates: LibraryUpdates?

    /// The view's state for `store`, its cursor on `select` if given.
    static func state(_ store: LibraryStore, size: Size, settings: ReaderSettings, select: Int64?,
                      historyPath: String) throws(LibraryError) -> LibraryViewState {
        var state = LibraryViewState(entries: try store.rows(), size: size, history: SearchHistoryStore.load(from: historyPath).queries,
                                     promptDefaults: settings.promptDefaults, keyMap: settings.libraryKeyMap)
        if let select { _ = LibraryView.reduce(&state, .select(id: select)) }
        return state
    }

    func message(for event: InputEvent, in state: LibraryViewState) -> LibraryMessage? { LibraryView.message(for: event, in: state) }
    func message(forSignal signal: Int32) -> LibraryMessage { .signal(signal) }
    func reduce(_ state: inout LibraryViewState, _ message: LibraryMessage) -> [LibraryEffect] { LibraryView.reduce(&state, message) }
    func render(_ state: LibraryViewState) -> Frame { LibraryRenderer.render(state) }

    mutating func perform(_ effect: LibraryEffect, in state: LibraryViewState) -> EffectResult<LibraryMessage, Outcome> {
        switch effect {
        case .quit: return .finish(.quit)
        case .signalled(let n): return .finish(.signal(n))
        case .open(let id, let search): return .finish(.open(id: id, search: search))
        case .redrawAll: return .repaint
        case .update:
            guard let updates else {
                return .send([.updated((try? store.rows()) ?? state.entries, summary: "Thư viện tạm không có nguồn tin để cập nhật (docbao update cập nhật thư viện của bạn)")])
            }
            updates.start()
            return .done
        case .remove(let id, let title):
            do {
                let removed = try store.remove([id])
                let rows = try store.rows()
                return .send([.entries(rows), .notice(removed.isEmpty ? "Bài này đã không còn trong thư viện" : "Đã xoá “\(title)”")])
            } catch {
                return .send([.notice("Không xoá được: \(error.summary)")])
            }
        case .markRead(let ids, let read):
            do {
                if read { try store.markRead(ids) } else { try store.markUnread(ids) }
                let what = read ? "đã đọc" : "chưa đọc"
                let said = ids.count == 1 ? "Đã đánh dấu \(what)" : "Đã đánh dấu \(ids.count) bài \(what)"
                return .send([.entries(try store.rows()), .notice(said)])
            } catch {
                return .send([.notice("Không đánh dấu được: \(error.summary)")])
            }
        case .saveHistory(let queries):
            do { try SearchHistoryStore.save(queries, to: historyPath) } catch {
                return .send([.notice("Không lưu được lịch sử tìm kiếm: \(error)")])
            }
            return .done
        case .search(let query, let options):
            do {
                let found = try store.search(query, options: options, limit: Self.searchLimit)
                var answers: [LibraryMessage] = [.results(query: query, options: options, hits: found.hits.map(Self.hit))]
                if !found.complete {
                    answers.append(.notice("Hơn \(Self.searchLimit) bài khớp: đây là \(Self.searchLimit) bài khớp nhất"))
                }
                return .send(answers)
            } catch {
                return .send([.notice("Tìm kiếm thất bại: \(error)")])
            }
        }
    }

    /// The update's progress, and once it is over the entries with its new articles.
    mutating func poll(_ state: LibraryViewState) -> [LibraryMessage] {
        guard state.updating != nil, let updates else { return [] }
        if let outcome = updates.takeOutcome() {
            let summary = LibraryUpdates.summary(outcome)
            do {
                return [.updated(try store.rows(), summary: summary)]
            } catch {
                return [.updated(state.entries, summary: summary + " · không đọc lại được thư viện: \(error.summary)")]
            }
        }
        return updates.takeProgress().map { [.updateProgress(done: $0.done, total: $0.total)] } ?? []
    }

    /// Often while an update runs, for its progress.
    func waitTimeout(_ state: LibraryViewState) -> Int32 { state.updating != nil ? 100 : 250 }

    /// How many articles a search in the view lists at most (the newest first).
    static let searchLimit = 200

    static func hit(_ h: LibrarySearchHit) -> LibraryHit {
        LibraryHit(id: h.id, title: h.title, source: h.source, hits: h.hits, snippet: h.snippet, highlights: h.highlights)
    }
}
