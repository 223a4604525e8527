/// Matching in a `FoldedText`: the same matches as `ranges(in: Folded)`, unit by unit, but found by
/// scanning the base bytes for the query's (`ByteSearch`) and checking marks, case and word
/// boundaries only where the letters are there (tones syllable by syllable only where they differ
/// as written).
extension Matcher {
    /// The query as the scan over a `FoldedText` needs it, made once per `Matcher`.
    struct Scan: Sendable {
        /// The query's base bytes.
        let search: ByteSearch
        /// The query positions whose units need more than equal base bytes to be accepted: all in
        /// exact mode; in smart mode those with marks, and those with a base kept aside (0xFF).
        let checked: [Int]

        init?(_ query: [FoldedUnit], mode: SearchOptions.Mode) {
            guard !query.isEmpty else { return nil }
            let bases = query.map { $0.base < 0xFF ? UInt8($0.base) : 0xFF }
            search = ByteSearch(bases)
            checked = query.indices.filter { j in
                mode == .exact || query[j].raw & FoldedUnit.markMask != 0 || bases[j] == 0xFF
            }
        }
    }

    /// Every match in `text`, as ranges of unit indices, left to right, not overlapping: exactly
    /// `ranges(in:)` of the same text as `VietnameseFolding.Folded`.
    /// - Complexity: O(n) vector steps plus O(m) per place where the query's letters are.
    public func ranges(in text: FoldedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachRange(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each match in `text`, as `ranges(in:)` lists them, without the list.
    public func forEachRange(in text: FoldedText, _ body: (Range<Int>) -> Void) {
        guard let scan else { return }
        let m = query.count
        text.bases.withUnsafeBufferPointer { bases in
            var i = 0
            while let c = scan.search.firstIndex(in: bases, from: i) {
                if accepts(text, at: c, scan) {
                    body(c..<(c + m))
                    i = c + m
                } else {
                    i = c + 1
                }
            }
        }
    }

    /// Whether the query matches at unit `c`, where its base bytes are.
    @inline(__always)
    private func accepts(_ text: FoldedText, at c: Int, _ scan: Scan) -> Bool {
        var asWritten = true
        for j in scan.checked where !accepts(text.unit(c + j), query[j]) {
            asWritten = false
            break
        }
        // Without a tone in the query, smart mode has nothing a tone moved in a syllable could change.
        if !asWritten && (options.mode == .smart && !hasTone || !agreesBySyllable(text, at: c)) { return false }
        let end = c + query.count
        if options.wholeWord {
            let before = c == 0 || !text.isWordCharacter(c - 1) || !text.isWordCharacter(c)
            let after = end == text.count || !text.isWordCharacter(end) || !text.isWordCharacter(end - 1)
            guard before && after else { return false }
        }
        return true
    }
}
