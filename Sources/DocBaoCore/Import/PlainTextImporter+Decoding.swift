import Foundation

extension PlainTextImporter {
    /// Imports an article from raw bytes: UTF-8 (a leading BOM is skipped), or UTF-16 or UTF-32 when
    /// the bytes start with that encoding's byte order mark. Invalid sequences become U+FFFD.
    /// - Returns: the article and how many input bytes were invalid and replaced.
    /// The bytes are read a chunk at a time (`importArticle(source:)`): no decoded copy of them all.
    public static func importArticle(bytes: [UInt8]) -> (article: Article, replacedBytes: Int) {
        bytes.withUnsafeBytes { importArticle(source: BufferSource(bytes: $0)) }
    }

    /// The encodings a text file is read in: UTF-8, or what its byte order mark says.
    public enum Encoding: Equatable, Sendable {
        case utf8, utf16(bigEndian: Bool), utf32(bigEndian: Bool)

        /// The encoding of bytes starting with `start` (their first four bytes are enough). UTF-32's
        /// little-endian mark starts like UTF-16's, FF FE, and wins: text never holds U+0000.
        /// (An array, not a generic collection: see `wantsPreview`.)
        public init(start: [UInt8]) {
            func at(_ i: Int) -> Int { i < start.count ? Int(start[i]) : -1 }
            switch (at(0), at(1), at(2), at(3)) {
            case (0xFF, 0xFE, 0, 0): self = .utf32(bigEndian: false)
            case (0, 0, 0xFE, 0xFF): self = .utf32(bigEndian: true)
            case (0xFF, 0xFE, _, _): self = .utf16(bigEndian: false)
            case (0xFE, 0xFF, _, _): self = .utf16(bigEndian: true)
            default: self = .utf8
            }
        }

        /// UTF-16 and UTF-32: decoded whole, never huge in practice, and NUL bytes are their text.
        public var isWide: Bool { self != .utf8 }
    }

    /// Whether the bytes look like a binary file rather than text: they hold a NUL byte (and are not
    /// UTF-16 or UTF-32, which start with a byte order mark). Text never holds NUL; most binary formats do.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        guard !Encoding(start: bytes).isWide else { return false }
        return bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
    }

    /// Decodes bytes as UTF-8 or, after a byte order mark, UTF-16 or UTF-32; counts invalid bytes.
    public static func decode(_ bytes: [UInt8]) -> (text: String, replacedBytes: Int) {
        switch Encoding(start: bytes) {
        case .utf32(let bigEndian): return decodeUTF32(bytes.dropFirst(4), bigEndian: bigEndian)
        case .utf16(let bigEndian): return decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian)
        case .utf8:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decodeUTF8(bytes.dropFirst(3)) }
            return decodeUTF8(bytes[...])
        }
    }

    /// UTF-8 with U+FFFD for each maximal invalid subpart (the Unicode "best practice"), counting its bytes.
    public static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (text: String, replacedBytes: Int) {
        // Valid UTF-8, the usual case, is copied in one validating pass.
        if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            if lead < 0x80 { scalars.append(Unicode.Scalar(lead)); i += 1; continue }
            let (length, low, high): (Int, UInt8, UInt8) = switch lead {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (1, 0, 0)
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var consumed = 1
            while consumed < length, i + consumed < bytes.endIndex {
                let byte = bytes[i + consumed]
                let (min, max) = consumed == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= min && byte <= max else { break }
                value = value << 6 | UInt32(byte & 0x3F)
                consumed += 1
            }
            if length > 1 && consumed == length, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                scalars.append("\u{FFFD}")
                replaced += consumed
            }
            i += consumed
        }
        return (String(scalars), replaced)
    }

    /// UTF-16 in the given byte order; a lone surrogate or a final odd byte becomes U+FFFD.
    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: String, replacedBytes: Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var replaced = bytes.count % 2
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: scalars.append("\u{FFFD}"); replaced += 2
            }
        }
        if replaced % 2 == 1 { scalars.append("\u{FFFD}") }
        return (String(scalars), replaced)
    }

    /// UTF-32 in the given byte order; a value that is no scalar (a surrogate, past U+10FFFF) or
    /// final bytes short of four become U+FFFD.
    private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: String, replacedBytes: Int) {
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        var i = bytes.startIndex
        while i + 3 < bytes.endIndex {
            let (a, b, c, d) = (UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3]))
            let value = bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } else { scalars.append("\u{FFFD}"); replaced += 4 }
            i += 4
        }
        if i < bytes.endIndex { scalars.append("\u{FFFD}"); replaced += bytes.endIndex - i }
        return (String(scalars), replaced)
    }
}
