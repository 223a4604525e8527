import DocBaoCore
import DocBaoLibrary
import Foundation

/// The lines `docbao grep` searches, read from a file or stdin a piece at a time: a file of 100 MB,
/// or one without end, costs a line and a piece, not all its bytes, its text and its lines.
/// Each line is the file's line decoded and cleaned (`TextSanitizer.clean`), numbered as the lines
/// of the whole file cleaned at once are (a lone CR ends a line too).
enum GrepLines {
    /// How much is read at a time.
    static let pieceSize = 256 << 10

    /// Calls `body` with each line of the file at `path` ("-": stdin) and its number from 1.
    /// Throws `binary` at a NUL byte (but in UTF-16 or UTF-32) unless `force`, `tooLong` for a line
    /// longer than `FileBytes.streamLimit`.
    static func forEach(in path: String, force: Bool, _ body: (Int, String) -> Void) throws(FileBytes.ReadError) {
        if path == "-" { return try forEach(fd: STDIN_FILENO, force: force, body) }
        let info = try FileBytes.status(path)
        guard info.st_mode & S_IFMT != S_IFDIR else { throw FileBytes.ReadError(description: "is a directory") }
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw unreadable() }
        defer { close(fd) }
        try forEach(fd: fd, force: force, body)
    }

    static func forEach(fd: Int32, force: Bool, _ body: (Int, String) -> Void) throws(FileBytes.ReadError) {
        var pending: [UInt8] = []
        var number = 0
        var wide: Bool?
        func emit(_ raw: ArraySlice<UInt8>) {
            let text = TextSanitizer.clean(PlainTextImporter.decodeUTF8(raw).text)
            guard text.utf8.contains(0x0A) else {
                number += 1
                return body(number, text)
            }
            // Cleaning made a lone CR a line end: each part is a line, as in the whole text.
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                body(number, String(line))
            }
        }
        while true {
            let start = pending.count
            let n = try read(fd, appendingTo: &pending)
            if wide == nil, pending.count >= 4 || n == 0 {
                wide = PlainTextImporter.Encoding(start: Array(pending.prefix(4))).isWide
                if wide == true { return try forEachWide(fd: fd, start: pending, body) }
            }
            if !force, pending[start...].withUnsafeBytes({ piece in piece.baseAddress.map { memchr($0, 0, piece.count) != nil } ?? false }) {
                throw .binary
            }
            if n == 0 { break }
            // The lines ended in what was read, each without its LF (and the CR of a CR LF).
            var lineStart = 0
            for lf in lineFeeds(in: pending, from: start) {
                var end = lf
                if end > lineStart, pending[end - 1] == 0x0D { end -= 1 }
                emit(pending[lineStart..<end])
                lineStart = lf + 1
            }
            pending.removeFirst(lineStart)
            if pending.count > FileBytes.streamLimit {
                throw FileBytes.ReadError(description: "a line of more than \(FileBytes.streamLimit >> 20) MB, not an article")
            }
        }
        // The last line, empty after a final line feed.
        emit(pending[...])
    }

    /// UTF-16 or UTF-32 (`start` and the rest): decoded whole, up to `FileBytes.streamLimit`.
    private static func forEachWide(fd: Int32, start: [UInt8], _ body: (Int, String) -> Void) throws(FileBytes.ReadError) {
        var bytes = start
        while try read(fd, appendingTo: &bytes) > 0 {
            if bytes.count > FileBytes.streamLimit { throw .tooLong }
        }
        let text = TextSanitizer.clean(PlainTextImporter.decode(bytes).text)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() { body(n + 1, String(line)) }
    }

    /// The offsets of the line feeds in `bytes` from `from` on, found with memchr.
    private static func lineFeeds(in bytes: [UInt8], from: Int) -> [Int] {
        bytes.withUnsafeBytes { buffer in
            var found: [Int] = []
            var at = from
            while at < buffer.count, let hit = memchr(buffer.baseAddress! + at, 0x0A, buffer.count - at) {
                at = buffer.baseAddress!.distance(to: UnsafeRawPointer(hit)) + 1
                found.append(at - 1)
            }
            return found
        }
    }

    /// Reads up to `pieceSize` bytes onto the end of `bytes`: how many (0 at the end).
    private static func read(_ fd: Int32, appendingTo bytes: inout [UInt8]) throws(FileBytes.ReadError) -> Int {
        let start = bytes.count
        var n = -1
        bytes.append(contentsOf: repeatElement(0, count: pieceSize))
        repeat {
            n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, pieceSize) }
        } while n < 0 && errno == EINTR
        bytes.removeSubrange((start + max(0, n))...)
        if n < 0 { throw unreadable() }
        return n
    }

    private static func unreadable() -> FileBytes.ReadError {
        FileBytes.ReadError(description: "cannot be read (\(String(cString: strerror(errno))))")
    }
}
