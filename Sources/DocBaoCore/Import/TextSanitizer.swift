import Foundation

/// Cleans text once, on its way into the model, so that everything downstream can trust it.
///
/// `clean(_:)` applies these rules in one pass over the Unicode scalars:
/// 1. CR LF and a lone CR become "\n"; "\n" is kept.
/// 2. A tab becomes a single space.
/// 3. Every other C0 control (U+0000–U+001F) becomes its control picture (U+2400 + n, so ESC → "␛"),
///    and DEL becomes "␡": an escape sequence such as "\u{1B}[2J" arrives as the harmless text "␛[2J".
/// 4. C1 controls (U+0080–U+009F) and the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069)
///    become visible text such as `<U+202E>`.
/// 5. U+FEFF (byte order mark, zero width no-break space) is dropped; U+200B (zero width space) is kept
///    as a break opportunity.
/// 6. The result is NFC-normalised.
///
/// The function is idempotent: cleaning clean text returns it unchanged.
public enum TextSanitizer {
    /// Returns `s` NFC-normalised with controls, bidi overrides and escape sequences made visible.
    /// - Complexity: O(n) in the number of scalars; text that needs nothing is returned as is
    ///   after one read-only pass.
    public static func clean(_ s: String) -> String {
        var needsRewrite = false
        var needsNFC = false
        for scalar in s.unicodeScalars {
            switch action(for: scalar) {
            case .keep: continue
            case .keepCheckNFC: needsNFC = true
            case .rewrite: needsRewrite = true
            }
            if needsRewrite { break }
        }
        var result = s
        if needsRewrite {
            let rewritten = rewrite(s)
            result = rewritten.text
            needsNFC = rewritten.needsNFC
        }
        if needsNFC { result = nfc(result) }
        return result
    }

    /// NFC in pieces. Normalisation used to slow down more than linearly on long strings
    /// (Foundation's: 10 MB took seconds, 100 MB minutes), so the text is cut into pieces of a few
    /// hundred scalars, always just before an ASCII scalar — no canonical composition takes an
    /// ASCII scalar as its second part, so no composition crosses a cut — and only the pieces
    /// holding a scalar that NFC may change are normalised, cluster by cluster (`nfcByClusters`).
    static func nfc(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var clusters = ClusterCache()
        var pieceStart = scalars.startIndex
        var pieceNeedsNFC = false
        var count = 0
        func flush(_ end: String.Index) {
            let piece = s[pieceStart..<end]
            if pieceNeedsNFC { nfcByClusters(piece, into: &out, cache: &clusters) } else { out.append(contentsOf: piece) }
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar.value < 0x80 && count >= 256 {
                flush(i)
                pieceStart = i
                pieceNeedsNFC = false
                count = 0
            }
            if scalar.value >= 0x300 && !pieceNeedsNFC && mayChangeUnderNFC(scalar) { pieceNeedsNFC = true }
            count += 1
            i = scalars.index(after: i)
        }
        flush(scalars.endIndex)
        return out
    }

