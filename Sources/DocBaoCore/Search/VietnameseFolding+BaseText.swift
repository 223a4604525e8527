extension VietnameseFolding {
    /// The text with every mark taken off and in lower case: "Đấu tranh" → "dau tranh". This is
    /// what the library's full-text index stores and is asked with: SQLite's own folding
    /// (`unicode61 remove_diacritics 2`) keeps đ, so "duong" would never find "đường".
    /// A superset of every smart, exact or whole-word match, to be checked with a `Matcher`.
    /// Made scalar by scalar, without the folded units (which take 8 bytes a character).
    /// Written as UTF-8 bytes into one buffer, made a `String` once (appending scalar by scalar to
    /// a `String` was most of `library check`'s time).
    public static func baseText(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                bytes.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : (v == 0x09 || v == 0x0A || v == 0x0D ? 0x20 : UInt8(v)))
                continue
            }
            // Marks belong to the letter before them; a stray one alone has nothing to index.
            if v >= 0x300, extendsPrevious(s) { continue }
            let unit = fold(s)
            guard unit.base != 0, let base = Unicode.Scalar(unit.base) else { continue }
            if base.value < 0x80 { bytes.append(UInt8(base.value)) } else { bytes.append(contentsOf: base.utf8) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
