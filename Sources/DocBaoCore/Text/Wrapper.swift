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
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var state = State(text: text, bytes: bytes, width: max(1, width))
            state.run()
            return state.lines
        }!
    }

    /// Spaces where a line may break.
    @inline(__always)
    static func isBreakingSpace(_ c: Character) -> Bool {
        // Compared by scalar: `Character ==` on non-ASCII text goes through Unicode comparison.
        let scalars = c.unicodeScalars
        guard let v = scalars.first?.value, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return v == 0x20 || v == 0x200B || v == 0x3000 || (0x2000...0x2003).contains(v) || v == 0x2009
    }

    /// A line break: "\n" or "\r\n" (a newline is always a cluster of its own, or CR LF).
    @inline(__always)
    static func isNewline(_ c: Character) -> Bool {
        let first = c.utf8.first
        return first == 0x0A || (first == 0x0D && c.utf8.count == 2)
    }

    private struct State {
        let text: String
        let bytes: UnsafeBufferPointer<UInt8>
        let count: Int
        let width: Int
        var lines: [Line] = []
        var lineStart = 0           // UTF-8 offsets from here on
        var lineWidth = 0           // visible columns placed on the current line
        var lineHasText = false     // whether a word has been placed on the current line
        var visibleEnd = 0

        init(text: String, bytes: UnsafeBufferPointer<UInt8>, width: Int) {
            self.text = text
            self.bytes = bytes
            count = bytes.count
            self.width = width
        }

        /// What starts at offset `i`: where its grapheme cluster ends, its columns, and whether it is
        /// a line break or a breaking space. A character followed by ASCII is a cluster of its own,
        /// so ASCII and the Vietnamese letters (Latin-1, Latin Extended A/B and Additional: one
        /// column each) before ASCII — most of Vietnamese text — are answered from the bytes;
        /// anything else asks Swift's grapheme breaking.
        @inline(__always) func cluster(at i: Int) -> (end: Int, width: Int, newline: Bool, space: Bool) {
            let b = bytes[i]
            if b < 0x80 {
                if b != 0x0D && startsSimple(i + 1) {
                    return (i + 1, b >= 0x20 && b != 0x7F ? 1 : 0, b == 0x0A, b == 0x20)
                }
            } else if b >= 0xC3 && b <= 0xC6 {
                if startsSimple(i + 2) { return (i + 2, 1, false, false) }
            } else if b == 0xE1 && i + 2 < count && bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB {
                if startsSimple(i + 3) { return (i + 3, 1, false, false) }
            }
            let utf8 = text.utf8
            let index = utf8.index(utf8.startIndex, offsetBy: i)
            let next = text.index(after: index)
            let c = text[index]
            return (utf8.distance(from: utf8.startIndex, to: next), DisplayWidth.of(c), Wrapper.isNewline(c), Wrapper.isBreakingSpace(c))
        }

        /// Whether offset `j` is the end of the text or starts ASCII or a precomposed Latin letter
        /// (U+00C0–U+01BF, U+1E00–U+1EFF): none of them joins the character before it.
        @inline(__always) func startsSimple(_ j: Int) -> Bool {
            guard j < count else { return true }
            let b = bytes[j]
            return b < 0x80 || (b >= 0xC3 && b <= 0xC6)
                || (b == 0xE1 && j + 1 < count && bytes[j + 1] >= 0xB8 && bytes[j + 1] <= 0xBB)
        }

        mutating func emit(end: Int) {
            lines.append(Line(start: lineStart, end: end, visibleEnd: visibleEnd, width: lineWidth))
            lineStart = end
            visibleEnd = end
            lineWidth = 0
            lineHasText = false
        }

        mutating func run() {
            var i = 0
            var spaceStart: Int? = nil  // the run of spaces after the last placed word
            var spaceWidth = 0
            while i < count {
                let c = cluster(at: i)
                if c.newline {
                    i = c.end
                    emit(end: i)
                    spaceStart = nil; spaceWidth = 0
                    continue
                }
                if c.space {
                    if spaceStart == nil { spaceStart = i; spaceWidth = 0 }
                    spaceWidth += c.width
                    i = c.end
                    continue
                }
                // A word: scan to its end, measuring it.
                let wordStart = i
                var wordWidth = 0
                while i < count {
                    let w = cluster(at: i)
                    if w.newline || w.space { break }
                    wordWidth += w.width
                    i = w.end
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
            if lineStart < count || lines.isEmpty {
                if spaceStart != nil && !lineHasText { visibleEnd = lineStart }
                lines.append(Line(start: lineStart, end: count, visibleEnd: visibleEnd, width: lineWidth))
            }
        }

        /// Puts the word [start, end) on the current line, breaking it by grapheme clusters if it
        /// is wider than a whole line.
        mutating func place(_ start: Int, _ end: Int, _ wordWidth: Int) {
            if lineWidth + wordWidth <= width {
                lineWidth += wordWidth
                lineHasText = true
                visibleEnd = end
                return
            }
            var j = start
            while j < end {
                let c = cluster(at: j)
                if lineWidth + c.width > width && (lineHasText || lineWidth > 0) { emit(end: j) }
                lineWidth += c.width
                lineHasText = true
                j = c.end
                visibleEnd = j
            }
        }
    }
}
