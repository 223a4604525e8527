import DocBaoCore
import Foundation
import Synchronization

/// Reading files into byte arrays with read(2) and pread(2): no Foundation `Data` in between, so a
/// 100 MB article is not copied twice, and a huge file's ends can be read without the rest.
public enum FileBytes {
    /// Everything `fd` holds, read straight into one array (a 100 MB article is not copied twice).
    /// A regular file is read into an array of its size; a pipe into arrays that double.
    public static func readAll(_ fd: Int32) -> [UInt8]? {
        var info = stat()
        let size = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 0
        var bytes: [UInt8] = []
        // One more byte than the size: the read that finds the end then returns 0 without another array.
        var capacity = size > 0 ? size + 1 : 1 << 16
        while true {
            var failed = false, atEnd = false
            let part = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    if n == 0 { atEnd = true; return }
                    count += n
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            if atEnd { return bytes }
            capacity = max(bytes.count, 1 << 16)
        }
    }

    /// A file read from its start each time it is asked, 256 KB at a time: the importer reads
    /// a huge article twice this way instead of holding all its bytes, and then reads the text of
    /// its blocks back from it (`textFile`) instead of holding that.
    public struct Pieces: PlainTextSource {
        public let file: OpenFile

        /// Opens the file (once: every read is of the same file, even if its name is given to another).
        public init(path: String) throws(ReadError) { file = try OpenFile(path: path) }

        public var textFile: (any TextFile)? { file }

        public func read(_ body: (UnsafeRawBufferPointer) -> Void) throws(ReadError) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while true {
                guard let n = FileBytes.read(file.fd, into: buffer, at: offset) else {
                    throw ReadError(description: String(cString: strerror(errno)))
                }
                if n == 0 { return }
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

        public init(path: String) throws(ReadError) {
            fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
        }

        deinit { close(fd) }

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

    /// The whole of the file at `path`; a directory is an error.
    public static func read(path: String) throws(ReadError) -> [UInt8] {
        let info = try status(path)
        guard info.st_mode & S_IFMT != S_IFDIR else { throw ReadError(description: "is a directory, not an article") }
        let fd = FileName.withCString(path) { open($0, O_RDONLY) }
        guard fd >= 0, let bytes = readAll(fd) else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw ReadError(description: "cannot be read (\(reason))")
        }
        close(fd)
        return bytes
    }
}
