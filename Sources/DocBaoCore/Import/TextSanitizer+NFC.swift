/// NFC, on the UTF-8 bytes (rule 6 of `TextSanitizer`).
extension TextSanitizer {
    /// NFC in pieces. Normalisation used to slow down more than linearly on long strings
    /// (Foundation's: 10 MB took seconds, 100 MB minutes), so the text is cut into pieces of a few
    /// hundred scalars, always just before an ASCII scalar — no canonical composition takes an
    /// ASCII scalar as its second part, so no composition crosses a cut — and only the pieces
    /// holding a scalar that NFC may change are normalised, cluster by cluster (`nfcByClusters`).
    /// Bytes in, bytes out: a decomposed text has a cluster every few letters, and appending
    /// each to a String cost more than normalising it.
    static func nfc(_ s: String) -> String {
        var clusters = ClusterCache()
        return nfc(s, clusters: &clusters)
    }

    static func nfc(_ s: String, clusters: inout ClusterCache) -> String {
        var s = s
        return s.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var pieceStart = 0, pieceNeedsNFC = false, count = 0, i = 0
            func flush(_ end: Int) {
                let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])
                if pieceNeedsNFC { nfcByClusters(piece, into: &out, cache: &clusters) } else { out.append(contentsOf: piece) }
            }
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 && count >= 256 {
                    flush(i)
                    pieceStart = i
                    pieceNeedsNFC = false
                    count = 0
                }
                let length = scalarLength(lead)
                // A lead byte below CC is a scalar below U+0300: never changed by NFC.
                if lead >= 0xCC && !pieceNeedsNFC && mayChangeUnderNFC(scalar(bytes, at: i, length: length)) { pieceNeedsNFC = true }
                count += 1
                i += length
            }
            flush(bytes.count)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the NFC of `piece`, cluster by cluster. A cluster starts at a scalar below U+0300 or
    /// a precomposed Vietnamese letter (U+1E00–U+1EFF): those are starters that nothing before them
    /// composes with, so NFC of the piece is NFC of each cluster in turn. A cluster of one such
    /// scalar stays as it is (the piece's first cluster may start with any scalar: "Å", the
    /// Angstrom sign, becomes "Å" even alone); a longer one (a letter and its marks, "e◌̂◌́") is
    /// normalised by the standard library once and then looked up in `cache`. Vietnamese in NFD
    /// has a few hundred distinct clusters, so this costs a lookup per letter instead of a
    /// normalisation per scalar (Foundation's normalisation, through CoreFoundation and UTF-16,
    /// was a third of the instructions to the first screen of a decomposed article).
    static func nfcByClusters(_ piece: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], cache: inout ClusterCache) {
        var runStart = 0, i = 0
        while i < piece.count {
            var end = i + scalarLength(piece[i])
            while end < piece.count, !startsCluster(piece, at: end) { end += scalarLength(piece[end]) }
            if end - i == scalarLength(piece[i]) && startsCluster(piece, at: i) { i = end; continue }  // stays as it is
            out.append(contentsOf: UnsafeBufferPointer(rebasing: piece[runStart..<i]))
            // The bytes, and their count in the top byte: never 0, never two clusters alike.
            var key = UInt64(0)
            if end - i <= 7 {
                key = UInt64(end - i) << 56
                for k in i..<end { key |= UInt64(piece[k]) << (8 * (k - i)) }
            }
            if key != 0, let composed = cache[key] {
                let count = Int(composed >> 56)
                for k in 0..<count { out.append(UInt8(truncatingIfNeeded: composed >> (8 * k))) }
            } else {
                let composed = String(decoding: UnsafeBufferPointer(rebasing: piece[i..<end]), as: UTF8.self)._nfcCodeUnits
                if key != 0 && composed.count <= 7 {  // a letter and its marks, not a run of another script
                    var value = UInt64(composed.count) << 56
                    for (k, byte) in composed.enumerated() { value |= UInt64(byte) << (8 * k) }
                    cache[key] = value
                }
                out.append(contentsOf: composed)
            }
            runStart = end
            i = end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: piece[runStart...]))
    }

    /// The length of the UTF-8 sequence `lead` starts (valid UTF-8: the text is a String).
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar of the `length` bytes at `i`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[i]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether the scalar at `i` starts a cluster: below U+0300 (one byte, or two bytes led by C2–CB),
    /// or a precomposed Vietnamese letter U+1E00–U+1EFF (E1 B8–BB).
    private static func startsCluster(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = bytes[i]
        if lead < 0xCC { return true }
        return lead == 0xE1 && i + 1 < bytes.count && (0xB8...0xBB).contains(bytes[i + 1])
    }

    /// NFC of clusters of up to seven UTF-8 bytes, keyed by those bytes and their count, the NFC's
    /// bytes packed the same way. Open addressing over a fixed table, not a `[String: String]`:
    /// hashing a String normalises it first.
    struct ClusterCache {
        // Made at the first insertion: most texts that need NFC have no cluster to cache.
        private var keys: [UInt64] = []
        private var values: [UInt64] = []
        private var count = 0

        subscript(key: UInt64) -> UInt64? {
            get {
                guard !keys.isEmpty else { return nil }
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
                while keys[slot] != 0 {
                    if keys[slot] == key { return values[slot] }
                    slot = (slot + 1) & 1023
                }
                return nil
            }
            set {
                guard let newValue, count < 768 else { return }  // full: later clusters are normalised each time
                if keys.isEmpty {
                    keys = Array(repeating: 0, count: 1024)
                    values = Array(repeating: 0, count: 1024)
                }
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 1023 }
                if keys[slot] == 0 { count += 1 }
                keys[slot] = key
                values[slot] = newValue
            }
        }
    }
}
