/// Where each column of the list goes at a given width: the unread mark, the title, then source,
/// date, reading time and progress on the right. Columns drop out as the screen narrows (source
/// first, then date, time, progress): each is shown only if the title keeps enough room beside it
/// (20 columns for progress and time, 28 with the date, 36 with the source).
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
        let wanted: [(WritableKeyPath<LibraryColumns, Column?>, Int, Int)] = [
            (\.progress, 4, Self.minimumTitle), (\.time, 8, Self.minimumTitle), (\.date, 10, 28),
            (\.source, width >= 120 ? 20 : 16, 36),
        ]
        title = Column(x: titleX, width: max(0, right - titleX))
        var edge = right
        for (path, w, titleRoom) in wanted {
            guard edge - w - Self.gap - titleX >= titleRoom else { break }
            edge -= w
            self[keyPath: path] = Column(x: edge, width: w)
            edge -= Self.gap
        }
        title.width = max(0, edge - titleX)
    }
}
