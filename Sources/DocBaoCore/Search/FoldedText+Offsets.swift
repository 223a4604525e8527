extension FoldedText {
    /// The UTF-8 ranges, in their blocks' texts, of unit ranges that lie each within one block, in
    /// order (as a matcher finds them). `text(b)` is block b's source text, the one that was folded.
    ///
    /// `FoldedText` keeps the offset of every 64th unit only; the others are found by walking the
    /// source from the nearest known unit before (a checkpoint, or the end of the previous range:
    /// dense matches walk the text once), splitting it into units as `VietnameseFolding.fold` does.
    public func utf8Ranges(_ ranges: [Range<Int>], text: (Int) -> String) -> [(block: Int, range: Range<Int>)] {
        var mapper = OffsetMapper(self)
        return ranges.map { mapper.map($0, text) }
    }

    /// Turns unit ranges, given in order, into UTF-8 ranges of their blocks' texts.
    public struct OffsetMapper {
        var cursor = Cursor()
        var source = ""
        /// Only these of `folded`: a list of matches keeps its mapper, and the units themselves
        /// (about two bytes a character) are not kept for it (`SearchIndex.release`).
        let checkpoints: [Int32], blockStarts: [Int32]

        public init(_ folded: FoldedText) {
            checkpoints = folded.checkpoints
            blockStarts = folded.blockStarts
        }

        /// The block of unit range `r` and the range's UTF-8 offsets in `text(block)`.
        public mutating func map(_ r: Range<Int>, _ text: (Int) -> String) -> (block: Int, range: Range<Int>) {
            var b = cursor.block
            let starts = blockStarts
            if b < 0 || r.lowerBound < Int(starts[b]) {
                b = starts.partitionPoint { Int($0) <= r.lowerBound } - 1
            } else {
                while b + 1 < starts.count && Int(starts[b + 1]) <= r.lowerBound { b += 1 }
            }
            if b != cursor.block {
                source = text(b)
                source.makeContiguousUTF8()
                cursor = Cursor(block: b, unit: Int(starts[b]), offset: 0)
            }
            var c = cursor
            let range = source.utf8.withContiguousStorageIfAvailable { [checkpoints, blockStarts] bytes in
                let start = FoldedText.offset(ofUnit: r.lowerBound, &c, bytes, checkpoints, blockStarts)
                return start..<FoldedText.offset(ofUnit: r.upperBound, &c, bytes, checkpoints, blockStarts)
            }!
            cursor = c
            return (b, range)
        }
    }

    /// A unit whose offset is known, in the cursor's block.
    struct Cursor {
        var block = -1
        var unit = 0
        var offset = 0
    }

    /// The UTF-8 offset of unit `u` (of the cursor's block, or its end) in `bytes`, that block's text.
    func offset(ofUnit u: Int, _ cursor: inout Cursor, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        FoldedText.offset(ofUnit: u, &cursor, bytes, checkpoints, blockStarts)
    }

    @inline(__always)
    static func offset(ofUnit u: Int, _ cursor: inout Cursor, _ bytes: UnsafeBufferPointer<UInt8>,
                       _ checkpoints: [Int32], _ blockStarts: [Int32]) -> Int {
        // The end of the text is a unit past the last: no checkpoint there.
        let k = min(u / FoldedText.checkpointStride, checkpoints.count - 1)
        let checkpointUnit = k * FoldedText.checkpointStride
        if checkpointUnit > cursor.unit || cursor.unit > u {
            if checkpointUnit >= Int(blockStarts[cursor.block]) {
                cursor.unit = checkpointUnit
                cursor.offset = Int(checkpoints[k])
            } else {
                cursor.unit = Int(blockStarts[cursor.block])
                cursor.offset = 0
            }
        }
        var p = cursor.offset
        let n = bytes.count
        var left = u - cursor.unit
        while left > 0 {
            // A unit is one scalar and the grapheme extenders after it (lead byte 0xCC or more).
            p &+= FoldedText.scalarLength(bytes[p])
            while p < n && bytes[p] >= 0xCC && FoldedText.extendsPrevious(bytes, at: p) {
                p &+= FoldedText.scalarLength(bytes[p])
            }
            left &-= 1
        }
        cursor.unit = u
        cursor.offset = p
        return p
    }

    /// The length of the UTF-8 sequence that `lead` starts, from a table of nibbles (Vietnamese text
    /// mixes one-, two- and three-byte letters: branches on the length would be mispredicted).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        Int(truncatingIfNeeded: (0x4322_1111_1111_1111 as UInt64) >> (UInt64(lead >> 4) &* 4)) & 0xF
    }

    /// Whether the scalar at `p` (U+0300 or above: lead byte 0xCC or more) joins the unit before it.
    @inline(__always)
    static func extendsPrevious(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        let lead = bytes[p]
        // The precomposed Vietnamese letters (U+1E00–U+1EFF: E1 B8–BB xx) never do.
        if lead == 0xE1 && p + 1 < bytes.count && bytes[p + 1] & 0xFC == 0xB8 { return false }
        let length = scalarLength(lead)
        var v = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(bytes[p + k] & 0x3F) }
        guard v >= 0x300, let scalar = Unicode.Scalar(v) else { return false }
        return VietnameseFolding.extendsPrevious(scalar)
    }
}
