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

    /// Imports an article from UTF-8 (or, after a byte order mark, UTF-16 or UTF-32) read from `source`,
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
            if start.count < 4 { start += piece.prefix(4 - start.count) }
            scanner.feed(piece)
        }
        if Encoding(start: start).isWide {
            // UTF-16 or UTF-32, never huge in practice: decoded whole.
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

    /// Where a cleaned line came from in the input: the same bytes (`verbatim`), or bytes that
    /// `TextSanitizer.clean` makes the line on their own (`hash` is theirs).
    struct RawLine {
        var offset: Int
        var count: Int
        var hash: UInt32
        var verbatim: Bool
    }

    /// Raw UTF-8 in, cleaned lines out (`TextSanitizer.clean`, split at "\n"), a chunk at a time,
    /// each with where it came from in the input when that is known (`RawLine`).
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
        /// Normalised clusters, kept from chunk to chunk and for the lines cleaned again on their
        /// own (`rawLines`).
        private var clusters = TextSanitizer.ClusterCache()
        private(set) var replacedBytes = 0

        init(chunkSize: Int) { self.chunkSize = max(1, chunkSize) }

        mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (String, RawLine?) -> Void) {
            pending += bytes
            guard pending.count >= chunkSize, let cut = Self.cut(pending) else { return }
            clean(pending[..<cut], emit)
            pending.removeFirst(cut)
            consumed += cut
        }

        /// Cleans what is left; the last line (empty after a final line feed) goes out too.
        mutating func finish(_ emit: (String, RawLine?) -> Void) {
            clean(pending[...], emit)
            consumed += pending.count
            pending = []
            emit(partial, nil)
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

        private mutating func clean(_ bytes: ArraySlice<UInt8>, _ emit: (String, RawLine?) -> Void) {
            guard !bytes.isEmpty else { return }
            let (decoded, replaced) = decodeUTF8(bytes)
            replacedBytes += replaced
            var text = TextSanitizer.clean(decoded, clusters: &clusters)
            let feeds = Self.lineFeeds(text)
            let midLine = !partial.isEmpty
            let raws = text.withUTF8 { cleaned in
                bytes.withUnsafeBytes {
                    Self.rawLines(of: feeds, in: UnsafeRawBufferPointer(cleaned), raw: $0, startsMidLine: midLine, clusters: &clusters)
                }
            }
            let utf8 = text.utf8
            var lineStart = utf8.startIndex
            for (lf, raw) in zip(feeds, raws) {
                let end = utf8.index(utf8.startIndex, offsetBy: lf)
                if partial.isEmpty {
                    emit(String(Substring(utf8[lineStart..<end])), raw.map { var line = $0; line.offset += consumed; return line })
                } else {
                    partial.append(contentsOf: Substring(utf8[lineStart..<end]))  // not +=: see LineShape.join
                    emit(partial, nil)
                    partial = ""
                }
                lineStart = utf8.index(after: end)
            }
            partial.append(contentsOf: Substring(utf8[lineStart...]))
        }

        /// For each line of `cleaned` ending at one of `feeds`, where it came from in `raw` (the bytes
        /// it was cleaned from), or nil. The two are in step from their starts, line for line: a
        /// line is either the same bytes followed by LF or CR LF, or the bytes before the next LF
        /// (and CR) that clean on their own to the line (NFD, controls). Where cleaning made more
        /// lines of one (a lone CR) the rest of the chunk is out of step: its lines are compared
        /// with the wrong raw lines and mostly come out nil. Bytes are always compared (the same,
        /// or cleaned to the same), so a place is never wrong.
        static func rawLines(of feeds: [Int], in cleaned: UnsafeRawBufferPointer, raw: UnsafeRawBufferPointer,
                             startsMidLine: Bool, clusters: inout TextSanitizer.ClusterCache) -> [RawLine?] {
            var lines: [RawLine?] = []
            lines.reserveCapacity(feeds.count)
            guard let rawBase = raw.baseAddress, let cleanedBase = cleaned.baseAddress else {
                return [RawLine?](repeating: nil, count: feeds.count)
            }
            var at = 0  // in raw: where the next line's bytes start when the two are in step
            var lineStart = 0
            for (i, lf) in feeds.enumerated() {
                let count = lf - lineStart
                let line = UnsafeRawBufferPointer(start: cleanedBase + lineStart, count: count)
                lineStart = lf + 1
                guard at < raw.count, !(i == 0 && startsMidLine) else {
                    lines.append(nil)
                    if at < raw.count { at = Self.afterLineFeed(raw, from: at) }
                    continue
                }
                if at + count < raw.count, memcmp(rawBase + at, line.baseAddress!, count) == 0 {
                    let end = at + count
                    let next = raw[end] == 0x0A ? end + 1 : raw[end] == 0x0D && end + 1 < raw.count && raw[end + 1] == 0x0A ? end + 2 : nil
                    if let next {
                        lines.append(RawLine(offset: at, count: count, hash: 0, verbatim: true))
                        at = next
                        continue
                    }
                }
                let next = Self.afterLineFeed(raw, from: at)
                var end = next - 1
                if end > at, raw[end - 1] == 0x0D { end -= 1 }
                let bytes = UnsafeRawBufferPointer(rebasing: raw[at..<max(at, end)])
                if next <= raw.count, raw[next - 1] == 0x0A, memchr(bytes.baseAddress ?? rawBase, 0x0D, bytes.count) == nil,
                   let text = String(validating: bytes, as: UTF8.self) {
                    var cleanedAlone = TextSanitizer.clean(text, clusters: &clusters)
                    let same = cleanedAlone.withUTF8 { $0.count == count && memcmp($0.baseAddress!, line.baseAddress!, count) == 0 }
                    lines.append(same ? RawLine(offset: at, count: bytes.count, hash: FileSpan.hash(bytes), verbatim: false) : nil)
                } else {
                    lines.append(nil)
                }
                at = next
            }
            return lines
        }

        /// Just after the first LF in `raw` at or after `from`, or the end of `raw`.
        private static func afterLineFeed(_ raw: UnsafeRawBufferPointer, from: Int) -> Int {
            guard from < raw.count, let hit = memchr(raw.baseAddress! + from, 0x0A, raw.count - from) else { return raw.count }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(hit)) + 1
        }
    }
}
