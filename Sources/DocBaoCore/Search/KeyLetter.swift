/// The rarest letter of a query, looked for in raw UTF-8 bytes at memory speed: a line without any
/// character whose base is that letter holds no match (bases equal are necessary in either mode), so
/// `LineScan` folds only the lines where one is.
///
/// A character folds to the key's base from a few encodings only: the ASCII letter in either case,
/// and the precomposed Latin letters that decompose to it (`LatinTable`: "ĵ ǰ" for j), plus
/// `outsideTables` (the Kelvin sign for k). Each 16 bytes are compared at once with the ASCII bytes
/// and, for each longer encoding, with its last two bytes at two neighbouring places (a false hit
/// only costs the fold of its line).
struct KeyLetter: Sendable {
    /// The base byte looked for.
    let base: UInt8
    /// The ASCII bytes that fold to it.
    let single: [UInt8]
    /// The last two bytes of each longer encoding of a character that folds to it.
    let pairs: [Pair]

    struct Pair: Equatable, Sendable {
        var first: UInt8, second: UInt8
    }

    /// The scalars outside `LatinTable`'s ranges whose fold has an ASCII base other than a space: an
    /// uppercase letter whose lowercase is ASCII (held to every scalar by `KeyLetterTests`).
    static let outsideTables: [Unicode.Scalar] = ["\u{212A}"]

    /// The key of a query: its rarest base (`ByteSearch.rank`), when that is rarer than every base
    /// common in Vietnamese text (in news paragraphs a q or an x is on most lines, and then the
    /// lines' search is no faster than folding them all). Nil when the query has none.
    init?(_ query: [FoldedUnit]) {
        let keys = Set(query.map(\.base).filter { $0 > 0x20 && $0 < 0x7F }.map { UInt8($0) })
            .filter { ByteSearch.rank($0) == 0 }
        // Fewest encodings first (a digit has one, a z twelve).
        guard let key = keys.map({ ($0, KeyLetter.scalars(foldingTo: $0)) }).min(by: { ($0.1.count, $0.0) < ($1.1.count, $1.0) })
        else { return nil }
        base = key.0
        single = key.1.filter { $0.value < 0x80 }.map { UInt8($0.value) }
        var pairs: [Pair] = []
        for s in key.1 where s.value >= 0x80 {
            let bytes = Array(String(s).utf8)
            let pair = Pair(first: bytes[bytes.count - 2], second: bytes[bytes.count - 1])
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        self.pairs = pairs
    }

    /// Every scalar whose unit has base `base` (an ASCII byte other than a space): the ASCII ones,
    /// those of `LatinTable`'s ranges, and `outsideTables`.
    static func scalars(foldingTo base: UInt8) -> [Unicode.Scalar] {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x24F, 0x1E00...0x1EFF]
        var result: [Unicode.Scalar] = []
        for v in ranges.joined() {
            guard let s = Unicode.Scalar(v), VietnameseFolding.fold(s).base == UInt32(base) else { continue }
            result.append(s)
        }
        return result + outsideTables.filter { VietnameseFolding.fold($0).base == UInt32(base) }
    }

    /// The index of the first byte at or after `from` that starts one of the key's ASCII bytes or
    /// pairs, or nil. Both bytes of a pair are in one character, so never on either side of a line break.
    func firstCandidate(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = bytes.count
        guard let base = bytes.baseAddress, from < n else { return nil }
        let a = SIMD16<UInt8>(repeating: single.first ?? 0), b = SIMD16<UInt8>(repeating: single.last ?? 0)
        let firsts = pairs.map { SIMD16<UInt8>(repeating: $0.first) }, seconds = pairs.map { SIMD16<UInt8>(repeating: $0.second) }
        var i = from
        return firsts.withUnsafeBufferPointer { firsts in
            seconds.withUnsafeBufferPointer { seconds in
                // Sixteen places a step while the load one byte on stays inside the bytes.
                while i + 17 <= n {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    var hits = (x .== a) .| (x .== b)
                    if !firsts.isEmpty {
                        let y = UnsafeRawPointer(base + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                        for k in 0..<firsts.count { hits = hits .| ((x .== firsts[k]) .& (y .== seconds[k])) }
                    }
                    if any(hits) {
                        for lane in 0..<16 where hits[lane] { return i + lane }
                    }
                    i += 16
                }
                while i < n {
                    let x = base[i]
                    if single.contains(x) { return i }
                    if i + 1 < n, pairs.contains(Pair(first: x, second: base[i + 1])) { return i }
                    i += 1
                }
                return nil
            }
        }
    }
}
