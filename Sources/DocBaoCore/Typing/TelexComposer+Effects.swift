extension TelexComposer.Syllable {
    typealias Letters = TelexComposer.Letters

    /// Applies one effect of a key. The tone moves to the right letter after any change of letters.
    mutating func apply(_ effect: TelexComposer.KeyEffect, placement: TonePlacement) {
        switch effect {
        case .tone(let tone):
            placeTone(tone, placement: placement)
        case .mark(let mark, let family):
            if canTakeMark(on: family) {
                addMark(mark)
                writeOpenUoWithPlainU(placement: placement)
            }
            replaceTone(placement: placement)
        case .standalone(let letter):
            if final.isEmpty {
                // "gi" + ơ is giơ: the i belongs to the initial.
                if String(initial).lowercased() == "g" && String(vowel).lowercased() == "i" {
                    initial += vowel
                    vowel = []
                }
                if vowel.isEmpty || String(vowel).lowercased() == "ư" && Letters.lowercase(letter) == "ơ" {
                    vowel.append(letter)
                }
            }
            replaceTone(placement: placement)
        case .letter(let letter):
            append(letter)
            if letter.isLetter {
                hornBothOfUo(placement: placement)
                replaceTone(placement: placement)
            }
        }
    }

    /// Whether `effect` can be undone: the syllable has the tone or mark it makes, or ends with
    /// the letter it writes.
    func canUndo(_ effect: TelexComposer.KeyEffect) -> Bool {
        switch effect {
        case .tone(let tone):
            return vowel.contains { Letters.tone(of: $0) == tone }
        case .mark(let mark, _):
            return characters.contains { Letters.mark(of: $0) == mark }
        case .standalone(let letter):
            return vowel.last.map { Letters.setting(tone: .none, on: $0) == letter } ?? false
        case .letter:
            return false
        }
    }

    /// Undoes `effect`: removes the tone, the marks of the vowel (or the bar of đ), or the
    /// standalone letter at the end.
    mutating func undo(_ effect: TelexComposer.KeyEffect, placement: TonePlacement) {
        switch effect {
        case .tone:
            placeTone(.none, placement: placement)
        case .mark(.bar, _):
            if let last = initial.indices.last { initial[last] = Letters.setting(mark: .none, on: initial[last]) }
        case .mark(_, let family):
            if canTakeMark(on: family) { vowel = vowel.map { Letters.setting(mark: .none, on: $0) } }
        case .standalone(let letter):
            guard let end = characters.last, Letters.lowercase(end) == Letters.lowercase(letter) else { return }
            if !final.isEmpty {
                final.removeLast()
            } else if !vowel.isEmpty {
                vowel.removeLast()
            } else {
                initial.removeLast()
            }
        case .letter:
            return  // a letter always changes the syllable, so it is never undone
        }
    }

    /// ươ with nothing after it, alone or after h, th, kh, is written uơ (huơ, thuở, khuơ).
    private mutating func writeOpenUoWithPlainU(placement: TonePlacement) {
        guard untonedVowel == "ươ", final.isEmpty,
              ["", "h", "th", "kh"].contains(String(initial).lowercased()) else { return }
        let current = tone
        vowel[0] = vowel[0].isUppercase ? "U" : "u"
        placeTone(current, placement: placement)
    }

    /// uơ followed by another letter becomes ươ again (thuơ + ng → thương).
    private mutating func hornBothOfUo(placement: TonePlacement) {
        guard untonedVowel.hasPrefix("uơ") else { return }
        let current = tone
        vowel[0] = vowel[0].isUppercase ? "Ư" : "ư"
        vowel[1] = vowel[1].isUppercase ? "Ơ" : "ơ"
        placeTone(current, placement: placement)
    }
}
