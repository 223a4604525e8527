extension LineScan {
    /// Base bytes of the characters most text is made of, from `VietnameseFolding.fold` once.
    final class BaseTable: Sendable {
        static let shared = BaseTable()
        let ascii: [UInt8]

        /// What a fold makes of each scalar of U+0080 ..< U+0800 (`two`, by the scalar) and of
        /// U+1000 ..< U+3000 (`three`, by the scalar less 0x1000): its base byte, with `extends` set
        /// when it is a mark that joins the character before it (unless it starts a line or a block),
        /// and `cleans` when cleaning the text changes it (`BlockScan.changedByCleaning`, C1 controls).
        let two: [UInt16], three: [UInt16]
        static let extends: UInt16 = 0x100, cleans: UInt16 = 0x200

        private init() {
            func byte(_ v: UInt32) -> UInt8 {
                guard let s = Unicode.Scalar(v) else { return 0xFF }
                let base = VietnameseFolding.fold(s).base
                return base < 0xFF ? UInt8(base) : 0xFF
            }
            ascii = (0..<128).map { byte(UInt32($0)) }
            func entry(_ v: UInt32) -> UInt16 {
                guard let s = Unicode.Scalar(v) else { return 0xFF }
                return UInt16(byte(v)) | (v >= 0x300 && VietnameseFolding.extendsPrevious(s) ? Self.extends : 0)
                    | (v < 0xA0 || BlockScan.changedByCleaning(v) ? Self.cleans : 0)  // C1 controls made "<U+0085>"
            }
            two = (0..<0x800).map { $0 < 0x80 ? 0xFF : entry($0) }  // ASCII never comes here
            three = (0x1000..<0x3000).map(entry)
        }

        /// The entry of the character at `i` of `src` (`n` bytes) and its length in bytes, when it is
        /// a two-byte character or a three-byte one led by E1 or E2 (NFC's Vietnamese letters, NFD's
        /// marks, news punctuation) with its continuation bytes; nil for any other, which the caller
        /// decodes itself. No decoding, no Unicode property asked.
        @inline(__always)
        static func entry(_ src: UnsafePointer<UInt8>, _ i: Int, _ n: Int,
                          _ two: UnsafeBufferPointer<UInt16>, _ three: UnsafeBufferPointer<UInt16>) -> (UInt16, Int)? {
            let b = src[i]
            if b >= 0xC2 && b < 0xE0, i + 1 < n, src[i + 1] & 0xC0 == 0x80 {
                return (two[Int(b & 0x1F) << 6 | Int(src[i + 1] & 0x3F)], 2)
            }
            if b == 0xE1 || b == 0xE2, i + 2 < n, src[i + 1] & 0xC0 == 0x80, src[i + 2] & 0xC0 == 0x80 {
                return (three[Int(b - 0xE1) << 12 | Int(src[i + 1] & 0x3F) << 6 | Int(src[i + 2] & 0x3F)], 3)
            }
            return nil
        }

        /// How many bytes at `i` of `src` (`n` bytes), not UTF-8 there, stand for one U+FFFD, as
        /// `String(decoding:)` repairs them: the longest start of a well-formed sequence ("maximal
        /// subpart": E1 BB cut short by 1F is one), else the byte alone (E0 80 80: three).
        @inline(__always)
        static func invalidLength(_ src: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
            let b = src[i]
            let need = b >= 0xC2 && b < 0xE0 ? 1 : b >= 0xE0 && b < 0xF0 ? 2 : b >= 0xF0 && b < 0xF5 ? 3 : 0
            guard need > 0, i + 1 < n else { return 1 }
            let second = src[i + 1]
            let (lo, hi): (UInt8, UInt8) = b == 0xE0 ? (0xA0, 0xBF) : b == 0xED ? (0x80, 0x9F)
                : b == 0xF0 ? (0x90, 0xBF) : b == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
            guard second >= lo && second <= hi else { return 1 }
            var k = 2
            while k <= need, i + k < n, src[i + k] & 0xC0 == 0x80 { k += 1 }
            return min(k, need + 1)
        }

        /// The character at `i` of `src` (`n` bytes) that `entry` does not give, and its length: a
        /// three-byte one led by E0 or E3–EF, or a four-byte one. Nil when the bytes there are not
        /// UTF-8: a lead byte without its continuation bytes, an overlong form (E0 80 80 for NUL), a
        /// surrogate, past U+10FFFF (each of those bytes is then a unit of its own, as U+FFFD is).
        @inline(__always)
        static func decode(_ src: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Unicode.Scalar, Int)? {
            let b = src[i]
            let length = b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= n else { return nil }
            var v = UInt32(b) & (length == 3 ? 0x0F : 0x07)
            for j in 1..<length {
                let c = src[i + j]
                guard c & 0xC0 == 0x80 else { return nil }
                v = v << 6 | UInt32(c & 0x3F)
            }
            guard v >= (length == 3 ? 0x800 : 0x10000), let scalar = Unicode.Scalar(v) else { return nil }
            return (scalar, length)
        }
    }
}
