extension TelexComposer.Syllable {
    /// Consonants a Vietnamese syllable can start with.
    private static let initials: Set<String> = [
        "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "đ",
    ]

    /// Consonants a Vietnamese syllable can end with.
    private static let finals: Set<String> = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// Vowels (tones and marks stripped) that can end a syllable or come before a final; u+o and
    /// u+a stand for both ươ/uô and ưa/uâ, so they are allowed in both places.
    private static let closableVowels: Set<String> = [
        "a", "e", "i", "ie", "o", "oa", "oe", "oo", "u", "ua", "ue", "uo", "uy", "uye", "y", "ye",
    ]

    /// Vowels (tones and marks stripped) that only end a syllable: no final may follow them.
    private static let openOnlyVowels: Set<String> = [
        "ai", "ao", "au", "ay", "eo", "eu", "ia", "ieu", "iu", "oai", "oao", "oay", "oeo", "oi",
        "uay", "ui", "uoi", "uou", "uu", "uya", "uyu", "yeu",
    ]

    /// Whether the syllable can still become a Vietnamese word as more keys come: a known initial,
    /// a known final, and a vowel that fits (one that only ends a syllable takes no final).
    /// A word with no vowel (an abbreviation such as "TP") counts as plausible.
    var isPlausible: Bool {
        guard !vowel.isEmpty else { return true }
        let start = String(initial).lowercased()
        let end = String(final).lowercased()
        guard start.isEmpty || Self.initials.contains(start), end.isEmpty || Self.finals.contains(end)
        else { return false }
        let plain = plainVowel
        return Self.closableVowels.contains(plain) || end.isEmpty && Self.openOnlyVowels.contains(plain)
    }
}
