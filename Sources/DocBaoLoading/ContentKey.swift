import DocBaoCore
import Glibc

/// What names a file's content, whatever the file's name: the key its reading position and marks
/// are kept under in the library, so `docbao FILE` goes on where the reader stopped, and so does
/// the same text copied or renamed (as e-book readers key a book by a hash of its bytes).
///
/// A file of up to `wholeLimit` bytes is hashed whole. A bigger one is hashed by its size and
/// samples: its head, its tail and `samples` pieces spread evenly between (about 200 KB read,
/// whatever the size), as KOReader's "partial MD5" does. The key is computed on the way to the
/// reader's first frame, and reading a 100 MB file there would cost more than the rest of the
/// start-up; hashing in the background instead would leave the first frame without its saved
/// position. An edit that keeps the size and falls between the samples keeps the key: the saved
/// place is then still the top line's offset, near where it was.
public enum ContentKey {
    /// Files up to this size are hashed whole (an article of a few hundred kilobytes is read whole
    /// by the reader anyway).
    public static let wholeLimit = 1 << 20
    /// The head and the tail of a bigger file, each.
    static let endSize = 64 << 10
    /// The pieces between, and the size of each.
    public static let samples = 16
    static let sampleSize = 4 << 10

    /// The key of the file at `path`; nil when it cannot be read or is not a regular file.
    public static func of(path: String) -> String? {
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var hash = Hash()
        if size <= wholeLimit {
            guard let bytes = FileBytes.readAt(fd, offset: 0, count: size), bytes.count == size else { return nil }
            hash.add(bytes)
            return prefix(size: size) + hash.hex
        }
        for offset in sampleOffsets(size: size) {
            let count = min(offset == 0 || offset == size - endSize ? endSize : sampleSize, size - offset)
            guard let bytes = FileBytes.readAt(fd, offset: offset, count: count), bytes.count == count else { return nil }
            hash.add(bytes)
        }
        return prefix(size: size) + hash.hex
    }

    /// The start of the key of a file of `size` bytes ("w6538-", "s104857600-"), known without
    /// reading the file: a library that keeps nothing under a key so started has nothing for it,
    /// and its key (up to 1 MB read and hashed) can wait until something is saved.
    public static func prefix(size: Int) -> String { (size <= wholeLimit ? "w" : "s") + "\(size)-" }

    /// `prefix(size:)` of the regular file at `path`; nil when it is not one.
    public static func prefix(path: String) -> String? {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return prefix(size: Int(info.st_size))
    }

    /// Where the pieces of a file of `size` bytes (more than `wholeLimit`) are read: the head, the
    /// pieces between, the tail.
    public static func sampleOffsets(size: Int) -> [Int] {
        let between = size - 2 * endSize
        let middle = (1...samples).map { endSize + between * $0 / (samples + 1) - sampleSize / 2 }
        return [0] + middle + [size - endSize]
    }

    /// Two FNV-1a 64 hashes of different offsets, 128 bits: a collision between two texts a
    /// reader has opened is not to be expected.
    struct Hash {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4

        mutating func add(_ bytes: [UInt8]) {
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
            }
        }

        var hex: String {
            func digits(_ n: UInt64) -> String {
                let s = String(n, radix: 16)
                return String(repeating: "0", count: 16 - s.count) + s
            }
            return digits(a) + digits(b)
        }
    }
}
