import Foundation

/// Which lines of an article's cleaned text are blank, one bit a line: all the importer needs to
/// know of the whole text before it builds paragraphs (header, title and layout rules look at
/// blank lines and at a few lines' text, which it reads as they come).
///
/// Made from the cleaned lines, or from the raw bytes before any decoding (`RawScanner`), so that
/// a huge file can be imported in two passes, the first of which holds nothing but these bits.
struct LineMap: Equatable {
    private var words: [UInt64] = []
    /// How many lines the text has (one more than its line ends).
    private(set) var count = 0

    /// Adds the next line.
    mutating func append(blank: Bool) {
        if count % 64 == 0 { words.append(0) }
        if blank { words[count / 64] |= 1 << UInt64(count % 64) }
        count += 1
    }

    /// Whether line `i` is blank (nothing but spaces); lines past the end are not.
    func isBlank(_ i: Int) -> Bool {
        i >= 0 && i < count && words[i / 64] & (1 << UInt64(i % 64)) != 0
    }

    /// The first line at or after `start` that is not blank.
    func firstNonBlank(from start: Int) -> Int? {
        var i = max(0, start)
        while i < count {
            if !isBlank(i) { return i }
            i += 1
        }
        return nil
    }

    /// The last line that is not blank.
    func lastNonBlank() -> Int? {
        var i = count - 1
        while i >= 0 {
            if !isBlank(i) { return i }
            i -= 1
        }
        return nil
    }

    /// The map of cleaned text's lines (split at "\n", as the importer splits them).
    init(cleanedLines lines: some Sequence<some StringProtocol>) {
        for line in lines { append(blank: LineShape.isBlank(line)) }
    }

    init() {}

    /// Builds the map from raw UTF-8 bytes, fed in pieces of any size, without decoding them.
    ///
    /// A raw line ends at LF, CR LF or a lone CR (the sanitizer turns each into one "\n"). It is
    /// blank after cleaning exactly when it holds nothing but spaces, tabs (made spaces) and whole
    /// U+FEFF sequences EF BB BF (dropped): any other byte becomes a visible character (a control
    /// picture, U+FFFD for an invalid sequence, or itself), and NFC neither makes nor takes spaces.
    struct RawScanner {
        private(set) var map = LineMap()
        /// Whether the line so far is blank.
        private var blankSoFar = true
        /// Bytes of an EF BB BF sequence seen so far in a blank line (0 outside one).
        private var bomPart = 0
        private var previousWasCR = false

        init() {}

        mutating func feed(_ bytes: UnsafeRawBufferPointer) {
            guard let raw = bytes.baseAddress else { return }
            let base = raw.assumingMemoryBound(to: UInt8.self)
            let n = bytes.count
            /// The index of the first `byte` in `i..<end`, if any.
            func find(_ byte: Int32, _ i: Int, _ end: Int) -> Int? {
                memchr(raw + i, byte, end - i).map { raw.distance(to: UnsafeRawPointer($0)) }
            }
            var i = 0
            // Where the next CR is, found once a piece rather than once a line.
            var nextCR = -1
            while i < n {
                if !blankSoFar && !previousWasCR {
                    // The rest of a line with text: only its end matters.
                    if nextCR < i { nextCR = find(0x0D, i, n) ?? n }
                    let lf = find(0x0A, i, nextCR)
                    guard let end = lf ?? (nextCR < n ? nextCR : nil) else { return }
                    i = end
                }
                let byte = base[i]
                i += 1
                if byte == 0x0A && previousWasCR { previousWasCR = false; continue }  // the LF of CR LF
                previousWasCR = byte == 0x0D
                if byte == 0x0A || byte == 0x0D {
                    map.append(blank: blankSoFar && bomPart == 0)
                    blankSoFar = true
                    bomPart = 0
                    continue
                }
                guard blankSoFar else { continue }
                switch (bomPart, byte) {
                case (0, 0x20), (0, 0x09): break
                case (0, 0xEF): bomPart = 1
                case (1, 0xBB): bomPart = 2
                case (2, 0xBF): bomPart = 0
                default: blankSoFar = false; bomPart = 0
                }
            }
        }

        /// The map, once every byte was fed (the last line has no line end).
        consuming func finish() -> LineMap {
            map.append(blank: blankSoFar && bomPart == 0)
            return map
        }
    }
}
