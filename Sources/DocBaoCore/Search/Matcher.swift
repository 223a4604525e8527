/// Finds a query in folded text the way Vietnamese readers type: accents optional in smart mode,
/// NFC/NFD and tone placement never a difference.
public struct Matcher: Sendable {
    public let options: SearchOptions
    /// The query folded; empty when the query is empty (which matches nothing).
    public let query: [FoldedUnit]
    /// The query with its tones where they were typed (for matches that take part of a vowel group).
    let written: [FoldedUnit]
    /// The query as a scan of a `FoldedText` needs it; nil for an empty query.
    let scan: Scan?

    public init(_ query: String, options: SearchOptions = SearchOptions()) {
        self.options = options
        // Whitespace at either end of a query is kept: "an " is a way to ask for a word ending.
        let folded = VietnameseFolding.fold(query)
        self.query = folded.units
        var written = folded.units
        for move in folded.moves {
            written[move.to].raw &= ~FoldedUnit.toneMask
            written[move.from].raw |= move.tone
        }
        self.written = written
        scan = Scan(folded.units, mode: options.mode)
    }

    public var isEmpty: Bool { query.isEmpty }

    /// Whether text unit `t` satisfies query unit `q`.
    @inline(__always)
    func accepts(_ t: FoldedUnit, _ q: FoldedUnit) -> Bool {
        switch options.mode {
        case .exact:
            return t.raw & ~FoldedUnit.wordCharacter == q.raw & ~FoldedUnit.wordCharacter
        case .smart:
            let qm = q.raw & FoldedUnit.markMask
            return (t.raw & FoldedUnit.baseMask) == (q.raw & FoldedUnit.baseMask) && (t.raw & qm) == qm
        }
    }

    /// Every match in `folded`, as ranges of unit indices, left to right, not overlapping.
    ///
    /// Unit by unit: the reference that `ranges(in: FoldedText)`, the fast scan every search uses,
    /// is tested against (MatcherDifferentialTests).
    /// - Complexity: O(n·m) in the worst case, O(n) for ordinary text.
    public func ranges(in folded: VietnameseFolding.Folded) -> [Range<Int>] {
        let t = folded.units
        let m = query.count
        guard m > 0, t.count >= m else { return [] }
        var result: [Range<Int>] = []
        let first = query[0]
        var i = 0
        let last = t.count - m
        while i <= last {
            guard accepts(t[i], first) else { i += 1; continue }
            var j = 1
            while j < m && accepts(t[i + j], query[j]) { j += 1 }
            if j == m && (!options.wholeWord || isWordBoundary(t, i, i + m))
                && (folded.moves.isEmpty || agreesAsWritten(folded, i, i + m)) {
                result.append(i..<(i + m))
                i += m
            } else {
                i += 1
            }
        }
        return result
    }

    /// Matches in `text` as UTF-8 offset ranges.
    public func matches(in text: String) -> [Range<Int>] {
        let folded = FoldedText(text)
        return folded.utf8Ranges(ranges(in: folded)) { _ in text }.map(\.range)
    }

    /// A match that takes only part of a vowel group whose tone was moved ("an" inside "toàn") is
    /// checked against the tones as written, so it does not find a tone the text does not show there.
    private func agreesAsWritten(_ folded: VietnameseFolding.Folded, _ start: Int, _ end: Int) -> Bool {
        let moves = folded.moves
        // The first move whose group ends after `start` (moves are in text order).
        var n = moves.partitionPoint { $0.group.upperBound <= start }
        while n < moves.count && moves[n].group.lowerBound < end {
            let move = moves[n]
            n += 1
            guard start > move.group.lowerBound || end < move.group.upperBound else { continue }
            for k in max(start, move.group.lowerBound)..<min(end, move.group.upperBound)
            where !accepts(folded.original(k, near: move), written[k - start]) {
                return false
            }
        }
        return true
    }

    private func isWordBoundary(_ t: [FoldedUnit], _ start: Int, _ end: Int) -> Bool {
        let before = start == 0 || !t[start - 1].isWordCharacter || !t[start].isWordCharacter
        let after = end == t.count || !t[end].isWordCharacter || !t[end - 1].isWordCharacter
        return before && after
    }
}
