import DocBaoCore
import Foundation
import Synchronization

/// Reading files into byte arrays with read(2) and pread(2): no Foundation `Data` in between, so a
/// 100 MB article is not copied twice, and a huge file's ends can be read without the rest.
public enum FileBytes {
    /// The most docbao reads from a pipe or a device (stdin, `/dev/zero`): no article is this long,
    /// and an endless stream would otherwise fill the memory. The README's "Untrusted and huge
    /// files" names it.
    public static let streamLimit = 256 << 20
    /// How many bytes are read first and looked at for NUL bytes before the rest is read, so that a
    /// binary file (a 2 GB disk image, `/dev/urandom`) is refused after its first bytes.
    public static let sniffSize = 64 << 10

    /// What `readFile` read: the bytes, and whether the file changed while being read (it shrank or
    /// grew, or its time of change moved): the bytes are then not one version of it.
    public struct Contents {
        public var bytes: [UInt8]
        public var changed: Bool
    }

    /// The identity of a file's contents: its size and time of last change.
    struct Version: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int

        init?(_ fd: Int32) {
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }

    /// Everything `fd` holds. A regular file is read into one array of its size (a 100 MB article
    /// is not copied twice), after its first `sniffSize` bytes; a pipe or a device in pieces, up to
    /// `streamLimit` bytes. With `refusingBinary`, reading stops at the first NUL byte (but in
    /// UTF-16 or UTF-32) with the `binary` error.
    public static func readAll(_ fd: Int32, refusingBinary: Bool = false) throws(ReadError) -> Contents {
        try readAll(fd, refusingBinary: refusingBinary, limit: streamLimit)
    }

