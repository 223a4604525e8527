/// Where each column of the list goes at a given width: the unread mark, the title, then source,
/// date, reading time and progress on the right. Columns drop out as the screen narrows (source
/// first, then date, time, progress) so the title keeps at least `minimumTitle` columns.
struct LibraryColumns: Equatable {
    struct Column: Equatable {
        var x: Int
        var width: Int
    }

    static let minimumTitle = 20
    static let gap = 2

    /// The unread mark ("●") is drawn at column 1.
    var markX = 1
    var title: Column
    var source: Column?
    var date: Column?
    var time: Column?
    var progress: Column?

    init(width: Int) {
        let titleX = 3
        let right = max(titleX, width - 1)  // one column of margin at the right
        // Right to left, the order they drop in reverse: progress, time, date, source.
        let wanted: [(WritableKeyPath<LibraryColumns, Column?>, Int)] = [
            (\.progress, 4), (\.time, 8), (\.date, 10), (\.source, width >= 120 ? 20 : 16),
        ]
        title = Column(x: titleX, width: max(0, right - titleX))
        var edge = right
        for (path, w) in wanted {
            guard edge - w - Self.gap - titleX >= Self.minimumTitle else { break }
            edge -= w
            self[keyPath: path] = Column(x: edge, width: w)
            edge -= Self.gap
        }
        title.width = max(0, edge - titleX)
        // Every column is laid out right to left; the source and date read better left-aligned,
        // the numbers right-aligned (done when drawing).
    }
}
