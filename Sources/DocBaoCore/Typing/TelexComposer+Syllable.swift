extension TelexComposer {
    /// A word being composed, split as Vietnamese spells a syllable: initial consonants, vowel,
    /// final consonants ("ngh" + "uyê" + "n"), with the edits the input methods make on it.
    struct Syllable: Equatable, Sendable {
        var initial: [Character] = []
        var vowel: [Character] = []
        var final: [Character] = []

        /// Splits `word`: its trailing non-vowels are the final, the vowels before them the vowel,
        /// the rest the initial. A word with no vowel is all initial. The i of "gi" and the u of
        /// "qu" belong to the initial when a vowel follows them (gi|a, qu|y, but g|i).
        init(_ word: [Character]) {
            var end = word.count
            while end > 0 && !Letters.isVowel(word[end - 1]) { end -= 1 }
            var start = end
            while start > 0 && Letters.isVowel(word[start - 1]) { start -= 1 }
            if start == end {
                initial = word
                return
            }
            initial = Array(word[..<start])
            vowel = Array(word[start..<end])
            final = Array(word[end...])
            if initial.count == 1 {
                let head = Letters.lowercase(initial[0])
                let next = vowel[0]
                if head == "g" && (next == "i" || next == "I") && vowel.count > 1
                    || head == "q" && (next == "u" || next == "U") {
                    initial.append(vowel.removeFirst())
                }
            }
        }

        /// The letters of the syllable in order.
        var characters: [Character] { initial + vowel + final }

        /// The vowel in lowercase without tones and marks ("uo" for "Ườ").
        var plainVowel: String { String(vowel.map(Letters.plain)) }

        /// The vowel in lowercase without tones, marks kept ("ươ" for "Ườ").
        var untonedVowel: String { String(vowel.map { Letters.lowercase(Letters.setting(tone: .none, on: $0)) }) }

        /// The tone of the syllable: the last one found on its vowel.
        var tone: Tone { vowel.map(Letters.tone(of:)).last { $0 != .none } ?? .none }

        /// Puts `tone` on the vowel letter that carries it; `.none` removes every tone.
        ///
        /// ê and ơ take the tone first (tiếng, người); else a lone vowel, or a pair with no final,
        /// takes it on its first letter (mùa, hòa), and anything longer on its second (hoàng, khuỷu).
        /// `.modern` placement puts it on the second letter of open oa, oe, uy (hoà, khoẻ, thuỷ).
        mutating func placeTone(_ tone: Tone, placement: TonePlacement) {
            guard tone != .none else {
                vowel = vowel.map { Letters.setting(tone: .none, on: $0) }
                return
            }
            guard !vowel.isEmpty else { return }
            let untoned = Array(untonedVowel)
            let index: Int
            if let hatOrHorn = [untoned.firstIndex(of: "ê"), untoned.firstIndex(of: "ơ")].compactMap({ $0 }).max() {
                index = hatOrHorn
            } else if untoned.count == 1 {
                index = 0
            } else if untoned.count == 2 && final.isEmpty {
                let modernPair = placement == .modern && ["oa", "oe", "uy"].contains(String(untoned))
                index = modernPair ? 1 : 0
            } else {
                index = 1
            }
            vowel[index] = Letters.setting(tone: tone, on: vowel[index])
        }

        /// Takes the tone off and puts it back, on the letter that should carry it now that the
        /// letters have changed.
        mutating func replaceTone(placement: TonePlacement) {
            let current = tone
            guard current != .none else { return }
            placeTone(.none, placement: placement)
            placeTone(current, placement: placement)
        }

        /// Whether a mark meant for the `family` letter (a, o, e, u, or d) has a letter to go on.
        func canTakeMark(on family: Character) -> Bool {
            if family == "d", let last = initial.last, "dđ".contains(Letters.lowercase(last)) { return true }
            return plainVowel.contains(family)
        }

        /// Adds `mark`: a bar on the d ending the initial; a hat on the vowel's a, o or e (the one
        /// that comes last, when several are there); a breve on its a (never in ua); a horn on both
        /// letters of uo, uoi, uou, else on its o, else on its first letter.
        mutating func addMark(_ mark: Mark) {
            let plain = Array(plainVowel)
            func first(_ letter: Character) -> Int? { plain.firstIndex(of: letter) }
            let target: [Int]
            switch mark {
            case .bar:
                if let last = initial.indices.last, "dđ".contains(Letters.lowercase(initial[last])) {
                    initial[last] = Letters.setting(mark: .bar, on: initial[last])
                }
                return
            case .hat:
                target = [first("a"), first("o"), first("e")].compactMap { $0 }.max().map { [$0] } ?? []
            case .breve:
                target = plainVowel == "ua" ? [] : first("a").map { [$0] } ?? []
            case .horn:
                if ["uo", "uoi", "uou"].contains(plainVowel) {
                    target = [0, 1]
                } else {
                    target = plainVowel == "oa" || plain.isEmpty ? [] : [first("o") ?? 0]
                }
            case .none:
                target = []  // adding no mark changes nothing
            }
            for index in target { vowel[index] = Letters.setting(mark: mark, on: vowel[index]) }
        }

        /// Appends a letter where it goes: a vowel to the vowel unless a final has begun, a
        /// consonant to the initial until a vowel has come, anything later to the final.
        mutating func append(_ c: Character) {
            if Letters.isVowel(c) {
                if final.isEmpty { vowel.append(c) } else { final.append(c) }
            } else if vowel.isEmpty && final.isEmpty {
                initial.append(c)
            } else {
                final.append(c)
            }
        }
    }
}
