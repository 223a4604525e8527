extension TelexComposer {
    /// One thing a key can do to the syllable being composed.
    ///
    /// A key maps to a list of effects tried in order (Telex `w` tries the horn on u, the horn on o,
    /// the breve on a, then a standalone ư); when none changes the syllable, the key undoes what it
    /// had done before, if it can, and is then written as a letter.
    enum KeyEffect: Equatable, Sendable {
        /// Puts `Tone` on the syllable's vowel (`.none` removes the tone).
        case tone(Tone)
        /// Adds `Mark` to the letter of the `on` family: a, o, e or u in the vowel, d at the start.
        case mark(Mark, on: Character)
        /// Writes ư or ơ where there is no vowel yet, or ơ after a lone ư (Telex `w`, `[`, `]`).
        case standalone(Character)
        /// The key is a plain letter (or any other word key) and is appended.
        case letter(Character)
    }
}
