/// How keys typed into the search prompt become Vietnamese letters.
///
/// The cases are in the order a toggle key cycles through them: off → telex → vni → off.
public enum InputMethod: String, CaseIterable, Sendable {
    /// Keys are taken as typed.
    case off
    /// Letters compose: aa ee oo → â ê ô, aw ow uw → ă ơ ư, dd → đ; s f r x j are the tones.
    case telex
    /// Digits compose: 6 7 8 9 → circumflex, horn, breve, đ; 1 2 3 4 5 are the tones.
    case vni
}

extension InputMethod {
    /// Whether `key` belongs to the word being composed; any other key ends the word.
    ///
    /// Word keys are ASCII letters, Vietnamese letters, and the method's own keys that are not
    /// letters (Telex's brackets, VNI's digits).
    func isWordKey(_ key: Character) -> Bool {
        if key.isASCII && key.isLetter || TelexComposer.Letters.isVietnamese(key) { return true }
        switch self {
        case .off: return false
        case .telex: return "[]{}".contains(key)
        case .vni: return key.isASCII && key.isNumber
        }
    }

    /// What `key` does to `syllable`, tried in order; a key with no rule is the letter itself.
    func effects(of key: Character, on syllable: TelexComposer.Syllable) -> [TelexComposer.KeyEffect] {
        let lower = TelexComposer.Letters.lowercase(key)
        switch self {
        case .off:
            return [.letter(key)]
        case .telex:
            // o after an open oa/oe is the letter o (khoeo, ngoao), not a circumflex on the e or a.
            if lower == "o" && syllable.final.isEmpty && ["oa", "oe"].contains(syllable.plainVowel) {
                return [.letter(key)]
            }
            switch lower {
            case "a", "e", "o": return [.mark(.hat, on: lower)]
            case "w": return [.mark(.horn, on: "u"), .mark(.horn, on: "o"), .mark(.breve, on: "a"),
                              .standalone(key.isUppercase ? "Ư" : "ư")]
            case "d": return [.mark(.bar, on: "d")]
            case "s": return [.tone(.acute)]
            case "f": return [.tone(.grave)]
            case "r": return [.tone(.hook)]
            case "x": return [.tone(.tilde)]
            case "j": return [.tone(.dot)]
            case "z": return [.tone(.none)]
            case "]": return [.standalone("ư")]
            case "[": return [.standalone("ơ")]
            case "}": return [.standalone("Ư")]
            case "{": return [.standalone("Ơ")]
            default: return [.letter(key)]
            }
        case .vni:
            switch key {
            case "1": return [.tone(.acute)]
            case "2": return [.tone(.grave)]
            case "3": return [.tone(.hook)]
            case "4": return [.tone(.tilde)]
            case "5": return [.tone(.dot)]
            case "0": return [.tone(.none)]
            case "6": return [.mark(.hat, on: "a"), .mark(.hat, on: "o"), .mark(.hat, on: "e")]
            case "7": return [.mark(.horn, on: "u"), .mark(.horn, on: "o")]
            case "8": return [.mark(.breve, on: "a")]
            case "9": return [.mark(.bar, on: "d")]
            default: return [.letter(key)]
            }
        }
    }
}
