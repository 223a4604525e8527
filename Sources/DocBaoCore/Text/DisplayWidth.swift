/// Terminal column widths of characters, computed the way glibc `wcwidth` (and so ncurses) does.
///
/// Pure Swift so the core needs no locale: combining marks, format characters and other zero-width
/// code points take 0 columns, East Asian wide and fullwidth characters 2, everything else 1.
/// Agrees with glibc and Python `wcwidth` on every row of `testdata/oracles/vi_widths.tsv`.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar (0, 1 or 2). Controls count as 0: the model never holds them.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1 }
        // Vietnamese letters with marks (Latin Extended Additional) and the common dashes and quotes:
        // one column each, without the property lookup below.
        if (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns taken by one grapheme cluster: its scalars' widths added (as the terminal adds them),
    /// but at least 1 for a cluster whose base is a mark (a stray combining mark after a space still
    /// occupies its cell) and at most 2.
    @inline(__always)
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1 { return of(scalars.first!) }
        var total = 0
        for s in scalars { total += of(s) }
        return min(total, 2)
    }

    /// Columns taken by a string: the sum of its grapheme clusters' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Hangul medial vowels and final consonants combine with the preceding syllable.
        if v >= 0x1160 && v <= 0x11FF { return true }
        if v == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format:
            // glibc gives the soft hyphen and the prepended concatenation marks one column.
            return !(v == 0x00AD || (v >= 0x600 && v <= 0x605) || v == 0x6DD || v == 0x70F
                     || v == 0x890 || v == 0x891 || v == 0x8E2 || v == 0x110BD || v == 0x110CD)
        default: return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        return (v <= 0x115F)
            || v == 0x2329 || v == 0x232A
            || (v >= 0x231A && v <= 0x231B) || (v >= 0x23E9 && v <= 0x23EC) || v == 0x23F0 || v == 0x23F3
            || (v >= 0x25FD && v <= 0x25FE) || (v >= 0x2614 && v <= 0x2615) || (v >= 0x2648 && v <= 0x2653)
            || v == 0x267F || v == 0x2693 || v == 0x26A1 || (v >= 0x26AA && v <= 0x26AB)
            || (v >= 0x26BD && v <= 0x26BE) || (v >= 0x26C4 && v <= 0x26C5) || v == 0x26CE || v == 0x26D4
            || v == 0x26EA || (v >= 0x26F2 && v <= 0x26F3) || v == 0x26F5 || v == 0x26FA || v == 0x26FD
            || v == 0x2705 || (v >= 0x270A && v <= 0x270B) || v == 0x2728 || v == 0x274C || v == 0x274E
            || (v >= 0x2753 && v <= 0x2755) || v == 0x2757 || (v >= 0x2795 && v <= 0x2797) || v == 0x27B0
            || v == 0x27BF || (v >= 0x2B1B && v <= 0x2B1C) || v == 0x2B50 || v == 0x2B55
            || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF) || (v >= 0x3400 && v <= 0x4DBF)
            || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF) || (v >= 0xA960 && v <= 0xA97F)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE10 && v <= 0xFE19)
            || (v >= 0xFE30 && v <= 0xFE6F) || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6)
            || (v >= 0x16FE0 && v <= 0x18CFF) || (v >= 0x1B000 && v <= 0x1B2FF)
            || (v >= 0x1F004 && v <= 0x1F004) || v == 0x1F0CF || v == 0x1F18E || (v >= 0x1F191 && v <= 0x1F19A)
            || (v >= 0x1F200 && v <= 0x1F251) || (v >= 0x1F300 && v <= 0x1F64F && !isNarrowSymbol(v))
            || (v >= 0x1F680 && v <= 0x1F6FF && !isNarrowSymbol(v)) || (v >= 0x1F7E0 && v <= 0x1F7EB)
            || (v >= 0x1F90C && v <= 0x1F9FF) || (v >= 0x1FA70 && v <= 0x1FAFF)
            || (v >= 0x20000 && v <= 0x2FFFD) || (v >= 0x30000 && v <= 0x3FFFD)
    }

    /// Pictographs in the emoji blocks that have no emoji presentation by default (narrow in wcwidth).
    private static func isNarrowSymbol(_ v: UInt32) -> Bool {
        (v >= 0x1F321 && v <= 0x1F32C) || v == 0x1F336 || v == 0x1F37D || (v >= 0x1F394 && v <= 0x1F39F)
            || (v >= 0x1F3CB && v <= 0x1F3CE) || (v >= 0x1F3D4 && v <= 0x1F3DF) || (v >= 0x1F3F1 && v <= 0x1F3F3)
            || (v >= 0x1F3F5 && v <= 0x1F3F7) || v == 0x1F43F || v == 0x1F441 || (v >= 0x1F4FD && v <= 0x1F4FE)
            || (v >= 0x1F53E && v <= 0x1F54A) || v == 0x1F54F || (v >= 0x1F568 && v <= 0x1F579)
            || (v >= 0x1F57B && v <= 0x1F594) || (v >= 0x1F597 && v <= 0x1F5A3) || (v >= 0x1F5A5 && v <= 0x1F5FA)
            || (v >= 0x1F6C6 && v <= 0x1F6CB) || (v >= 0x1F6CD && v <= 0x1F6CF) || (v >= 0x1F6D3 && v <= 0x1F6D4)
            || (v >= 0x1F6E0 && v <= 0x1F6EA) || (v >= 0x1F6F0 && v <= 0x1F6F3)
    }
}
