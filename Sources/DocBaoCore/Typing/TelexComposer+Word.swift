extension TelexComposer {
    /// The word being composed: what it shows, and the keys to fall back to when it stops looking
    /// like Vietnamese.
    struct Word: Equatable, Sendable {
        /// The letters shown for the word.
        private(set) var letters: [Character] = []
        /// The keys typed for the word, less the keys that undid something: shown instead of
        /// `letters` when a key makes the word impossible in Vietnamese ("system", "Google").
        private var literal: [Character] = []

        /// Composes `keys` from an empty word.
        init(keys: [Character] = [], method: InputMethod, placement: TonePlacement) {
            for key in keys { type(key, method: method, placement: placement) }
        }

        /// Feeds one key of the word.
        ///
        /// The key's effects are tried in order. When none changes the word, the key undoes the
        /// effect it had had, if any ("ass" → "as"), and is then written as a letter. Telex "ww"
        /// undoes a standalone ư to a plain w ("ww" → "w", but "uww" → "uw"). A key that is not a
        /// letter (a VNI digit, a Telex bracket) is written as typed in a word that is already no
        /// Vietnamese ("COVID19", "iPhone5"), where bogo would still put a tone on it ("COVÍD9").
        mutating func type(_ key: Character, method: InputMethod, placement: TonePlacement) {
            let before = Syllable(letters)
            if !key.isLetter && !before.isPlausible {
                literal.append(key)
                letters.append(key)
                return
            }
            let effects = method.effects(of: key, on: before)
            var after = before
            for effect in effects { after.apply(effect, placement: placement) }
            if after == before {
                if effects.contains(where: before.canUndo) {
                    for effect in effects { after.undo(effect, placement: placement) }
                    if method == .telex && undoesStandaloneW(key), after.vowel.last.map(Letters.lowercase) == "u" {
                        after.vowel.removeLast()
                    }
                }
                if after == before { literal.append(key) }
                after.append(key)
            } else {
                literal.append(key)
            }
            letters = key.isLetter && !after.isPlausible ? literal : after.characters
        }

        /// Whether `key` is the second w of "ww" (not of "uww"), which takes back a standalone ư.
        private func undoesStandaloneW(_ key: Character) -> Bool {
            let lower = literal.suffix(2).map(Letters.lowercase)
            return Letters.lowercase(key) == "w" && lower.last == "w" && !(lower.count == 2 && lower.first == "u")
        }
    }
}
