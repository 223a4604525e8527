import Foundation
import Synchronization

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
        var clusters = ClusterCache()
        return clean(s, clusters: &clusters)
    }

    /// `clean(s)` with the normalised clusters kept in `clusters` from call to call: for text
    /// cleaned a line at a time (a huge NFD article's lines, placed in its file and read back).
    static func clean(_ s: String, clusters: inout ClusterCache) -> String {
        var result = s
        let needed = result.withUTF8(needs)
        var needsNFC = needed.nfc
        if needed.rewrite {
            let rewritten = rewrite(s)
            result = rewritten.text
            needsNFC = rewritten.needsNFC
        }
        if needsNFC { result = nfc(result, clusters: &clusters) }
        return result
    }

    /// One cluster cache for the whole process, for lines cleaned on every reading of them.
    private static let sharedClusters = Mutex(ClusterCache())

    /// `clean(s)` with the process's one cluster cache: for the lines of a huge NFD article, which
    /// are cleaned again each time they are read back from its file.
    static func cleanAgain(_ s: String) -> String {
        sharedClusters.withLock { clean(s, clusters: &$0) }
    }

    /// Whether the text needs rules 1–5 (`rewrite`) and whether it may need rule 6, NFC, read from
    /// its bytes: ASCII and the two-byte scalars below U+0300 are told by their bytes alone.
    private static func needs(_ bytes: UnsafeBufferPointer<UInt8>) -> (rewrite: Bool, nfc: Bool) {
        var needsNFC = false
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead < 0x20 ? lead != 0x0A : lead == 0x7F { return (true, needsNFC) }
                i += 1
            } else if lead < 0xCC {
                if lead == 0xC2 && bytes[i + 1] <= 0x9F { return (true, needsNFC) }  // U+0080–U+009F
                i += 2
            } else {
                let length = scalarLength(lead)
                switch action(for: scalar(bytes, at: i, length: length)) {
                case .keep: break
                case .keepCheckNFC: needsNFC = true
                case .rewrite: return (true, needsNFC)
                }
                i += length
            }
        }
        return (false, needsNFC)
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
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        // Fast answers for the ranges Vietnamese text lives in (the Unicode property lookups below
        // cost more than the rest of cleaning): precomposed Latin letters with marks (Latin Extended
        // Additional, "ạ ế ờ ữ…") and general punctuation ("– “ ” …") are NFC-stable starters, but
        // for U+2000 and U+2001 (en and em quad), which NFC turns into U+2002 and U+2003.
        if (0x1E00...0x1EFF).contains(scalar.value) || (0x2002...0x206F).contains(scalar.value) { return false }
        // The combining diacritical marks (Vietnamese NFD's tones and hats) all are marks.
        if (0x300...0x36F).contains(scalar.value) { return true }
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
