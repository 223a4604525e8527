/// Finds a `Matcher`'s matches in an article block by block, without folding it whole: how a huge
/// article is searched once it is imported (issue 19), where one `FoldedText` of the whole takes
/// twice the article's size and seconds to make (1.5 s NFC, 2.7 s NFD for 100 MB) at every search.
///
/// Each block's bytes (for blocks kept in a file, the file's, read many blocks at a time) are
/// folded on the fly to base bytes only, one per unit as `FoldedText.bases` holds them, and scanned
/// for the query's (`ByteSearch`); only a block where they are is folded whole and asked of the
/// `Matcher` (`matches(in:)` of its text). Equal bases are necessary for a match in every mode and
/// no match crosses from one block into the next, so these are the Matcher's matches in each block:
/// those `SearchIndex.matches` finds in the fold of the whole, in the same order (`BlockScanTests`).
/// With a letter rare in Vietnamese text in the query (`KeyLetter`), the blocks without one are
/// passed over at memory speed.
///
/// A block's bytes in its file are its text's, but for a block cleaned when read (`TextSanitizer`:
/// NFD, controls). NFC keeps the bases (marks join the letter before them, as in the fold); a block
/// whose cleaning may change them (a control made a picture, a C1 control or a bidi override made
/// text such as "<U+0085>", a byte order mark dropped, CR LF made one line feed, an NFC singleton
/// such as the Angstrom sign, jamo composed) is asked of the Matcher whatever its bases.
struct BlockScan {
    let matcher: Matcher
    private let search: ByteSearch?
    private let key: KeyLetter?
    /// Whether the key is a letter cleaning can write into a block's text from bytes without it
    /// ("<U+202E>", ";" for U+037E): then cleaned blocks are not passed over for lacking it.
    private let keyMayBeWritten: Bool

    /// Bytes of a file read at once (several blocks).
    static let pieceSize = 1 << 20

    init(_ matcher: Matcher) {
        self.matcher = matcher
        search = matcher.query.isEmpty ? nil : ByteSearch(matcher.query.map { $0.base < 0xFF ? UInt8($0.base) : 0xFF })
        key = KeyLetter(matcher.query)
        keyMayBeWritten = key.map { Array("<>+;`0123456789abcdef".utf8).contains($0.base) } ?? false
    }

    /// Every match in `blocks`, in reading order, as UTF-8 offsets in their blocks' texts.
    func matches(in blocks: [Block]) -> SearchMatches { matches(in: blocks, range: blocks.indices) }

    /// The matches in the blocks of `range` only (their numbers in `blocks` kept).
    func matches(in blocks: [Block], range: Range<Int>) -> SearchMatches {
        var scan = Run(self, blocks)
        guard search != nil else { return scan.result }
        var b = range.lowerBound
        while b < range.upperBound {
            guard let first = blocks[b].filedBytes else {
                var text = blocks[b].text
                text.withUTF8 { scan.consider(b, $0, cleaned: false) }
                b += 1
                continue
            }
            // Blocks kept one after another in the same file, read at once.
            scan.spans.removeAll(keepingCapacity: true)
            scan.spans.append(Span(start: 0, end: first.count, cleans: first.cleans))
            var end = b + 1, last = first.offset + first.count
            while end < range.upperBound, let next = blocks[end].filedBytes, next.file === first.file, next.offset >= last,
                  next.offset + next.count - first.offset <= Self.pieceSize {
                scan.spans.append(Span(start: next.offset - first.offset, end: next.offset + next.count - first.offset, cleans: next.cleans))
                last = next.offset + next.count
                end += 1
            }
            scan.scanPiece(blocks: b, file: first.file, at: first.offset, count: last - first.offset)
            b = end
        }
        return scan.result
    }

    /// A block's bytes in a piece read from its file.
    struct Span {
        var start: Int, end: Int
        var cleans: Bool
    }

    /// One search's buffers and matches.
    private struct Run {
        let scan: BlockScan
        let blocks: [Block]
        var result = SearchMatches()
        var spans: [Span] = []
        private var piece: [UInt8] = []
        private var bases: [UInt8] = []

        init(_ scan: BlockScan, _ blocks: [Block]) {
            self.scan = scan
            self.blocks = blocks
        }

