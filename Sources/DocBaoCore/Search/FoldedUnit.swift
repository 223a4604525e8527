/// One character of text folded for Vietnamese matching, packed in 32 bits.
///
/// A character is split into its base letter (lowercased) and its marks, so that matching can ask
/// "are the marks the query typed all there?":
/// - bits 0–8: the Vietnamese marks — breve, circumflex, horn, stroke (đ), then the five tones
///   (grave, acute, hook above, tilde, dot below);
/// - bit 9: some other combining mark;
/// - bit 10: the character was uppercase;
/// - bit 11: the character is part of a word (a letter or a digit);
/// - bits 12–31: the base scalar, lowercased (every scalar below U+100000).
public struct FoldedUnit: Equatable, Hashable, Sendable {
    public var raw: UInt32

    public init(raw: UInt32) { self.raw = raw }

    public static let breve: UInt32 = 1 << 0
    public static let circumflex: UInt32 = 1 << 1
    public static let horn: UInt32 = 1 << 2
    public static let stroke: UInt32 = 1 << 3
    public static let grave: UInt32 = 1 << 4
    public static let acute: UInt32 = 1 << 5
    public static let hook: UInt32 = 1 << 6
    public static let tilde: UInt32 = 1 << 7
    public static let dotBelow: UInt32 = 1 << 8
    public static let otherMark: UInt32 = 1 << 9
    public static let uppercase: UInt32 = 1 << 10
    public static let wordCharacter: UInt32 = 1 << 11

    /// The five tone marks.
    public static let toneMask: UInt32 = grave | acute | hook | tilde | dotBelow
    /// Every mark bit (letter marks, tones, other marks).
    public static let markMask: UInt32 = 0x3FF
    /// The bits that name the letter itself, whatever its case and marks.
    public static let baseMask: UInt32 = ~0xFFF

    public init(base: Unicode.Scalar, marks: UInt32, uppercase: Bool, word: Bool) {
        raw = (min(base.value, 0xFFFFF) << 12) | marks | (uppercase ? FoldedUnit.uppercase : 0)
            | (word ? FoldedUnit.wordCharacter : 0)
    }

    @inline(__always) public var base: UInt32 { raw >> 12 }
    @inline(__always) public var tone: UInt32 { raw & FoldedUnit.toneMask }
    @inline(__always) public var isWordCharacter: Bool { raw & FoldedUnit.wordCharacter != 0 }

    /// Whether the base is one of the Vietnamese vowel letters a e i o u y.
    @inline(__always) public var isVowel: Bool {
        switch base {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// The mark bit of a combining mark, or `otherMark`.
    static func markBit(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x306: return breve
        case 0x302: return circumflex
        case 0x31B: return horn
        case 0x300: return grave
        case 0x301: return acute
        case 0x309: return hook
        case 0x303: return tilde
        case 0x323: return dotBelow
        default: return otherMark
        }
    }
}
