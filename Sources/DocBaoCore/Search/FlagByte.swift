/// A `FoldedUnit`'s marks, case and word flag in one byte, for `FoldedText`.
///
/// A Vietnamese letter carries at most one letter mark (breve, circumflex, horn, or the stroke of đ)
/// and one tone, so each fits in a 3-bit code:
/// - bits 0–2: the tone: 0 none, 1 grave, 2 acute, 3 hook above, 4 tilde, 5 dot below; 7 is the
///   escape: the unit's marks did not fit, its whole unit is kept aside;
/// - bits 3–5: the letter mark: 0 none, 1 breve, 2 circumflex, 3 horn, 4 stroke;
/// - bit 6: uppercase; bit 7: a word character (kept in escapes too: word boundaries read only it).
enum FlagByte {
    static let word: UInt8 = 0x80
    static let uppercase: UInt8 = 0x40
    static let escapeCode: UInt8 = 7

    private static let tones: [UInt32] = [0, FoldedUnit.grave, FoldedUnit.acute, FoldedUnit.hook, FoldedUnit.tilde, FoldedUnit.dotBelow]
    private static let letters: [UInt32] = [0, FoldedUnit.breve, FoldedUnit.circumflex, FoldedUnit.horn, FoldedUnit.stroke]

    /// The byte for the low 12 bits of `raw`, or nil when its marks do not fit: a table lookup, as
    /// every unit of an article is encoded when it is folded.
    @inline(__always)
    static func encode(_ raw: UInt32) -> UInt8? {
        let byte = encoded[Int(raw & 0xFFF)]
        return isEscape(byte) ? nil : byte
    }

    /// `compute` of every 12-bit value, escapes where it is nil.
    private static let encoded: [UInt8] = (0..<4096).map { compute(UInt32($0)) ?? escapeCode }

    private static func compute(_ raw: UInt32) -> UInt8? {
        guard raw & FoldedUnit.otherMark == 0,
              let tone = tones.firstIndex(of: raw & FoldedUnit.toneMask),
              let letter = letters.firstIndex(of: raw & (FoldedUnit.breve | FoldedUnit.circumflex | FoldedUnit.horn | FoldedUnit.stroke))
        else { return nil }
        return UInt8(tone) | UInt8(letter) << 3 | caseAndWord(raw)
    }

    /// The byte of a unit kept aside: the escape code, with its case and word flags.
    static func escape(_ raw: UInt32) -> UInt8 { escapeCode | caseAndWord(raw) }

    private static func caseAndWord(_ raw: UInt32) -> UInt8 {
        (raw & FoldedUnit.uppercase != 0 ? uppercase : 0) | (raw & FoldedUnit.wordCharacter != 0 ? word : 0)
    }

    @inline(__always)
    static func isEscape(_ byte: UInt8) -> Bool { byte & 7 == escapeCode }

    /// The low 12 bits of a `FoldedUnit` for every byte that is not an escape.
    static let decoded: [UInt16] = (0..<256).map { b in
        let tone = b & 7, letter = (b >> 3) & 7
        guard tone < tones.count, letter < letters.count else { return 0 }
        var raw = tones[tone] | letters[letter]
        if b & Int(uppercase) != 0 { raw |= FoldedUnit.uppercase }
        if b & Int(word) != 0 { raw |= FoldedUnit.wordCharacter }
        return UInt16(raw)
    }
}
