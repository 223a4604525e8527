import DocBaoCore

/// The plain-text importer on any bytes, decoded as the app decodes a file (UTF-8, or UTF-16 after
/// a byte order mark; invalid bytes become U+FFFD).
enum ImporterTarget {
    static func run(_ bytes: [UInt8]) {
        let decoded = PlainTextImporter.decode(bytes)
        checkDecoding(bytes, decoded)
        let (article, replaced) = PlainTextImporter.importArticle(bytes: bytes)
        require(replaced == decoded.replacedBytes, "importArticle(bytes:) counts other replaced bytes than decode")
        Check.article(article)
        // As a huge file is imported: blocks kept as places in the file read back the same text.
        let source = FiledSource(bytes: bytes, file: BytesTextFile(bytes))
        for chunk in [13, PlainTextImporter.chunkSize] {
            let filed = PlainTextImporter.importArticle(source: source, chunkSize: chunk).article
            require(filed == article, "blocks kept in the file read back other text (chunks of \(chunk) bytes)")
        }
    }

    /// The bytes as the reader's huge-file source gives them: whole, and as the file the blocks
    /// are kept in.
    struct FiledSource: PlainTextSource {
        let bytes: [UInt8]
        let file: BytesTextFile
        func read(_ body: (UnsafeRawBufferPointer) -> Void) { bytes.withUnsafeBytes { body($0) } }
        var textFile: (any TextFile)? { file }
    }

    /// The decoder agrees with the standard library's (which also replaces each maximal invalid
    /// subpart with one U+FFFD), and counts replaced bytes only when there are some.
    static func checkDecoding(_ bytes: [UInt8], _ decoded: (text: String, replacedBytes: Int)) {
        let expected: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            let body = bytes.dropFirst(2)
            var units: [UInt16] = []
            var i = body.startIndex
            while i + 1 < body.endIndex {
                let (a, b) = (UInt16(body[i]), UInt16(body[i + 1]))
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                i += 2
            }
            expected = String(decoding: units, as: UTF16.self) + (body.count % 2 == 1 ? "\u{FFFD}" : "")
            let valid = body.count % 2 == 0 && String(validating: units, as: UTF16.self) != nil
            require(valid == (decoded.replacedBytes == 0), "UTF-16: replaced \(decoded.replacedBytes) bytes, valid: \(valid)")
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            expected = String(decoding: body, as: UTF8.self)
            let valid = String(validating: body, as: UTF8.self) != nil
            require(valid == (decoded.replacedBytes == 0), "UTF-8: replaced \(decoded.replacedBytes) bytes, valid: \(valid)")
        }
        require(decoded.replacedBytes <= bytes.count, "more bytes replaced than read")
        require(Check.sameScalars(decoded.text, expected), "decode differs from the standard library's decoding")
    }
}
