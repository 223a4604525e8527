/// A file an article was imported from, read back when a block's text is needed: a huge article's
/// blocks can keep where their text is in the file instead of the text (`Block.text`), as less
/// keeps a file's position rather than its lines. Reading is the backend's job (`FileBytes.Pieces`
/// opens one with pread(2)); the core only asks for bytes.
public protocol TextFile: AnyObject, Sendable {
    /// Reads bytes from `offset` on into `buffer`; returns how many were read: fewer at the end of
    /// the file or on an error.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int
    /// Told when bytes read back were not the ones imported: the file changed since.
    func noteChanged()
    /// Whether `noteChanged` was called: the reader then says why text shows as question marks.
    var hasChanged: Bool { get }
}

extension TextFile {
    public func noteChanged() {}
    public var hasChanged: Bool { false }
}

/// Bytes in memory as a `TextFile` (for tests: the reader's files are `FileBytes.OpenFile`s).
public final class BytesTextFile: TextFile {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        guard offset >= 0, offset < bytes.count else { return 0 }
        let count = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        return count
    }
}

/// Where a block's text is in its `TextFile`: offset and length in 8 bytes, a hash of the bytes,
/// so that text read back from a file changed since the import is never shown as the article's
/// (layout and search hold offsets into the text it had), and the text's own length. The bytes
/// are the text itself, or (`cleans`) a line that cleaning changed (an NFD line, one with a
/// control character) and is cleaned again each time it is read.
struct FileSpan: Sendable {
    /// The offset (40 bits: up to 1 TB) and the length in the file (24 bits: up to 16 MB).
    private let packed: UInt64
    let hash: UInt32
    /// The text's length; the top bit set when the bytes are cleaned to give the text.
    private let text: UInt32
    private static let cleansBit: UInt32 = 1 << 31

    /// The text `bytes`, which are also in the file at `offset`.
    init?(offset: Int, bytes: UnsafeRawBufferPointer) {
        guard offset >= 0, offset < 1 << 40, bytes.count < 1 << 24 else { return nil }
        packed = UInt64(offset) << 24 | UInt64(bytes.count)
        hash = Self.hash(bytes)
        text = UInt32(bytes.count)
    }

    /// `count` bytes at `offset` (whose hash is `hash`), which `TextSanitizer.clean` makes a text
    /// of `textCount` bytes.
    init?(offset: Int, count: Int, hash: UInt32, textCount: Int) {
        guard offset >= 0, offset < 1 << 40, count < 1 << 24, textCount < 1 << 24 else { return nil }
        packed = UInt64(offset) << 24 | UInt64(count)
        self.hash = hash
        text = UInt32(textCount) | Self.cleansBit
    }

    var offset: Int { Int(packed >> 24) }
    /// The length of the bytes in the file.
    var byteCount: Int { Int(packed & (1 << 24 - 1)) }
    /// The length of the text (UTF-8).
    var count: Int { Int(text & ~Self.cleansBit) }
    /// Whether the bytes are cleaned to give the text.
    var cleans: Bool { text & Self.cleansBit != 0 }

    /// The text, read from `file`. When the bytes there are no longer the ones imported (the file
    /// was changed or cut), `count` question marks: ASCII, so every offset into the text is still
    /// a character boundary.
    func text(in file: any TextFile) -> String {
        let byteCount = self.byteCount
        var text = String(unsafeUninitializedCapacity: byteCount) { buffer in
            let bytes = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[..<byteCount])
            if file.read(into: bytes, at: offset) == byteCount, Self.hash(UnsafeRawBufferPointer(bytes)) == hash { return byteCount }
            return 0
        }
        if cleans && text.utf8.count == byteCount { text = TextSanitizer.cleanAgain(text) }
        // Bytes read back are the imported ones but for a 32-bit hash collision; should one
        // happen, a repaired sequence of another length still never reaches the layout.
        if text.utf8.count == count { return text }
        file.noteChanged()
        return Self.changed(count)
    }

    /// What a block whose file changed shows instead of its text.
    static func changed(_ count: Int) -> String { String(repeating: "?", count: count) }

    /// A fast hash of `bytes`, eight at a time (not for security: a change is told, not an attack).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h = h << 31 | h >> 33
            i += 8
        }
        var last: UInt64 = 0
        while i < bytes.count {
            last = last << 8 | UInt64(bytes[i])
            i += 1
        }
        h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h ^ h >> 32)
    }
}
