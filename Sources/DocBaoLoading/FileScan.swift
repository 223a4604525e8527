import DocBaoCore
import Glibc

/// A search in a file's bytes, for the part of a huge article the background import has not placed
/// yet: the file read in pieces cut at line breaks, each scanned by the core's `LineScan` (the
/// Matcher's matches, line by line). Memory stays at a piece and its base bytes, whatever the size.
public enum FileScan {
    /// How much of the file is read at a time.
    public static let pieceSize = 1 << 20

    /// The first match in `range` of the file at `path`, as file offsets; nil when there is none or
    /// the file cannot be read. A line longer than a piece is scanned a piece at a time.
    /// `stop` is asked before each piece: a scan no longer wanted ends there. With `workers` over
    /// one, that many threads scan pieces at once (`parallelHit`), for the same answer.
    public static func firstHit(path: String, in range: Range<Int>, _ scan: LineScan, pieceSize: Int = FileScan.pieceSize,
                                workers: Int = 1, stop: @Sendable () -> Bool = { false }) -> LineScan.Hit? {
        if workers > 1, range.count > pieceSize {
            return parallelHit(path: path, in: range, scan, pieceSize: pieceSize, workers: workers, last: false, stop: stop)
        }
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: pieceSize)
        var at = range.lowerBound
        while at < range.upperBound, !stop() {
            let want = min(pieceSize, range.upperBound - at)
            guard let got = buffer.withUnsafeMutableBytes({ FileBytes.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<want]), at: at) }),
                  got > 0 else { return nil }
            // Up to the last line break, unless the file's range ends here or the piece has none.
            var cut = got
            if at + got < range.upperBound, let last = buffer[..<got].lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                cut = last + 1
            } else if at + got < range.upperBound {
                while cut > 1, buffer[cut - 1] & 0xC0 == 0x80 { cut -= 1 }  // not inside a character
                if cut > 1 { cut -= 1 }
            }
            var found: LineScan.Hit?
            buffer.withUnsafeBytes { bytes in
                _ = scan.scan(UnsafeRawBufferPointer(rebasing: bytes[..<cut])) { hit in
                    found = LineScan.Hit(line: (at + hit.line.lowerBound)..<(at + hit.line.upperBound),
                                         match: (at + hit.match.lowerBound)..<(at + hit.match.upperBound))
                    return false
                }
            }
            if let found { return found }
            at += cut
        }
        return nil
    }

    /// The last match in `range`, as `firstHit` finds the first: the pieces read from the end back,
    /// each from a line's start.
    public static func lastHit(path: String, in range: Range<Int>, _ scan: LineScan, pieceSize: Int = FileScan.pieceSize,
                               workers: Int = 1, stop: @Sendable () -> Bool = { false }) -> LineScan.Hit? {
        if workers > 1, range.count > pieceSize {
            return parallelHit(path: path, in: range, scan, pieceSize: pieceSize, workers: workers, last: true, stop: stop)
        }
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: pieceSize)
        var end = range.upperBound
        while end > range.lowerBound, !stop() {
            let from = max(range.lowerBound, end - pieceSize), want = end - from
            guard let got = buffer.withUnsafeMutableBytes({ FileBytes.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<want]), at: from) }),
                  got == want else { return nil }
            // From the first line's start, unless the range starts here or the piece has no break.
            var cut = 0
            if from > range.lowerBound {
                if let first = buffer[..<got].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }), first + 1 < got {
                    cut = first + 1
                } else {
                    while cut < got - 1, buffer[cut] & 0xC0 == 0x80 { cut += 1 }  // not inside a character
                }
            }
            var found: LineScan.Hit?
            buffer.withUnsafeBytes { bytes in
                _ = scan.scan(UnsafeRawBufferPointer(rebasing: bytes[cut..<got])) { hit in
                    let at = from + cut
                    found = LineScan.Hit(line: (at + hit.line.lowerBound)..<(at + hit.line.upperBound),
                                         match: (at + hit.match.lowerBound)..<(at + hit.match.upperBound))
                    return true
                }
            }
            if let found { return found }
            end = from + cut
        }
        return nil
    }

    /// The bytes around `hit` to show it with, within `range`: from a blank line (else a line
    /// break) some way before its line to the last line break some way after, and where they start.
    public static func window(path: String, around hit: LineScan.Hit, in range: Range<Int>,
                              before: Int = 8 << 10, after: Int = 24 << 10) -> (bytes: [UInt8], start: Int)? {
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let from = max(range.lowerBound, hit.line.lowerBound - before)
        let to = min(range.upperBound, max(hit.line.upperBound, hit.match.upperBound) + after)
        guard from < to, let bytes = FileBytes.readAt(fd, offset: from, count: to - from), !bytes.isEmpty else { return nil }
        let lineStart = hit.line.lowerBound - from
        var start = 0
        if from > range.lowerBound {
            let head = bytes[..<lineStart]
            if let blank = head.indices.first(where: { $0 > 0 && bytes[$0] == 0x0A && bytes[$0 - 1] == 0x0A }) {
                start = blank + 1
            } else if let line = head.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                start = line + 1
            } else {
                start = lineStart
            }
        }
        var end = bytes.count
        if from + bytes.count < range.upperBound, let line = bytes[lineStart...].lastIndex(where: { $0 == 0x0A }),
           line + 1 > hit.line.upperBound - from {
            end = line + 1
        }
        return (Array(bytes[start..<end]), from + start)
    }
}
