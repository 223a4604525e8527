/// A table row laid out as aligned columns: each cell wrapped in its column's width (the table's
/// widths, from `Block.alignTables`, shrunk to fit the reading width), two spaces between columns,
/// widths counted with the same `DisplayWidth` rules as all text.
enum TableLayout {
    /// Columns between cells.
    static let gap = 2

    static func lines(of block: Block, at index: Int, width: Int) -> [LayoutLine] {
        let text = block.text
        let cells = block.cells
        let natural = block.tableColumns ?? cells.map { DisplayWidth.of($0) }
        let widths = fit(natural, cellCount: cells.count, into: width)
        // Each cell's wrapped lines and its offset in the row's text.
        var wrapped: [(start: Int, lines: [Wrapper.Line], cell: String)] = []
        var offset = 0
        for (column, cell) in cells.enumerated() {
            wrapped.append((offset, Wrapper.wrap(cell, width: widths[column]), cell))
            offset += cell.utf8.count + 1
        }
        let height = max(1, wrapped.map(\.lines.count).max() ?? 1)
        let end = text.utf8.count
        var lines: [LayoutLine] = []
        for row in 0..<height {
            var line = ""
            var used = 0  // columns written so far
            for (column, cell) in wrapped.enumerated() where row < cell.lines.count {
                let piece = cell.lines[row]
                let utf8 = cell.cell.utf8
                let lo = utf8.index(utf8.startIndex, offsetBy: piece.start), hi = utf8.index(utf8.startIndex, offsetBy: piece.visibleEnd)
                let x = widths[..<column].reduce(0, +) + gap * column
                if x > used { line += String(repeating: " ", count: x - used); used = x }
                line += cell.cell[lo..<hi]
                used += piece.width
            }
            // The row's text from the first cell that still has a line at this row on.
            let start = row == 0 ? 0 : wrapped.first { row < $0.lines.count }.map { $0.start + $0.lines[row].start } ?? end
            lines.append(LayoutLine(block: index, start: min(start, end), end: end, text: Substring(line),
                                    textStart: nil, indent: 0, width: used, role: .tableRow))
        }
        for i in lines.indices.dropLast() { lines[i].end = max(lines[i].start, lines[i + 1].start) }
        return lines
    }

    /// Column widths that fit `width`: the natural widths when they fit; otherwise narrow columns
    /// keep theirs and the room left is shared evenly by the wider ones (at least one column each).
    static func fit(_ natural: [Int], cellCount: Int, into width: Int) -> [Int] {
        var wanted = natural.map { max(1, $0) }
        while wanted.count < cellCount { wanted.append(1) }
        let count = wanted.count
        guard count > 0 else { return [] }
        var room = max(count, width - gap * (count - 1))
        if wanted.reduce(0, +) <= room { return wanted }
        var result = Array(repeating: 0, count: count)
        var left = Array(wanted.indices).sorted { wanted[$0] < wanted[$1] }
        while let first = left.first {
            let share = max(1, room / left.count)
            if wanted[first] <= share {
                result[first] = wanted[first]
                room -= wanted[first]
                left.removeFirst()
            } else {
                for (n, column) in left.enumerated() {
                    result[column] = max(1, room / left.count + (n < room % left.count ? 1 : 0))
                }
                break
            }
        }
        return result
    }
}
