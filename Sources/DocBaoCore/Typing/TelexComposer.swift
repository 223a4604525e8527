import Foundation

/// Composes Vietnamese text from Telex or VNI keys, for terminals without a Vietnamese input method.
///
/// The composer follows the reference engine bogo 1.1 (with `skip_non_vietnamese`), whose output is
/// the oracle in `testdata/oracles/telex_cases.tsv`:
///
/// - **Words.** Letters, Vietnamese letters and the method's own keys build the current word; any
///   other key (space, punctuation, a digit in Telex) commits the word and is written as typed.
/// - **Telex.** s f r x j put the tones sắc, huyền, hỏi, ngã, nặng, z removes the tone; aa ee oo
///   give â ê ô, aw ow uw give ă ơ ư, dd gives đ; a w with no u, o or a to mark is ư, and so is
///   `]` (`}` for Ư), while `[` (`{`) is ơ. uo + w is ươ, and so are uow and uwow.
/// - **VNI.** 1 2 3 4 5 are sắc, huyền, hỏi, ngã, nặng, 0 removes the tone; 6 gives â ê ô, 7 gives
///   ơ ư (both letters of uo), 8 gives ă, 9 gives đ.
/// - **Any order.** A tone or mark key may come after the rest of the syllable ("nguoiwf",
///   "nguowif" → người; "tienges" → tiếng); the tone always sits on the letter that carries it.
/// - **Tone placement.** ê and ơ take the tone first; a lone vowel, or a pair with no final, takes
///   it on its first letter (mùa, hòa); longer vowels on their second (hoàng, khuỷu).
///   `.traditional` (the default, as bogo) writes hòa, khỏe, thủy; `.modern` writes hoà, khoẻ, thuỷ.
/// - **Undo by repeating.** A key that finds nothing left to do takes back what it did and is
///   written itself: "ass" → "as", "aaa" → "aa", "ddd" → "dd", "ww" → "w", "[[" → "[".
/// - **Case.** Letters keep the case they were typed in ("DDaf" → "Đà", "OWr" → "Ở"); mark and
///   tone keys work in either case ("NguoiWF" → "Người").
/// - **Other words.** When a letter makes the word impossible in Vietnamese, the word shows its
///   keys as typed ("system", "Google", "case"); a word with no vowel ("TP", "USD") is kept.
///   After that, VNI digits and Telex brackets are written as typed too ("COVID19", "iPhone5").
///
/// Where bogo has no rule, fails, or trips on its own state, the composer does the sensible thing:
/// z and 0 remove the tone (bogo leaves "hoafz"); repeating a VNI key undoes it ("a66" → "a6";
/// bogo raises); a digit or bracket does not mark a word that is no Vietnamese (bogo writes
/// "COVÍD9"); "wW" gives W as "ww" gives w; after an open oa or oe, a Telex o is the letter o in
/// the case it was typed in ("KHOEOF" → "KHOÈO") and a VNI 6 puts the hat on the a or e
/// ("khoe6" → "khoê"; bogo appends a lowercase o in both cases).
///
/// The current word is kept as the keys typed for it, so Backspace removes the last key's effect
/// ("nguoiwf" → "ngươi"), and the text is always NFC.
public struct TelexComposer: Equatable, Sendable {
    /// The input method; changing it commits the word being composed.
    public var method: InputMethod {
        didSet { if method != oldValue { commitWord() } }
    }
    /// Where tones go on oa, oe, uy; changing it commits the word being composed.
    public var placement: TonePlacement {
        didSet { if placement != oldValue { commitWord() } }
    }
    /// The text before the word being composed, NFC.
    private var committed = ""
    /// The keys typed for the word being composed.
    private var keys: [Character] = []
    /// The word being composed.
    private var word: Word

    public init(method: InputMethod = .telex, placement: TonePlacement = .traditional) {
        self.method = method
        self.placement = placement
        word = Word(method: method, placement: placement)
    }

    /// The composed text so far (NFC).
    public var text: String { committed + String(word.letters) }

    /// Feeds one typed character (a key as the user typed it). With `.off` it is appended as is.
    public mutating func type(_ c: Character) {
        guard method != .off, method.isWordKey(c) else {
            commitWord()
            committed = Self.nfc(committed + String(c))
            return
        }
        let key = Letters.canonical(c)
        keys.append(key)
        word.type(key, method: method, placement: placement)
    }

    /// Undoes the last key: the word is composed again from its keys less the last one (after
    /// "nguoiwf", người, it shows what "nguoiw" shows: ngươi). With no word being composed, the
    /// last character of the committed text is deleted.
    public mutating func backspace() {
        if keys.isEmpty {
            if !committed.isEmpty { committed.removeLast() }
        } else {
            keys.removeLast()
            word = Word(keys: keys, method: method, placement: placement)
        }
    }

    /// Empties the text.
    public mutating func clear() {
        setText("")
    }

    /// Replaces the whole text (e.g. from history), committing it as plain text.
    public mutating func setText(_ s: String) {
        committed = Self.nfc(s)
        keys = []
        word = Word(method: method, placement: placement)
    }

    /// Moves the word being composed into the committed text.
    private mutating func commitWord() {
        committed += String(word.letters)
        keys = []
        word = Word(method: method, placement: placement)
    }

    /// `s` in NFC; text with nothing that NFC could change is returned as is.
    private static func nfc(_ s: String) -> String {
        s.unicodeScalars.allSatisfy { $0.value < 0x300 } ? s : s.precomposedStringWithCanonicalMapping
    }
}
