/// The library's list as it was when the reader opened an article from it (sorted, filtered, or a
/// search's results): the reader's keys go to the next and the previous article of it, or to the
/// next one never opened. The order is the one the user saw: reading changes the "recent" sort's
/// order, never the walk through the list.
public struct ArticleList: Equatable, Sendable {
    /// Where a key asks to go in the list.
    public enum Step: Equatable, Sendable {
        case next, previous, nextUnread
    }

    /// Where a step goes: to an index of the list, or nowhere, with why for the status line.
    public enum Move: Equatable, Sendable {
        case to(Int)
        case nowhere(String)
    }

    /// The list's articles, in its order.
    public let ids: [Int64]
    /// The articles of the list never opened; the one being read is not among them.
    public private(set) var unread: Set<Int64>
    /// The one being read.
    public private(set) var index: Int
    /// The search the list is the results of: each article opens at its first match.
    public let search: LibraryQuery?

    /// The list `ids` with the reader on `ids[index]`; `unread` those never opened.
    public init(ids: [Int64], unread: Set<Int64>, index: Int, search: LibraryQuery? = nil) {
        precondition(ids.indices.contains(index), "the article read is in the list")
        self.ids = ids
        self.unread = unread
        self.index = index
        self.search = search
        self.unread.remove(ids[index])
    }

    /// The article being read.
    public var current: Int64 { ids[index] }

    /// Where `step` goes from the article being read. The next unread one is looked for after it,
    /// then from the top of the list.
    public func move(_ step: Step) -> Move {
        switch step {
        case .next:
            return index + 1 < ids.count ? .to(index + 1) : .nowhere("Đây là bài cuối của danh sách (\(ids.count)/\(ids.count))")
        case .previous:
            return index > 0 ? .to(index - 1) : .nowhere("Đây là bài đầu của danh sách (1/\(ids.count))")
        case .nextUnread:
            guard !unread.isEmpty else { return .nowhere("Không còn bài chưa đọc trong danh sách") }
            let after = ids[(index + 1)...].firstIndex(where: unread.contains)
            return after.map(Move.to) ?? ids[..<index].firstIndex(where: unread.contains).map(Move.to)
                ?? .nowhere("Không còn bài chưa đọc trong danh sách")
        }
    }

    /// The list with the reader moved to `to`: the article left and the one opened are read.
    public func moved(to: Int) -> ArticleList {
        var list = self
        list.unread.remove(ids[index])
        list.index = max(0, min(ids.count - 1, to))
        list.unread.remove(ids[list.index])
        return list
    }

    /// "Bài 3/12 · 4 bài chưa đọc", for the status line when an article opens from the reader.
    public var label: String {
        "Bài \(index + 1)/\(ids.count)" + (unread.isEmpty ? " · hết bài chưa đọc" : " · \(unread.count) bài chưa đọc")
    }
}

extension LibraryViewState {
    /// The list on screen as the reader walks it when article `id` opens from it: the search's
    /// results when they show, else the rows as sorted and filtered. Nil when `id` is not in it.
    public func articleList(opening id: Int64) -> ArticleList? {
        let ids: [Int64]
        var search: LibraryQuery?
        if mode == .results, let r = results {
            ids = r.hits.map(\.id)
            search = r.query
        } else {
            ids = rows.map { catalog.entries[$0].id }
        }
        guard let index = ids.firstIndex(of: id) else { return nil }
        var unread = Set<Int64>()
        for entry in catalog.entries where entry.isUnread { unread.insert(entry.id) }
        unread.formIntersection(ids)
        return ArticleList(ids: ids, unread: unread, index: index, search: search)
    }
}
