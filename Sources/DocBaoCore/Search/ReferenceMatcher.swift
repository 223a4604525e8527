import Foundation

/// The rules of matching (`Matcher`'s doc comment) stated as plainly as they can be, character by
/// character, and slowly: every search of docbao (the reader, `grep`, `--exact`, the library) is
/// tested against it over the shared corpora (MatcherReferenceTests, LibraryReferenceTests).
///
/// It shares no code with `Matcher`: characters are split here with the standard library's
/// canonical decomposition, and tone placements are tried one by one, every respelling of the
/// query against every respelling of the text that the rules allow.
public enum ReferenceMatcher {
    /// A user-perceived character as matching sees it.
    struct Char {
        /// The base letter, lowercased ("d" for đ); nil for a mark with no letter before it.
        var base: Unicode.Scalar?
        var uppercase: Bool
        /// Letter marks (breve, circumflex, horn, the stroke of đ, spelled "đ"), as scalars.
        var letterMarks: Set<UInt32>
        /// Tone marks, as scalars (U+0300 grave, U+0301 acute, U+0309 hook, U+0303 tilde, U+0323 dot).
        var tones: Set<UInt32>
        /// Whether some mark that is neither was there (all such marks count as one).
        var otherMark: Bool
        var word: Bool
        /// Where the character is in the text, UTF-8 offsets.
        var range: Range<Int>

        var isVowel: Bool { base.map { "aeiouy".unicodeScalars.contains($0) } ?? false }
    }

    static let toneScalars: Set<UInt32> = [0x300, 0x301, 0x309, 0x303, 0x323]
    static let letterMarkScalars: Set<UInt32> = [0x306, 0x302, 0x31B]
    static let stroke: UInt32 = 0x111

    /// `text` as characters: a scalar and the grapheme extenders after it.
    static func characters(_ text: String) -> [Char] {
        var chars: [Char] = []
        var offset = 0
        for s in text.unicodeScalars {
            let length = String(s).utf8.count
            defer { offset += length }
            if s.value >= 0x300 && s.properties.isGraphemeExtend {
                if chars.isEmpty {
                    chars.append(Char(base: nil, uppercase: false, letterMarks: [], tones: [], otherMark: false, word: false,
                                      range: offset..<offset))
                }
                add(s.value, to: &chars[chars.count - 1])
                chars[chars.count - 1].range = chars[chars.count - 1].range.lowerBound..<offset + length
                continue
            }
            var c = Char(base: nil, uppercase: false, letterMarks: [], tones: [], otherMark: false, word: false, range: offset..<offset + length)
            var decomposed = Array(String(s).decomposedStringWithCanonicalMapping.unicodeScalars)
            if s == "đ" || s == "Đ" {
                decomposed = [s == "đ" ? "d" : "D"]
                c.letterMarks.insert(stroke)
            }
            var base = decomposed[0]
            for mark in decomposed.dropFirst() { add(mark.value, to: &c) }
            if s == "\t" || s == "\n" || s == "\r" || (s.value >= 0x80 && s.properties.isWhitespace) { base = " " }
            let lower = Array(base.properties.lowercaseMapping.unicodeScalars)
            if base.properties.isUppercase && lower.count == 1 {
                base = lower[0]
                c.uppercase = true
            }
            c.base = base
            c.word = base.properties.isAlphabetic || base.properties.numericType != nil
            chars.append(c)
        }
        return chars
    }

    private static func add(_ mark: UInt32, to c: inout Char) {
        if toneScalars.contains(mark) { c.tones.insert(mark) }
        else if letterMarkScalars.contains(mark) { c.letterMarks.insert(mark) }
        else { c.otherMark = true }
    }

    /// Whether text character `t` satisfies query character `q`: in smart mode the same letter with
    /// at least the query's marks, in exact mode the same letter, case and marks.
    static func accepts(_ t: Char, _ q: Char, _ mode: SearchOptions.Mode) -> Bool {
        guard t.base == q.base else { return false }
        switch mode {
        case .exact:
            return t.uppercase == q.uppercase && t.letterMarks == q.letterMarks && t.tones == q.tones && t.otherMark == q.otherMark
        case .smart:
            return q.letterMarks.isSubset(of: t.letterMarks) && q.tones.isSubset(of: t.tones) && (!q.otherMark || t.otherMark)
        }
    }

