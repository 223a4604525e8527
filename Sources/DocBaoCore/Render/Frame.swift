/// What a cell looks like; the backend's theme decides the attributes and colours of each.
/// Its raw value is its place in `allCases` (backends index tables by it).
public enum Style: Int, Equatable, Hashable, Sendable, CaseIterable {
    case normal, title, lead, heading, photoTitle, caption, credit, byline, source, url
    case sidebarHeader, sidebarEntry, sidebarCurrent, sidebarCursor, border
    case status, statusAccent, helpTitle, helpKey
    case match, currentMatch, prompt, promptInfo
    /// What stands for a control character in the text ("␛", "<U+202E>"): dim.
    case placeholder
    /// A quotation (italic) and preformatted text.
    case quote, code
}

/// A screen's worth of cells: what the backend draws, and what frame tests assert on.
///
/// Each cell holds one grapheme cluster (marks included) or, for the right half of a wide character,
/// an empty string. Zero-width clusters are never placed.
public struct Frame: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var style: Style
    }

    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: Cell(text: " ", style: .normal), count: self.size.width * self.size.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the screen; returns columns written.
    /// A wide character that would straddle the limit is replaced by a space.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, x + (maxWidth ?? size.width))
        var col = x
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            // A character is one cell's text. ASCII and precomposed Latin letters followed by
            // the same (or the end) are characters of one scalar: taken without grapheme breaking,
            // which costs more than the rest of drawing a frame.
            let scalar = scalars[i]
            var next = scalars.index(after: i)
            let cell: String, w: Int
            if Self.standsAlone(scalar), next == scalars.endIndex || Self.joinsNothing(scalars[next]) {
                cell = String(scalar)
                w = DisplayWidth.of(scalar)
            } else {
                next = text.index(after: i)
                let c = text[i]
                cell = String(c)
                w = DisplayWidth.of(c)
            }
            defer { i = next }
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, w == 2 { set(col, y, " ", style); col += 1 }
                break
            }
            if col >= 0 {
                set(col, y, cell, style)
                if w == 2 { set(col + 1, y, "", style) }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Printable ASCII and Latin letters (U+00A0–U+02FF, U+1E00–U+1EFF): no character starts
    /// with one and goes on past the next scalar unless that scalar extends it.
    @inline(__always) private static func standsAlone(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// ASCII and precomposed Latin letters (U+00C0–U+01BF, U+1E00–U+1EFF) never extend the
    /// character before them (the one exception, CR LF, starts with a control).
    @inline(__always) private static func joinsNothing(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 || (v >= 0xC0 && v < 0x1C0) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// Writes `text`, ending it with "…" when it does not fit in `maxWidth` columns.
    @discardableResult
    public mutating func putTruncated<S: StringProtocol>(_ text: S, x: Int, y: Int, maxWidth: Int, style: Style) -> Int {
        guard maxWidth > 0 else { return 0 }
        if DisplayWidth.of(text) <= maxWidth { return put(text, x: x, y: y, maxWidth: maxWidth, style: style) }
        let written = put(text, x: x, y: y, maxWidth: maxWidth - 1, style: style)
        return written + put("…", x: x + written, y: y, maxWidth: 1, style: style)
    }

    /// Sets the style of `width` cells from (x, y), keeping their text.
    public mutating func fill(x: Int, y: Int, width: Int, style: Style) {
        let lo = max(0, x), hi = min(size.width, x + width)
        guard y >= 0, y < size.height, lo < hi else { return }
        for col in lo..<hi { cells[y * size.width + col].style = style }
    }

    private mutating func set(_ x: Int, _ y: Int, _ text: String, _ style: Style) {
        guard x >= 0, x < size.width else { return }
        let i = y * size.width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[i].text.isEmpty, x > 0 { cells[i - 1].text = " " }
        if x + 1 < size.width, cells[i + 1].text.isEmpty, DisplayWidth.of(cells[i].text) == 2 { cells[i + 1].text = " " }
        cells[i] = Cell(text: text, style: style)
    }

    /// The text of each row (trailing spaces kept), for frame tests and snapshots.
    public var lines: [String] {
        (0..<size.height).map { y in
            var row = ""
            for x in 0..<size.width { row += cells[y * size.width + x].text }
            return row
        }
    }
}
