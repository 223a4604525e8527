/// Tones compared syllable by syllable: where a match and the text disagree as written, the tone of
/// each vowel group may move within the group, on the query's side always, on the text's side when
/// the match holds the whole group (the rules are in `Matcher`'s doc comment).
extension Matcher {
    /// A run of vowels in the query and the part of it that is the syllable's vowel group.
    struct QueryRun: Sendable {
        /// The run, query positions.
        var range: Range<Int>
        /// Where its vowel group starts: after the u of "qu" or the i of "gi".
        var groupStart: Int
        /// The group's one toned vowel, or nil when it has none or more than one (then it stays put).
        var toned: Int?

        static func runs(of units: [FoldedUnit]) -> [QueryRun] {
            let text = UnitArray(units: units)
            var runs: [QueryRun] = []
            var j = 0
            while j < units.count {
                guard units[j].isVowel else { j += 1; continue }
                var end = j
                while end < units.count && units[end].isVowel { end += 1 }
                let start = Matcher.groupStart(text, run: j..<end)
                runs.append(QueryRun(range: j..<end, groupStart: start, toned: Matcher.onlyToned(text, start..<end)))
                j = end
            }
            return runs
        }
    }

    /// Where the vowel group of a run of vowels starts: the u of "qu" and the i of "gi" before
    /// another vowel belong to the consonant.
    @inline(__always)
    static func groupStart<T: FoldedUnits>(_ text: T, run: Range<Int>) -> Int {
        let s = run.lowerBound
        guard run.count >= 2, s > 0 else { return s }
        let onset = text.unit(s - 1).base, first = text.unit(s).base
        return (onset == 0x71 && first == 0x75) || (onset == 0x67 && first == 0x69) ? s + 1 : s
    }

    /// The one unit of `group` with a tone, or nil when none or several have one.
    @inline(__always)
    static func onlyToned<T: FoldedUnits>(_ text: T, _ group: Range<Int>) -> Int? {
        var found: Int?
        for k in group where text.unit(k).tone != 0 {
            if found != nil { return nil }
            found = k
        }
        return found
    }

    /// Whether the query matches at `c` (bases equal there) with each vowel group's tone placed
    /// where it agrees: every unit outside vowel runs as written, each run of the window with some
    /// placement of the query group's tone and of the text group's (when the window holds it whole).
    func agreesBySyllable<T: FoldedUnits>(_ text: T, at c: Int) -> Bool {
        var j = 0
        for run in runs {
            while j < run.range.lowerBound {
                if !accepts(text.unit(c + j), query[j]) { return false }
                j += 1
            }
            if !runAgrees(run, text, at: c) { return false }
            j = run.range.upperBound
        }
        while j < query.count {
            if !accepts(text.unit(c + j), query[j]) { return false }
            j += 1
        }
        return true
    }

    private func runAgrees<T: FoldedUnits>(_ run: QueryRun, _ text: T, at c: Int) -> Bool {
        let m = query.count
        let a = run.range.lowerBound, b = run.range.upperBound
        // The text's run of vowels goes on past the window only where the query's run meets its ends.
        var s = c + a, e = c + b
        if a == 0 { while s > 0 && text.unit(s - 1).isVowel { s -= 1 } }
        if b == m { while e < text.unitCount && text.unit(e).isVowel { e += 1 } }
        let group = Matcher.groupStart(text, run: s..<e)..<e
        let textToned = group.lowerBound >= c && e <= c + m ? Matcher.onlyToned(text, group) : nil
        let textTone = textToned.map { text.unit($0).tone } ?? 0
        let queryTone = run.toned.map { query[$0].tone } ?? 0
        // Each placement of the text's tone (or none to move), then of the query's.
        for tp in textToned == nil ? c + a..<c + a + 1 : group {
            for qp in run.toned == nil ? a..<a + 1 : run.groupStart..<b {
                var all = true
                for k in a..<b {
                    var t = text.unit(c + k), q = query[k]
                    if textToned != nil {
                        t.raw &= ~FoldedUnit.toneMask
                        if c + k == tp { t.raw |= textTone }
                    }
                    if run.toned != nil {
                        q.raw &= ~FoldedUnit.toneMask
                        if k == qp { q.raw |= queryTone }
                    }
                    if !accepts(t, q) { all = false; break }
                }
                if all { return true }
            }
        }
        return false
    }
}

/// Folded units read by index: a `FoldedText`, or the units of a `VietnameseFolding.Folded`.
protocol FoldedUnits {
    var unitCount: Int { get }
    func unit(_ i: Int) -> FoldedUnit
}

extension FoldedText: FoldedUnits {
    var unitCount: Int { count }
}

struct UnitArray: FoldedUnits {
    let units: [FoldedUnit]
    var unitCount: Int { units.count }
    @inline(__always) func unit(_ i: Int) -> FoldedUnit { units[i] }
}