    /// A vowel group whose tone may move: its characters and the one that has the tone.
    struct Group {
        var range: Range<Int>
        var toned: Int
    }

    /// The vowel groups of `chars` that have exactly one toned character: the maximal runs of
    /// vowels, less the u after q and the i after g when another vowel follows.
    static func movableGroups(_ chars: [Char]) -> [Group] {
        var groups: [Group] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isVowel else { i += 1; continue }
            var end = i
            while end < chars.count && chars[end].isVowel { end += 1 }
            var start = i
            if end - i >= 2 && i > 0 {
                let onset = chars[i - 1].base, first = chars[i].base
                if (onset == "q" && first == "u") || (onset == "g" && first == "i") { start += 1 }
            }
            let toned = (start..<end).filter { !chars[$0].tones.isEmpty }
            if toned.count == 1 { groups.append(Group(range: start..<end, toned: toned[0])) }
            i = end
        }
        return groups
    }

    /// Every spelling of `chars` with the tone of each group in `groups` moved to any of its vowels.
    static func respellings(_ chars: [Char], _ groups: [Group]) -> [[Char]] {
        var result = [chars]
        for g in groups {
            var next: [[Char]] = []
            for spelling in result {
                for place in g.range {
                    var s = spelling
                    let tones = s[g.toned].tones
                    s[g.toned].tones = []
                    s[place].tones = tones
                    next.append(s)
                }
            }
            result = next
        }
        return result
    }

    /// The matches of `query` in `text`, left to right, not overlapping, as UTF-8 ranges of `text`.
    public static func matches(_ query: String, in text: String, options: SearchOptions = SearchOptions()) -> [Range<Int>] {
        Query(query, options: options).matches(in: characters(text))
    }

    /// A query split and respelled once, for many texts.
    struct Query {
        let options: SearchOptions
        /// Every spelling of the query, its tones moved within their groups.
        let spellings: [[Char]]
        /// The query's base letters, UTF-8, for a quick look for lines that cannot match.
        let bases: Data

        init(_ query: String, options: SearchOptions) {
            self.options = options
            let chars = ReferenceMatcher.characters(query)
            spellings = ReferenceMatcher.respellings(chars, ReferenceMatcher.movableGroups(chars))
            bases = ReferenceMatcher.bases(chars)
        }

        func matches(in t: [Char]) -> [Range<Int>] {
            let m = spellings[0].count
            guard m > 0, t.count >= m else { return [] }
            let textGroups = ReferenceMatcher.movableGroups(t)
            var result: [Range<Int>] = []
            var i = 0
            while i <= t.count - m {
                if matches(t, textGroups, at: i) {
                    result.append(t[i].range.lowerBound..<t[i + m - 1].range.upperBound)
                    i += m
                } else {
                    i += 1
                }
            }
            return result
        }

        private func matches(_ t: [Char], _ textGroups: [Group], at i: Int) -> Bool {
            let m = spellings[0].count
            guard (0..<m).allSatisfy({ t[i + $0].base == spellings[0][$0].base }) else { return false }
            if options.wholeWord {
                let end = i + m
                let before = i == 0 || !t[i - 1].word || !t[i].word
                let after = end == t.count || !t[end].word || !t[end - 1].word
                guard before && after else { return false }
            }
            // Only the groups the window holds whole may move; the others are read as written.
            let inside = textGroups.filter { $0.range.lowerBound >= i && $0.range.upperBound <= i + m }
            let window = Array(t[i..<(i + m)])
            let shifted = inside.map { Group(range: ($0.range.lowerBound - i)..<($0.range.upperBound - i), toned: $0.toned - i) }
            for text in ReferenceMatcher.respellings(window, shifted) {
                for query in spellings where (0..<m).allSatisfy({ ReferenceMatcher.accepts(text[$0], query[$0], options.mode) }) {
                    return true
                }
            }
            return false
        }
    }

    /// The base letters of `chars` in UTF-8 (a mark with no letter: a zero byte).
    static func bases(_ chars: [Char]) -> Data {
        Data(String(String.UnicodeScalarView(chars.map { $0.base ?? "\u{0}" })).utf8)
    }
}
