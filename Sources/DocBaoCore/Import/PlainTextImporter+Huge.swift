/// Huge input: a preview to open on, and blocks small enough for the lazy layout.
extension PlainTextImporter {
    /// Input larger than this opens on a preview of its start while the whole imports.
    public static let previewThreshold = 512 * 1024
    /// About how much of the input the preview holds.
    static let previewSize = 64 * 1024
    /// A block longer than this (no news paragraph is) is cut in pieces, so that laying out a
    /// screen never wraps megabytes (a 100 MB file without a newline is one paragraph).
    static let maxBlockBytes = 64 * 1024

    /// Where to cut `bytes` for a preview, or nil when the input is small enough to import at once
    /// (or UTF-16, which is never huge in practice). The cut falls at the first blank line after
    /// `previewSize` bytes, else at a line end, else at a space, else between UTF-8 sequences.
    public static func previewCut(_ bytes: [UInt8]) -> Int? {
        guard bytes.count > previewThreshold, !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) else { return nil }
        let window = previewSize..<min(bytes.count, previewSize * 2)
        if let blank = window.first(where: { bytes[$0] == 0x0A && bytes[$0 - 1] == 0x0A }) { return blank }
        if let line = window.first(where: { bytes[$0] == 0x0A }) { return line }
        if let space = window.first(where: { bytes[$0] == 0x20 }) { return space }
        var cut = previewSize
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// The blocks with every block longer than `maxBlockBytes` cut into pieces of the same kind, at
    /// the last space before the limit (or, in a run without spaces, between grapheme clusters).
    static func splittingLongBlocks(_ blocks: [Block]) -> [Block] {
        guard blocks.contains(where: { $0.text.utf8.count > maxBlockBytes }) else { return blocks }
        var result: [Block] = []
        for block in blocks {
            guard block.text.utf8.count > maxBlockBytes else { result.append(block); continue }
            for piece in pieces(of: block.text) {
                var copy = block
                copy.text = piece
                result.append(copy)
            }
        }
        return result
    }

    private static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while utf8.distance(from: start, to: utf8.endIndex) > maxBlockBytes {
            let limit = utf8.index(start, offsetBy: maxBlockBytes)
            let window = utf8[utf8.index(start, offsetBy: maxBlockBytes / 2)..<limit]
            var cut: String.Index
            if let space = window.lastIndex(of: 0x20) {
                cut = space
            } else {
                cut = text.index(before: limit)  // a Character boundary at or before the limit
                if cut <= start { cut = limit }
            }
            let piece = LineShape.trimmed(text[start..<cut])
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
        }
        let last = LineShape.trimmed(text[start...])
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }
}
