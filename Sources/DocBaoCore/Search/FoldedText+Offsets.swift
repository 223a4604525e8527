extension FoldedText {
    /// The UTF-8 ranges, in their blocks' texts, of unit ranges that lie each within one block, in
    /// order (as a matcher finds them). `text(b)` is block b's source text, the one that was folded.
    ///
    /// `FoldedText` keeps the offset of every 64th unit only; the others are found by walking the
    /// source from the nearest known unit before (a checkpoint, or the end of the previous range:
    /// dense matches walk the text once), splitting it into units as `VietnameseFolding.fold` does.
    public func utf8Ranges(_ ranges: [Range<Int>], text: (Int) -> String) -> [(block: Int, range: Range<Int>)] {
        var result: [(block: Int, range: Range<Int>)] = []
        result.reserveCapacity(ranges.count)
        var cursor = Cursor()
        var block = -1
        var source = ""
        for r in ranges {
            let b = self.block(ofUnit: r.lowerBound)
            if b != block {
                block = b
                source = text(b)
                source.makeContiguousUTF8()
                cursor = Cursor(block: b, unit: Int(blockStarts[b]), offset: 0)
            }
            let range = source.utf8.withContiguousStorageIfAvailable { bytes in
                let start = offset(ofUnit: r.lowerBound, &cursor, bytes)
                return start..<offset(ofUnit: r.upperBound, &cursor, bytes)
            }!
            result.append((b, range))
        }
        return result
    }

    /// A unit whose offset is known, in the cursor's block.
    struct Cursor {
        var block = -1
        var unit = 0
        var offset = 0
    }

    /// The UTF-8 offset of unit `u` (of the cursor's block, or its end) in `bytes`, that block's text.
    func offset(ofUnit u: Int, _ cursor: inout Cursor, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
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
        for _ in cursor.unit..<u {
            // A unit is one scalar and the grapheme extenders after it.
            p += FoldedText.scalarLength(bytes[p])
            while p < n && bytes[p] >= 0xCC && FoldedText.extendsPrevious(bytes, at: p) {
                p += FoldedText.scalarLength(bytes[p])
            }
        }
        cursor.unit = u
        cursor.offset = p
        return p
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether the scalar at `p` (U+0300 or above: lead byte 0xCC or more) joins the unit before it.
    static func extendsPrevious(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        let lead = bytes[p]
        let length = scalarLength(lead)
        var v = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(bytes[p + k] & 0x3F) }
        guard v >= 0x300, let scalar = Unicode.Scalar(v) else { return false }
        return VietnameseFolding.extendsPrevious(scalar)
    }
}
