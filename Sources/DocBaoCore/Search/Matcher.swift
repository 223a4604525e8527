/// Finds a query in folded text the way Vietnamese readers type: accents optional in smart mode,
/// NFC/NFD and tone placement never a difference.
///
/// The rules (`ReferenceMatcher` states them unit by unit, slowly, and every matcher is tested
/// against it):
/// - Letters compare by their base, lowercased; smart mode wants the marks the query has (case
///   ignored), exact mode the same case and marks.
/// - A syllable's tone belongs to its vowel group, not to one vowel: the maximal run of vowels
///   (a e i o u y), less the u of "qu" and the i of "gi" before another vowel. Where the query writes
///   a group's tone is free (hòa = hoà); a group of the text that the match holds whole may have its
///   tone anywhere in it ("hoà" finds "hòa"); a group the match takes only part of is read as written
///   ("ệ" finds "Việt", "ó" finds "hóa" but not "hoá", and "an" in exact mode is not in "toàn").
/// - Groups are found in the text as it is, words run together or not ("người" in "giúpngười").
public struct Matcher: Sendable {
    public let options: SearchOptions
    /// The query folded, tones as typed; empty when the query is empty (which matches nothing).
    public let query: [FoldedUnit]
    /// The query's vowel runs, for comparing tones syllable by syllable.
    let runs: [QueryRun]
    /// Whether some unit of the query has a tone (in smart mode, without one a tone never matters).
    let hasTone: Bool
    /// The query as a scan of a `FoldedText` needs it; nil for an empty query.
    let scan: Scan?

    public init(_ query: String, options: SearchOptions = SearchOptions()) {
        self.options = options
        // Whitespace at either end of a query is kept: "an " is a way to ask for a word ending.
        let units = VietnameseFolding.fold(query).units
        self.query = units
        runs = QueryRun.runs(of: units)
        hasTone = units.contains { $0.tone != 0 }
        scan = Scan(units, mode: options.mode)
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
        let t = UnitArray(units: folded.units)
        let m = query.count
        guard m > 0, t.units.count >= m else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        let last = t.units.count - m
        while i <= last {
            var j = 0
            while j < m && t.units[i + j].base == query[j].base { j += 1 }
            if j == m && agrees(t, at: i) && (!options.wholeWord || isWordBoundary(t.units, i, i + m)) {
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

    /// Whether the query's marks and case agree with the text at `c`, where the bases are equal:
    /// as written, or else syllable by syllable.
    @inline(__always)
    func agrees<T: FoldedUnits>(_ text: T, at c: Int) -> Bool {
        var asWritten = true
        for j in 0..<query.count where !accepts(text.unit(c + j), query[j]) {
            asWritten = false
            break
        }
        return asWritten || agreesBySyllable(text, at: c)
    }

    private func isWordBoundary(_ t: [FoldedUnit], _ start: Int, _ end: Int) -> Bool {
        let before = start == 0 || !t[start - 1].isWordCharacter || !t[start].isWordCharacter
        let after = end == t.count || !t[end].isWordCharacter || !t[end - 1].isWordCharacter
        return before && after
    }
}