        /// The blocks from `first` on whose bytes `spans` gives, `count` bytes of `file` from `offset`.
        mutating func scanPiece(blocks first: Int, file: any TextFile, at offset: Int, count: Int) {
            if piece.count < count { piece = [UInt8](repeating: 0, count: count) }
            let read = piece.withUnsafeMutableBytes { file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]), at: offset) }
            let buffer = piece
            piece = []  // one buffer, not copied on write below
            defer { piece = buffer }
            guard read == count else {
                // The file is shorter than at the import: the blocks' texts say what they are now.
                for k in spans.indices { verify(first + k) }
                return
            }
            let spans = self.spans
            buffer.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[..<count])
                guard let key = scan.key, !(scan.keyMayBeWritten && spans.contains(where: \.cleans)) else {
                    for (k, s) in spans.enumerated() {
                        consider(first + k, UnsafeBufferPointer(rebasing: bytes[s.start..<s.end]), cleaned: s.cleans)
                    }
                    return
                }
                // Only the blocks holding the key letter.
                var k = 0, at = 0
                while k < spans.count, let c = key.firstCandidate(in: bytes, from: at) {
                    while k < spans.count && spans[k].end <= c { k += 1 }
                    guard k < spans.count else { break }
                    let s = spans[k]
                    if c >= s.start {
                        consider(first + k, UnsafeBufferPointer(rebasing: bytes[s.start..<s.end]), cleaned: s.cleans)
                        k += 1
                        at = s.end
                    } else {
                        at = s.start
                    }
                }
            }
        }

        /// Block `b`, whose bytes are `bytes` (its text's, or those cleaned to give it): asked of the
        /// Matcher when its bases hold the query's, or when cleaning may change them.
        mutating func consider(_ b: Int, _ bytes: UnsafeBufferPointer<UInt8>, cleaned: Bool) {
            if bases.count < bytes.count { bases = [UInt8](repeating: 0, count: max(bytes.count, 2 * bases.count)) }
            let search = scan.search!
            let found = bases.withUnsafeMutableBufferPointer { out in
                let (n, unsure) = BlockScan.bases(bytes, into: out.baseAddress!)
                return cleaned && unsure || search.firstIndex(in: UnsafeBufferPointer(rebasing: out[..<n]), from: 0) != nil
            }
            if found { verify(b) }
        }

        /// Block `b`'s matches, from its text.
        mutating func verify(_ b: Int) {
            for r in scan.matcher.matches(in: blocks[b].text) {
                result.append(SearchMatch(block: b, start: r.lowerBound, end: r.upperBound))
            }
        }
    }

    /// Writes the base byte of each unit of `bytes` (a block's UTF-8) into `out` (room for one a
    /// byte), as `VietnameseFolding.fold` makes the units: eight ASCII bytes a step where there are
    /// eight printable ones, else a character at a time through `LineScan.BaseTable`'s entries or, for
    /// the rest, its bases and `VietnameseFolding`; a mark after
    /// the block's first unit joins the one before it. Returns the number of units, and whether the
    /// bytes hold something that cleaning changes (see the type's comment).
    static func bases(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, unsure: Bool) {
        let n = bytes.count
        guard let src = bytes.baseAddress else { return (0, false) }
        let table = LineScan.BaseTable.shared
        var i = 0, k = 0, unsure = false
        table.ascii.withUnsafeBufferPointer { ascii in table.two.withUnsafeBufferPointer { two in table.three.withUnsafeBufferPointer { three in
            while i < n {
                if i + 8 <= n {
                    let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    // No byte of 0x80 or more, none below 0x20 (a control), none 0x7F (DEL).
                    if w & high == 0, (w &- 0x2020_2020_2020_2020) & ~w & high == 0, (w &+ 0x0101_0101_0101_0101) & high == 0 {
                        let upper = ((w &+ 0x3F3F_3F3F_3F3F_3F3F) ^ (w &+ 0x2525_2525_2525_2525)) & high
                        UnsafeMutableRawPointer(out + k).storeBytes(of: w | (upper >> 2), as: UInt64.self)
                        i += 8; k += 8
                        continue
                    }
                }
                let b = src[i]
                if b < 0x80 {
                    // Controls but tab and line feed become pictures, CR LF one line feed; DEL a picture.
                    if b < 0x20 && b != 0x09 && b != 0x0A || b == 0x7F { unsure = true }
                    out[k] = ascii[Int(b)]; k += 1; i += 1
                    continue
                }
                // Most letters of Vietnamese text and its punctuation, through the table.
                if let (entry, length) = LineScan.BaseTable.entry(src, i, n, two, three) {
                    i += length
                    if entry & LineScan.BaseTable.extends != 0 && k > 0 { continue }  // a mark on the unit before
                    if entry & LineScan.BaseTable.cleans != 0 { unsure = true }
                    out[k] = UInt8(truncatingIfNeeded: entry); k += 1
                    continue
                }
                // Any other character, decoded; a byte that starts none is one unit (repaired text has
                // as many replacement characters or fewer: unsure).
                guard let (scalar, length) = LineScan.BaseTable.decode(src, i, n) else {
                    out[k] = 0xFF; k += 1; i += LineScan.BaseTable.invalidLength(src, i, n); unsure = true
                    continue
                }
                i += length
                if k > 0, VietnameseFolding.extendsPrevious(scalar) {
                    continue  // a mark on the unit before
                } else {
                    if changedByCleaning(scalar.value) { unsure = true }
                    let base = VietnameseFolding.fold(scalar).base
                    out[k] = base < 0xFF ? UInt8(base) : 0xFF; k += 1
                }
            }
        } } }
        return (k, unsure)
    }

    /// Scalars (outside `BaseTable` and the marks that join a unit) that cleaning drops, writes out
    /// or turns into a character of another base: bidi overrides and isolates, the byte order mark,
    /// NFC's singletons whose base differs (Å for U+212B, ";" for U+037E, "·", "`", "´"), and the
    /// scripts whose letters NFC composes from several units (Hangul jamo, Indic vowel signs).
    @inline(__always)
    static func changedByCleaning(_ v: UInt32) -> Bool {
        switch v {
        case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x212B, 0x037E, 0x0387, 0x1FEF, 0x1FFD: return true
        case 0x0900..<0x0E00, 0x1100..<0x1200, 0x1B00..<0x1B80: return true
        default: return false
        }
    }
}
