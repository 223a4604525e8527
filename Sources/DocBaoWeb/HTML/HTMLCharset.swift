import Foundation

/// What a page's bytes are written in, and the page as UTF-8, which is what libxml2 is then told.
///
/// Decided as browsers do, in this order: a byte order mark; a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KB (read by a small
/// scanner of tags and attributes, not by patterns over markup); then UTF-8 when the bytes are
/// valid UTF-8; else the best reading of an undeclared legacy page: windows-1258 when its
/// combining tone marks follow letters (Vietnamese), windows-1252 otherwise.
public enum HTMLCharset: String, Sendable, CaseIterable {
    case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"
    case windows1252 = "windows-1252", windows1258 = "windows-1258", latin1 = "ISO-8859-1"

    /// The charset a label names (WHATWG labels, the common ones), nil for one not known.
    public init?(label: String) {
        let name = String(label.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" })
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        case "utf-16", "utf-16le", "unicode", "ucs-2": self = .utf16LE
        case "utf-16be": self = .utf16BE
        case "windows-1252", "cp1252", "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968": self = .windows1252
        case "windows-1258", "cp1258", "x-cp1258": self = .windows1258
        // WHATWG reads Latin-1 labels as windows-1252, of which it is a subset but for C1 controls.
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819", "ibm819": self = .latin1
        default: return nil
        }
    }

    /// The page's charset and its text as UTF-8 bytes (a byte order mark dropped).
    public static func utf8(_ bytes: [UInt8]) -> (charset: HTMLCharset, bytes: [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, decodeUTF16(bytes.dropFirst(2), bigEndian: false)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, decodeUTF16(bytes.dropFirst(2), bigEndian: true)) }
        let charset = declared(in: bytes) ?? guess(bytes)
        return (charset, convert(bytes, from: charset))
    }

    /// Bytes in `charset` as UTF-8 (invalid UTF-8 is left for libxml2, which replaces it).
    static func convert(_ bytes: [UInt8], from charset: HTMLCharset) -> [UInt8] {
        switch charset {
        case .utf8:
            return bytes
        case .utf16LE, .utf16BE:
            return decodeUTF16(bytes[...], bigEndian: charset == .utf16BE)
        case .windows1252, .latin1, .windows1258:
            // A page that says Latin-1 but is valid UTF-8 with non-ASCII letters was saved as UTF-8
            // (a common mistake of editors and servers): read what it is.
            if charset != .windows1258, isValidNonASCIIUTF8(bytes) { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4)
            let table = charset == .windows1258 ? windows1258High : windows1252High
            for byte in bytes {
                if byte < 0x80 { out.append(byte); continue }
                let scalar = byte >= 0xA0 ? (charset == .windows1258 ? windows1258Upper(byte) : UInt32(byte))
                    : (charset == .latin1 ? UInt32(byte) : table[Int(byte - 0x80)])
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            }
            return out
        }
    }

    /// The charset a `<meta>` in the first 4 KB declares (the HTML prescan, simplified: comments
    /// skipped, each tag's attributes read with their quotes).
    static func declared(in bytes: [UInt8]) -> HTMLCharset? {
        let head = bytes.prefix(4096)
        // UTF-16 without a BOM: every other byte zero in ASCII markup.
        if head.count >= 4, head[0] == 0x3C, head[1] == 0 { return .utf16LE }
        if head.count >= 4, head[0] == 0, head[1] == 0x3C { return .utf16BE }
        var scanner = TagScanner(bytes: Array(head))
        while let tag = scanner.nextTag() {
            guard tag.name == "meta" else { continue }
            if let label = tag.attributes["charset"], let charset = HTMLCharset(label: label) {
                return charset == .utf16LE || charset == .utf16BE ? .utf8 : charset
            }
            if tag.attributes["http-equiv"]?.lowercased() == "content-type", let content = tag.attributes["content"],
               let charset = charsetParameter(content).flatMap(HTMLCharset.init(label:)) {
                // A page that reached us as ASCII-compatible bytes cannot be UTF-16 (WHATWG rule).
                return charset == .utf16LE || charset == .utf16BE ? .utf8 : charset
            }
        }
        return nil
    }

    /// "utf-8" from "text/html; charset=utf-8".
    static func charsetParameter(_ content: String) -> String? {
        let lower = content.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { !" ;\"'".contains($0) }
        return value.isEmpty ? nil : String(value)
    }

    /// An undeclared page: UTF-8 if it is valid UTF-8; windows-1258 if tone marks (0xCC, 0xD2,
    /// 0xDE, 0xEC, 0xF2 after a letter) are common; windows-1252 otherwise.
    static func guess(_ bytes: [UInt8]) -> HTMLCharset {
        if isValidUTF8(bytes) { return .utf8 }
        var tones = 0, high = 0
        var previousIsLetter = false
        for byte in bytes.prefix(1 << 20) {
            if byte >= 0x80 { high += 1 }
            if previousIsLetter && [0xCC, 0xD2, 0xDE, 0xEC, 0xF2].contains(byte) { tones += 1 }
            previousIsLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || [0xC3, 0xE3, 0xD5, 0xF5, 0xDD, 0xFD, 0xC2, 0xE2, 0xCA, 0xEA, 0xD4, 0xF4].contains(byte)
        }
        return tones * 4 >= high && tones > 0 ? .windows1258 : .windows1252
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func isValidNonASCIIUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 } && isValidUTF8(bytes)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// windows-1252's 0x80–0x9F (unassigned bytes as their C1 code, as browsers do).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    /// windows-1258's 0x80–0x9F.
    static let windows1258High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x8A, 0x2039, 0x0152, 0x8D, 0x8E, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x9A, 0x203A, 0x0153, 0x9D, 0x9E, 0x0178,
    ]

    /// windows-1258's 0xA0–0xFF: Latin-1 but for Vietnamese letters and the five combining tones.
    static func windows1258Upper(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0xC3: return 0x0102  // Ă
        case 0xCC: return 0x0300  // combining grave
        case 0xD0: return 0x0110  // Đ
        case 0xD2: return 0x0309  // combining hook above
        case 0xD5: return 0x01A0  // Ơ
        case 0xDD: return 0x01AF  // Ư
        case 0xDE: return 0x0303  // combining tilde
        case 0xE3: return 0x0103  // ă
        case 0xEC: return 0x0301  // combining acute
        case 0xF0: return 0x0111  // đ
        case 0xF2: return 0x0323  // combining dot below
        case 0xF5: return 0x01A1  // ơ
        case 0xFD: return 0x01B0  // ư
        case 0xFE: return 0x20AB  // ₫
        default: return UInt32(byte)
        }
    }
}
