import Foundation

/// Input the importer reads from its start more than once, a piece at a time: a file, or bytes
/// already in memory. The importer reads it twice, and never holds all of it.
public protocol PlainTextSource {
    associatedtype ReadError: Error
    /// Calls `body` with every byte of the input in order, in pieces of any size.
    func read(_ body: (UnsafeRawBufferPointer) -> Void) throws(ReadError)
    /// The input as a file the article's text can be read back from, if it is one: the importer
    /// then keeps the blocks whose text is there byte for byte as places in it (`Block.isFiled`).
    var textFile: (any TextFile)? { get }
}

extension PlainTextSource {
    public var textFile: (any TextFile)? { nil }
}

/// Bytes in memory as a `PlainTextSource`, handed over in pieces of `pieceSize` bytes.
struct BufferSource: PlainTextSource {
    let bytes: UnsafeRawBufferPointer
    var pieceSize = 1 << 20
    /// For tests: the file the blocks are kept in (it must hold `bytes`).
    var textFile: (any TextFile)? = nil

    func read(_ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        repeat {
            let end = min(bytes.count, start + max(1, pieceSize))
            body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        } while start < bytes.count
    }
}

extension PlainTextImporter {
    /// About how many bytes are decoded and cleaned at once (each step of cleaning may copy them).
    public static let chunkSize = 256 << 10

    /// Imports an article from UTF-8 (or, after a UTF-16 byte order mark, UTF-16) read from `source`,
    /// in two passes: the first finds the blank lines from the raw bytes (`LineMap.RawScanner`),
    /// the second decodes and cleans about `chunkSize` bytes at a time and gives the lines to an
    /// `Assembler`. Only the paragraphs are ever held whole: a 100 MB file costs its article, not
    /// also its bytes, its decoded text, its cleaned text and its lines.
    /// - Returns: the same article and count of replaced bytes as importing all the bytes at once.
    public static func importArticle<Source: PlainTextSource>(source: Source, chunkSize: Int = chunkSize) throws(Source.ReadError)
        -> (article: Article, replacedBytes: Int) {
        var scanner = LineMap.RawScanner()
        var start: [UInt8] = []
        try source.read { piece in
            if start.count < 2 { start += piece.prefix(2 - start.count) }
            scanner.feed(piece)
        }
        if start == [0xFF, 0xFE] || start == [0xFE, 0xFF] {
            // UTF-16, never huge in practice: decoded whole.
            var bytes: [UInt8] = []
            try source.read { bytes += $0 }
            let (text, replaced) = decode(bytes)
            return (importArticle(text), replaced)
        }
        var assembler = Assembler(map: scanner.finish(), file: source.textFile)
        var lines = CleanLines(chunkSize: chunkSize)
        try source.read { piece in lines.feed(piece) { assembler.add($0, at: $1) } }
        lines.finish { assembler.add($0, at: $1) }
        return (assembler.finish(), lines.replacedBytes)
    }

    /// Raw UTF-8 in, cleaned lines out (`TextSanitizer.clean`, split at "\n"), a chunk at a time,
    /// each with the offset in the input where the same bytes are (the line was not changed by
    /// cleaning), or -1.
    ///
    /// Chunks are cut where decoding and cleaning cannot reach across: just after a line feed, or
    /// else just before an ASCII byte (never between CR and LF). No UTF-8 sequence holds an ASCII
    /// byte, and no canonical composition or reordering crosses a line feed or takes an ASCII
    /// scalar as its second part, so cleaning the chunks one by one gives the cleaned whole.
    struct CleanLines {
        let chunkSize: Int
        /// Bytes read and not yet cleaned.
        private var pending: [UInt8] = []
        /// The start of a line whose end is in a later chunk.
        private var partial = ""
        /// The input's offset of `pending`'s first byte.
        private var consumed = 0
        private(set) var replacedBytes = 0

        init(chunkSize: Int) { self.chunkSize = max(1, chunkSize) }

        mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (String, Int) -> Void) {
            pending += bytes
            guard pending.count >= chunkSize, let cut = Self.cut(pending) else { return }
            clean(pending[..<cut], emit)
            pending.removeFirst(cut)
            consumed += cut
        }

