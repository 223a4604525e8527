/// Breaks a paragraph into lines of at most `width` terminal columns.
///
/// Lines break at spaces (and zero-width spaces); a word longer than the line is broken between
/// grapheme clusters, so a letter is never separated from its marks. Lines tile the text: each
/// line's range starts where the previous one ended, and the spaces at a break stay at the end of
/// the line they follow (they are not displayed). A "\n" in the text forces a break.
public enum Wrapper {
    /// One wrapped line: its UTF-8 offsets in the paragraph and the columns its visible part takes.
    public struct Line: Equatable, Sendable {
        /// UTF-8 offset of the line's first byte.
        public var start: Int
        /// UTF-8 offset just past the line, trailing spaces and newline included.
        public var end: Int
        /// UTF-8 offset just past the line's visible text (trailing spaces and newline excluded).
        public var visibleEnd: Int
        /// Columns taken by the visible text.
        public var width: Int
    }

    /// Wraps `text` to `width` columns (at least 1).
    /// - Complexity: O(n) in the length of `text`.
    public static func wrap(_ text: String, width: Int) -> [Line] {
        var state = State(text: text, width: max(1, width))
        state.run()
        return state.lines
    }

    /// Spaces where a line may break.
    @inline(__always)
    static func isBreakingSpace(_ c: Character) -> Bool {
        // Compared by scalar: `Character ==` on non-ASCII text goes through Unicode comparison.
        let scalars = c.unicodeScalars
        guard let v = scalars.first?.value, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return v == 0x20 || v == 0x200B || v == 0x3000 || v == 0x2002 || v == 0x2003 || v == 0x2009
    }

    /// A line break: "\n" or "\r\n" (a newline is always a cluster of its own, or CR LF).
    @inline(__always)
    static func isNewline(_ c: Character) -> Bool {
        let first = c.utf8.first
        return first == 0x0A || (first == 0x0D && c.utf8.count == 2)
    }

    private struct State {
        let text: String
        let width: Int
        var lines: [Line] = []
        var lineStart: String.Index
        var lineWidth = 0           // visible columns placed on the current line
        var lineHasText = false     // whether a word has been placed on the current line
        var visibleEnd: String.Index

        init(text: String, width: Int) {
            self.text = text
            self.width = width
            lineStart = text.startIndex
            visibleEnd = text.startIndex
        }

        func offset(_ i: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: i) }

        mutating func emit(end: String.Index) {
            lines.append(Line(start: offset(lineStart), end: offset(end), visibleEnd: offset(visibleEnd), width: lineWidth))
            lineStart = end
            visibleEnd = end
            lineWidth = 0
            lineHasText = false
        }

        mutating func run() {
            var i = text.startIndex
            var spaceStart: String.Index? = nil  // the run of spaces after the last placed word
            var spaceWidth = 0
            while i < text.endIndex {
                let c = text[i]
                if Wrapper.isNewline(c) {
                    i = text.index(after: i)
                    emit(end: i)
                    spaceStart = nil; spaceWidth = 0
                    continue
                }
                if Wrapper.isBreakingSpace(c) {
                    if spaceStart == nil { spaceStart = i; spaceWidth = 0 }
                    spaceWidth += DisplayWidth.of(c)
                    i = text.index(after: i)
                    continue
                }
                // A word: scan to its end, measuring it.
                let wordStart = i
                var wordWidth = 0
                while i < text.endIndex {
                    let w = text[i]
                    if Wrapper.isNewline(w) || Wrapper.isBreakingSpace(w) { break }
                    wordWidth += DisplayWidth.of(w)
                    i = text.index(after: i)
                }
                if let s = spaceStart {
                    if lineHasText {
                        if lineWidth + spaceWidth + wordWidth <= width {
                            lineWidth += spaceWidth  // interior spaces are visible
                        } else {
                            emit(end: wordStart)      // the space run stays with the line it ends
                        }
                    } else if s == lineStart {
                        // Spaces opening a paragraph are indentation: keep them visible if they fit.
                        if spaceWidth < width { lineWidth = spaceWidth } else { emit(end: wordStart) }
                    }
                    spaceStart = nil; spaceWidth = 0
                }
                place(wordStart, i, wordWidth)
            }
            if lineStart < text.endIndex || lines.isEmpty {
                if spaceStart != nil && !lineHasText { visibleEnd = lineStart }
                lines.append(Line(start: offset(lineStart), end: offset(text.endIndex),
                                  visibleEnd: offset(visibleEnd), width: lineWidth))
            }
        }

        /// Puts the word [start, end) on the current line, breaking it by grapheme clusters if it
        /// is wider than a whole line.
        mutating func place(_ start: String.Index, _ end: String.Index, _ wordWidth: Int) {
            if lineWidth + wordWidth <= width {
                lineWidth += wordWidth
                lineHasText = true
                visibleEnd = end
                return
            }
            var j = start
            while j < end {
                let w = DisplayWidth.of(text[j])
                if lineWidth + w > width && (lineHasText || lineWidth > 0) { emit(end: j) }
                lineWidth += w
                lineHasText = true
                j = text.index(after: j)
                visibleEnd = j
            }
        }
    }
}
