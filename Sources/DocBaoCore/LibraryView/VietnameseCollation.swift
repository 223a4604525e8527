/// Sort keys for Vietnamese alphabetical order, as dictionaries and phone books use it.
///
/// - **Letters** come in the Vietnamese alphabet's order, a ă â b c d đ e ê g h i k l m n o ô ơ p q r
///   s t u ư v x y, with the foreign letters f j w z where Latin puts them: "Đà Nẵng" comes after
///   every "D…" word, "ăn" after every "an…", "ơ" after "ô".
/// - **Tones** are a secondary difference, compared only between titles whose letters are the same,
///   in dictionary order: no tone, huyền, hỏi, ngã, sắc, nặng (ba < bà < bả < bã < bá < bạ).
/// - **Case** is a tertiary difference (lowercase first); NFC and NFD give the same key, and so do
///   the two tone placements (hòa = hoà, thủy = thuỷ).
/// - **Punctuation and spaces** only separate words: quotes around a title do not move it, and
///   "an" comes before "an toàn" before "anh". Numbers sort by value ("2" < "10"), before letters.
/// - **Eth** (Ð ð, U+00D0/U+00F0), often typed for Đ đ, sorts as Đ đ.
public enum VietnameseCollation {
    /// A key that compares in the order above; equal keys mean the titles read the same.
    public struct Key: Comparable, Hashable, Sendable {
        /// Primary weights, a 0, then one secondary (tone) weight per primary weight, then one
        /// tertiary (case) weight per primary weight.
        public let weights: [UInt32]

        public static func < (a: Key, b: Key) -> Bool { a.weights.lexicographicallyPrecedes(b.weights) }

        /// The first four primary weights packed in 64 bits: `a.prefix < b.prefix` implies `a < b`,
        /// so a sort can compare these first and the whole keys only on a tie.
        public var prefix: UInt64 {
            var p: UInt64 = 0
            for k in 0..<4 { p = p << 16 | UInt64(min(k < weights.count ? weights[k] : 0, 0xFFFF)) }
            return p
        }
    }

    /// The alphabet, in order; each letter written as its base and the letter marks it carries.
    static let alphabet: [(base: Character, marks: UInt32)] = [
        ("a", 0), ("a", FoldedUnit.breve), ("a", FoldedUnit.circumflex), ("b", 0), ("c", 0), ("d", 0),
        ("d", FoldedUnit.stroke), ("e", 0), ("e", FoldedUnit.circumflex), ("f", 0), ("g", 0), ("h", 0),
        ("i", 0), ("j", 0), ("k", 0), ("l", 0), ("m", 0), ("n", 0), ("o", 0), ("o", FoldedUnit.circumflex),
        ("o", FoldedUnit.horn), ("p", 0), ("q", 0), ("r", 0), ("s", 0), ("t", 0), ("u", 0),
        ("u", FoldedUnit.horn), ("v", 0), ("w", 0), ("x", 0), ("y", 0), ("z", 0),
    ]

    /// The marks that make a letter of the alphabet (as opposed to tones).
    static let letterMarks = FoldedUnit.breve | FoldedUnit.circumflex | FoldedUnit.horn | FoldedUnit.stroke