        /// Cleans what is left; the last line (empty after a final line feed) goes out too.
        mutating func finish(_ emit: (String, Int) -> Void) {
            clean(pending[...], emit)
            consumed += pending.count
            pending = []
            emit(partial, -1)
            partial = ""
        }

        /// The UTF-8 offsets of the line feeds in `text`, found with memchr (the collection's
        /// `firstIndex(of:)` steps through a substring's view a byte at a time).
        static func lineFeeds(_ text: String) -> [Int] {
            var text = text
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return [] }
                var found: [Int] = []
                var at = 0
                while at < bytes.count, let hit = memchr(base + at, 0x0A, bytes.count - at) {
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    found.append(offset)
                    at = offset + 1
                }
                return found
            }
        }

        /// Where a chunk of `bytes` may end: after the last line feed, else before the last ASCII byte.
        static func cut(_ bytes: [UInt8]) -> Int? {
            if let lf = bytes.lastIndex(of: 0x0A) { return lf + 1 }
            guard let ascii = bytes.lastIndex(where: { $0 < 0x80 }), ascii > 0 else { return nil }
            return ascii
        }

        private mutating func clean(_ bytes: ArraySlice<UInt8>, _ emit: (String, Int) -> Void) {
            guard !bytes.isEmpty else { return }
            let (decoded, replaced) = decodeUTF8(bytes)
            replacedBytes += replaced
            var text = TextSanitizer.clean(decoded)
            let feeds = Self.lineFeeds(text)
            let midLine = !partial.isEmpty
            let offsets = text.withUTF8 { cleaned in
                bytes.withUnsafeBytes { Self.rawOffsets(of: feeds, in: UnsafeRawBufferPointer(cleaned), raw: $0, startsMidLine: midLine) }
            }
            let utf8 = text.utf8
            var lineStart = utf8.startIndex
            for (lf, offset) in zip(feeds, offsets) {
                let end = utf8.index(utf8.startIndex, offsetBy: lf)
                if partial.isEmpty {
                    emit(String(Substring(utf8[lineStart..<end])), offset < 0 ? -1 : consumed + offset)
                } else {
                    partial.append(contentsOf: Substring(utf8[lineStart..<end]))  // not +=: see LineShape.join
                    emit(partial, -1)
                    partial = ""
                }
                lineStart = utf8.index(after: end)
            }
            partial.append(contentsOf: Substring(utf8[lineStart...]))
        }

        /// For each line of `cleaned` ending at one of `feeds`, the offset in `raw` (the bytes it
        /// was cleaned from) where the same bytes are, followed by LF or CR LF; -1 where cleaning
        /// changed the line. The two are in step from their starts, line for line; after a changed
        /// line, again from the next LF in `raw` (where cleaning made more lines of one, as of a
        /// lone CR, the rest of the chunk is -1: never a wrong offset, since bytes are compared).
        static func rawOffsets(of feeds: [Int], in cleaned: UnsafeRawBufferPointer, raw: UnsafeRawBufferPointer,
                               startsMidLine: Bool) -> [Int] {
            var offsets: [Int] = []
            offsets.reserveCapacity(feeds.count)
            guard let rawBase = raw.baseAddress, let cleanedBase = cleaned.baseAddress else {
                return [Int](repeating: -1, count: feeds.count)
            }
            var at = 0  // in raw: where the next line's bytes are when the two are in step
            var lineStart = 0
            for (i, lf) in feeds.enumerated() {
                let count = lf - lineStart
                var found = -1
                if !(i == 0 && startsMidLine), at + count < raw.count, memcmp(rawBase + at, cleanedBase + lineStart, count) == 0 {
                    let end = at + count
                    if raw[end] == 0x0A {
                        found = at
                        at = end + 1
                    } else if raw[end] == 0x0D, end + 1 < raw.count, raw[end + 1] == 0x0A {
                        found = at
                        at = end + 2
                    }
                }
                if found < 0 {
                    if at < raw.count, let hit = memchr(rawBase + at, 0x0A, raw.count - at) {
                        at = rawBase.distance(to: UnsafeRawPointer(hit)) + 1
                    } else {
                        at = raw.count
                    }
                }
                offsets.append(found)
                lineStart = lf + 1
            }
            return offsets
        }
    }
}
