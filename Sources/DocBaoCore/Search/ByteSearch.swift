/// Finds a byte string in a longer one, 16 bytes at a time: the scan under every search of a
/// `FoldedText`'s base bytes.
///
/// Each step compares 16 positions at once on two bytes of the needle, its rarest two in Vietnamese
/// text (a space or an "n" would stop the scan every few bytes), and compares the whole needle only
/// where both agree (Muła's "SIMD-friendly" generic substring search; what memchr/memmem-style
/// scanners in grep and ripgrep do). SSE2 is enough: it is in every x86-64, and NEON on arm64.
struct ByteSearch {
    let needle: [UInt8]
    /// The two positions in the needle whose bytes the vector step compares (`first` < `second`, or
    /// both 0 for a one-byte needle).
    let first: Int, second: Int

    init(_ needle: [UInt8]) {
        precondition(!needle.isEmpty)
        self.needle = needle
        let order = needle.indices.sorted { ByteSearch.rank(needle[$0]) < ByteSearch.rank(needle[$1]) }
        let two = order.prefix(2).sorted()
        first = two[0]
        second = two.count > 1 ? two[1] : two[0]
    }

    /// How common a base byte is in Vietnamese text, lower is rarer.
    static func rank(_ b: UInt8) -> Int {
        if let i = common.firstIndex(of: b) { return common.count - i }
        return 0
    }

    /// Base bytes by their frequency in the folded shared test articles, most common first (a space
    /// is 22 % of them, n 9 %, a 8 %, … q and x 0.3 %); any other byte is rarer still.
    private static let common = Array(" nahoiutcgedmrvl,ypsbk.qx".utf8)

    /// The first index `i >= from` with `haystack[i..<i + needle.count] == needle`, or nil.
    func firstIndex(in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let m = needle.count, n = haystack.count
        guard n - from >= m, let base = haystack.baseAddress else { return nil }
        var i = from
        let last = n - m  // the last possible start
        let a = SIMD16<UInt8>(repeating: needle[first]), b = SIMD16<UInt8>(repeating: needle[second])
        // Vector steps while both 16-byte loads stay inside the haystack.
        while i + 15 <= last {
            let x = UnsafeRawPointer(base + i + first).loadUnaligned(as: SIMD16<UInt8>.self)
            let y = UnsafeRawPointer(base + i + second).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = (x .== a) .& (y .== b)
            if any(hits) {
                for lane in 0..<16 where hits[lane] && matchesAt(base, i + lane) { return i + lane }
            }
            i += 16
        }
        while i <= last {
            if matchesAt(base, i) { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private func matchesAt(_ base: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        needle.withUnsafeBufferPointer { q in
            for j in 0..<q.count where base[i + j] != q[j] { return false }
            return true
        }
    }
}
