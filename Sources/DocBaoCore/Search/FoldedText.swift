/// Text folded for search in a compact form: two bytes per unit where `VietnameseFolding.Folded`
/// takes eight (a 32-bit unit and a 32-bit offset), so that a 100 MB article stays folded in memory
/// at about twice its size rather than eleven times, and so that a query can be looked for with a
/// vector scan of one byte per unit (`ByteSearch`) before any mark is looked at.
///
/// Per unit:
/// - `bases`: the folded base letter, lowercased, in one byte: the base itself below 0xFF (ASCII and
///   Latin-1, so every letter of Vietnamese text), 0xFF for any other base (its unit is an exception);
/// - `flags`: marks, case and the word flag in one byte (`FlagByte`); marks that do not fit (two tones,
///   two letter marks, some other mark) make the unit an exception.
/// An exception's whole `FoldedUnit` is kept aside, by unit index. Tones are where the text wrote
/// them, as in `Folded.units`.
/// UTF-8 offsets are not kept per unit: every 64th unit's is, and the others are found again from the
/// source text (`FoldedText.OffsetMapper`), which is only needed for the few units that start or end
/// a match.
///
/// Several blocks can be appended to one `FoldedText` (a whole article): a separator unit between
/// them (base "\n", which no text or query folds to: tab, line feed and carriage return fold to a
/// space) keeps matches inside a block, and is not a word character, as the start and end of a text
/// are not.
public struct FoldedText: Sendable {
    /// The units' base bytes (0xFF: the unit is kept aside, in `exceptionUnits`).
    public private(set) var bases: [UInt8] = []
    /// The units' flag bytes (`FlagByte`).
    public private(set) var flags: [UInt8] = []
    /// Indices of the units whose base or marks do not fit in their two bytes, ascending…
    private(set) var exceptionIndices: [Int32] = []
    /// …and their whole units.
    private(set) var exceptionUnits: [UInt32] = []
    /// The index of each block's first unit.
    public private(set) var blockStarts: [Int32] = []
    /// The UTF-8 offset, in its block's text, of every `checkpointStride`-th unit (of a separator
    /// unit: its block's length).
    private(set) var checkpoints: [Int32] = []

    static let checkpointStride = 64
    /// The base byte of the unit between two blocks.
    static let separator = UInt8(ascii: "\n")

    public init() {}

    /// `text` folded (one block).
    public init(_ text: String) {
        append(VietnameseFolding.fold(text))
    }

    public var count: Int { bases.count }
    public var blockCount: Int { blockStarts.count }

    /// Appends a block: a separator unit first if there are blocks already.
    public mutating func append(_ folded: VietnameseFolding.Folded) {
        if !blockStarts.isEmpty {
            appendUnit(UInt32(FoldedText.separator) << 12, offset: previousBlockLength)
        }
        let start = bases.count, n = folded.units.count
        blockStarts.append(Int32(start))
        // The block's bytes are written in place (appending unit by unit cost more than the fold).
        var firstCheckpoint = (start + FoldedText.checkpointStride - 1) / FoldedText.checkpointStride * FoldedText.checkpointStride
        while firstCheckpoint < start + n {
            checkpoints.append(folded.offsets[firstCheckpoint - start])
            firstCheckpoint += FoldedText.checkpointStride
        }
        bases.append(contentsOf: repeatElement(0, count: n))
        flags.append(contentsOf: repeatElement(0, count: n))
        var aside: [Int] = []
        bases.withUnsafeMutableBufferPointer { bases in
            flags.withUnsafeMutableBufferPointer { flags in
                folded.units.withUnsafeBufferPointer { units in
                    for k in 0..<n {
                        let raw = units[k].raw, base = raw >> 12
                        let flag = FlagByte.encode(raw)
                        bases[start + k] = base < 0xFF ? UInt8(truncatingIfNeeded: base) : 0xFF
                        flags[start + k] = flag ?? FlagByte.escape(raw)
                        if base >= 0xFF || flag == nil { aside.append(k) }
                    }
                }
            }
        }
        for k in aside {
            exceptionIndices.append(Int32(start + k))
            exceptionUnits.append(folded.units[k].raw)
        }
        previousBlockLength = folded.offsets.last ?? 0
    }

    /// The length of the last block appended, for the checkpoint of the separator after it.
    private var previousBlockLength: Int32 = 0

    private mutating func appendUnit(_ raw: UInt32, offset: Int32) {
        let i = bases.count
        if i % FoldedText.checkpointStride == 0 { checkpoints.append(offset) }
        let base = raw >> 12
        let flag = FlagByte.encode(raw)
        bases.append(base < 0xFF ? UInt8(base) : 0xFF)
        flags.append(flag ?? FlagByte.escape(raw))
        if base >= 0xFF || flag == nil {
            exceptionIndices.append(Int32(i))
            exceptionUnits.append(raw)
        }
    }

    /// Unit `i` as `Folded.units` has it.
    @inline(__always)
    public func unit(_ i: Int) -> FoldedUnit {
        let b = bases[i], f = flags[i]
        if b != 0xFF && !FlagByte.isEscape(f) {
            return FoldedUnit(raw: UInt32(b) << 12 | UInt32(FlagByte.decoded[Int(f)]))
        }
        return FoldedUnit(raw: exceptionUnits[exceptionSlot(i)])
    }

    @inline(__always)
    func isWordCharacter(_ i: Int) -> Bool { flags[i] & FlagByte.word != 0 }

    /// Whether unit `i` is a vowel of a word (what groups a syllable's vowels for its tone).
    @inline(__always)
    func isWordVowel(_ i: Int) -> Bool {
        guard isWordCharacter(i) else { return false }
        switch bases[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    private func exceptionSlot(_ i: Int) -> Int {
        exceptionIndices.partitionPoint { Int($0) < i }
    }

    /// The block holding unit `i` (a separator counts with the block before it).
    public func block(ofUnit i: Int) -> Int {
        blockStarts.partitionPoint { Int($0) <= i } - 1
    }

    /// Room for `units` units in all (at least the text's: one a UTF-8 byte, and a separator a
    /// block, is enough), so that appending never moves the base and flag bytes: a move holds both
    /// copies at once (80 MB more at the peak of a 100 MB article's fold). `trim` then leaves them
    /// as they are: room never written to is not resident.
    public mutating func reserveCapacity(units: Int) {
        bases.reserveCapacity(units)
        flags.reserveCapacity(units)
        reserved = true
    }

    /// Whether `reserveCapacity(units:)` was called.
    private var reserved = false

    /// The same text with every array at its exact size: call once every block is appended (arrays
    /// grown one element at a time have up to twice the room they need). Reserved base and flag
    /// bytes are kept where they are (copying them would hold both copies at once).
    public mutating func trim() {
        func exact<T>(_ a: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: a.count) { buffer, count in
                _ = buffer.initialize(from: a)
                count = a.count
            }
        }
        if !reserved {
            bases = exact(bases)
            flags = exact(flags)
        }
        exceptionIndices = exact(exceptionIndices)
        exceptionUnits = exact(exceptionUnits)
        blockStarts = exact(blockStarts)
        checkpoints = exact(checkpoints)
    }

    /// What the parts hold, for measurements.
    public var sizes: String {
        "\(bases.count) units, \(exceptionIndices.count) kept aside, \(blockStarts.count) blocks"
    }

    /// Bytes held, for measurements (of the base and flag bytes, those written: reserved room is
    /// not resident).
    public var byteCount: Int {
        bases.count + flags.count + 4 * (exceptionIndices.capacity + exceptionUnits.capacity
            + blockStarts.capacity + checkpoints.capacity)
    }
}
