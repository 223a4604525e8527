/// Tables as docbao keeps them: one `.tableRow` block per row, its cells joined by tabs in the
/// block's text (clean text has no tab: `TextSanitizer` turns tabs into spaces), so search and the
/// library see a row's words like any other text, and a row costs no more than a paragraph.
extension Block {
    /// The character between a row's cells in its text.
    public static let cellSeparator: Character = "\t"

    /// A table row from cells that are clean text (a tab in a cell is made a space, so the cells
    /// read back as given).
    public static func tableRow(_ cells: [String]) -> Block {
        Block(.tableRow, cells.map { $0.replacing("\t", with: " ") }.joined(separator: String(cellSeparator)))
    }

    /// A table row's cells (for any other block, its text as one cell).
    public var cells: [String] {
        guard kind == .tableRow else { return [text] }
        return text.split(separator: Block.cellSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    /// Gives each run of consecutive table rows its table's column widths (`tableColumns`): the
    /// widest cell of each column, in terminal columns. Rows are laid out one at a time; the widths
    /// measured here once are what keeps a table's columns aligned. The rows of one table share one
    /// note, so a long table costs one array.
    public static func alignTables(_ blocks: inout [Block]) {
        var index = 0
        while index < blocks.count {
            guard blocks[index].kind == .tableRow else { index += 1; continue }
            var end = index
            var widths: [Int] = []
            while end < blocks.count && blocks[end].kind == .tableRow {
                for (column, cell) in blocks[end].cells.enumerated() {
                    let width = DisplayWidth.of(cell)
                    if column < widths.count { widths[column] = max(widths[column], width) } else { widths.append(width) }
                }
                end += 1
            }
            let shared = Notes(credit: nil, url: nil, columns: widths)
            for row in index..<end { blocks[row].notes = blocks[row].notes.map {
                Notes(credit: $0.credit, url: $0.url, file: $0.file, columns: widths)
            } ?? shared }
            index = end
        }
    }
}
