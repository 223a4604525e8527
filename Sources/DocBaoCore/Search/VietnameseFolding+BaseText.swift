extension VietnameseFolding {
    /// The text with every mark taken off and in lower case: "Đấu tranh" → "dau tranh". This is
    /// what the library's full-text index stores and is asked with: SQLite's own folding
    /// (`unicode61 remove_diacritics 2`) keeps đ, so "duong" would never find "đường".
    /// A superset of every smart, exact or whole-word match, to be checked with a `Matcher`.
    public static func baseText(_ text: String) -> String {
        let folded = fold(text)
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(folded.units.count)
        for unit in folded.units {
            // A stray mark alone folds to base 0: nothing to index.
            if unit.base != 0, let scalar = Unicode.Scalar(unit.base) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
