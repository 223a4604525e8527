import Foundation

/// Folds text into `FoldedUnit`s for matching: one unit per character, marks separated from letters,
/// case recorded apart. Tones stay where the text wrote them: where a tone sits within a syllable is
/// not a difference, and `Matcher` compares tones syllable by syllable (`Matcher+Syllables.swift`).
public enum VietnameseFolding {
    /// Folded text with, for each unit, the UTF-8 offset where its character starts in the source.
    public struct Folded: Sendable {
        /// The units, as written.
        public var units: [FoldedUnit]
        /// `offsets[i]` is where unit i starts; `offsets[units.count]` is the end of the text.
        public var offsets: [Int32]
    }

    /// Folds `text` (NFC or not: decomposed letters fold like precomposed ones). Combining marks and
    /// other grapheme extenders join the unit of the scalar before them, so a unit is a user-perceived
    /// character without the cost of grapheme segmentation.
    /// - Complexity: O(n) in the length of the text.
    public static func fold(_ text: String) -> Folded {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(fold(utf8:))!
    }

    /// Units of the ASCII characters, by byte: most of Vietnamese text folds through this table.
    private static let asciiUnits: [UInt32] = (0..<128).map { fold(Unicode.Scalar(UInt8($0))).raw }

    /// Folds valid UTF-8, reading ASCII straight from the bytes and decoding the rest.
    private static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Folded {
        let n = bytes.count
        var units: [FoldedUnit] = []
        var offsets: [Int32] = []
        units.reserveCapacity(n)
        offsets.reserveCapacity(n + 1)
        asciiUnits.withUnsafeBufferPointer { ascii in
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    offsets.append(Int32(i))
                    units.append(FoldedUnit(raw: ascii[Int(b)]))
                    i += 1
                    continue
                }
                let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                if v >= 0x300, !units.isEmpty, extendsPrevious(scalar) {
                    units[units.count - 1].raw |= FoldedUnit.markBit(v)
                } else {
                    offsets.append(Int32(i))
                    units.append(fold(scalar))
                }
                i += length
            }
        }
        offsets.append(Int32(n))
        return Folded(units: units, offsets: offsets)
    }

    /// Whether a scalar belongs to the character before it (a combining mark, a joiner, a variation
    /// selector), decided without a property lookup for the common ranges.
    @inline(__always)
    static func extendsPrevious(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v <= 0x36F { return true }                   // combining diacritical marks (v >= 0x300 here)
        if v >= 0x1E00 && v < 0x1F00 { return false }   // precomposed Latin (Vietnamese letters)
        return s.properties.isGraphemeExtend
    }

    /// Folds one scalar through the table of precomposed Latin letters.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> FoldedUnit {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return FoldedUnit(base: Unicode.Scalar(v + 0x20)!, marks: 0, uppercase: true, word: true) }
            let word = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
            let base: Unicode.Scalar = (v == 0x09 || v == 0x0A || v == 0x0D) ? " " : s
            return FoldedUnit(base: base, marks: 0, uppercase: false, word: word)
        }
        if let folded = LatinTable.shared.lookup(v) { return folded }
        if s.properties.isWhitespace { return FoldedUnit(base: " ", marks: 0, uppercase: false, word: false) }
        if s.properties.generalCategory == .nonspacingMark {
            // A mark with no letter before it (a stray mark after a space): a unit of marks alone.
            return FoldedUnit(raw: FoldedUnit.markBit(v))
        }
        let properties = s.properties
        let word = properties.isAlphabetic || properties.numericType != nil
        if properties.isUppercase, let lower = properties.lowercaseMapping.unicodeScalars.first {
            return FoldedUnit(base: lower, marks: 0, uppercase: true, word: word)
        }
        return FoldedUnit(base: s, marks: 0, uppercase: false, word: word)
    }
}

/// Precomposed Latin letters (U+00C0–U+024F, U+1E00–U+1EFF) split into base and marks, once.
final class LatinTable: Sendable {
    static let shared = LatinTable()
    private let low: [UInt32]    // U+0080 ..< U+0250
    private let extended: [UInt32]  // U+1E00 ..< U+1F00

    private init() {
        func entry(_ v: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(v) else { return 0 }
            if v == 0x110 || v == 0x111 {  // Đ đ: d with a stroke
                return FoldedUnit(base: "d", marks: FoldedUnit.stroke, uppercase: v == 0x110, word: true).raw
            }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let base = decomposed.first else { return 0 }
            var marks: UInt32 = 0
            for mark in decomposed.dropFirst() { marks |= FoldedUnit.markBit(mark.value) }
            let properties = base.properties
            let word = properties.isAlphabetic || properties.numericType != nil
            if properties.isUppercase, let lower = properties.lowercaseMapping.unicodeScalars.first, properties.lowercaseMapping.unicodeScalars.count == 1 {
                return FoldedUnit(base: lower, marks: marks, uppercase: true, word: word).raw
            }
            if properties.isWhitespace { return FoldedUnit(base: " ", marks: 0, uppercase: false, word: false).raw }
            return FoldedUnit(base: base, marks: marks, uppercase: false, word: word).raw
        }
        low = (0x80..<0x250).map(entry)
        extended = (0x1E00..<0x1F00).map(entry)
    }

    @inline(__always)
    func lookup(_ v: UInt32) -> FoldedUnit? {
        if v >= 0x80 && v < 0x250 { return FoldedUnit(raw: low[Int(v - 0x80)]) }
        if v >= 0x1E00 && v < 0x1F00 { return FoldedUnit(raw: extended[Int(v - 0x1E00)]) }
        return nil
    }
}