    /// Appends the NFC of `piece`, cluster by cluster. A cluster starts at a scalar below U+0300 or
    /// a precomposed Vietnamese letter (U+1E00–U+1EFF): those are starters that nothing before them
    /// composes with, so NFC of the piece is NFC of each cluster in turn. A cluster of one such
    /// scalar stays as it is (the piece's first cluster may start with any scalar: "Å", the
    /// Angstrom sign, becomes "Å" even alone); a longer one (a letter and its marks, "e◌̂◌́") is normalised by the standard
    /// library once and then looked up in `cache`. Vietnamese in NFD has a few hundred distinct
    /// clusters, so this costs a lookup per letter instead of a normalisation per scalar
    /// (Foundation's normalisation, through CoreFoundation and UTF-16, was a third of the
    /// instructions to the first screen of a decomposed article).
    static func nfcByClusters(_ piece: Substring, into out: inout String, cache: inout ClusterCache) {
        let utf8 = piece.utf8
        let done: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            // Cluster bounds are found on the bytes; the text is copied in runs of whole clusters.
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            var runStart = 0, i = 0
            while i < bytes.count {
                var end = i + scalarLength(bytes[i])
                var key = UInt64(0)
                while end < bytes.count, !startsCluster(bytes, at: end) { end += scalarLength(bytes[end]) }
                if end - i == scalarLength(bytes[i]) && startsCluster(bytes, at: i) { i = end; continue }  // stays as it is
                if end - i <= 7 {  // the bytes, and their count in the top byte: never 0, never two clusters alike
                    key = UInt64(end - i) << 56
                    for k in i..<end { key |= UInt64(bytes[k]) << (8 * (k - i)) }
                }
                out.append(contentsOf: piece[index(runStart)..<index(i)])
                if key != 0, let composed = cache[key] {
                    out += composed
                } else {
                    let composed = String(decoding: String(piece[index(i)..<index(end)])._nfcCodeUnits, as: UTF8.self)
                    if key != 0 { cache[key] = composed }  // a letter and its marks, not a run of another script
                    out += composed
                }
                runStart = end
                i = end
            }
            out.append(contentsOf: piece[index(runStart)...])
        }
        if done == nil { nfcByClusters(Substring(String(piece)), into: &out, cache: &cache) }
    }

    /// The length of the UTF-8 sequence `lead` starts (valid UTF-8: the text is a String).
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether the scalar at `i` starts a cluster: below U+0300 (one byte, or two bytes led by C2–CB),
    /// or a precomposed Vietnamese letter U+1E00–U+1EFF (E1 B8–BB).
    private static func startsCluster(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = bytes[i]
        if lead < 0xCC { return true }
        return lead == 0xE1 && i + 1 < bytes.count && (0xB8...0xBB).contains(bytes[i + 1])
    }

    /// NFC of clusters of up to seven UTF-8 bytes, keyed by those bytes and their count. Open
    /// addressing over a fixed table, not a `[String: String]`: hashing a String normalises it first.
    struct ClusterCache {
        // Made at the first insertion: most texts that need NFC have no cluster to cache.
        private var keys: [UInt64] = []
        private var values: [String] = []
        private var count = 0

        subscript(key: UInt64) -> String? {
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
                    values = Array(repeating: "", count: 1024)
                }
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 1023 }
                if keys[slot] == 0 { count += 1 }
                keys[slot] = key
                values[slot] = newValue
            }
        }
    }

    private enum ScalarAction { case keep, keepCheckNFC, rewrite }

    private static func action(for scalar: Unicode.Scalar) -> ScalarAction {
        let v = scalar.value
        if v < 0x20 { return v == 0x0A ? .keep : .rewrite }
        if v < 0x7F { return .keep }
        if v <= 0x9F { return .rewrite }
        if v < 0x300 { return .keep }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF { return .rewrite }
        return mayChangeUnderNFC(scalar) ? .keepCheckNFC : .keep
    }

    /// Whether `scalar` can be changed by NFC: a combining mark, a scalar that never appears in NFC,
    /// or a conjoining Hangul vowel or trailing consonant. Everything below U+0300 is stable.
    private static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        // Fast answers for the ranges Vietnamese text lives in (the Unicode property lookups below
        // cost more than the rest of cleaning): precomposed Latin letters with marks (Latin Extended
        // Additional, "ạ ế ờ ữ…") and general punctuation ("– “ ” …") are NFC-stable starters, but
        // for U+2000 and U+2001 (en and em quad), which NFC turns into U+2002 and U+2003.
        if (0x1E00...0x1EFF).contains(scalar.value) || (0x2002...0x206F).contains(scalar.value) { return false }
        let properties = scalar.properties
        return properties.canonicalCombiningClass != .notReordered
            || properties.isGraphemeExtend
            || properties.isFullCompositionExclusion
            || (0x1161...0x11C2).contains(scalar.value)
    }

    /// Rewrites the scalars rules 1–5 change; runs of scalars that stay are copied whole.
    private static func rewrite(_ s: String) -> (text: String, needsNFC: Bool) {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var needsNFC = false
        var previousWasCR = false
        let scalars = s.unicodeScalars
        var runStart = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let v = scalar.value
            let next = scalars.index(after: i)
            defer { previousWasCR = v == 0x0D; i = next }
            let replacement: String
            switch v {
            case 0x0A:
                guard previousWasCR else { continue }
                replacement = ""
            case 0x0D: replacement = "\n"
            case 0x09: replacement = " "
            case 0x00..<0x20: replacement = String(Unicode.Scalar(0x2400 + v)!)
            case 0x7F: replacement = "\u{2421}"
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: replacement = visibleCodePoint(v)
            case 0xFEFF: replacement = ""
            default:
                if v >= 0x300 && !needsNFC && mayChangeUnderNFC(scalar) { needsNFC = true }
                continue
            }
            out.append(contentsOf: s[runStart..<i])
            out += replacement
            runStart = next
        }
        out.append(contentsOf: s[runStart..<scalars.endIndex])
        return (out, needsNFC)
    }

    /// "<U+202E>" for 0x202E: a control written out so that a reader can see it was there.
    private static func visibleCodePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