    /// `readAll` with another limit for a stream, and `afterHead` called once the first bytes of a
    /// regular file are read (for tests: a file that changes while being read).
    static func readAll(_ fd: Int32, refusingBinary: Bool, limit: Int, afterHead: () -> Void = {}) throws(ReadError) -> Contents {
        var sniffer = BinarySniffer(refusing: refusingBinary)
        // A file of size 0 may still hold bytes (/proc's): read as a stream.
        guard let before = Version(fd), before.size > 0 else {
            return Contents(bytes: try readStream(fd, sniffer: &sniffer, limit: limit), changed: false)
        }
        var head = [UInt8](repeating: 0, count: min(before.size + 1, sniffSize))
        guard let headCount = head.withUnsafeMutableBytes({ read(fd, into: $0, at: 0) }) else { throw .unreadable() }
        head.removeSubrange(headCount...)
        try sniffer.check(head)
        afterHead()
        // One more byte than the size: a file that grew is told by it.
        let capacity = max(before.size + 1, headCount)
        var failed = false
        var binary = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            head.withUnsafeBufferPointer { buffer.baseAddress!.initialize(from: $0.baseAddress!, count: headCount) }
            count = headCount
            // In steps, each checked as it comes: a NUL far in stops the reading there.
            while count < buffer.count {
                let step = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[count..<min(buffer.count, count + (8 << 20))])
                guard let n = read(fd, into: step, at: count) else { failed = true; return }
                if sniffer.holdsBinary(UnsafeRawBufferPointer(rebasing: step[..<n])) { binary = true; return }
                count += n
                if n < step.count { return }
            }
        }
        if failed { throw .unreadable() }
        if binary { throw .binary }
        return Contents(bytes: bytes, changed: bytes.count != before.size || Version(fd) != before)
    }

    /// A pipe's or a device's bytes, read in pieces up to `limit`.
    private static func readStream(_ fd: Int32, sniffer: inout BinarySniffer, limit: Int) throws(ReadError) -> [UInt8] {
        var pieces: [[UInt8]] = []
        var total = 0
        while true {
            let size = total < sniffSize ? sniffSize : 1 << 20
            var failed = false
            let piece = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failed { throw .unreadable() }
            if piece.isEmpty { break }
            try sniffer.check(piece)
            total += piece.count
            pieces.append(piece)
            if total > limit { throw .tooLong }
            if piece.count < size { break }  // the end
        }
        return pieces.count == 1 ? pieces[0] : Array(pieces.joined())
    }

    /// Tells NUL bytes in bytes read in order. The first bytes given (the first piece read, whole
    /// unless the input is shorter) say the encoding: UTF-16 and UTF-32 hold NUL bytes as text.
    struct BinarySniffer {
        let refusing: Bool
        private var wide: Bool?

        init(refusing: Bool) { self.refusing = refusing }

        /// Whether `bytes`, the next ones read, hold a NUL byte that makes the input binary.
        mutating func holdsBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard refusing, let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            if wide == nil { wide = PlainTextImporter.Encoding(start: Array(bytes.prefix(4))).isWide }
            return wide == false && memchr(base, 0, bytes.count) != nil
        }

        /// Throws `binary` when `bytes`, the next ones read, hold a NUL byte that makes the input binary.
        mutating func check(_ bytes: [UInt8]) throws(ReadError) {
            if bytes.withUnsafeBytes({ holdsBinary($0) }) { throw .binary }
        }
    }

    /// A file read from its start each time it is asked, 256 KB at a time: the importer reads
    /// a huge article twice this way instead of holding all its bytes, and then reads the text of
    /// its blocks back from it (`textFile`) instead of holding that.
    public struct Pieces: PlainTextSource {
        public let file: OpenFile
        /// Whether a NUL byte (but in UTF-16 or UTF-32) stops a reading with the `binary` error.
        public let refusingBinary: Bool

        /// Opens the file (once: every read is of the same file, even if its name is given to another).
        public init(path: String, refusingBinary: Bool = false) throws(ReadError) {
            file = try OpenFile(path: path)
            self.refusingBinary = refusingBinary
        }

        public var textFile: (any TextFile)? { file }

        public func read(_ body: (UnsafeRawBufferPointer) -> Void) throws(ReadError) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
            defer { buffer.deallocate() }
            var sniffer = BinarySniffer(refusing: refusingBinary)
            var offset = 0
            while true {
                guard let n = FileBytes.read(file.fd, into: buffer, at: offset) else {
                    throw ReadError(description: String(cString: strerror(errno)))
                }
                if n == 0 { return }
                if sniffer.holdsBinary(UnsafeRawBufferPointer(rebasing: buffer[..<n])) { throw .binary }
                body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
                offset += n
            }
        }
    }

    /// A file open for reading with pread(2), closed when the last article reading from it is gone.
    /// Short reads near the last one come from a window of the file read 128 KB at a time: reading
    /// every block in order (folding for search, laying out) costs a read a window, not one a
    /// block. A read far from the last (the blocks of matches spread over a huge article) reads
    /// only what it asks for, as the kernel's read-ahead does.
    public final class OpenFile: TextFile {
        let fd: Int32
        private let window = Mutex(Window())
        private let changed = Atomic(false)
        private static let windowSize = 128 << 10

        private struct Window {
            var offset = 0
            var bytes: [UInt8] = []
        }

        /// The file's size and time of change when it was opened.
        private let opened: Version?

        public init(path: String) throws(ReadError) {
            fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
            opened = Version(fd)
        }

        deinit { close(fd) }

        /// Whether the file's size or time of change is no longer what it was when it was opened:
        /// what was read from it may be parts of two versions, or a part of one.
        public var changedSinceOpened: Bool { opened != nil && Version(fd) != opened }

        /// Up to `count` bytes from `offset`.
        public func bytes(at offset: Int, count: Int) -> [UInt8] { FileBytes.readAt(fd, offset: offset, count: count) ?? [] }

        public func noteChanged() { changed.store(true, ordering: .relaxed) }
        public var hasChanged: Bool { changed.load(ordering: .relaxed) }

        public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
            guard buffer.count <= Self.windowSize / 4 else { return readAt(into: buffer, at: offset) }
            return window.withLock { window in
                let end = window.offset + window.bytes.count
                if offset < window.offset || offset + buffer.count > end {
                    // Near: just past the window or just before it (a few lines: the blank ones
                    // between blocks, a heading left as a string), as when reading in order.
                    let near = offset >= end ? offset - end < 4096 : window.offset - (offset + buffer.count) < 4096
                    guard near else {
                        // Far from the last read: only this, and a window reaching here is made by the next.
                        window.offset = offset + buffer.count
                        window.bytes = []
                        return readAt(into: buffer, at: offset)
                    }
                    // Forward from here, or, when reading backwards, up to the end of what is asked.
                    let start = offset < window.offset ? max(0, offset + buffer.count - Self.windowSize) : offset
                    window.bytes = [UInt8](unsafeUninitializedCapacity: Self.windowSize) { bytes, count in
                        count = readAt(into: UnsafeMutableRawBufferPointer(bytes), at: start)
                    }
                    window.offset = start
                }
                let from = offset - window.offset
                let count = max(0, min(buffer.count, window.bytes.count - from))
                if count > 0 {
                    window.bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + from, byteCount: count) }
                }
                return count
            }
        }

        private func readAt(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
            FileBytes.read(fd, into: buffer, at: offset) ?? 0
        }
    }

    /// Up to `count` bytes of `fd` from `offset`.
    public static func readAt(_ fd: Int32, offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        guard let done = bytes.withUnsafeMutableBytes({ read(fd, into: $0, at: offset) }) else { return nil }
        return Array(bytes[..<done])
    }

    /// Fills `buffer` from `fd` at `offset` with pread(2), as far as the file goes: how many bytes
    /// were read (fewer at its end), or nil on an error (`errno` says which).
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Why a file could not be read, as a phrase for "PATH: phrase".
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
        /// `status` (and so `read(path:)`) found that the file, or a folder on its way, does not exist.
        public var missing = false
        /// The reading was stopped at a NUL byte: a binary file, which `--force` reads anyway.
        public var binary = false

        public init(description: String, missing: Bool = false, binary: Bool = false) {
            self.description = description
            self.missing = missing
            self.binary = binary
        }

        /// A NUL byte was found, as `ArticleBytes.Failure.binary` says.
        public static var binary: ReadError { ReadError(description: ArticleBytes.Failure.binary.description, binary: true) }
        /// More than `streamLimit` bytes came from a pipe or a device.
        public static var tooLong: ReadError {
            ReadError(description: "more than \(streamLimit >> 20) MB from a pipe or a device, not an article (docbao reads at most that much)")
        }
        /// The system's reason, from `errno`.
        static func unreadable() -> ReadError { ReadError(description: "cannot be read (\(String(cString: strerror(errno))))") }
    }

    /// Facts about `path` (following links), or why there are none: "no such file" when it or a
    /// folder on the way is missing, the system's reason otherwise (a folder docbao cannot enter
    /// is not "no such file").
    public static func status(_ path: String) throws(ReadError) -> stat {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
            let missing = errno == ENOENT || errno == ENOTDIR
            throw ReadError(description: missing ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))",
                            missing: missing)
        }
        return info
    }

    /// The whole of the file at `path` (`readAll`); a directory is an error.
    public static func readFile(path: String, refusingBinary: Bool = false) throws(ReadError) -> Contents {
        let info = try status(path)
        guard info.st_mode & S_IFMT != S_IFDIR else { throw ReadError(description: "is a directory, not an article") }
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw .unreadable() }
        defer { close(fd) }
        return try readAll(fd, refusingBinary: refusingBinary)
    }

    /// The whole of the file at `path`, whether or not it changed while being read (a setting, a
    /// history); a directory is an error.
    public static func read(path: String) throws(ReadError) -> [UInt8] {
        try readFile(path: path).bytes
    }
}