    /// Primary weight of each (base a–z, letter marks) pair: indexed by (base - "a") * 16 + marks.
    private static let letterWeights: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 26 * 16)
        for (rank, letter) in alphabet.enumerated() {
            let base = Int(letter.base.asciiValue! - 0x61)
            table[base * 16 + Int(letter.marks)] = letterBase + UInt32(rank)
        }
        return table
    }()

    static let separator: UInt32 = 1
    /// Digit runs: a length weight (2 + digits, at most 22), then each digit as 2 + its value.
    static let digitBase: UInt32 = 2
    static let letterBase: UInt32 = 32
    /// Letters of other scripts follow the Latin ones, by code point.
    static let otherBase: UInt32 = 0x100

    /// The sort key of `text`.
    /// - Complexity: O(n) in the length of the text.
    public static func key(_ text: String) -> Key {
        var units = VietnameseFolding.fold(text).units
        tonesOnFirstVowel(&units)
        var primary: [UInt32] = [], secondary: [UInt32] = [], tertiary: [UInt32] = []
        // Room for all three levels, so they end up in `primary` without another allocation.
        primary.reserveCapacity(3 * units.count + 8)
        secondary.reserveCapacity(units.count + 2)
        tertiary.reserveCapacity(units.count + 2)
        var pendingSeparator = false
        var i = 0
        while i < units.count {
            let u = units[i]
            guard u.isWordCharacter else {
                pendingSeparator = !primary.isEmpty  // leading separators are dropped, runs collapse
                i += 1
                continue
            }
            if pendingSeparator {
                primary.append(separator); secondary.append(0); tertiary.append(0)
                pendingSeparator = false
            }
            if u.base >= 0x30 && u.base <= 0x39 {
                var end = i
                while end < units.count, units[end].base >= 0x30, units[end].base <= 0x39, units[end].isWordCharacter { end += 1 }
                var start = i
                while start < end - 1 && units[start].base == 0x30 { start += 1 }  // "007" is 7
                primary.append(digitBase + UInt32(min(20, end - start))); secondary.append(0); tertiary.append(0)
                for k in start..<end {
                    primary.append(digitBase + units[k].base - 0x30); secondary.append(0); tertiary.append(0)
                }
                i = end
                continue
            }
            primary.append(weight(u))
            secondary.append(toneWeight(u.tone))
            tertiary.append(u.raw & FoldedUnit.uppercase != 0 ? 1 : 0)
            i += 1
        }
        primary.append(0)
        primary.append(contentsOf: secondary)
        primary.append(contentsOf: tertiary)
        return Key(weights: primary)
    }

    /// The primary weight of a letter.
    @inline(__always)
    static func weight(_ u: FoldedUnit) -> UInt32 {
        let base = u.base
        if base >= 0x61 && base <= 0x7A {
            let marks = u.raw & letterMarks
            let w = letterWeights[Int(base - 0x61) * 16 + Int(marks)]
            // A mark that makes no Vietnamese letter (a breve on an o): the bare letter.
            return w != 0 ? w : letterWeights[Int(base - 0x61) * 16]
        }
        // Ð ð (eth), which old encodings and some keyboards put in place of Đ đ: sorted as đ.
        if base == 0xF0 { return letterWeights[3 * 16 + Int(FoldedUnit.stroke)] }
        return otherBase + base
    }

    /// Moves the tone of each syllable's vowel group to its first vowel, so that the two tone
    /// placements (hòa, hoà) sort alike: folding keeps tones where the text wrote them.
    static func tonesOnFirstVowel(_ units: inout [FoldedUnit]) {
        let text = UnitArray(units: units)
        var i = 0
        while i < units.count {
            guard units[i].isVowel else { i += 1; continue }
            var end = i
            while end < units.count && units[end].isVowel { end += 1 }
            let start = Matcher.groupStart(text, run: i..<end)
            if let toned = Matcher.onlyToned(text, start..<end), toned != start {
                units[start].raw |= units[toned].tone
                units[toned].raw &= ~FoldedUnit.toneMask
            }
            i = end
        }
    }

    /// Dictionary order of the tones: none, huyền, hỏi, ngã, sắc, nặng.
    @inline(__always)
    static func toneWeight(_ tone: UInt32) -> UInt32 {
        switch tone {
        case 0: return 0
        case FoldedUnit.grave: return 1
        case FoldedUnit.hook: return 2
        case FoldedUnit.tilde: return 3
        case FoldedUnit.acute: return 4
        case FoldedUnit.dotBelow: return 5
        default: return 6  // two tones on one letter: after all the others
        }
    }

    /// Whether `a` comes before `b` in Vietnamese order.
    public static func precedes(_ a: String, _ b: String) -> Bool { key(a) < key(b) }
}
