/// The library's entries with what sorting and filtering them needs, computed once and kept: the
/// order of each sort (built the first time it is asked for) and the folded titles (built the first
/// time a filter is typed). Nothing here is redone per keystroke or per frame except the filter's scan.
struct LibraryCatalog: Sendable {
    let entries: [LibraryEntry]
    /// Entry indices in each order asked for so far.
    private var orders: [LibrarySort: [Int]] = [:]
    /// Each title folded for `Matcher`, by entry index (offsets dropped: filtering needs none).
    private var folded: [VietnameseFolding.Folded]?

    /// Whether some article came from a subscribed feed.
    let hasFeeds: Bool

    init(_ entries: [LibraryEntry]) {
        self.entries = entries
        hasFeeds = entries.contains { $0.feed != nil }
    }

    /// Entry indices sorted by `sort`; ties go by id, so every order is total and repeatable.
    /// - Complexity: O(n log n) the first time for each sort, O(1) after.
    mutating func order(_ sort: LibrarySort) -> [Int] {
        if let order = orders[sort] { return order }
        let order = Self.sorted(entries, by: sort)
        orders[sort] = order
        return order
    }

    static func sorted(_ entries: [LibraryEntry], by sort: LibrarySort) -> [Int] {
        var order = Array(entries.indices)
        switch sort {
        case .recent:
            // Last read first (never read after every read one), then the most recently added.
            order.sort { i, j in
                let a = entries[i], b = entries[j]
                let ra = a.lastRead ?? -.infinity, rb = b.lastRead ?? -.infinity
                if ra != rb { return ra > rb }
                if a.added != b.added { return a.added > b.added }
                return a.id < b.id
            }
        case .date:
            let keys = entries.map { $0.date.flatMap(LibraryDate.parse)?.sortValue ?? Int64.min }
            order.sort { i, j in keys[i] != keys[j] ? keys[i] > keys[j] : entries[i].id < entries[j].id }
        case .title:
            let keys = entries.map { VietnameseCollation.key($0.title) }
            let prefixes = keys.map(\.prefix)
            order.sort { i, j in
                if prefixes[i] != prefixes[j] { return prefixes[i] < prefixes[j] }
                return keys[i] != keys[j] ? keys[i] < keys[j] : entries[i].id < entries[j].id
            }
        }
        return order
    }

    /// The indices of `order` whose title `matcher` finds; all of `order` for an empty matcher.
    /// - Complexity: O(total title length); the titles are folded once, on the first call.
    mutating func filter(_ order: [Int], _ matcher: Matcher) -> [Int] {
        guard !matcher.isEmpty else { return order }
        if folded == nil {
            folded = entries.map { entry in
                var f = VietnameseFolding.fold(entry.title)
                f.offsets = []
                return f
            }
        }
        let folded = folded!
        return order.filter { !matcher.ranges(in: folded[$0]).isEmpty }
    }

    /// The index of the entry with `id`.
    /// - Complexity: O(n).
    func index(of id: Int64) -> Int? {
        entries.firstIndex { $0.id == id }
    }
}
